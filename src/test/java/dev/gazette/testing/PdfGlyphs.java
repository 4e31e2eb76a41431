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
 * The glyphs a PDF draws, as PDFBox reads them back, and the printed rows they make: for tests that
 * measure spacing glyph by glyph (justification, word gaps, leaders). {@link PdfLines} is the
 * coarser view: whole lines split at column gaps.
 */
public final class PdfGlyphs {
  private PdfGlyphs() {}

  /**
   * One drawn glyph. {@code y}: its baseline rounded to half a point, so a row's glyphs agree;
   * {@code x0}/{@code x1}: left and right edge; {@code space}: the width of a space in its font.
   */
  public record Glyph(
      int page, float y, float x0, float x1, float size, float space, String font, String text) {}

  /** Every visible glyph, in the order the content streams draw them. */
  public static List<Glyph> read(Path pdf) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      new PDFTextStripper() {
        @Override
        protected void processTextPosition(TextPosition t) {
          if (t.getUnicode() != null && !t.getUnicode().isBlank()) {
            glyphs.add(
                new Glyph(
                    getCurrentPageNo(),
                    Math.round(t.getYDirAdj() * 2) / 2f,
                    t.getXDirAdj(),
                    t.getXDirAdj() + t.getWidthDirAdj(),
                    t.getFontSizeInPt(),
                    t.getWidthOfSpace(),
                    t.getFont() == null ? "" : t.getFont().getName(),
                    t.getUnicode()));
          }
        }
      }.getText(doc);
    }
    return glyphs;
  }

  /** Printed rows: glyphs on one baseline of one page, left to right, top to bottom. */
  public static List<List<Glyph>> rows(Path pdf) throws IOException {
    Map<String, List<Glyph>> byRow = new TreeMap<>();
    for (Glyph g : read(pdf)) {
      byRow
          .computeIfAbsent(String.format("%06d/%08.1f", g.page(), g.y()), k -> new ArrayList<>())
          .add(g);
    }
    List<List<Glyph>> rows = new ArrayList<>();
    for (List<Glyph> row : byRow.values()) {
      row.sort(Comparator.comparingDouble(Glyph::x0));
      rows.add(row);
    }
    return rows;
  }

  /** A row's text, with a space wherever two glyphs stand more than 0.15 em apart. */
  public static String text(List<Glyph> row) {
    StringBuilder sb = new StringBuilder();
    Glyph last = null;
    for (Glyph g : row) {
      if (last != null && g.x0() - last.x1() > g.size() * 0.15) {
        sb.append(' ');
      }
      sb.append(g.text());
      last = g;
    }
    return sb.toString();
  }

  /** Gaps between words of a row (wider than a tenth of the size, so not between letters). */
  public static List<Float> gaps(List<Glyph> row) {
    List<Float> gaps = new ArrayList<>();
    for (int k = 0; k + 1 < row.size(); k++) {
      float gap = row.get(k + 1).x0() - row.get(k).x1();
      if (gap > row.get(k).size() * 0.1) {
        gaps.add(gap);
      }
    }
    return gaps;
  }
}
