package dev.gazette.model;

import java.util.Locale;

/** Output formats. */
public enum Format {
  EPUB("epub"),
  PDF("pdf");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** Parses {@code epub} or {@code pdf}, in any case. */
  public static Format parse(String text) {
    for (Format f : values()) {
      if (f.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + text + "' (expected epub or pdf)");
  }
}
