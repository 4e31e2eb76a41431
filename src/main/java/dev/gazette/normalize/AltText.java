package dev.gazette.normalize;

import org.jsoup.nodes.Element;

/**
 * Every picture gets a text alternative, so a screen reader (and the tagged PDF's figure) never
 * meets an empty one: the picture's own {@code alt}; else its figure's caption; else words that
 * name it — the header picture of the article, or the article's nth picture. Runs after the figures
 * and the header picture are made.
 */
final class AltText implements NormalizeStep {
  /** A caption used as alt text is cut here: alt text is read in one breath. */
  static final int MAX_CHARS = 250;

  @Override
  public void apply(Element body, NormalizeContext context) {
    Notes notes = Notes.forTitle(context.title());
    int number = 0;
    for (Element img : body.select("img")) {
      number++;
      if (!img.attr("alt").isBlank()) {
        continue;
      }
      Element figure =
          img.parent() != null && img.parent().normalName().equals("figure") ? img.parent() : null;
      Element caption = figure == null ? null : figure.selectFirst("> figcaption");
      String text = caption == null ? "" : caption.text().strip();
      if (text.isEmpty()) {
        text =
            figure != null && figure.hasClass("header-image")
                ? notes.headerPicture(context.title())
                : notes.picture(number, context.title());
      }
      img.attr("alt", cut(text));
    }
  }

  private static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CHARS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_CHARS - 1)).strip() + "…";
  }
}
