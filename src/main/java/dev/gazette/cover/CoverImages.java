package dev.gazette.cover;

import dev.gazette.assets.ImageType;
import dev.gazette.model.Asset;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A cover picture given by the user: JPEG and PNG are kept as they are, other formats become JPEG.
 */
public final class CoverImages {
  private CoverImages() {}

  /**
   * Reads {@code file} as a cover.
   *
   * @throws IOException when the file cannot be read or is not a picture
   */
  public static Asset read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new IOException("not a picture Gazette can read (use JPEG or PNG)");
    }
    ImageType type = ImageType.sniff(bytes).orElse(null);
    if (type == ImageType.JPEG || type == ImageType.PNG) {
      return new Asset(
          "images/cover." + type.extension(),
          type.mediaType(),
          bytes,
          image.getWidth(),
          image.getHeight());
    }
    // GIF, WebP, BMP, TIFF: not safe on every reader, so flattened onto white and saved as JPEG.
    BufferedImage rgb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return new Asset(
        "images/cover.jpg", "image/jpeg", JpegWriter.write(rgb), rgb.getWidth(), rgb.getHeight());
  }
}
