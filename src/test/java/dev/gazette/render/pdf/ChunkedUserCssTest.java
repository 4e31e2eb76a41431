package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.bench.CorpusGenerator;
import dev.gazette.model.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user stylesheet ({@code --css}) with page rules that depend on where a page falls in the layout
 * ({@code @page :first}, {@code :left}/{@code :right}, a page counter of its own, {@code
 * page-break-before: right}): the chunked PDF, whose chunks each start with a lead page ({@link
 * LeadPage}), must print every page as one layout of the whole digest does; where it cannot, the
 * digest is laid out in one piece with a warning.
 */
class ChunkedUserCssTest {
  static final String CSS =
      """
      @page :first { margin-top: 30mm; }
      @page :left { margin-left: 25mm; margin-right: 10mm;
        @top-left { font-family: "Gazette Body"; content: "LEFT " counter(sheets); } }
      @page :right { margin-left: 10mm; margin-right: 25mm;
        @top-right { font-family: "Gazette Body"; content: "RIGHT " counter(sheets); } }
      @page { counter-increment: sheets; }
      h1 { page-break-before: right; }
      """;

  @TempDir static Path dir;
  static Path posts;
  static Path css;

  @BeforeAll
  static void build() throws Exception {
    posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 12, 7, true);
    css = dir.resolve("user.css");
    Files.writeString(css, CSS);
  }

  static DigestResult build(String name, boolean chunked) throws Exception {
    return ChunkedPdfTest.gazette(chunked ? ChunkedPdfTest.SMALL_CHUNKS : null, 2)
        .build(
            DigestRequest.builder()
                .source(posts)
                .zone(ZoneId.of("UTC"))
                .formats(Format.PDF)
                .extraCss(css)
                .outputDir(dir.resolve(name))
                .name("d")
                .build());
  }

  /** Each page: its media box, its crop box and its text. */
  static List<String> pages(Path pdf) throws Exception {
    List<String> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        PDPage page = doc.getPage(i - 1);
        text.setStartPage(i);
        text.setEndPage(i);
        out.add(
            "page "
                + i
                + " media "
                + page.getMediaBox()
                + " crop "
                + page.getCropBox()
                + "\n"
                + text.getText(doc));
      }
    }
    return out;
  }

  @Test
  void pageRulesOfUserCssPrintAsInOneLayout() throws Exception {
    DigestResult one = build("one", false);
    DigestResult chunked = build("chunked", true);
    List<String> onePages = pages(dir.resolve("one/d.pdf"));
    List<String> chunkedPages = pages(dir.resolve("chunked/d.pdf"));
    assertThat(chunkedPages).hasSize(onePages.size());
    for (int i = 0; i < onePages.size(); i++) {
      assertThat(chunkedPages.get(i)).as("page %d", i + 1).isEqualTo(onePages.get(i));
    }
    // Chunks would count sides from their own lead page (57 pages in one layout, 56 in chunks):
    // such a stylesheet gets one layout, and says so.
    assertThat(one.problems()).isEmpty();
    assertThat(chunked.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("laid out in one piece", ":left"));
  }
}
