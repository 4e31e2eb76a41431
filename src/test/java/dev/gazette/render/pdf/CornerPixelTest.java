package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.cover.JpegWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The corner pixel read alone is the one a whole decode gives. */
class CornerPixelTest {
  @Test
  void theCornerOfAJpegOrPngIsTheWholeDecodesCorner() throws Exception {
    Random random = new Random(25);
    for (int[] size : new int[][] {{1600, 2560}, {17, 9}, {1, 1}, {640, 3}}) {
      for (int round = 0; round < 3; round++) {
        BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillRect(0, 0, size[0], size[1]);
        for (int i = 0; i < 50; i++) {
          g.setColor(new Color(random.nextInt(0x1000000)));
          g.fillOval(random.nextInt(size[0]) - 5, random.nextInt(size[1]) - 5, 1 + i, 1 + i);
        }
        g.dispose();
        byte[] jpeg = JpegWriter.write(image);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        for (byte[] picture : new byte[][] {jpeg, png.toByteArray()}) {
          int whole = ImageIO.read(new ByteArrayInputStream(picture)).getRGB(0, 0);
          assertThat(CornerPixel.of(picture)).isEqualTo(whole);
        }
      }
    }
  }

  @Test
  void somethingThatIsNotAPictureHasNoCorner() throws Exception {
    assertThat(CornerPixel.of("not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isNull();
  }
}
