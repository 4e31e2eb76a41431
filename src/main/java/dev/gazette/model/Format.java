package dev.gazette.model;

import java.util.Locale;

/** Output formats. */
public enum Format {
  EPUB("epub"),
  PDF("pdf"),
  /** One web page per digest, its pictures in a sibling folder. */
  HTML("html");

  private final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** Parses {@code epub}, {@code pdf} or {@code html}, in any case. */
  public static Format parse(String text) {
    for (Format f : values()) {
      if (f.extension.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + text + "' (expected epub, pdf or html)");
  }
}
