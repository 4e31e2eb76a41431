package dev.gazette.render.pdf;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Gives a paragraph holding an inline-block its first-line indent as a box instead of {@code
 * text-indent}.
 *
 * <p>OpenHTMLtoPDF (1.1.65, {@code InlineBoxing.layoutContent}) takes the indent off the room of
 * the first line but forgets where the line starts after every inline-block it lays out: the line's
 * content start is reset to 0. So a paragraph whose first line holds a {@code span.kinsoku-unit}
 * (see {@link InlineEdgePunctuation}) or an inline picture is drawn from the left edge, and,
 * justified, stretched by the indent across the full measure. This step marks such a paragraph
 * (class {@value #PARAGRAPH_CLASS}: {@code text-indent: 0} in {@code pdf.css}) and puts an empty
 * {@code span.first-line-indent} first, an inline-block as wide as the indent the stylesheet gives
 * paragraphs of its kind (none for English, list and footnote paragraphs): room, place and
 * justification of the first line are then those of the indented paragraph. Text and its order do
 * not change.
 */
final class FirstLineIndent {
  static final String PARAGRAPH_CLASS = "indent-box";
  static final String BOX_CLASS = "first-line-indent";

  private static final Evaluator UNIT_OR_PICTURE =
      Selector.evaluatorOf("span." + InlineEdgePunctuation.UNIT_CLASS + ", img");

  private FirstLineIndent() {}

  /** Rewrites every paragraph under {@code root} that holds an inline-block; returns how many. */
  static int apply(Element root) {
    int changed = 0;
    for (Element p : root.getElementsByTag("p")) {
      if (p.hasClass(PARAGRAPH_CLASS) || p.selectFirst(UNIT_OR_PICTURE) == null) {
        continue;
      }
      // After an inline-block the line has content, so the library no longer trims the spaces a
      // paragraph's first line would otherwise lose.
      if (p.childNodeSize() > 0 && p.childNode(0) instanceof TextNode first) {
        String text = first.getWholeText().stripLeading();
        if (text.isEmpty()) {
          first.remove();
        } else {
          first.text(text);
        }
      }
      p.addClass(PARAGRAPH_CLASS);
      Node box = new Element("span").addClass(BOX_CLASS);
      p.prependChild(box);
      changed++;
    }
    return changed;
  }
}
