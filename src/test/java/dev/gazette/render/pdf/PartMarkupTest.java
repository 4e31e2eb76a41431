package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chunk's typeset markup, stored by the survey and loaded for its layout ({@link PartMarkup}), is
 * the same tree: node for node, name, attributes in order, text to the character. Markup with what
 * an XML writer must escape or keep (ampersands, angle brackets and quotes in text, attributes and
 * the stylesheet, no-break and zero-width spaces, CJK and characters outside the BMP, comments,
 * whitespace-only text between blocks, empty elements), given the PDF's markup steps first.
 */
class PartMarkupTest {
  @TempDir Path dir;

  @Test
  void theLoadedMarkupIsTheStoredTree() throws Exception {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE html>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh\"><head><title>A &amp;"
            + " B</title><style>\n"
            + "nav.toc > ol a::after { content: \"\\201C\" '&' \"<\"; }\n"
            + ".x + .y { color: #333 }\n"
            + "</style></head>\n"
            + "<body>\n"
            + "<article id=\"a1\" class=\"cjk\" lang=\"zh\"><h1>标题 \"引号\" &lt;b&gt;</h1>\n"
            + "<div class=\"article-body\"><p>中文，English words（括号）and 123。<a"
            + " href=\"#a2?x=1&amp;y=&quot;2&quot;\" title='it&apos;s'>链接</a>\u00a0nbsp\u200bzwsp"
            + " 😀 <code>a &lt; b &amp;&amp; c &gt; d</code></p>\n"
            + "  \n"
            + "<!-- a comment -- with dashes? --><ul><li>一</li><li><p>二</p></li></ul><pre>  line"
            + " 1\n"
            + "\tline 2\n"
            + "</pre><img src=\"data:image/png;base64,AAAA\" alt=\"\"/><br/><span"
            + " class=\"\"></span></div></article>\n"
            + "<article id=\"a2\"><h1>Latin — title</h1><div class=\"article-body\"><p>“Quoted,”"
            + " she said—then… <em>left</em>.</p><ol><li>one</li></ol></div></article>\n"
            + "</body>\n"
            + "</html>\n";
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    PdfRenderer.typeset(doc, "A5", 1);
    Path file = dir.resolve("part-1.xml.z");

    PartMarkup.store(doc, file);
    Document loaded = PartMarkup.load(file);

    assertSameTree(loaded, doc);
    assertThat(file).doesNotExist();
    assertThat(Files.list(dir)).isEmpty();
  }

  private static void assertSameTree(Node actual, Node expected) {
    assertThat(actual.getClass()).as(expected.nodeName()).isEqualTo(expected.getClass());
    assertThat(actual.nodeName()).isEqualTo(expected.nodeName());
    if (expected instanceof TextNode t) {
      assertThat(((TextNode) actual).getWholeText()).isEqualTo(t.getWholeText());
    } else if (expected instanceof DataNode d) {
      assertThat(((DataNode) actual).getWholeData()).isEqualTo(d.getWholeData());
    } else if (expected instanceof Comment c) {
      assertThat(((Comment) actual).getData()).isEqualTo(c.getData());
    }
    if (expected instanceof Element) {
      List<String> want = expected.attributes().asList().stream().map(Attribute::html).toList();
      List<String> got = actual.attributes().asList().stream().map(Attribute::html).toList();
      assertThat(got).as("attributes of %s", expected.nodeName()).isEqualTo(want);
    }
    assertThat(actual.childNodeSize())
        .as("children of %s", expected.nodeName())
        .isEqualTo(expected.childNodeSize());
    for (int i = 0; i < expected.childNodeSize(); i++) {
      assertSameTree(actual.childNode(i), expected.childNode(i));
    }
  }
}
