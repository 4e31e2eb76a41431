package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {
  private static final long LIMIT = 100_000_000L;

  @Test
  void realImagesReportTheirSize() throws Exception {
    BufferedImage image = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
    for (String format : new String[] {"png", "jpg", "gif", "bmp", "tiff"}) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      assertThat(ImageHeader.read(out.toByteArray()))
          .as(format)
          .hasValue(new ImageHeader.Size(37, 21));
      assertThat(ImageHeader.refusal(out.toByteArray(), LIMIT)).as(format).isEmpty();
    }
  }

  /**
   * A little-endian TIFF whose first directory gives its width as a LONG, its height as a SHORT.
   */
  @Test
  void aLittleEndianTiffReportsItsSize() {
    byte[] tiff = {
      'I',
      'I',
      42,
      0,
      8,
      0,
      0,
      0, // header, first directory at 8
      2,
      0, // two entries
      0,
      1,
      4,
      0,
      1,
      0,
      0,
      0,
      (byte) 0x80,
      0x38,
      1,
      0, // ImageWidth LONG 80,000
      1,
      1,
      3,
      0,
      1,
      0,
      0,
      0,
      (byte) 0xE8,
      3,
      0,
      0, // ImageLength SHORT 1,000
      0,
      0,
      0,
      0
    };
    assertThat(ImageType.sniff(tiff)).hasValue(ImageType.TIFF);
    assertThat(ImageHeader.read(tiff)).hasValue(new ImageHeader.Size(80_000, 1_000));
    assertThat(ImageHeader.refusal(tiff, 50_000_000L))
        .hasValueSatisfying(r -> assertThat(r).contains("refused before decoding"));
  }

  @Test
  void tinyFilesDeclaringHugeImagesAreRefusedFromTheHeader() {
    byte[] png = pngHeader(50_000, 50_000);
    byte[] jpeg = jpegHeader(50_000, 50_000);
    byte[] gif = gifHeader(65_535, 65_535);
    byte[] webp = webpVp8x(16_383, 16_383);
    for (byte[] bomb : new byte[][] {png, jpeg, gif, webp}) {
      assertThat(bomb.length).isLessThan(200);
      assertThat(ImageHeader.refusal(bomb, LIMIT))
          .hasValueSatisfying(r -> assertThat(r).contains("refused before decoding"));
    }
    assertThat(ImageHeader.read(png)).hasValue(new ImageHeader.Size(50_000, 50_000));
    assertThat(ImageHeader.read(jpeg)).hasValue(new ImageHeader.Size(50_000, 50_000));
    assertThat(ImageHeader.refusal(pngHeader(0, 10), LIMIT))
        .hasValueSatisfying(r -> assertThat(r).contains("empty"));
    assertThat(ImageHeader.refusal(pngHeader(10_000, 10_000), LIMIT)).isEmpty();
  }

  @Test
  void garbageNeverThrows() {
    Random random = new Random(4);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[random.nextInt(64)];
      random.nextBytes(b);
      if (b.length > 3 && i % 4 == 0) {
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
      } else if (b.length > 8 && i % 4 == 1) {
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, b, 0, 8);
      } else if (b.length > 6 && i % 4 == 2) {
        System.arraycopy("GIF89a".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 6);
      }
      ImageHeader.refusal(b, LIMIT);
    }
  }

  static byte[] pngHeader(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(33);
    b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
        .putInt(13)
        .put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(w)
        .putInt(h)
        .put((byte) 8)
        .put((byte) 2)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0)
        .putInt(0);
    return b.array();
  }

  static byte[] jpegHeader(int w, int h) {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xE0,
      0,
      4,
      0,
      0,
      (byte) 0xFF,
      (byte) 0xC2,
      0,
      11,
      8,
      (byte) (h >> 8),
      (byte) h,
      (byte) (w >> 8),
      (byte) w,
      1,
      1,
      0x11,
      0,
      (byte) 0xFF,
      (byte) 0xD9
    };
  }

  static byte[] gifHeader(int w, int h) {
    return new byte[] {
      'G',
      'I',
      'F',
      '8',
      '9',
      'a',
      (byte) w,
      (byte) (w >> 8),
      (byte) h,
      (byte) (h >> 8),
      0,
      0,
      0,
      0x21,
      (byte) 0xF9,
      4,
      0,
      0,
      0,
      0,
      0,
      0x2C,
      0,
      0,
      0,
      0,
      (byte) w,
      (byte) (w >> 8),
      (byte) h,
      (byte) (h >> 8),
      0,
      0x3B
    };
  }

  static byte[] webpVp8x(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(30).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII))
        .putInt(22)
        .put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII))
        .putInt(10)
        .putInt(0);
    int w1 = w - 1;
    int h1 = h - 1;
    b.put((byte) w1)
        .put((byte) (w1 >> 8))
        .put((byte) (w1 >> 16))
        .put((byte) h1)
        .put((byte) (h1 >> 8))
        .put((byte) (h1 >> 16));
    return b.array();
  }
}
