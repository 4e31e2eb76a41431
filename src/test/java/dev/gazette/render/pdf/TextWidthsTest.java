package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gazette.util.LibraryLogs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text measured with remembered widths ({@link TextWidths}) lays out and paints exactly as the
 * library's own measuring: every page's content stream is the same, byte for byte, on random
 * paragraphs that break many lines, justify, mix two embedded faces (each lacking the other's
 * characters, so runs fall back per character), sizes, and characters outside the BMP. The pages
 * are painted through {@link TextWidths#drawString} too: runs the first face draws whole skip the
 * library's test, the others take it, and the bytes are the same.
 */
class TextWidthsTest {
  private static byte[] hangul;
  private static byte[] latin;

  @BeforeAll
  static void fonts() throws IOException {
    LibraryLogs.quiet();
    try (InputStream in =
        TextWidthsTest.class.getResourceAsStream("/fonts/NotoSansKR-Subset.ttf")) {
      hangul = in.readAllBytes();
    }
    latin = Files.readAllBytes(Path.of("fonts", "NotoSans-Regular.ttf"));
  }

  @Test
  void pagesAreTheSameAsWithTheLibrarysMeasuring() throws Exception {
    String html = document(new Random(16));
    List<byte[]> library = pages(render(html, false));
    List<byte[]> remembered = pages(render(html, true));
    assertThat(library).hasSizeGreaterThan(3);
    assertThat(remembered).hasSameSizeAs(library);
    for (int i = 0; i < library.size(); i++) {
      assertThat(remembered.get(i)).as("page %d", i + 1).isEqualTo(library.get(i));
    }
  }

  @Test
  void printableTextIsTheLibrarysPrintableText() {
    String[] samples = {
      "",
      "plain",
      "soft\u00ADhy\u00ADphen\u00AD",
      "\u00AD",
      "\uFFFC",
      "a\uFFFCb",
      "\uD83D\uDE00 emoji \u00AD\uD83D\uDE00",
      "\uD83D", // a lone surrogate
      "세안\u00AD서울",
      "\u00A0\u2060\uFEFF" // other invisibles the library keeps
    };
    for (String sample : samples) {
      String ours = TextWidths.printable(sample);
      assertThat(ours).as(sample).isEqualTo(TextRenderer.getEffectivePrintableString(sample));
      if (ours.equals(sample)) {
        assertThat(ours).as("unchanged text is not copied").isSameAs(sample);
      }
    }
    assertThat(TextWidths.printable(null)).isNull();
  }

  private static String document(Random random) {
    String[] words = {
      "안녕하세요",
      "서울",
      "김치",
      "한국어",
      "요",
      "갑",
      "river",
      "harbour",
      "a",
      "lanterns",
      "Quietly",
      "of",
      "the",
      "morning,",
      "\uD83D\uDE00",
      "세안",
      "naïve",
      "lan\uFFFCterns",
      "x"
    };
    String[] styles = {
      "font-family: kr, latin;",
      "font-family: latin, kr;",
      "font-family: kr, latin; text-align: justify;",
      "font-family: latin, kr; text-align: justify; font-size: 13pt;",
      "font-family: kr, latin; font-size: 7.5pt; letter-spacing: 0.3pt;"
    };
    StringBuilder sb =
        new StringBuilder(
            "<html><head><style>@page { size: 90mm 120mm; margin: 8mm; }"
                + " body { font-size: 10pt; }</style></head><body>\n");
    for (int p = 0; p < 60; p++) {
      sb.append("<p style=\"").append(styles[p % styles.length]).append("\">");
      int n = 5 + random.nextInt(40);
      for (int w = 0; w < n; w++) {
        sb.append(words[random.nextInt(words.length)]);
        sb.append(random.nextInt(4) == 0 ? "" : " ");
      }
      sb.append("</p>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  private static byte[] render(String html, boolean rememberWidths) throws IOException {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.useFont(() -> new ByteArrayInputStream(hangul), "kr", 400, FontStyle.NORMAL, true);
    builder.useFont(() -> new ByteArrayInputStream(latin), "latin", 400, FontStyle.NORMAL, true);
    builder.withHtmlContent(html, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      if (rememberWidths) {
        TextWidths.install(renderer);
      }
      renderer.layout();
      renderer.createPDFWithoutClosing();
      try (PDDocument pdf = renderer.getPdfDocument()) {
        pdf.save(out);
      }
    }
    return out.toByteArray();
  }

  private static List<byte[]> pages(byte[] pdf) throws IOException {
    List<byte[]> contents = new ArrayList<>();
    try (PDDocument d = Loader.loadPDF(pdf)) {
      for (PDPage page : d.getPages()) {
        try (InputStream in = page.getContents()) {
          contents.add(in.readAllBytes());
        }
      }
    }
    return contents;
  }
}
