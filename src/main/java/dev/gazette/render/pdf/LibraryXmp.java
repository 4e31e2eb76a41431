package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PDFCreationListener;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import java.lang.reflect.Field;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Keeps OpenHTMLtoPDF from writing an XMP packet that {@link PdfStandards#finish} replaces. For a
 * tagged PDF the library builds its own packet with xmpbox and serializes it through the JDK's XML
 * transformer before the first page: ~230 xmpbox classes, the transformer and a dozen charsets,
 * about 0.1-0.2 s of CPU in a one-post build, for bytes no PDF keeps. The library has no switch for
 * it apart from tagging itself, so its private flag is turned off after the renderer is built (as
 * {@link PartWriter} reads PDFBox's internals), and the catalog entries the library set along with
 * the packet are set here instead, at the same moment and in the same order: the PDF is the same to
 * the byte. When the flag is not found (another library version) nothing changes.
 *
 * <p>A PDF/A document keeps the library's path: there the packet carries the conformance level the
 * layout engine was asked for.
 */
final class LibraryXmp {
  private LibraryXmp() {}

  private static final Field PDF_UA = field();

  private static Field field() {
    try {
      Field f = PdfBoxRenderer.class.getDeclaredField("_pdfUaConformance");
      if (!boolean.class.equals(f.getType())) {
        return null;
      }
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Turns off the library's packet of a tagged document and sets the catalog entries it came with
   * before the pages are written. Returns whether it did; the renderer must have no listener yet.
   */
  static boolean skip(PdfBoxRenderer renderer) {
    if (PDF_UA == null || renderer.getListener() != null) {
      return false;
    }
    try {
      if (!PDF_UA.getBoolean(renderer)) {
        return false;
      }
      PDF_UA.setBoolean(renderer, false);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
    renderer.setListener(
        new PDFCreationListener() {
          @Override
          public void preOpen(PdfBoxRenderer r) {}

          @Override
          public void preWrite(PdfBoxRenderer r, int pageCount) {
            catalogEntries(
                r.getPdfDocument(), r.getDocument().getDocumentElement().getAttribute("lang"));
          }

          @Override
          public void onClose(PdfBoxRenderer r) {}
        });
    return true;
  }

  /**
   * What OpenHTMLtoPDF's {@code addPdfASchema} puts in the catalog besides the packet, in its
   * order: a metadata stream (its content is written by {@link PdfStandards#finish}), the mark that
   * the document is tagged, the language (the root element's, else {@code EN-US}) and the viewer's
   * preference to show the title.
   */
  static void catalogEntries(PDDocument document, String lang) {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    catalog.setMetadata(new PDMetadata(document));
    PDMarkInfo markInfo = new PDMarkInfo();
    markInfo.setMarked(true);
    catalog.setMarkInfo(markInfo);
    catalog.setLanguage(!lang.isEmpty() ? lang : "EN-US");
    catalog.setViewerPreferences(new PDViewerPreferences(new COSDictionary()));
    catalog.getViewerPreferences().setDisplayDocTitle(true);
  }
}
