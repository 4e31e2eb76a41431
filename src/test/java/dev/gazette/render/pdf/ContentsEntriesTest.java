package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.PageSetups;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contents entries read from the PDF's glyph positions: a title never wraps leaving one character
 * on a line of its own, and every entry ends with dot leaders and its page number. Titles written
 * for this test: Chinese and English titles of every length around a line break, emoji, and tokens
 * longer than a line.
 */
class ContentsEntriesTest {
  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static final List<String> titles = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅和比较不同方案的效果与代价";
    for (int n = 16; n <= han.length(); n++) {
      titles.add(han.substring(0, n));
    }
    String eng =
        "Notes on the Surprisingly Complicated Business of Laying Out Justified Paragraphs in"
            + " Narrow Columns for Small Screens and Printed Booklets";
    for (int n = 30; n <= eng.length(); n++) {
      titles.add(eng.substring(0, n).strip());
    }
    titles.add("💡 Unidata - 一个关于数据的很长很长的标题用来测试目录换行的效果以及表情符号 🎉");
    titles.add("🚀 Launching the New Release Pipeline with Emoji Everywhere ✨ and Some Words 🎉");
    titles.add("Supercalifragilisticexpialidocious_configuration_parameter_name_that_never_ends");
    titles.add("配置项 very_long_identifier_name_that_keeps_going_without_a_break_opportunity 的说明");
    Path source = dir.resolve("posts");
    for (int i = 0; i < titles.size(); i++) {
      TestPosts.write(
          source,
          String.format("p%03d.md", i),
          String.format(
              "---\ntitle: \"%s\"\ndate: 2024-05-%02d 10:%02d\n---\n\n正文。\n",
              titles.get(i), 1 + i % 28, i % 60));
    }
    pdfs.putAll(
        PageSetups.pdfs(
            source,
            dir,
            ZoneId.of("UTC"),
            PageSetups.A5,
            PageSetups.SIX_INCH,
            PageSetups.print("print")));
  }

  /** The rows of the contents pages (the pages with dot leaders), page numbers left out. */
  static List<String> contentsRows(Path pdf) throws Exception {
    List<List<PdfGlyphs.Glyph>> all = PdfGlyphs.rows(pdf);
    java.util.Set<Integer> pages = new java.util.HashSet<>();
    for (List<PdfGlyphs.Glyph> row : all) {
      if (PdfGlyphs.text(row).contains(". . .")) {
        pages.add(row.get(0).page());
      }
    }
    List<String> rows = new ArrayList<>();
    for (List<PdfGlyphs.Glyph> row : all) {
      String t = PdfGlyphs.text(row);
      if (pages.contains(row.get(0).page()) && !t.matches("\\d+|目录|Contents|其他|Other")) {
        rows.add(t);
      }
    }
    return rows;
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in", "print"})
  void everyEntryEndsWithLeadersAndItsPageAndNoLineHoldsOneCharacter(String variant)
      throws Exception {
    List<String> rows = contentsRows(pdfs.get(variant));
    int entries = 0;
    for (String row : rows) {
      // A row of an entry without its dots: a line the title wrapped.
      String title = row.replaceAll("(\\s*\\.)+\\s*\\d+$", "").replaceAll("[\\s.]+$", "");
      assertThat(title.codePointCount(0, title.length()))
          .as("a contents line with one character: %s", row)
          .isNotEqualTo(1);
      // A title that filled its line pushed the leader alone onto the next (react.dev's "… –
      // February 2024" over ". . . . 101"): the tail and its leader part as one.
      assertThat(title).as("a contents line of only leader dots: %s", row).isNotEmpty();
      if (row.matches(".*\\.\\s*\\d+$")) {
        entries++;
      }
    }
    // Each entry's last line has dots and its page number.
    assertThat(entries).as(String.join("\n", rows)).isEqualTo(titles.size());
  }

  @Test
  void theTailOfATitleIsItsLastWordOrLastTwoCharacters() {
    assertThat(ContentsEntries.title("Notes on Layout"))
        .endsWith("<span class=\"toc-tail\">Layout" + ContentsEntries.LEADER + "</span>");
    assertThat(ContentsEntries.title("处理页面布局"))
        .endsWith("<span class=\"toc-tail\">布局" + ContentsEntries.LEADER + "</span>");
    assertThat(ContentsEntries.title("标题 👍🏽"))
        .endsWith("<span class=\"toc-tail\"> 👍🏽" + ContentsEntries.LEADER + "</span>");
    assertThat(ContentsEntries.title("Paragraphs in Narrow C"))
        .endsWith("<span class=\"toc-tail\">Narrow C" + ContentsEntries.LEADER + "</span>");
    assertThat(ContentsEntries.title("a_very_long_identifier_name"))
        .endsWith("<span class=\"toc-tail\">me" + ContentsEntries.LEADER + "</span>");
  }
}
