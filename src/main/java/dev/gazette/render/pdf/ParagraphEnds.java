package dev.gazette.render.pdf;

import dev.gazette.typeset.EnglishParagraphs;
import dev.gazette.util.Cjk;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps a Chinese paragraph from ending in a line of one character (an orphan, 孤字, in the W3C's
 * <i>Requirements for Chinese Text Layout</i>, "Adjustments of orphans and widows").
 *
 * <p>A paragraph's last two characters (a list item's, a line's before {@code <br>}), with the
 * closing marks after them ({@code 好。}, {@code 落实。”}), go into a {@code span.paragraph-end}, which
 * {@code pdf.css} sets {@code white-space: nowrap}: the line before may break in front of them but
 * not between them, so a paragraph that would end in one character moves one more down, and the
 * line it leaves is justified over one character's width more. Only a paragraph whose text ends in
 * a plain text run is changed: not one ending in code, a formula, a picture, a unit of {@link
 * InlineEdgePunctuation} or Latin text. Text and its order do not change.
 */
final class ParagraphEnds {
  static final String CLASS = "paragraph-end";

  /** How many characters the last line keeps together, clreq's fewest for a last line. */
  static final int CHARACTERS = 2;

  /** Elements a paragraph's last text may be inside: they keep their text plain. */
  private static final Set<String> PLAIN =
      Set.of("a", "b", "cite", "em", "i", "ins", "mark", "q", "s", "small", "span", "strong", "u");

  private static final Evaluator BLOCKS = Selector.evaluatorOf("p, li");
  private static final Evaluator NOT_RUN_ON = Selector.evaluatorOf("td, th, figcaption, nav");
  private static final Evaluator PARAGRAPH = Selector.evaluatorOf("p");

  private ParagraphEnds() {}

  /**
   * Rewrites the ends of the CJK text under {@code body}: of each paragraph, of each list item
   * holding no paragraph, and of each line a poem or an address ends with {@code <br>}. Returns how
   * many ends it wrapped.
   */
  static int apply(Element body) {
    int changed = 0;
    for (Element block : body.select(BLOCKS)) {
      if (inLatinText(block)
          || block.closest(NOT_RUN_ON) != null
          || block.normalName().equals("li") && block.selectFirst(PARAGRAPH) != null) {
        continue;
      }
      TextNode last = lastText(block);
      if (last != null && wrapEnd(last)) {
        changed++;
      }
      for (Element br : block.getElementsByTag("br")) {
        Node before = br.previousSibling();
        while (before instanceof TextNode t && t.isBlank()) {
          before = t.previousSibling();
        }
        if (before instanceof TextNode t && wrapEnd(t)) {
          changed++;
        }
      }
    }
    return changed;
  }

  private static boolean inLatinText(Element p) {
    for (Element e = p; e != null; e = e.parent()) {
      if (e.hasClass(EnglishParagraphs.CLASS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text node the paragraph ends with, when only plain inline elements hold it and only
   * whitespace follows it; null otherwise.
   */
  private static TextNode lastText(Element p) {
    Node n = p;
    while (n instanceof Element e) {
      Node child = e.childNodeSize() == 0 ? null : e.childNode(e.childNodeSize() - 1);
      while (child instanceof TextNode t && t.isBlank()) {
        child = t.previousSibling();
      }
      if (child instanceof Element inner
          && !(PLAIN.contains(inner.normalName()) && inner.classNames().isEmpty())) {
        return null; // code, a picture, a unit, a Latin run: not plain text
      }
      n = child;
    }
    return n instanceof TextNode t ? t : null;
  }

  /** Wraps the last characters of {@code text}; false when it does not end in enough CJK. */
  private static boolean wrapEnd(TextNode text) {
    String s = text.getWholeText();
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    int start = end;
    while (start > 0 && InlineEdgePunctuation.CLOSING.indexOf(s.charAt(start - 1)) >= 0) {
      start--;
    }
    for (int i = 0; i < CHARACTERS; i++) {
      if (start == 0) {
        return false;
      }
      int cp = s.codePointBefore(start);
      if (!Cjk.isCjkLetter(cp)) {
        return false;
      }
      start -= Character.charCount(cp);
    }
    Element span = new Element("span").addClass(CLASS).text(s.substring(start, end));
    text.after(span);
    if (end < s.length()) {
      span.after(new TextNode(s.substring(end)));
    }
    if (start == 0) {
      text.remove();
    } else {
      text.text(s.substring(0, start));
    }
    return true;
  }
}
