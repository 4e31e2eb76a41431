package dev.gazette.assets;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.GraphicsConfiguration;
import java.awt.Image;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.image.BufferedImage;
import java.awt.image.BufferedImageOp;
import java.awt.image.ImageObserver;
import java.awt.image.RenderedImage;
import java.awt.image.renderable.RenderableImage;
import java.text.AttributedCharacterIterator;
import org.apache.batik.ext.awt.g2d.AbstractGraphics2D;
import org.apache.batik.ext.awt.g2d.GraphicContext;

/**
 * A {@code Graphics2D} that keeps what is drawn on it as SVG paths: shapes filled, lines stroked
 * into the shapes they cover, text as its glyphs' outlines, in the coordinates of the canvas. Each
 * run of drawing in one colour is one {@code path}. Pictures and XOR painting are not kept (a TeX
 * formula draws neither). Not thread-safe: one canvas per picture.
 */
final class OutlineCanvas extends AbstractGraphics2D {
  /** The names of JLaTeXMath's own fonts, which come with it (jlm_cmr10, jlm_cmmi10 …). */
  private static final String OWN_FONTS = "jlm_";

  /** Outlines as the font designs them: no hinting, no rounding to device pixels. */
  private static final FontRenderContext OUTLINES = new FontRenderContext(null, true, true);

  /** What the canvas and its copies ({@link #create}) have drawn. */
  private static final class Picture {
    final StringBuilder paths = new StringBuilder();
    final StringBuilder run = new StringBuilder();
    String runFill = "";
    boolean otherFonts;
  }

  private final Picture picture;
  private final double[] c = new double[6];

  OutlineCanvas() {
    super(true);
    gc = new GraphicContext();
    picture = new Picture();
  }

  /** A copy with a state of its own that draws into the same picture. */
  private OutlineCanvas(OutlineCanvas parent) {
    super(parent);
    picture = parent.picture;
  }

  /**
   * Whether text was drawn in fonts that did not come with JLaTeXMath: the system's, which differ
   * from machine to machine (CJK in {@code \\text{}}, letters its fonts lack).
   */
  boolean usedOtherFonts() {
    return picture.otherFonts;
  }

  /** The paths drawn so far, one element per line. */
  String paths() {
    flush();
    return picture.paths.toString();
  }

  @Override
  public void fill(Shape shape) {
    String fill = fillOf(gc.getPaint());
    if (fill == null) {
      return;
    }
    PathIterator it = shape.getPathIterator(gc.getTransform());
    boolean evenOdd = it.getWindingRule() == PathIterator.WIND_EVEN_ODD;
    if (!fill.equals(picture.runFill) || evenOdd) {
      flush();
      picture.runFill = fill;
    }
    for (; !it.isDone(); it.next()) {
      switch (it.currentSegment(c)) {
        case PathIterator.SEG_MOVETO -> points('M', 1);
        case PathIterator.SEG_LINETO -> points('L', 1);
        case PathIterator.SEG_QUADTO -> points('Q', 2);
        case PathIterator.SEG_CUBICTO -> points('C', 3);
        default -> picture.run.append('Z');
      }
    }
    if (evenOdd) {
      picture.runFill = fill + " fill-rule=\"evenodd\"";
      flush();
    }
  }

  @Override
  public void draw(Shape shape) {
    fill(gc.getStroke().createStrokedShape(shape));
  }

  @Override
  public void drawString(String text, float x, float y) {
    drawGlyphVector(getFont().createGlyphVector(OUTLINES, text), x, y);
  }

  @Override
  public void drawString(String text, int x, int y) {
    drawString(text, (float) x, (float) y);
  }

  @Override
  public void drawString(AttributedCharacterIterator text, float x, float y) {
    StringBuilder s = new StringBuilder();
    for (char ch = text.first(); ch != AttributedCharacterIterator.DONE; ch = text.next()) {
      s.append(ch);
    }
    drawString(s.toString(), x, y);
  }

  @Override
  public void drawGlyphVector(GlyphVector glyphs, float x, float y) {
    String name = glyphs.getFont().getFontName(java.util.Locale.ROOT);
    if (!name.startsWith(OWN_FONTS) && !name.equals(MathPictures.CjkFace.registered())) {
      picture.otherFonts = true;
    }
    fill(glyphs.getOutline(x, y));
  }

  private void points(char command, int count) {
    StringBuilder run = picture.run;
    run.append(command);
    for (int i = 0; i < 2 * count; i++) {
      if (i > 0) {
        run.append(' ');
      }
      number(run, c[i]);
    }
  }

  /** {@code v} with at most two decimals, without trailing zeros ({@code -0} as {@code 0}). */
  static void number(StringBuilder out, double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths < 0) {
      out.append('-');
      hundredths = -hundredths;
    }
    out.append(hundredths / 100);
    long rest = hundredths % 100;
    if (rest != 0) {
      out.append('.').append(rest / 10);
      if (rest % 10 != 0) {
        out.append(rest % 10);
      }
    }
  }

  private static String fillOf(Paint paint) {
    if (!(paint instanceof Color color) || color.getAlpha() == 0) {
      return null;
    }
    String rgb = String.format("#%06x", color.getRGB() & 0xffffff);
    String fill = rgb.equals("#000000") ? "" : " fill=\"" + rgb + "\"";
    if (color.getAlpha() < 255) {
      fill += " fill-opacity=\"" + Math.round(color.getAlpha() / 2.55) / 100.0 + "\"";
    }
    return fill;
  }

  private void flush() {
    if (picture.run.length() > 0) {
      picture
          .paths
          .append("<path")
          .append(picture.runFill)
          .append(" d=\"")
          .append(picture.run)
          .append("\"/>\n");
      picture.run.setLength(0);
    }
  }

  @Override
  public Graphics create() {
    return new OutlineCanvas(this);
  }

  @Override
  public void dispose() {}

  @Override
  public GraphicsConfiguration getDeviceConfiguration() {
    return null;
  }

  @Override
  public FontMetrics getFontMetrics(Font font) {
    return new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).getGraphics().getFontMetrics(font);
  }

  @Override
  public void setXORMode(Color color) {}

  @Override
  public void copyArea(int x, int y, int width, int height, int dx, int dy) {}

  @Override
  public boolean drawImage(Image img, int x, int y, ImageObserver observer) {
    return true;
  }

  @Override
  public boolean drawImage(Image img, int x, int y, int width, int height, ImageObserver observer) {
    return true;
  }

  @Override
  public void drawImage(BufferedImage img, BufferedImageOp op, int x, int y) {}

  @Override
  public boolean drawImage(Image img, AffineTransform xform, ImageObserver obs) {
    return true;
  }

  @Override
  public void drawRenderedImage(RenderedImage img, AffineTransform xform) {}

  @Override
  public void drawRenderableImage(RenderableImage img, AffineTransform xform) {}
}
