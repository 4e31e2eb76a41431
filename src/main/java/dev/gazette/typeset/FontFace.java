package dev.gazette.typeset;

import java.util.Objects;

/**
 * A face as stylesheets name it: a CSS family and weight, drawn from a font file. A role's own face
 * uses the role's family ({@link FontRole#cssFamily()}); a fallback face has a family of its own
 * that the stylesheet lists after the role's (see {@link Theme#chain(FontRole)}).
 */
public record FontFace(
    String cssFamily, int weight, FontFile file, Character.UnicodeScript script) {
  public FontFace {
    Objects.requireNonNull(cssFamily, "cssFamily");
    Objects.requireNonNull(file, "file");
  }

  /** A face for any character its file has. */
  public FontFace(String cssFamily, int weight, FontFile file) {
    this(cssFamily, weight, file, null);
  }

  public boolean bold() {
    return weight >= 600;
  }

  /**
   * Whether this face may have {@code cp}: false only for a face made for one {@code script} (the
   * bundled Hangul face) and a character of another, so a digest without Korean never loads it.
   */
  public boolean mayDraw(int cp) {
    return script == null || Character.UnicodeScript.of(cp) == script;
  }
}
