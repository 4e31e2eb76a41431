package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The duplicates' text key read from the XHTML without a parse is the key a parse gives, or the
 * scan hands over to the parse.
 */
class DuplicatesTextKeyTest {
  private static String byParse(String xhtml) {
    return Duplicates.squeeze(Jsoup.parseBodyFragment(xhtml).text());
  }

  private static void agrees(String xhtml) {
    String scanned = Duplicates.squeezedText(xhtml);
    if (scanned != null) {
      assertThat(scanned).as(xhtml).isEqualTo(byParse(xhtml));
    }
    assertThat(Duplicates.textKey(xhtml).orElse(""))
        .as(xhtml)
        .isEqualTo(
            byParse(xhtml).codePointCount(0, byParse(xhtml).length()) < 30 ? "" : byParse(xhtml));
  }

  @Test
  void everyNormalizerFixtureIsReadWithoutAParseAndAgrees() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources/normalize"))) {
      fixtures = files.filter(p -> p.toString().endsWith(".expected.xhtml")).sorted().toList();
    }
    assertThat(fixtures).hasSizeGreaterThan(50);
    int scanned = 0;
    for (Path p : fixtures) {
      String xhtml = Files.readString(p, StandardCharsets.UTF_8);
      agrees(xhtml);
      scanned += Duplicates.squeezedText(xhtml) != null ? 1 : 0;
    }
    assertThat(scanned).as("fixtures read without a parse").isGreaterThan(fixtures.size() * 9 / 10);
  }

  @Test
  void markupThatOnlyAParseReadsExactlyGoesToTheParse() {
    for (String xhtml :
        List.of(
            "<p>ΟΔΟΣ<b>Α</b></p>",
            "<p>a<!-- hidden words --></p>",
            "<svg><![CDATA[kept words]]></svg>",
            "<p>&eacute;t&eacute;</p>",
            "<p>&#x8A;&#138;</p>",
            "<p>&#0;&#xD800;&#x110000;</p>",
            "<p>AT&T; &ampx; &</p>",
            "<textarea><b>raw</b></textarea>",
            "<title>a<b>b</b></title>",
            "<style>p{}</style><script>x()</script>",
            "<p>1 < 2 </ 3 <3 <",
            "<p title='x'>unclosed <b")) {
      assertThat(Duplicates.squeezedText(xhtml)).as(xhtml).isNull();
      agrees(xhtml);
    }
  }

  @Test
  void plainMarkupAgrees() {
    for (String xhtml :
        List.of(
            "",
            "<p>今天&amp;明天 &lt;b&gt; &quot;x&quot; &#xa0;&#65;&#x1F600;&#x4E2D;</p>\n",
            "<p title=\"a > b\" data-x='c > d'>Text <a href=\"#x\">link</a><br/>İstanbul</p>",
            "<figure><img src=\"a.png\" alt=\"ALT > not"
                + " text\"/><figcaption>Cap</figcaption></figure>",
            "<ul><li>one</li><li>TWO</li></ul><pre><code>x = 1;\n</code></pre>",
            "<p>σς ΣΑΣ</p>".replace("Σ", "s"))) {
      assertThat(Duplicates.squeezedText(xhtml)).as(xhtml).isNotNull();
      agrees(xhtml);
    }
  }

  @Test
  void randomMarkupAgrees() {
    String[] pieces = {
      "<p>",
      "</p>",
      "<b>",
      "</b>",
      "<br/>",
      "<img src=\"x\" alt=\"a>b\"/>",
      "<a href='#'>",
      "</a>",
      "&amp;",
      "&lt;",
      "&#65;",
      "&#x4E2D;",
      "&eacute;",
      "&",
      ";",
      "<",
      ">",
      "\"",
      "'",
      "=",
      "<!--",
      "-->",
      "<table>",
      "<tr>",
      "<td>",
      "</td>",
      "Σ",
      "σ",
      "İ",
      "ǅ",
      "中文",
      "Word",
      "12",
      " ",
      "\n",
      "<svg>",
      "</svg>",
      "<title>",
      "</title>",
      "x=\"",
      "<p class=\"a\" "
    };
    Random random = new Random(16);
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String xhtml = sb.toString();
      // tables move text the scan would keep in place: the normalizer's output never has that
      if (!xhtml.contains("<t")) {
        agrees(xhtml);
      }
    }
  }
}
