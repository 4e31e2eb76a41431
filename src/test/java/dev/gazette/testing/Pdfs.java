package dev.gazette.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDF helpers for tests, all on PDFBox. */
public final class Pdfs {
  private Pdfs() {}

  /** A bookmark and its children. */
  public record Bookmark(String title, List<Bookmark> children) {}

  public static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      // Runs in another font (emphasis, bold) are drawn separately; read in visual order.
      stripper.setSortByPosition(true);
      return stripper.getText(doc);
    }
  }

  /**
   * Text with all white space removed, for comparing with source text regardless of line breaks.
   */
  public static String compactText(Path pdf) throws IOException {
    return compact(text(pdf));
  }

  public static String compact(String s) {
    return s.replaceAll("[\\s\\u00A0\\u3000]+", "");
  }

  /**
   * Text without page furniture: lines that are only a page number or equal to one of {@code
   * runningHeaders} are dropped, so paragraphs that cross a page read as one.
   */
  public static String textWithoutFurniture(Path pdf, java.util.Collection<String> runningHeaders)
      throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : text(pdf).split("\\R")) {
      String t = line.strip();
      if (t.matches("\\d+") || runningHeaders.contains(t)) {
        continue;
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /**
   * Width and height, in points, of each image drawn on a page (0-based), and the page size last.
   */
  public static List<float[]> imageSizes(Path pdf, int pageIndex) throws IOException {
    List<float[]> sizes = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDPage page = doc.getPage(pageIndex);
      new PageGraphics(page) {
        @Override
        public void drawImage(org.apache.pdfbox.pdmodel.graphics.image.PDImage image) {
          var m = getGraphicsState().getCurrentTransformationMatrix();
          sizes.add(new float[] {m.getScalingFactorX(), m.getScalingFactorY()});
        }
      }.run();
      sizes.add(new float[] {page.getMediaBox().getWidth(), page.getMediaBox().getHeight()});
    }
    return sizes;
  }

  public static int pageCount(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getNumberOfPages();
    }
  }

  /** Base names of every font used on any page (subset fonts carry an {@code ABCDEF+} prefix). */
  public static List<String> fontNames(Path pdf) throws IOException {
    List<String> names = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        for (var name : res.getFontNames()) {
          PDFont font = res.getFont(name);
          if (!names.contains(font.getName())) {
            names.add(font.getName());
          }
        }
      }
    }
    return names;
  }

  /** True when every font of the PDF is embedded. */
  public static boolean allFontsEmbedded(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        PDResources res = page.getResources();
        for (var name : res.getFontNames()) {
          if (!res.getFont(name).isEmbedded()) {
            return false;
          }
        }
      }
    }
    return true;
  }

  public static List<Bookmark> outline(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      var outline = doc.getDocumentCatalog().getDocumentOutline();
      return outline == null ? List.of() : children(outline);
    }
  }

  private static List<Bookmark> children(PDOutlineNode node) {
    List<Bookmark> result = new ArrayList<>();
    for (PDOutlineItem item : node.children()) {
      result.add(new Bookmark(item.getTitle(), children(item)));
    }
    return result;
  }
}
