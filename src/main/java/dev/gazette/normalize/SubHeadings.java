package dev.gazette.normalize;

import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A paragraph that is nothing but one short bold phrase without final punctuation is how news
 * editors write a sub-heading; it becomes a heading one level below the highest heading of the
 * article ({@code h2} when there is none; {@link Headings} settles the levels). Bold sentences and
 * plain short paragraphs stay paragraphs.
 */
final class SubHeadings implements NormalizeStep {
  private static final Evaluator HEADINGS = Selector.evaluatorOf("h1, h2, h3, h4, h5, h6");
  // An image the Images step could not load is left as a span.image-missing note: still an image.
  private static final Evaluator IMAGES_BREAKS_OR_LINKS =
      Selector.evaluatorOf("img, br, a, span.image-missing");

  static final int MAX_CJK_CHARS = 40;
  static final int MAX_OTHER_CHARS = 90;
  private static final String FINAL_PUNCTUATION = "。！？!?.；;：:，,、…\"”’）)";

  @Override
  public void apply(Element body, NormalizeContext context) {
    int highest = 7;
    for (Element h : body.select(HEADINGS)) {
      highest = Math.min(highest, h.normalName().charAt(1) - '0');
    }
    int level = highest == 7 ? 2 : Math.min(6, highest + 1);
    for (Element p : body.children()) {
      if (p.normalName().equals("p") && isBoldOnly(p)) {
        String text = p.text().strip();
        Element heading = new Element("h" + level).text(text);
        if (!p.id().isEmpty()) {
          heading.id(p.id());
        }
        p.replaceWith(heading);
      }
    }
  }

  /** Whether {@code body} has a paragraph this step would make a heading. */
  static boolean anyIn(Element body) {
    for (Element p : body.children()) {
      if (p.normalName().equals("p") && isBoldOnly(p)) {
        return true;
      }
    }
    return false;
  }

  static boolean isBoldOnly(Element p) {
    Element container = p;
    Element only;
    while ((only = onlyChild(container)) != null && only.normalName().equals("span")) {
      container = only; // editors wrap the bold text in styling spans
    }
    Element bold = null;
    for (Node n : container.childNodes()) {
      if (n instanceof TextNode t
          && t.getWholeText().replace('\u3000', ' ').replace('\u00A0', ' ').isBlank()) {
        continue;
      }
      if (bold == null
          && n instanceof Element e
          && List.of("b", "strong").contains(e.normalName())) {
        bold = e;
        continue;
      }
      return false;
    }
    if (bold == null
        || bold.select(IMAGES_BREAKS_OR_LINKS).stream()
            .anyMatch(e -> !Whitespace.showsNothing(e))) { // an empty link goes at the end
      return false;
    }
    String text = bold.text().replace('\u3000', ' ').strip();
    if (text.isEmpty() || FINAL_PUNCTUATION.indexOf(text.charAt(text.length() - 1)) >= 0) {
      return false;
    }
    boolean cjk = text.codePoints().anyMatch(dev.gazette.util.Cjk::isCjk);
    return text.codePointCount(0, text.length()) <= (cjk ? MAX_CJK_CHARS : MAX_OTHER_CHARS);
  }

  /** The single element child when there is nothing else but blank text, else null. */
  private static Element onlyChild(Element parent) {
    Element only = null;
    for (Node n : parent.childNodes()) {
      if (n instanceof TextNode t
          && t.getWholeText().replace('\u3000', ' ').replace('\u00A0', ' ').isBlank()) {
        continue;
      }
      if (only != null || !(n instanceof Element e)) {
        return null;
      }
      only = e;
    }
    return only;
  }
}
