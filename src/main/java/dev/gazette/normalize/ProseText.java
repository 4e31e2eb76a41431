package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** The text of a body that is not code: the steps that rewrite characters leave code as written. */
final class ProseText {
  private ProseText() {}

  /** The text nodes under {@code body} outside {@code pre} and {@code code}, in document order. */
  static List<TextNode> outsideCode(Element body) {
    List<TextNode> texts = new ArrayList<>();
    if (inCode(body)) {
      return texts;
    }
    body.filter(
        new org.jsoup.select.NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e
                && (e.normalName().equals("pre") || e.normalName().equals("code"))) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t) {
              texts.add(t);
            }
            return FilterResult.CONTINUE;
          }
        });
    return texts;
  }

  private static boolean inCode(Element el) {
    for (Node n = el; n instanceof Element e; n = e.parent()) {
      if (e.normalName().equals("pre") || e.normalName().equals("code")) {
        return true;
      }
    }
    return false;
  }
}
