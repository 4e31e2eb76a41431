package dev.gazette.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Rebuilds the printed lines of a PDF from PDFBox text positions: glyphs are grouped by page and
 * baseline, then split where a horizontal gap is wider than a column gap. Each line keeps where it
 * starts and ends and the font size of its first glyph, so tests can measure typesetting.
 */
public final class PdfLines {
  private PdfLines() {}

  /** One printed line. {@code x0}/{@code x1}: left and right edge of its glyphs, in points. */
  public record Line(
      int page, float y, float x0, float x1, float fontSize, String font, String text) {
    public int column(float pageWidth) {
      return x0 < pageWidth / 2 - 5 ? 0 : 1;
    }
  }

  /**
   * Lines in reading order: page, then column (left to right, for {@code columns} columns), then
   * top to bottom.
   */
  public static List<Line> read(Path pdf, int columns) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    float[] pageWidth = {0};
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pageWidth[0] = doc.getPage(0).getMediaBox().getWidth();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
              String u = t.getUnicode();
              if (u != null && !u.isBlank()) {
                glyphs.add(
                    new Glyph(
                        getCurrentPageNo(),
                        t.getYDirAdj(),
                        t.getXDirAdj(),
                        t.getXDirAdj() + t.getWidthDirAdj(),
                        t.getFontSizeInPt(),
                        t.getFont() == null ? "" : t.getFont().getName(),
                        u));
              }
            }
          };
      stripper.getText(doc);
    }
    Map<String, List<Glyph>> rows = new TreeMap<>();
    for (Glyph g : glyphs) {
      rows.computeIfAbsent(
              String.format("%06d/%08.1f", g.page, Math.round(g.y * 2) / 2.0),
              k -> new ArrayList<>())
          .add(g);
    }
    List<Line> lines = new ArrayList<>();
    for (List<Glyph> row : rows.values()) {
      row.sort(Comparator.comparingDouble(g -> g.x0));
      List<Glyph> current = new ArrayList<>();
      for (Glyph g : row) {
        if (!current.isEmpty() && g.x0 - current.get(current.size() - 1).x1 > 14) {
          lines.add(line(current));
          current = new ArrayList<>();
        }
        current.add(g);
      }
      lines.add(line(current));
    }
    float width = pageWidth[0];
    lines.sort(
        Comparator.comparingInt(Line::page)
            .thenComparingInt(l -> columns > 1 ? l.column(width) : 0)
            .thenComparingDouble(Line::y));
    return lines;
  }

  public static float pageWidth(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getPage(0).getMediaBox().getWidth();
    }
  }

  private static Line line(List<Glyph> glyphs) {
    StringBuilder sb = new StringBuilder();
    for (Glyph g : glyphs) {
      sb.append(g.text);
    }
    Glyph first = glyphs.get(0);
    return new Line(
        first.page,
        first.y,
        first.x0,
        glyphs.get(glyphs.size() - 1).x1,
        first.size,
        first.font,
        sb.toString());
  }

  private record Glyph(
      int page, float y, float x0, float x1, float size, String font, String text) {}
}
