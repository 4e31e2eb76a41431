package dev.gazette.normalize;

import dev.gazette.util.TextDirection;
import org.jsoup.nodes.Element;

/**
 * Gives a block whose text starts in a right-to-left script (Hebrew, Arabic) {@code dir="rtl"}, as
 * HTML's {@code dir="auto"} would read its first strong character: its words then run from the
 * right and the block is set from the right edge, in the EPUB and in the PDF (which lays such
 * digests out with the bidirectional algorithm). A block that says its direction keeps it; a
 * left-to-right block holding a Hebrew phrase stays as it is, the phrase set right to left inside
 * it.
 */
final class Directions implements NormalizeStep {
  private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, dt, dd, td, th, figcaption";

  @Override
  public void apply(Element body, NormalizeContext context) {
    if (!hasRightToLeft(body.text())) {
      return; // most posts: no Hebrew or Arabic letter at all
    }
    for (Element block : body.select(BLOCKS)) {
      if (!block.hasAttr("dir") && firstStrongIsRightToLeft(block.text())) {
        block.attr("dir", "rtl");
      }
    }
  }

  private static boolean hasRightToLeft(String text) {
    return text.codePoints().anyMatch(TextDirection::rightToLeft);
  }

  /** Whether the first character with a direction of its own is written right to left. */
  static boolean firstStrongIsRightToLeft(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (TextDirection.rightToLeft(cp)) {
        return true;
      }
      if (TextDirection.leftToRight(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
