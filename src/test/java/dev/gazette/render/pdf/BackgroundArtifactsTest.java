package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gazette.util.LibraryLogs;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * A tagged PDF written through {@link BackgroundArtifacts} is, after the structure fixes, the same
 * to the byte as the library's own render after them, and it has no empty artifact left to cut:
 * only the artifacts that hold a background or a border are written.
 */
class BackgroundArtifactsTest {
  /**
   * Boxes with and without backgrounds, borders, text decorations, a table with collapsed borders,
   * a list, running headers, and pages enough for several.
   */
  private static final String HTML;

  static {
    StringBuilder body = new StringBuilder();
    body.append("<div class=\"head\">Running head</div>");
    for (int i = 0; i < 40; i++) {
      body.append("<h2>Heading ")
          .append(i)
          .append("</h2>")
          .append("<p>Plain paragraph ")
          .append(i)
          .append(" with <a href=\"#h")
          .append(i)
          .append("\">a link</a>, <u>underlined</u>, <s>struck</s> and <em>emphasis</em>.</p>")
          .append("<div style=\"background: #eef\"><p>On a background ")
          .append(i)
          .append("</p></div>")
          .append("<blockquote style=\"border-left: 2pt solid #999\"><p>Quoted ")
          .append(i)
          .append("</p></blockquote>")
          .append("<ul><li>one</li><li><span style=\"border: 1px solid red\">two</span></li></ul>")
          .append(
              "<table style=\"border-collapse: collapse\"><tr><td style=\"border: 1px solid"
                  + " black\">a</td><td>b</td></tr><tr style=\"background:"
                  + " #ddd\"><td>c</td><td>d</td></tr></table>")
          .append("<div><div><div><span id=\"h")
          .append(i)
          .append("\">nested</span></div></div></div>");
    }
    HTML =
        "<html lang=\"en\"><head><title>T</title><style>@page { size: A6; @top-center { content:"
            + " element(head) } } body { font-family: 'Noto Sans' } .head { position: running(head)"
            + " }</style></head><body>"
            + body
            + "</body></html>";
  }

  @org.junit.jupiter.api.BeforeAll
  static void quiet() {
    LibraryLogs.quiet();
  }

  private static byte[] render(boolean held, int[] removed) throws Exception {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.withHtmlContent(HTML, null);
    builder.useFont(new java.io.File("fonts/NotoSans-Regular.ttf"), "Noto Sans");
    builder.usePdfUaAccessibility(true);
    builder.withProducer("test");
    BackgroundArtifacts backgrounds = held ? BackgroundArtifacts.use(builder) : null;
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      if (backgrounds != null) {
        backgrounds.attach(renderer);
      }
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      if (backgrounds != null) {
        for (PDPage page : pdf.getPages()) {
          assertThat(backgrounds.clean(page)).as("closed through Held").isTrue();
        }
        // A page whose content changes after it was closed is read again.
        PDPage last = pdf.getPage(pdf.getNumberOfPages() - 1);
        COSBase contents = last.getCOSObject().getItem(COSName.CONTENTS);
        last.getCOSObject().setItem(COSName.CONTENTS, new COSStream());
        assertThat(backgrounds.clean(last)).isFalse();
        last.getCOSObject().setItem(COSName.CONTENTS, contents);
      }
      removed[0] = EmptyArtifacts.remove(pdf, backgrounds);
      Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      date.setTimeInMillis(0);
      pdf.getDocumentInformation().setCreationDate(date);
      pdf.getDocumentInformation().setModificationDate(date);
      COSArray id = new COSArray();
      id.add(new COSString("id"));
      id.add(new COSString("id"));
      pdf.getDocument().getTrailer().setItem(COSName.ID, id);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pdf.save(out);
      pdf.close();
      return out.toByteArray();
    }
  }

  @Test
  void theSameBytesWithoutEmptyArtifactsToCut() throws Exception {
    int[] libraryRemoved = new int[1];
    int[] heldRemoved = new int[1];
    byte[] library = render(false, libraryRemoved);
    byte[] ours = render(true, heldRemoved);
    assertThat(libraryRemoved[0]).isGreaterThan(1000); // the library's empty artifacts
    assertThat(heldRemoved[0]).isZero(); // none was written
    assertThat(ours).isEqualTo(library);

    try (PDDocument pdf = Loader.loadPDF(ours)) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Plain paragraph 39", "On a background 39", "Quoted 39", "nested");
      // Backgrounds and borders that are painted are still artifacts with their property lists.
      int artifacts = 0;
      for (PDPage page : pdf.getPages()) {
        COSDictionary properties =
            page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
        if (properties != null) {
          for (COSName name : properties.keySet()) {
            COSDictionary list = properties.getCOSDictionary(name);
            assertThat(list).isNotNull(); // no placeholder is left
            if (COSName.getPDFName("Background").equals(list.getCOSName(COSName.TYPE))) {
              artifacts++;
            }
          }
        }
      }
      assertThat(artifacts).isGreaterThanOrEqualTo(40 * 3);
      List<String> types = new ArrayList<>();
      collect(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), types);
      assertThat(types).contains("H2", "P", "L", "LI", "Table", "TD", "Link");
    }
  }

  private static void collect(List<Object> kids, List<String> types) {
    for (Object kid : kids) {
      if (kid instanceof PDStructureElement element) {
        types.add(element.getStructureType());
        collect(element.getKids(), types);
      } else if (kid instanceof PDStructureNode node) {
        collect(node.getKids(), types);
      }
    }
  }
}
