package dev.gazette.util;

import java.util.List;

/** Lists of things a warning names, kept to a line. */
public final class Listing {
  private Listing() {}

  /** The first three of {@code items}, {@code a, b, c, …} when there are more. */
  public static String firstThree(List<String> items) {
    return String.join(", ", items.subList(0, Math.min(3, items.size())))
        + (items.size() > 3 ? ", …" : "");
  }
}
