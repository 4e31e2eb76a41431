package dev.gazette.render.pdf;

import dev.gazette.util.Cjk;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps short code and keys in table cells whole. The stylesheet lets words break anywhere ({@code
 * body { word-wrap: break-word }}, so a long address never runs off the page), and OpenHTMLtoPDF
 * then counts a cell's narrowest width as one character: beside a column of long CJK text, a column
 * of keys was squeezed to a few characters and {@code Ctrl-B} broke inside (maku77's shortcut
 * tables). A Latin token no longer than {@link #MAX_CHARS} is set on one line ({@code Ctrl-B}, not
 * {@code Ctrl-} and {@code B}); a longer one may still break anywhere, so a table never grows past
 * the page.
 */
final class TableCells {
  static final String CLASS = "unbroken";
  static final int MAX_CHARS = 24;

  private static final Evaluator CODE_IN_CELLS =
      Selector.evaluatorOf("td code, th code, td kbd, th kbd");

  private static final Evaluator PREFORMATTED = Selector.evaluatorOf("pre");
  private static final Evaluator TABLE = Selector.evaluatorOf("table");
  private static final Evaluator ROW = Selector.evaluatorOf("tr");
  private static final Evaluator CELL_PICTURES = Selector.evaluatorOf("td img, th img");

  private TableCells() {}

  /** CJK text breaks between its characters, in a cell as anywhere: only Latin tokens are kept. */
  private static boolean hasCjk(String text) {
    return text.codePoints().anyMatch(Cjk::isCjkLetter);
  }

  static void apply(Element root) {
    for (Element code : root.select(CODE_IN_CELLS)) {
      String text = code.text();
      if (text.length() <= MAX_CHARS && !hasCjk(text) && code.closest(PREFORMATTED) == null) {
        code.addClass(CLASS);
      }
    }
  }

  /**
   * Sets a table of many columns smaller, so that its words fit the measure whole: a notebook's
   * pandas frame of 25 columns had a digit a line on an A5 page (the body's {@code word-wrap:
   * break-word} lets the renderer squeeze a column below its longest word). The size is what the
   * table's longest words need, from 0.9 down to {@link #SMALLEST} of the text's; a table that fits
   * at it keeps its words whole ({@link #WIDE_CLASS}), one that does not still breaks them, so
   * nothing runs off the page.
   *
   * @param measureEm the width of a column of text, in ems of the body's text
   */
  static void fitWideTables(Element root, double measureEm) {
    for (Element table : root.select(TABLE)) {
      int columns = columns(table);
      if (columns < 2) {
        continue;
      }
      if (columns < WIDE) {
        keepWordsWhole(table, measureEm);
        continue;
      }
      double need = minimumWidthEm(table, WIDE_PADDING_EM);
      if (need <= 0) {
        continue;
      }
      double size = Math.max(SMALLEST, Math.min(0.9, measureEm / need));
      if (size >= 0.9) {
        continue; // the stylesheet's own size fits
      }
      table.attr("style", String.format(java.util.Locale.ROOT, "font-size: %.2fem", size));
      table.addClass(need * size <= measureEm ? WIDE_CLASS : SQUEEZED_CLASS);
    }
  }

  /**
   * Keeps the words of a table of a few columns whole when they fit the measure at the table's own
   * size: the body's {@code word-wrap: break-word} let the renderer squeeze a column of short
   * labels beside columns of long Chinese text to a letter a line ("S h el l,"), a comma opening a
   * line (servicemesher's table of Linux and Kubernetes terms). A table whose longest words do not
   * fit (a long address) still breaks them, so nothing runs off the page.
   */
  private static void keepWordsWhole(Element table, double measureEm) {
    if (minimumWidthEm(table, PADDING_EM) * TABLE_SIZE <= measureEm) {
      table.addClass(WHOLE_WORDS_CLASS);
    }
  }

  /**
   * Caps the pictures in a table's cells at an even share of the measure: a picture in a cell keeps
   * its own width (the cell grows to hold it, the table's layout being automatic), so Flink's table
   * of two charts a row ran off the page and squeezed its first column to a letter a line. Each
   * picture of a table of n columns is at most 1/n of the measure, less the cell's padding.
   *
   * @param measureMm the width of a column of text, in millimetres
   */
  static void fitPictures(Element root, double measureMm) {
    for (Element table : root.select(TABLE)) {
      List<Element> pictures =
          table.select(CELL_PICTURES).stream().filter(img -> img.closest(TABLE) == table).toList();
      int columns = columns(table);
      if (pictures.isEmpty() || columns < 2) {
        continue;
      }
      double share = Math.max(10, measureMm / columns - CELL_PADDING_MM);
      for (Element img : pictures) {
        String style = img.attr("style");
        img.attr(
            "style",
            (style.isBlank() ? "" : style.strip().replaceFirst(";?$", "; "))
                + String.format(java.util.Locale.ROOT, "max-width: %.1fmm", share));
      }
    }
  }

  /** A cell's padding and rule across, both sides: base.css's 0.3em and 0.5em, and more. */
  static final double CELL_PADDING_MM = 4;

  /** Fewest columns of a table {@link #fitWideTables} sets smaller. */
  static final int WIDE = 8;

  /** Smallest size of a table's text, as a share of the body's: about 4.2 points in the default. */
  static final double SMALLEST = 0.4;

  /** The size of a table's text in the stylesheet (base.css), as a share of the body's. */
  static final double TABLE_SIZE = 0.9;

  /** A cell's padding, both sides, and its rule, in ems: base.css's, and a wide table's. */
  static final double PADDING_EM = 1.1;

  static final double WIDE_PADDING_EM = 0.5;

  static final String WHOLE_WORDS_CLASS = "whole-words";
  static final String WIDE_CLASS = "wide-table";
  static final String SQUEEZED_CLASS = "squeezed-table";

  /** The most columns a row of {@code table} (not of a table inside it) spans. */
  private static int columns(Element table) {
    int most = 0;
    for (Element row : rows(table)) {
      int n = 0;
      for (Element cell : row.children()) {
        if (cell.nameIs("td") || cell.nameIs("th")) {
          n += span(cell);
        }
      }
      most = Math.max(most, n);
    }
    return most;
  }

  private static List<Element> rows(Element table) {
    return table.select(ROW).stream().filter(r -> r.closest(TABLE) == table).toList();
  }

  private static int span(Element cell) {
    try {
      return Math.max(1, Math.min(100, Integer.parseInt(cell.attr("colspan").strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * The width the table needs, in ems of its own text, to set each cell's longest word whole: per
   * column the widest such word of its single-column cells, a Latin letter or digit taken as 0.55em
   * (0.6em in a header), plus the cell's padding and rule. A line may break before any CJK letter,
   * so a CJK letter and the punctuation after it make a word of their own.
   */
  static double minimumWidthEm(Element table, double paddingEm) {
    List<Double> widths = new java.util.ArrayList<>();
    for (Element row : rows(table)) {
      int col = 0;
      for (Element cell : row.children()) {
        if (!cell.nameIs("td") && !cell.nameIs("th")) {
          continue;
        }
        int span = span(cell);
        if (span == 1) {
          double latin = cell.nameIs("th") ? 0.6 : 0.55;
          double widest = 0;
          for (String word : cell.text().split("\\s+")) {
            double w = 0;
            for (int i = 0; i < word.length(); ) {
              int cp = word.codePointAt(i);
              if (Cjk.isCjkLetter(cp)) {
                widest = Math.max(widest, w);
                w = 1.0;
              } else {
                w += latin;
              }
              i += Character.charCount(cp);
            }
            widest = Math.max(widest, w);
          }
          while (widths.size() <= col) {
            widths.add(0.0);
          }
          widths.set(col, Math.max(widths.get(col), widest));
        }
        col += span;
      }
    }
    double total = 0;
    for (double w : widths) {
      total += w + paddingEm;
    }
    return total * 1.1; // the renderer's own rounding and the faces' wider glyphs
  }
}
