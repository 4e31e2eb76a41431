package dev.gazette.render.pdf;

import org.jsoup.helper.W3CDom;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The W3C copy of a jsoup document that the layout engine reads, without a way back to the jsoup
 * document.
 *
 * <p>jsoup's {@link W3CDom} marks every W3C node it makes with its jsoup source node (user data
 * {@value W3CDom#SourceProperty}), and the W3C document keeps those marks in a table of its own.
 * The renderer holds the W3C document through the whole layout, so each mark kept the entire jsoup
 * tree alive next to the copy: measured on a chunked 10,000-post PDF, about 75 MB of jsoup nodes
 * per chunk being laid out (1.26 million {@code TextNode}s and 0.75 million {@code Element}s with
 * two chunks at work), and in one layout the jsoup tree of the whole digest. Nothing reads the
 * marks, so they are removed once the copy is made.
 */
final class W3cCopy {
  /** The document-level marks jsoup sets besides {@value W3CDom#SourceProperty}. */
  private static final String[] DOCUMENT_KEYS = {"jsoupContextSource", "jsoupContextNode"};

  private W3cCopy() {}

  /** A W3C copy of {@code doc} that does not keep {@code doc} alive. */
  static Document of(org.jsoup.nodes.Document doc) {
    Document w3c = new W3CDom().fromJsoup(doc);
    forget(w3c);
    return w3c;
  }

  /** Removes the marks that point back at jsoup nodes from every node of {@code w3c}. */
  static void forget(Document w3c) {
    for (String key : DOCUMENT_KEYS) {
      w3c.setUserData(key, null, null);
    }
    // Iterative walk: article markup nests deeply enough that recursion is not worth the risk.
    Node n = w3c;
    while (n != null) {
      n.setUserData(W3CDom.SourceProperty, null, null);
      Node next = n.getFirstChild();
      while (next == null && n != null) {
        next = n.getNextSibling();
        if (next == null) {
          n = n.getParentNode();
          if (n == w3c) {
            n = null;
          }
        }
      }
      n = next;
    }
  }
}
