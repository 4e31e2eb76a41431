package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gazette parses XML only with jsoup's XML parser (pages for font usage and the PDF, SVG files): it
 * never reads a DTD, never fetches an external entity and never expands a declared one.
 */
class XmlEntitiesTest {
  @TempDir Path dir;

  @Test
  void externalAndDeclaredEntitiesAreNeverExpanded() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-CONTENT");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "<!ENTITY lol \"lol\"><!ENTITY lol2"
            + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
            + "<!ENTITY % remote SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %remote;]>\n"
            + "<r><a>&xxe;</a><b>&lol2;</b></r>";
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    String out = doc.outerHtml();
    assertThat(out).doesNotContain("TOP-SECRET-CONTENT");
    assertThat(doc.selectFirst("b").text()).doesNotContain("lollol");
  }
}
