package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.PageSetups;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Chinese paragraph never ends in a line of one character (Yihui Xie's Chinese posts of 2019 and
 * 2020: 136 lines of one character in 388 pages, 29 after, all one-character paragraphs, table
 * cells or a mark kept with a link).
 */
class ParagraphEndsTest {
  static final String FILLER = "城市交通委员会今天公布了新的公交线路调整方案将在下个月起陆续实施市民可以通过官方网站查询具体站点变化";

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();

  static String rewritten(String html) {
    org.jsoup.nodes.Document doc = Jsoup.parse("<body>" + html + "</body>", "", Parser.xmlParser());
    doc.outputSettings().prettyPrint(false);
    Element body = doc.selectFirst("body");
    ParagraphEnds.apply(body);
    return body.html();
  }

  @Test
  void theLastTwoCharactersAndTheirClosingMarksAreKeptTogether() {
    assertThat(rewritten("<p>她仍然坚持把每件事情落实、做好。</p>"))
        .isEqualTo("<p>她仍然坚持把每件事情落实、<span class=\"paragraph-end\">做好。</span></p>");
    assertThat(rewritten("<p>他说：“不知后来此事是否落实。” </p>"))
        .isEqualTo("<p>他说：“不知后来此事是否<span class=\"paragraph-end\">落实。”</span> </p>");
    assertThat(rewritten("<p>见<a href=\"https://example.org\">统计之都网站的转型</a></p>"))
        .isEqualTo(
            "<p>见<a href=\"https://example.org\">统计之都网站的<span class=\"paragraph-end\">"
                + "转型</span></a></p>");
    assertThat(rewritten("<ul><li>拥有清晰的权威，把分歧留在身后。</li></ul>"))
        .isEqualTo("<ul><li>拥有清晰的权威，把分歧留在<span class=\"paragraph-end\">身后。</span></li></ul>");
    assertThat(rewritten("<p>我想知道你学了什么，<br />我想知道，<br />你是谁。</p>"))
        .isEqualTo(
            "<p>我想知道你学了<span class=\"paragraph-end\">什么，</span><br />我想<span"
                + " class=\"paragraph-end\">知道，</span><br />你<span"
                + " class=\"paragraph-end\">是谁。</span></p>");
  }

  @Test
  void otherEndsAreLeftAsTheyAre() {
    for (String html :
        List.of(
            "<p>调用 <code>getValue()</code></p>",
            "<p>用的是 JavaScript。</p>",
            "<p>见<a href=\"#\">规范</a>。</p>",
            "<p>他说“好。”</p>",
            "<p>一张图：<img src=\"a.png\" alt=\"\" /></p>",
            "<p>字。</p>",
            "<table><tr><td><p>表格里的文字。</p></td></tr></table>",
            "<div class=\"latin-block\"><p>Some English text here.</p></div>")) {
      String out = rewritten(html);
      assertThat(out.replaceAll("<span class=\"paragraph-end\">(.*?)</span>", "$1"))
          .as(html)
          .isEqualTo(out);
    }
    // a list item holding paragraphs: the paragraph is wrapped, once
    assertThat(rewritten("<ul><li><p>段落在列表里的文字。</p></li></ul>"))
        .contains("<span class=\"paragraph-end\">文字。</span></p></li>");
  }

  @Test
  void wrappingTwiceChangesNothing() {
    String once = rewritten("<p>她仍然坚持把每件事情落实、做好。</p><ul><li>留在身后。</li></ul>");
    assertThat(rewritten(once)).isEqualTo(once);
  }

  /** One paragraph per length, from one line to three, so the last line meets every column. */
  @BeforeAll
  static void build() throws Exception {
    StringBuilder md = new StringBuilder();
    for (int length = 20; length < 80; length++) {
      for (int i = 0; i < length; i++) {
        md.append(FILLER.charAt((length * 7 + i) % FILLER.length()));
      }
      md.append(length % 2 == 0 ? "。" : "").append("\n\n");
    }
    Path source = dir.resolve("posts");
    TestPosts.write(source, "ends.md", "---\ntitle: 段末孤字\ndate: 2024-05-01\n---\n\n" + md);
    pdfs.putAll(
        PageSetups.pdfs(
            source, dir, ZoneId.of("Asia/Shanghai"), PageSetups.A5, PageSetups.SIX_INCH));
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in"})
  void noParagraphEndsInALineOfOneCharacter(String variant) throws Exception {
    List<Line> lines = PdfLines.read(pdfs.get(variant), 1);
    List<String> alone = new ArrayList<>();
    int twoCharacterEnds = 0;
    for (Line l : lines) {
      String text = l.text().replaceAll("[。]+$", "");
      if (text.length() == 1 && Character.isIdeographic(text.codePointAt(0))) {
        alone.add(l.text() + " on page " + l.page());
      }
      twoCharacterEnds += text.length() == 2 && FILLER.contains(text) ? 1 : 0;
    }
    // The lengths did put a paragraph's end at the start of a line: without the rule, some of
    // those ends were one character; now they are two.
    assertThat(twoCharacterEnds).as("paragraphs ending in a line of two").isGreaterThan(2);
    assertThat(alone).as("%d lines", lines.size()).isEmpty();
  }
}
