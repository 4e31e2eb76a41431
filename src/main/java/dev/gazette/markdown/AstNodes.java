package dev.gazette.markdown;

import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/** Finding nodes in flexmark's tree before the mending steps change it. */
final class AstNodes {
  private AstNodes() {}

  /**
   * The nodes of {@code type} under {@code root}, in document order, not looking inside one found:
   * a list made first, so a step can unlink and insert around each without upsetting a walk.
   */
  static <T extends Node> List<T> all(Node root, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(root, type, found);
    return found;
  }

  private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (type.isInstance(child)) {
        found.add(type.cast(child));
      } else {
        collect(child, type, found);
      }
    }
  }
}
