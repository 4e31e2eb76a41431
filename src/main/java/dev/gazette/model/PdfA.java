package dev.gazette.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * An archival PDF/A level the PDF can be made to: part 2 or 3, conformance level U (every character
 * maps to Unicode). Level A is not offered: it needs what tagging promises plus rules the layout
 * engine does not check; tagging is checked against PDF/UA-1 instead.
 */
public enum PdfA {
  PDF_A_2U("2u", 2),
  PDF_A_3U("3u", 3);

  private final String label;
  private final int part;

  PdfA(String label, int part) {
    this.label = label;
    this.part = part;
  }

  /** As written in settings: {@code 2u} or {@code 3u}. */
  public String label() {
    return label;
  }

  /** The part of ISO 19005: 2 or 3. */
  public int part() {
    return part;
  }

  /**
   * @throws IllegalArgumentException for anything but {@code 2u} or {@code 3u} (any case)
   */
  public static PdfA parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(p -> p.label.equals(t))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("expects 2u or 3u, not '" + text + "'"));
  }
}
