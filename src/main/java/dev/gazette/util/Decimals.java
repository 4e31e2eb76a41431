package dev.gazette.util;

import java.util.Locale;

/** Numbers as SVG and CSS lengths write them. */
public final class Decimals {
  private Decimals() {}

  /** {@code v} with at most three decimals and no trailing zeros: {@code 12.5}, {@code 44}. */
  public static String upTo3(double v) {
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("\\.?0+$", "");
  }
}
