package dev.gazette.catalog;

import dev.gazette.cover.JpegWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Small covers for catalog listings: the cover scaled to fit {@link #MAX_WIDTH} × {@link
 * #MAX_HEIGHT} (never enlarged), transparency flattened onto white, written as a baseline JPEG.
 * Scaling halves the picture step by step with bilinear filtering: no randomness and no clock, so
 * the same cover gives the same bytes.
 */
final class Thumbnails {
  static final int MAX_WIDTH = 200;
  static final int MAX_HEIGHT = 300;

  private Thumbnails() {}

  /** The thumbnail, or null when the picture cannot be decoded (an SVG cover). */
  static Thumbnail of(byte[] cover) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(cover));
    if (image == null) {
      return null;
    }
    double scale =
        Math.min(
            1.0,
            Math.min(
                MAX_WIDTH / (double) image.getWidth(), MAX_HEIGHT / (double) image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage current = flatten(image);
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() != width || current.getHeight() != height) {
      current = draw(current, width, height);
    }
    return new Thumbnail(JpegWriter.write(current), width, height);
  }

  /** A JPEG thumbnail and its size. */
  record Thumbnail(byte[] jpeg, int width, int height) {}

  private static BufferedImage flatten(BufferedImage image) {
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return rgb;
  }

  private static BufferedImage draw(BufferedImage from, int width, int height) {
    BufferedImage to = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = to.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(from, 0, 0, width, height, null);
    g.dispose();
    return to;
  }
}
