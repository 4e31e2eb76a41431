package dev.gazette.cover;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link JpegWriter} hands the encoder an {@code int} RGB picture as bytes; the JPEG must be the
 * bytes the {@code int} picture gives.
 */
class JpegBytesTest {
  @Test
  void anIntPictureAndItsBytesGiveTheSameJpeg() throws Exception {
    Random random = new Random(16);
    for (int[] size : new int[][] {{1600, 2560}, {37, 11}, {1, 1}}) {
      BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      for (int i = 0; i < 200; i++) {
        g.setColor(new Color(random.nextInt(0x1000000)));
        g.fillOval(
            random.nextInt(size[0]), random.nextInt(size[1]), random.nextInt(400), 1 + i % 90);
      }
      g.setFont(new Font(Font.SERIF, Font.BOLD, 120));
      g.setColor(Color.BLACK);
      g.drawString("Gazette 2026", 40, size[1] / 2);
      g.dispose();

      BufferedImage bytes = JpegWriter.asBytes(image);
      assertThat(bytes.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
      assertThat(bytes.getRGB(size[0] - 1, size[1] - 1))
          .isEqualTo(image.getRGB(size[0] - 1, size[1] - 1));
      assertThat(JpegWriter.write(image)).isEqualTo(intJpeg(image));
    }
  }

  @Test
  void otherPicturesAreWrittenAsTheyAre() {
    BufferedImage gray = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
    assertThat(JpegWriter.asBytes(gray)).isSameAs(gray);
  }

  /** What {@link JpegWriter} wrote before: the {@code int} picture given to the encoder. */
  private static byte[] intJpeg(BufferedImage rgb) {
    return JpegWriter.encode(rgb);
  }
}
