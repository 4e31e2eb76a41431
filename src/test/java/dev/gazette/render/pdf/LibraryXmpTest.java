package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.Test;

/**
 * Without OpenHTMLtoPDF's own XMP packet (which {@link PdfStandards#finish} replaces anyway) a
 * tagged PDF is the same to the byte, catalog entries included.
 */
class LibraryXmpTest {
  private static final String HTML =
      "<html lang=\"zh-CN\"><head><title>Title</title></head><body>"
          + "<div style=\"width: 20px; height: 20px; background: #336699\"></div></body></html>";

  private static byte[] render(boolean skip, boolean tags) throws Exception {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.withHtmlContent(HTML, null);
    builder.usePdfUaAccessibility(tags);
    builder.withProducer("test");
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      assertThat(skip && LibraryXmp.skip(renderer)).isEqualTo(skip && tags);
      renderer.layout();
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      // What PdfStandards.finish does with the packet, and a fixed date and document id.
      Calendar date = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      date.setTimeInMillis(0);
      pdf.getDocumentInformation().setCreationDate(date);
      pdf.getDocumentInformation().setModificationDate(date);
      pdf.getDocumentCatalog()
          .setMetadata(
              new PDMetadata(
                  pdf, new ByteArrayInputStream("<x:xmpmeta/>".getBytes(StandardCharsets.UTF_8))));
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
  void aTaggedPdfIsTheSameWithoutTheLibrarysPacket() throws Exception {
    byte[] library = render(false, true);
    byte[] ours = render(true, true);
    assertThat(ours).isEqualTo(library);
    try (PDDocument pdf = Loader.loadPDF(ours)) {
      PDDocumentCatalog catalog = pdf.getDocumentCatalog();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getLanguage()).isEqualTo("zh-CN");
      assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8))
          .isEqualTo("<x:xmpmeta/>");
    }
  }

  @Test
  void anUntaggedPdfIsLeftAlone() throws Exception {
    assertThat(render(true, false)).isEqualTo(render(false, false));
  }
}
