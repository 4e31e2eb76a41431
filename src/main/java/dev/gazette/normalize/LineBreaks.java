package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Splits paragraphs that were laid out with line breaks: a run of two or more {@code <br>}, or one
 * {@code <br>} followed by an indent (two full-width or no-break spaces, the way Chinese editors
 * start a paragraph), starts a new paragraph, also inside a span, bold text or a link that wraps
 * both (news editors wrap a whole story in one styled span).
 */
final class LineBreaks implements NormalizeStep {
  private static final Evaluator PARAGRAPHS = Selector.evaluatorOf("p");

  /** Elements that only style or link text, so may be split where a paragraph ends. */
  private static final Set<String> INLINE =
      Set.of(
          "a", "b", "big", "em", "font", "i", "ins", "mark", "s", "small", "span", "strike",
          "strong", "u");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element p : body.select(PARAGRAPHS)) {
      splitParagraph(p);
    }
  }

  /** Splits one paragraph where it was laid out with line breaks (for a step that makes one). */
  static void splitParagraph(Element p) {
    while (splitAnInlineWrapper(p)) {
      // until no wrapper inside holds a paragraph break
    }
    List<List<Node>> parts = split(p);
    if (parts.size() < 2) {
      return;
    }
    for (List<Node> part : parts) {
      Element copy = p.shallowClone();
      for (Node n : part) {
        copy.appendChild(n);
      }
      p.before(copy);
    }
    p.remove();
  }

  /**
   * Splits the first inline element in {@code p} (a styled span, bold, a link) that holds a
   * paragraph break among its own children into copies around it, with the break between them at
   * its parent's level: {@code <span>A<br><br>B</span>} becomes {@code
   * <span>A</span><br><br><span>B</span>}, which the paragraph split then sees. Left inside, the
   * break stayed a blank line within one paragraph, or (in a link a later step unwraps) became a
   * split only when the output was normalized again. Only the first copy keeps an id.
   */
  private static boolean splitAnInlineWrapper(Element p) {
    for (Element inline : p.getAllElements()) {
      if (inline == p || !INLINE.contains(inline.normalName()) || !insideInlinesOf(inline, p)) {
        continue;
      }
      List<List<Node>> parts = split(inline);
      if (parts.size() < 2) {
        continue;
      }
      for (int k = 0; k < parts.size(); k++) {
        if (k > 0) {
          inline.before(new Element("br"));
          inline.before(new Element("br"));
        }
        Element copy = inline.shallowClone();
        if (k > 0) {
          copy.removeAttr("id");
          // The indent that marked the break: at a paragraph's own edge Whitespace trims it, but
          // not inside a wrapper, where it would indent the paragraph twice.
          if (parts.get(k).get(0) instanceof TextNode first) {
            first.text(first.getWholeText().replaceFirst("^[\\s\u00A0\u3000]+", ""));
          }
        }
        for (Node n : parts.get(k)) {
          copy.appendChild(n);
        }
        inline.before(copy);
      }
      inline.remove();
      return true;
    }
    return false;
  }

  private static boolean insideInlinesOf(Element e, Element p) {
    for (Element up = e.parent(); up != p; up = up.parent()) {
      if (up == null || !INLINE.contains(up.normalName())) {
        return false;
      }
    }
    return true;
  }

  private static List<List<Node>> split(Element p) {
    List<List<Node>> parts = new ArrayList<>();
    List<Node> current = new ArrayList<>();
    List<Node> nodes = new ArrayList<>(p.childNodes());
    int i = 0;
    while (i < nodes.size()) {
      Node n = nodes.get(i);
      if (!isBr(n)) {
        current.add(n);
        i++;
        continue;
      }
      int j = i;
      int brs = 0;
      while (j < nodes.size() && (isBr(nodes.get(j)) || isBlank(nodes.get(j)))) {
        brs += isBr(nodes.get(j)) ? 1 : 0;
        j++;
      }
      boolean indentFollows = startsWithIndent(textAhead(nodes, j));
      if (brs >= 2 || indentFollows) {
        if (hasContent(current)) {
          parts.add(current);
        }
        current = new ArrayList<>();
        i = j;
      } else {
        current.add(n);
        i++;
      }
    }
    if (hasContent(current)) {
      parts.add(current);
    }
    return parts;
  }

  /**
   * The text from {@code from} on, as the output will read: text nodes side by side count as one
   * (an indent may be split around a tag), and an element the last step removes as empty is looked
   * past. Judged on the first node alone, an indent split that way was seen only when the output
   * was normalized again.
   */
  private static String textAhead(List<Node> nodes, int from) {
    StringBuilder text = new StringBuilder();
    for (int k = from; k < nodes.size(); k++) {
      Node n = nodes.get(k);
      if (n instanceof TextNode t) {
        text.append(t.getWholeText());
      } else if (!(n instanceof Element e) || isBr(e) || !Whitespace.removesAsEmpty(e)) {
        break;
      }
    }
    return text.toString();
  }

  private static boolean isBr(Node n) {
    return n instanceof Element e && e.normalName().equals("br");
  }

  private static boolean isBlank(Node n) {
    return n instanceof TextNode t
        && t.getWholeText().strip().isEmpty()
        && !t.getWholeText().contains("\u3000")
        && !t.getWholeText().contains("\u00A0");
  }

  private static boolean startsWithIndent(String s) {
    String t = s.replaceFirst("^[ \\t\\r\\n]+", "");
    return t.startsWith("\u3000\u3000")
        || t.startsWith("\u00A0\u00A0")
        || t.startsWith("\u3000\u00A0")
        || t.startsWith("\u00A0\u3000");
  }

  private static boolean hasContent(List<Node> nodes) {
    return nodes.stream()
        .anyMatch(
            n ->
                n instanceof TextNode t
                    ? !t.getWholeText()
                        .strip()
                        .replace("\u3000", "")
                        .replace("\u00A0", "")
                        .isEmpty()
                    : !isBr(n));
  }
}
