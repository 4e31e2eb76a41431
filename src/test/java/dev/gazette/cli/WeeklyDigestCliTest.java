package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.util.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Last week" as a scheduled job builds it: sections by day, cover, masthead, report, same bytes
 * twice.
 */
class WeeklyDigestCliTest {
  @TempDir static Path tmp;
  static Path posts;
  static PeriodicalFixture.Run first;
  static JsonNode report;

  static String[] args(String outDir, String reportFile) {
    return new String[] {
      "build",
      posts.toString(),
      "--week",
      "last",
      "--today",
      "2021-07-05",
      "--zone",
      "Asia/Shanghai",
      "--title",
      "本地周报 {year}年第{week}期",
      "--out",
      tmp.resolve(outDir).toString(),
      "--report",
      tmp.resolve(reportFile).toString()
    };
  }

  @BeforeAll
  static void build() throws Exception {
    posts = PeriodicalFixture.write(tmp.resolve("posts"));
    first = PeriodicalFixture.run(args("one", "one.json"));
    report = new ObjectMapper().readTree(tmp.resolve("one.json").toFile());
  }

  @Test
  void buildsLastWeekInTheZoneNamedAfterTheIsoWeek() {
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(tmp.resolve("one/posts-2021-W26.epub")).exists();
    assertThat(tmp.resolve("one/posts-2021-W26.pdf")).exists();
  }

  @Test
  void epubIsValidWithCoverMetadataAndNestedNavigation() throws Exception {
    Path epub = tmp.resolve("one/posts-2021-W26.epub");
    Map<String, String> entries = Epubs.validEntries(epub);
    String opf = entries.get("OEBPS/content.opf");
    assertThat(opf)
        .contains("properties=\"cover-image\"")
        .contains("<meta name=\"cover\" content=\"cover-image\"/>");
    assertThat(opf.indexOf("<itemref idref=\"cover\"/>"))
        .isLessThan(opf.indexOf("<itemref idref=\"title\"/>"));
    String nav = entries.get("OEBPS/nav.xhtml");
    assertThat(nav)
        .contains(
            "<li class=\"toc-section\"><a href=\"a002.xhtml\">2021年6月30日 星期三</a>\n<ol>\n"
                + "<li class=\"toc-entry\"><a href=\"a002.xhtml\">周三地方新闻</a></li>\n"
                + "<li class=\"toc-entry\"><a href=\"a003.xhtml\">周三晚间体育</a></li>\n</ol>");
    assertThat(entries.get("OEBPS/toc.ncx")).contains("<meta name=\"dtb:depth\" content=\"2\"/>");
    String masthead = entries.get("OEBPS/title.xhtml");
    assertThat(masthead)
        .contains("2021 年第 26 周")
        .contains("本地周报 2021年第26期")
        .contains("共 3 篇")
        .contains("周一早间新闻")
        .doesNotContain("周日深夜快讯");
    byte[] cover = Epubs.entry(epub, "OEBPS/images/cover.jpg");
    assertThat(cover).isNotNull();
  }

  @Test
  void pdfStartsWithTheCoverAndNestsBookmarksByDay() throws Exception {
    Path pdf = tmp.resolve("one/posts-2021-W26.pdf");
    List<Pdfs.Bookmark> outline = Pdfs.outline(pdf);
    assertThat(outline)
        .extracting(Pdfs.Bookmark::title)
        .containsExactly("2021年6月28日 星期一", "2021年6月30日 星期三");
    assertThat(outline.get(1).children())
        .extracting(Pdfs.Bookmark::title)
        .containsExactly("周三地方新闻", "周三晚间体育");
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      var stripper = new org.apache.pdfbox.text.PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      assertThat(stripper.getText(doc).strip())
          .as("the cover page is a picture, no text")
          .isEmpty();
      assertThat(doc.getPage(0).getResources().getXObjectNames()).hasSize(1);
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      assertThat(Pdfs.compact(stripper.getText(doc))).contains("2021年第26周").contains("本期内容");
    }
    // The cover picture is as large as the page allows: it touches both sides or top and bottom.
    List<float[]> sizes = Pdfs.imageSizes(pdf, 0);
    float[] picture = sizes.get(0);
    float[] page = sizes.get(sizes.size() - 1);
    assertThat(Math.max(picture[0] / page[0], picture[1] / page[1])).isGreaterThan(0.98f);
    String text = Pdfs.compactText(pdf);
    assertThat(text).contains("2021年6月28日09:00").contains("本报记者").contains("原文链接");
  }

  @Test
  void reportListsSelectionPostsSectionsAndOutputs() throws Exception {
    assertThat(report.get("status").asText()).isEqualTo("built");
    JsonNode selection = report.get("selection");
    assertThat(selection.get("from").asText()).isEqualTo("2021-06-28");
    assertThat(selection.get("to").asText()).isEqualTo("2021-07-04");
    assertThat(selection.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(selection.get("groupBy").asText()).isEqualTo("day");
    List<String> rows = new ArrayList<>();
    report
        .get("posts")
        .forEach(
            p ->
                rows.add(
                    p.get("path").asText()
                        + " | "
                        + p.get("title").asText()
                        + " | "
                        + p.get("date").asText()
                        + " | "
                        + p.get("section").asText()));
    assertThat(rows)
        .containsExactly(
            "news/monday.md | 周一早间新闻 | 2021-06-28T09:00:00+08:00 | 2021年6月28日 星期一",
            "news/wednesday.md | 周三地方新闻 | 2021-06-30T10:00:00+08:00 | 2021年6月30日 星期三",
            "sport/wednesday-evening.md | 周三晚间体育 | 2021-06-30T20:30:00+08:00 | 2021年6月30日 星期三");
    List<String> skipped = new ArrayList<>();
    report
        .get("skipped")
        .forEach(p -> skipped.add(p.get("path").asText() + " | " + p.get("reason").asText()));
    assertThat(skipped)
        .hasSize(2)
        .contains("news/draft.md | draft")
        .anySatisfy(line -> assertThat(line).startsWith("news/broken.md | "));
    JsonNode problem = report.get("problems").get(0);
    assertThat(problem.get("severity").asText()).isEqualTo("error");
    assertThat(problem.get("file").asText()).isEqualTo("news/broken.md");
    assertThat(problem.get("line").asInt()).isPositive();
    assertThat(report.get("counts").get("included").asInt()).isEqualTo(3);
    assertThat(report.get("counts").get("skipped").asInt()).isEqualTo(2);
    assertThat(report.get("counts").get("errors").asInt()).isEqualTo(1);
    assertThat(report.get("images").get("cover").get("width").asInt()).isEqualTo(1600);
    for (JsonNode o : report.get("outputs")) {
      Path file = Path.of(o.get("path").asText());
      assertThat(o.get("size").asLong()).isEqualTo(Files.size(file));
      assertThat(o.get("sha256").asText()).isEqualTo(Hashes.sha256Hex(Files.readAllBytes(file)));
    }
  }

  @Test
  void sameInputsAndTodayGiveByteIdenticalFiles() throws Exception {
    PeriodicalFixture.Run again =
        PeriodicalFixture.runWith(
            Map.of("SOURCE_DATE_EPOCH", "1625443200"),
            "build",
            posts.toString(),
            "--week",
            "last",
            "--zone",
            "Asia/Shanghai",
            "--title",
            "本地周报 {year}年第{week}期",
            "--out",
            tmp.resolve("two").toString(),
            "--report",
            tmp.resolve("two.json").toString());
    assertThat(again.code()).as(again.err()).isZero();
    for (String name : List.of("posts-2021-W26.epub", "posts-2021-W26.pdf")) {
      assertThat(Files.readAllBytes(tmp.resolve("two").resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(name)));
    }
    String one =
        Files.readString(tmp.resolve("one.json")).replace(tmp.resolve("one").toString(), "OUT");
    String two =
        Files.readString(tmp.resolve("two.json")).replace(tmp.resolve("two").toString(), "OUT");
    assertThat(two).isEqualTo(one);
  }
}
