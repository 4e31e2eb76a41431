package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * {@link W3cCopy}: the same W3C document as jsoup's {@link W3CDom} makes, with none of the marks
 * that tie each node to its jsoup node (and so the whole jsoup tree to the layout that holds the
 * copy).
 */
class W3cCopyTest {
  private static final String MARKUP =
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-Hans\"><head><title>t</title></head>"
          + "<body><article id=\"a001\"><h1>标题</h1><p>正文<span lang=\"en\">word</span>。</p>"
          + "<!-- note --><ul><li><a href=\"#a001\">一</a></li><li>二</li></ul></article>"
          + "<article id=\"a002\"><p>最后</p></article></body></html>";

  @Test
  void theCopyHasNoWayBackToJsoup() {
    // jsoup's own copy marks its nodes: the key this class removes is the key jsoup sets.
    Document marked = new W3CDom().fromJsoup(parse());
    assertThat(nodes(marked))
        .anyMatch(n -> n.getUserData(W3CDom.SourceProperty) instanceof org.jsoup.nodes.Node);

    Document copy = W3cCopy.of(parse());
    List<Node> nodes = nodes(copy);
    assertThat(nodes).hasSameSizeAs(nodes(marked)).hasSizeGreaterThan(20);
    for (Node n : nodes) {
      assertThat(n.getUserData(W3CDom.SourceProperty)).as(n.getNodeName()).isNull();
    }
    assertThat(copy.getUserData("jsoupContextSource")).isNull();
    assertThat(copy.getUserData("jsoupContextNode")).isNull();
    // The same tree: names, text and attributes.
    for (int i = 0; i < nodes.size(); i++) {
      Node a = nodes.get(i);
      Node b = nodes(marked).get(i);
      assertThat(a.getNodeName()).isEqualTo(b.getNodeName());
      assertThat(a.getNodeValue()).isEqualTo(b.getNodeValue());
      assertThat(a.getNamespaceURI()).isEqualTo(b.getNamespaceURI());
    }
    assertThat(copy.getElementsByTagName("article").getLength()).isEqualTo(2);
    assertThat(copy.getDocumentElement().getAttribute("lang")).isEqualTo("zh-Hans");
  }

  private static org.jsoup.nodes.Document parse() {
    return Jsoup.parse(MARKUP, "", Parser.xmlParser());
  }

  /** Every node in document order, the document first. */
  private static List<Node> nodes(Node root) {
    List<Node> all = new ArrayList<>();
    all.add(root);
    for (Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
      all.addAll(nodes(c));
    }
    return all;
  }
}
