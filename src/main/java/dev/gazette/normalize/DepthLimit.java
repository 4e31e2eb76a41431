package dev.gazette.normalize;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Runs first: markup nested deeper than the limit keeps its text but loses its structure below the
 * limit. The later steps and the PDF layout walk the tree recursively; a post with 10,000 nested
 * {@code <div>}s would otherwise overflow the stack. Works without recursion.
 */
final class DepthLimit implements NormalizeStep {
  private final int maxDepth;

  DepthLimit(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<Element> atLimit = new ArrayList<>();
    Deque<Element> stack = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    stack.push(body);
    depths.push(0);
    while (!stack.isEmpty()) {
      Element el = stack.pop();
      int depth = depths.pop();
      if (depth == maxDepth) {
        if (el.childrenSize() > 0) {
          atLimit.add(el);
        }
        continue;
      }
      for (Element child : el.children()) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
    if (atLimit.isEmpty()) {
      return;
    }
    for (Element el : atLimit) {
      StringBuilder text = new StringBuilder();
      NodeTraversor.traverse(
          (node, d) -> {
            if (node instanceof TextNode t) {
              text.append(t.getWholeText());
            } else if (node instanceof Element e && e.isBlock() && text.length() > 0) {
              text.append(' ');
            }
          },
          el);
      for (Node child : el.childNodes().toArray(new Node[0])) {
        child.remove();
      }
      el.appendChild(new TextNode(text.toString()));
    }
    context.warn(
        "markup nested deeper than " + maxDepth + " levels; the deeper part is kept as plain text");
  }
}
