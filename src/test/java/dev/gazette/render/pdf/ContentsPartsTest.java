package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.testing.EpubA11y;
import dev.gazette.testing.TestPosts;
import dev.gazette.testing.VeraPdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contents long enough to be laid out in several parts ({@link ContentsParts}): 72 short posts in
 * three sections (a contents of four A5 pages), laid out eight rows at a time, against the same
 * digest laid out as one document. The contents' pages read as in one layout (so its parts end
 * where one layout's pages end), page numbers count on, every contents number is the page its
 * article starts on and its link goes there, each face is embedded once, the bytes are the same at
 * 1 and 2 threads, the EPUB page list is one layout's, and the PDF is still tagged (PDF/UA-1).
 */
class ContentsPartsTest {
  static final int POSTS = 72;

  /** Fewer rows than a page holds: the groups grow until they fill a page. */
  static final int CONTENTS_ROWS = 8;

  /** Several of these short articles a chunk (their markup is counted, about 100 characters). */
  static final int CHUNK_CHARS = 600;

  private static final String[] SECTIONS = {"城市", "科技", "Culture"};

  @TempDir static Path dir;
  static Path one;
  static Path parts;

  /** The pages written once each part was joined. */
  static final List<Integer> partEnds = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    Path posts = dir.resolve("posts");
    for (int i = 0; i < POSTS; i++) {
      // Titles of one to three lines in the contents, Chinese and English.
      String title =
          switch (i % 4) {
            case 0 -> "短讯 " + i;
            case 1 -> "Notes from the harbour office on the new timetable, number " + i;
            case 2 -> "城市交通管理部门发布新一轮公共交通线路调整方案并征求市民意见，第" + i + "期，涉及十二条公交线路和三个换乘枢纽的运营时间";
            default -> "Weekly report " + i;
          };
      TestPosts.write(
          posts,
          String.format(Locale.ROOT, "p%03d.md", i),
          "---\ntitle: '"
              + title
              + "'\ncategories:\n - "
              + SECTIONS[i % SECTIONS.length]
              + "\ndate: "
              + String.format(Locale.ROOT, "2021-03-%02d 0%d:00:00", 1 + i / 9, i % 9)
              + "\n---\n\n"
              + (i % 2 == 0 ? "今天发布了一则简短的消息，内容只有一段。" : "A short item of one paragraph.")
              + "\n");
    }
    one = build(posts, "one", null, 1, Format.PDF, Format.EPUB);
    ChunkedPdf.joinWatcher = (part, pages, open, bytes) -> partEnds.add(pages);
    try {
      parts = build(posts, "parts", CONTENTS_ROWS, 2, Format.PDF, Format.EPUB);
    } finally {
      ChunkedPdf.joinWatcher = null;
    }
  }

  /** Builds with the contents in parts of {@code rows} rows (null: one layout). */
  static Path build(Path posts, String name, Integer rows, int threads, Format... formats)
      throws Exception {
    if (rows != null) {
      System.setProperty("gazette.pdf.contentsRows", rows.toString());
    }
    try {
      return ChunkedPdfTest.buildInto(
          dir.resolve(name), posts, rows == null ? null : CHUNK_CHARS, threads, null, formats);
    } finally {
      System.clearProperty("gazette.pdf.contentsRows");
    }
  }

  @Test
  void theContentsIsInSeveralPartsAndReadsAsInOneLayout() throws Exception {
    try (PDDocument single = Loader.loadPDF(one.resolve("d.pdf").toFile());
        PDDocument joined = Loader.loadPDF(parts.resolve("d.pdf").toFile())) {
      assertThat(joined.getNumberOfPages()).isEqualTo(single.getNumberOfPages());
      PDFTextStripper text = new PDFTextStripper();
      for (int i = 1; i <= single.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        assertThat(text.getText(joined)).as("page %d", i).isEqualTo(text.getText(single));
      }
      for (int i = ChunkedPdfTest.firstNumberedPage(single); i <= joined.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        text.setSortByPosition(true);
        String[] lines = text.getText(joined).strip().split("\\R");
        assertThat(lines[lines.length - 1].strip()).as("footer of page %d", i).isEqualTo("" + i);
      }
      // The parts the join wrote before the first article's page are the front matter's: at least
      // three (a four-page contents, parts of whole pages).
      int firstArticlePage = contentsTargets(joined).first();
      assertThat(partEnds).contains(firstArticlePage);
      assertThat(partEnds.stream().filter(end -> end <= firstArticlePage).count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void everyContentsNumberIsThePageItsLinkGoesTo() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(parts.resolve("d.pdf").toFile())) {
      int numbers = 0;
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link) {
            int target =
                ChunkedPdfTest.pageOf(
                    pdf, (PDPageDestination) ((PDActionGoTo) link.getAction()).getDestination());
            String shown = ChunkedPdfTest.textIn(page, link.getRectangle()).strip();
            if (shown.matches("\\d+")) {
              assertThat(Integer.parseInt(shown)).isEqualTo(target + 1);
              numbers++;
            }
          }
        }
      }
      assertThat(numbers).isEqualTo(POSTS);
      // One article a page here: the links go to POSTS different pages, each showing its title.
      assertThat(contentsTargets(pdf)).hasSize(POSTS);
    }
  }

  /** The 0-based pages the links of the contents' number column go to. */
  private static TreeSet<Integer> contentsTargets(PDDocument pdf) throws Exception {
    TreeSet<Integer> targets = new TreeSet<>();
    for (PDPage page : pdf.getPages()) {
      for (PDAnnotation a : page.getAnnotations()) {
        if (a instanceof PDAnnotationLink link
            && ChunkedPdfTest.textIn(page, link.getRectangle()).strip().matches("\\d+")) {
          targets.add(
              ChunkedPdfTest.pageOf(
                  pdf, (PDPageDestination) ((PDActionGoTo) link.getAction()).getDestination()));
        }
      }
    }
    return targets;
  }

  @Test
  void oneSubsetPerFaceSameBytesAtOneThreadAndTagged() throws Exception {
    ChunkedPdfTest.assertEachFaceEmbeddedOnce(parts.resolve("d.pdf"));
    Path oneThread = build(dir.resolve("posts"), "parts-1", CONTENTS_ROWS, 1, Format.PDF);
    // At 1 thread and without the EPUB beside it: the same bytes.
    assertThat(Files.mismatch(oneThread.resolve("d.pdf"), parts.resolve("d.pdf"))).isEqualTo(-1);
    assertThat(VeraPdf.failedRules(parts.resolve("d.pdf"), VeraPdf.Flavour.PDF_UA_1)).isEmpty();
  }

  @Test
  void theEpubPageListIsOneLayouts() throws Exception {
    assertThat(EpubA11y.pageList(parts.resolve("d.epub")))
        .hasSizeGreaterThan(POSTS)
        .isEqualTo(EpubA11y.pageList(one.resolve("d.epub")));
  }

  @Test
  void aPartEndsBeforeTheRowsOnItsGroupsLastPage() throws Exception {
    ContentsParts contents = contentsOf(10);
    assertThat(contents.all()).isEqualTo(new ContentsParts.Rows(0, 11));
    List<ContentsParts.Rows> asked = new ArrayList<>();
    // Four rows a page, the first page holding the masthead and two rows.
    List<ContentsParts.Cut> cuts =
        contents.cut(
            rows -> {
              asked.add(rows);
              int[] pages = new int[rows.to() - rows.from()];
              int offset = rows.first() ? 2 : 0;
              for (int i = 0; i < pages.length; i++) {
                pages[i] = 1 + (i + offset) / 4;
              }
              return new ContentsParts.Measured(pages[pages.length - 1], pages);
            });
    // Groups of 3: the first fills page 1 with rows 0-1 and starts page 2 with row 2; the next
    // three rows all lie on their group's last page, so the group grows to 6 (a page of 4 rows,
    // two rows left over); the last rows are one part, whatever its pages.
    assertThat(asked)
        .containsExactly(
            new ContentsParts.Rows(0, 3),
            new ContentsParts.Rows(2, 5),
            new ContentsParts.Rows(2, 8),
            new ContentsParts.Rows(6, 9),
            new ContentsParts.Rows(6, 11));
    assertThat(cuts)
        .containsExactly(
            new ContentsParts.Cut(new ContentsParts.Rows(0, 2), 1),
            new ContentsParts.Cut(new ContentsParts.Rows(2, 6), 1),
            new ContentsParts.Cut(new ContentsParts.Rows(6, 11), 2));
    // The parts' markup holds every row once, in order; only the first opens the front matter.
    StringBuilder all = new StringBuilder();
    contents.markup(contents.all(), all);
    StringBuilder joined = new StringBuilder();
    for (ContentsParts.Cut c : cuts) {
      StringBuilder part = new StringBuilder();
      contents.markup(c.rows(), part);
      assertThat(part.toString().contains("id=\"toc\"")).isEqualTo(c.rows().first());
      joined.append(part.toString().replaceAll("(?s)^.*?<table class=\"toc-table\">\n", ""));
    }
    assertThat(joined.toString().replace("</table>\n</nav>\n", ""))
        .isEqualTo(
            all.toString()
                .replaceAll("(?s)^.*?<table class=\"toc-table\">\n", "")
                .replace("</table>\n</nav>\n", ""));
  }

  @Test
  void aLayoutThatLosesRowsIsAnError() {
    ContentsParts contents = contentsOf(3);
    assertThatThrownBy(() -> contents.cut(rows -> new ContentsParts.Measured(1, new int[0])))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("contents rows");
  }

  /** The front matter of {@code n} articles in one titled section: {@code n + 1} rows. */
  private static ContentsParts contentsOf(int n) {
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Post post = Post.builder(Path.of(i + ".md"), i + ".md").body(() -> "").build();
      articles.add(new Article("a" + i, post, "消息 " + i, "zh-Hans", "<p>正文</p>", List.of()));
    }
    Digest digest =
        new Digest(
            "周报",
            "",
            "zh-CN",
            ZoneId.of("UTC"),
            new DateRange(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 7)),
            List.of(new Section("s01", "新闻", articles, List.of())),
            Instant.parse("2021-03-07T00:00:00Z"),
            "id");
    return ContentsParts.of(digest, "", 3);
  }
}
