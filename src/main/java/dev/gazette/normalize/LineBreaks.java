package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Splits paragraphs that were laid out with line breaks: a run of two or more {@code <br>}, or one
 * {@code <br>} followed by an indent (two full-width or no-break spaces, the way Chinese editors
 * start a paragraph), starts a new paragraph.
 */
final class LineBreaks implements NormalizeStep {
  private static final Evaluator PARAGRAPHS = Selector.evaluatorOf("p");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element p : body.select(PARAGRAPHS)) {
      List<List<Node>> parts = split(p);
      if (parts.size() < 2) {
        continue;
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
      boolean indentFollows =
          j < nodes.size()
              && nodes.get(j) instanceof TextNode t
              && startsWithIndent(t.getWholeText());
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
