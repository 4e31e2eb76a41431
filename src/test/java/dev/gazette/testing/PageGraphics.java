package dev.gazette.testing;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Walks what a page draws; every operation does nothing until a test overrides the ones it measures
 * (images, rectangles, lines, curves). It keeps the current point for {@code moveTo} / {@code
 * lineTo} so overrides can read it.
 */
public abstract class PageGraphics extends PDFGraphicsStreamEngine {
  protected Point2D.Float current = new Point2D.Float();

  protected PageGraphics(PDPage page) {
    super(page);
  }

  /** Processes the page, calling the overridden operations. */
  public void run() throws IOException {
    processPage(getPage());
  }

  @Override
  public void drawImage(PDImage image) throws IOException {}

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {}

  @Override
  public void clip(int windingRule) {}

  @Override
  public void moveTo(float x, float y) {
    current = new Point2D.Float(x, y);
  }

  @Override
  public void lineTo(float x, float y) {
    current = new Point2D.Float(x, y);
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    current = new Point2D.Float(x3, y3);
  }

  @Override
  public Point2D getCurrentPoint() {
    return current;
  }

  @Override
  public void closePath() {}

  @Override
  public void endPath() {}

  @Override
  public void strokePath() {}

  @Override
  public void fillPath(int windingRule) {}

  @Override
  public void fillAndStrokePath(int windingRule) {}

  @Override
  public void shadingFill(COSName shadingName) {}
}
