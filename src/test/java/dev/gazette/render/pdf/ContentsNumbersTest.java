package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gazette.util.LibraryLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contents numbers laid out as a stand-in and drawn when painted ({@link ContentsNumbers}, the
 * chunked PDF's front matter) against the library's own {@code target-counter} (one layout), on a
 * contents of long titles whose line breaks follow the width of the number column.
 */
class ContentsNumbersTest {
  private static final int ENTRIES = 40;

  private static final String CSS =
      "@page { size: 105mm 148mm; margin: 10mm; }\n"
          + "body { font-family: serif; font-size: 10pt; }\n"
          + ".toc-table { width: 100%; border-collapse: collapse; }\n"
          + ".toc-table td { padding: 0.2em 0; vertical-align: bottom; }\n"
          + ".toc-page { width: 2.2em; text-align: right; }\n"
          + ".toc-page a::after { content: target-counter(attr(href), page); }\n"
          + "h2 { page-break-before: always; }\n";

  @BeforeAll
  static void quiet() {
    LibraryLogs.quiet();
  }

  @Test
  void drawnNumbersReadAndSitAsTheLibrarysTargetCounter() throws Exception {
    byte[] library = render(document(null), null);
    int contentsPages = pages(library) - ENTRIES;
    assertThat(contentsPages).isGreaterThan(1);
    Function<String, String> numbers =
        href -> Integer.toString(contentsPages + Integer.parseInt(href.substring(2)) + 1);
    byte[] drawn = render(document(ContentsNumbers.STAND_IN), numbers);

    assertThat(pages(drawn)).isEqualTo(pages(library));
    // Every character at the same place: the titles break their lines alike and each number is
    // the target's page, right-aligned in its cell as the library aligns target-counter.
    assertThat(glyphs(drawn)).isEqualTo(glyphs(library));
    assertThat(text(drawn)).contains(Integer.toString(contentsPages + ENTRIES));
  }

  @Test
  void theLayoutDoesNotDependOnTheNumbers() throws Exception {
    byte[] narrow = render(document(ContentsNumbers.STAND_IN), href -> "1");
    byte[] wide = render(document(ContentsNumbers.STAND_IN), href -> "88888");
    assertThat(pages(wide)).isEqualTo(pages(narrow));
    assertThat(titles(wide)).isEqualTo(titles(narrow));
    assertThat(text(wide)).contains("88888").doesNotContain(ContentsNumbers.STAND_IN);

    // Written into the markup instead, the numbers' widths move the titles' line breaks (the
    // number column is as wide as its widest cell): what made the chunked path paint twice.
    byte[] narrowInMarkup = render(document("1"), null);
    byte[] wideInMarkup = render(document("88888"), null);
    assertThat(titles(wideInMarkup)).isNotEqualTo(titles(narrowInMarkup));
  }

  /**
   * A contents of {@link #ENTRIES} titles, then a page per target.
   *
   * @param inMarkup the text of every number link (a contents laid out apart from its targets), or
   *     null for the library's target-counter
   */
  private static String document(String inMarkup) {
    StringBuilder sb = new StringBuilder();
    sb.append("<html><head><style>\n").append(CSS);
    if (inMarkup != null) {
      sb.append(".toc-page a::after { content: none; }\n");
    }
    sb.append("</style></head><body>\n<table class=\"toc-table\">\n");
    String[] words = {"harbour", "lanterns", "a", "of", "quietly", "river", "the", "morning"};
    for (int i = 0; i < ENTRIES; i++) {
      StringBuilder title = new StringBuilder("Entry " + i);
      for (int w = 0; w < 5 + i % 7; w++) {
        title.append(' ').append(words[(i * 3 + w * 5) % words.length]);
      }
      sb.append("<tr><td class=\"toc-text\"><a href=\"#t")
          .append(i)
          .append("\">")
          .append(title)
          .append("</a></td><td class=\"toc-page\"><a href=\"#t")
          .append(i)
          .append("\">")
          .append(inMarkup == null ? "" : inMarkup)
          .append("</a></td></tr>\n");
    }
    sb.append("</table>\n");
    for (int i = 0; i < ENTRIES; i++) {
      sb.append("<h2 id=\"t").append(i).append("\">Target ").append(i).append("</h2>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static byte[] render(String html, Function<String, String> numbers) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(html, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.layout();
      if (numbers != null) {
        assertThat(ContentsNumbers.drawFrom(renderer.getRootBox(), numbers)).isEqualTo(ENTRIES);
      }
      renderer.createPDFWithoutClosing();
      try (PDDocument pdf = renderer.getPdfDocument()) {
        pdf.save(out);
      }
    }
    return out.toByteArray();
  }

  private static int pages(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return d.getNumberOfPages();
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument d = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(d);
    }
  }

  /** Every character drawn, with its page and position (to a hundredth of a point). */
  private static List<String> glyphs(byte[] pdf) throws IOException {
    List<String> found = new ArrayList<>();
    try (PDDocument d = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
              found.add(
                  String.format(
                      Locale.ROOT,
                      "%d %s %.2f %.2f",
                      getCurrentPageNo(),
                      t.getUnicode(),
                      t.getXDirAdj(),
                      t.getYDirAdj()));
            }
          };
      stripper.getText(d);
    }
    return found;
  }

  /** The characters of the titles (all but digits), with their places. */
  private static List<String> titles(byte[] pdf) throws IOException {
    return glyphs(pdf).stream().filter(g -> !g.split(" ")[1].matches("\\d")).toList();
  }
}
