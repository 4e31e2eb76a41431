package dev.gazette.typeset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PDF page sizes. One place for what the command line, {@code gazette.yml} and the PDF renderer
 * accept and what each size means on paper.
 */
public enum PageSize {
  A5("A5", "A5", 148, 210, 150, null),
  /**
   * Side margins of 30 mm keep a line of the single text column at about 40 Chinese characters or
   * 80 Latin letters (182 mm at the stylesheet's 14 mm would be 49 and over 95).
   */
  A4("A4", "A4", 210, 297, 230, "16mm 30mm 18mm 30mm"),
  LETTER("Letter", "letter", 215.9, 279.4, 215, "16mm 33mm 18mm 33mm"),
  /** A 6-inch e-reader screen: small margins, the page is the screen. */
  SIX_INCH("6in", "90mm 120mm", 90, 120, 85, "8mm 6mm 10mm 6mm");

  private final String label;
  private final String cssSize;
  private final double widthMm;
  private final double heightMm;
  private final int imageMaxHeightMm;
  private final String cssMargins;

  PageSize(
      String label,
      String cssSize,
      double widthMm,
      double heightMm,
      int imageMaxHeightMm,
      String cssMargins) {
    this.label = label;
    this.cssSize = cssSize;
    this.widthMm = widthMm;
    this.heightMm = heightMm;
    this.imageMaxHeightMm = imageMaxHeightMm;
    this.cssMargins = cssMargins;
  }

  /**
   * The size named {@code text} ({@code A5}, {@code A4}, {@code Letter}, {@code 6in}, any case).
   */
  public static Optional<PageSize> parse(String text) {
    return Arrays.stream(values()).filter(p -> p.label.equalsIgnoreCase(text.strip())).findFirst();
  }

  /** The size named {@code text}, or A5 for a name that is none. */
  public static PageSize parseOrA5(String text) {
    return parse(text).orElse(A5);
  }

  /** The names users write, in the order documented. */
  public static List<String> labels() {
    return Arrays.stream(values()).map(p -> p.label).toList();
  }

  public String label() {
    return label;
  }

  /** The value of CSS {@code @page size}. */
  public String cssSize() {
    return cssSize;
  }

  public double widthMm() {
    return widthMm;
  }

  public double heightMm() {
    return heightMm;
  }

  /** The page's text height less room for a caption: a taller image is scaled, never cut. */
  public int imageMaxHeightMm() {
    return imageMaxHeightMm;
  }

  /** Left and right page margin of {@code styles/pdf.css}, used where a size keeps them. */
  static final double STYLESHEET_SIDE_MARGIN_MM = 14;

  /** Width of the text on the page: the page less its left and right margins. */
  public double textWidthMm() {
    if (cssMargins == null) {
      return widthMm - 2 * STYLESHEET_SIDE_MARGIN_MM;
    }
    String[] m = cssMargins.replace("mm", "").trim().split("\\s+");
    return widthMm - Double.parseDouble(m[1]) - Double.parseDouble(m[3]);
  }

  /**
   * Whether a line of this page is too short to justify English well: under 100 mm (the 6-inch
   * page's 78 mm hold about 45 letters) a justified line that may not stretch its spaces past twice
   * their width ends short of the edge one time in four, so English is set ragged-right there.
   */
  public boolean narrowMeasure() {
    return textWidthMm() < 100;
  }

  /** {@code @page} margins replacing the stylesheet's, or empty to keep them. */
  public Optional<String> cssMargins() {
    return Optional.ofNullable(cssMargins);
  }

  @Override
  public String toString() {
    return label.toLowerCase(Locale.ROOT);
  }
}
