package dev.gazette.typeset;

import java.util.Objects;

/**
 * A face as stylesheets name it: a CSS family and weight, drawn from a font file. A role's own face
 * uses the role's family ({@link FontRole#cssFamily()}); a fallback face has a family of its own
 * that the stylesheet lists after the role's (see {@link Theme#chain(FontRole)}).
 */
public record FontFace(String cssFamily, int weight, FontFile file) {
  public FontFace {
    Objects.requireNonNull(cssFamily, "cssFamily");
    Objects.requireNonNull(file, "file");
  }

  public boolean bold() {
    return weight >= 600;
  }
}
