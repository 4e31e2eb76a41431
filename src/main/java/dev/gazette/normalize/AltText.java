package dev.gazette.normalize;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Every picture gets a text alternative, for screen readers (EPUB Accessibility, PDF/UA): its own
 * {@code alt}, else its {@code title}, else its figure's caption, else a sentence naming the
 * article it illustrates. Posts rarely describe their pictures, and an empty alt would tell a
 * reader the picture is decoration.
 */
final class AltText implements NormalizeStep {
  private static final Evaluator IMAGES = Selector.evaluatorOf("img");
  private static final Evaluator FIGURE = Selector.evaluatorOf("figure");
  private static final Evaluator CAPTION = Selector.evaluatorOf("figcaption");

  /** A caption longer than this is cut for the alt text (it stays whole below the picture). */
  static final int MAX_ALT_CHARS = 200;

  @Override
  public void apply(Element body, NormalizeContext context) {
    Notes notes = Notes.forTitle(context.title());
    for (Element img : body.select(IMAGES)) {
      if (!img.attr("alt").isBlank()) {
        continue;
      }
      String alt = img.attr("title").strip();
      if (alt.isEmpty()) {
        alt = caption(img);
      }
      if (alt.isEmpty()) {
        alt = notes.picture(context.title());
      }
      img.attr("alt", alt);
    }
  }

  private static String caption(Element img) {
    Element figure = img.closest(FIGURE);
    Element caption = figure == null ? null : figure.selectFirst(CAPTION);
    if (caption == null) {
      return "";
    }
    String text = caption.text().strip();
    if (text.codePointCount(0, text.length()) <= MAX_ALT_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_ALT_CHARS - 1)) + "\u2026";
  }
}
