package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * JPEGs with half-height colour (4:4:0) are decoded by Gazette's own code around the native
 * decoder, because IJG libjpeg 6b (bundled with most JDKs) and libjpeg-turbo (a JDK built against
 * the system's) upsample their colour differently.
 */
class Jpeg440Test {
  private static final Color RED = new Color(200, 30, 40);
  private static final Color BLUE = new Color(30, 60, 200);
  private static final Color GREEN = new Color(40, 170, 60);
  private static final Color YELLOW = new Color(230, 210, 50);

  @Test
  void onlySequentialHalfHeightColourJpegsTakeThisWay() {
    BufferedImage photo = TestImages.photo(40, 24);
    assertThat(Jpeg440.layout(TestImages.jpeg440(photo, null))).isPresent();
    assertThat(Jpeg440.layout(TestImages.jpeg(photo))).as("4:2:0").isEmpty();
    assertThat(Jpeg440.layout(TestImages.cmykJpeg(16, 16))).isEmpty();
    assertThat(Jpeg440.layout(TestImages.png(photo))).isEmpty();
  }

  @Test
  void flatColoursComeOutAsTheyWentIn() throws Exception {
    byte[] jpeg = TestImages.jpeg440(quadrants(64, 64), null);
    BufferedImage image = decode(jpeg);
    assertThat(image.getWidth()).isEqualTo(64);
    assertThat(image.getHeight()).isEqualTo(64);
    assertClose(image, 16, 16, RED, 3);
    assertClose(image, 48, 16, BLUE, 3);
    assertClose(image, 16, 48, GREEN, 3);
    assertClose(image, 48, 48, YELLOW, 3);
  }

  @Test
  void oddSizesKeepEveryPixelInPlace() throws Exception {
    // not a whole number of 8x16 units: the luma blocks are put back and cropped
    BufferedImage source = quadrants(37, 29);
    BufferedImage image = decode(TestImages.jpeg440(source, null));
    assertThat(image.getWidth()).isEqualTo(37);
    assertThat(image.getHeight()).isEqualTo(29);
    assertClose(image, 4, 4, RED, 12);
    assertClose(image, 33, 4, BLUE, 12);
    assertClose(image, 4, 26, GREEN, 12);
    assertClose(image, 33, 26, YELLOW, 12);
  }

  @Test
  void colourRowsAreInterpolatedThreeToOneWhicheverLibjpegTheJdkHas() throws Exception {
    // red above row 32, blue below: flat 8x8 blocks on both sides, so the data is exact; the
    // chroma rows meet between picture rows 31 and 32. IJG 6b would repeat each chroma row (pure
    // red on row 31); Gazette blends 3:1 with the nearer row, as libjpeg-turbo does.
    BufferedImage source = new BufferedImage(32, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = source.createGraphics();
    g.setColor(RED);
    g.fillRect(0, 0, 32, 32);
    g.setColor(BLUE);
    g.fillRect(0, 32, 32, 32);
    g.dispose();
    BufferedImage image = decode(TestImages.jpeg440(source, null));
    assertClose(image, 16, 29, RED, 3);
    assertClose(image, 16, 31, blend(RED, BLUE), 3);
    assertClose(image, 16, 32, blend(BLUE, RED), 3);
    assertClose(image, 16, 34, BLUE, 3);
  }

  @Test
  void anEmbeddedProfileOtherThanSrgbIsApplied() throws Exception {
    BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = grey.createGraphics();
    g.setColor(new Color(128, 128, 128));
    g.fillRect(0, 0, 32, 32);
    g.dispose();
    byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    // linear 0.5 is sRGB 0.735
    int expected = (int) Math.round(255 * (1.055 * Math.pow(128 / 255.0, 1 / 2.4) - 0.055));
    Color asSrgb = new Color(expected, expected, expected);
    assertClose(decode(TestImages.jpeg440(grey, linear)), 16, 16, asSrgb, 3);
    assertClose(decode(TestImages.jpeg440(grey, srgb)), 16, 16, new Color(128, 128, 128), 2);
  }

  @Test
  void theProcessorDecodesThemThisWay() throws Exception {
    ImageProcessor small = new ImageProcessor(32, 1_000_000L);
    ProcessedImage out = small.process(TestImages.jpeg440(quadrants(64, 64), null));
    assertThat(out.width()).isEqualTo(32);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.bytes()));
    assertClose(image, 8, 8, RED, 6);
    assertClose(image, 24, 24, YELLOW, 6);
  }

  @Test
  void unspreadTakesBackWhatLibjpegSpreadAcrossARow() {
    Random random = new Random(440);
    int exact = 0;
    int rows = 2000;
    for (int n = 0; n < rows; n++) {
      int width = 2 + random.nextInt(63);
      int[] samples = new int[width];
      boolean smooth = n % 2 == 0;
      int value = random.nextInt(256);
      for (int i = 0; i < width; i++) {
        value =
            smooth
                ? Math.max(0, Math.min(255, value + random.nextInt(9) - 4))
                : random.nextInt(256);
        samples[i] = value;
      }
      int[] spread = spread(samples);
      int[] back = new int[width];
      new Jpeg440.Unspread(width).row(spread, 0, back, 0);
      assertThat(spread(back)).as("row %d", n).containsExactly(spread);
      exact += java.util.Arrays.equals(back, samples) ? 1 : 0;
    }
    assertThat(exact).isGreaterThan(rows * 99 / 100);
  }

  /** libjpeg's h2v1 "fancy" upsampling (jdsample.c), the same in IJG 6b and libjpeg-turbo. */
  private static int[] spread(int[] c) {
    int n = c.length;
    int[] out = new int[2 * n];
    out[0] = c[0];
    out[1] = (3 * c[0] + c[1] + 2) >> 2;
    for (int i = 1; i < n - 1; i++) {
      out[2 * i] = (3 * c[i] + c[i - 1] + 1) >> 2;
      out[2 * i + 1] = (3 * c[i] + c[i + 1] + 2) >> 2;
    }
    out[2 * n - 2] = (3 * c[n - 1] + c[n - 2] + 1) >> 2;
    out[2 * n - 1] = c[n - 1];
    return out;
  }

  private static BufferedImage decode(byte[] jpeg) throws Exception {
    List<String> warnings = new ArrayList<>();
    BufferedImage image = Jpeg440.decode(jpeg, Jpeg440.layout(jpeg).orElseThrow(), warnings::add);
    assertThat(warnings).isEmpty();
    return image;
  }

  private static BufferedImage quadrants(int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(RED);
    g.fillRect(0, 0, w / 2, h / 2);
    g.setColor(BLUE);
    g.fillRect(w / 2, 0, w - w / 2, h / 2);
    g.setColor(GREEN);
    g.fillRect(0, h / 2, w / 2, h - h / 2);
    g.setColor(YELLOW);
    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2);
    g.dispose();
    return image;
  }

  /** The luma of {@code near}, its chroma 3:1 with {@code far}'s (JFIF equations). */
  private static Color blend(Color near, Color far) {
    double[] a = ycc(near);
    double[] b = ycc(far);
    double y = a[0];
    double cb = (3 * a[1] + b[1]) / 4;
    double cr = (3 * a[2] + b[2]) / 4;
    return new Color(
        clamp(y + 1.402 * cr), clamp(y - 0.344136 * cb - 0.714136 * cr), clamp(y + 1.772 * cb));
  }

  private static double[] ycc(Color c) {
    double r = c.getRed();
    double g = c.getGreen();
    double b = c.getBlue();
    return new double[] {
      0.299 * r + 0.587 * g + 0.114 * b,
      -0.168736 * r - 0.331264 * g + 0.5 * b,
      0.5 * r - 0.418688 * g - 0.081312 * b
    };
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }

  private static void assertClose(
      BufferedImage image, int x, int y, Color expected, int tolerance) {
    Color actual = new Color(image.getRGB(x, y));
    assertThat(Math.abs(actual.getRed() - expected.getRed()))
        .as("red at %d,%d: %s, expected %s", x, y, actual, expected)
        .isLessThanOrEqualTo(tolerance);
    assertThat(Math.abs(actual.getGreen() - expected.getGreen()))
        .as("green at %d,%d: %s, expected %s", x, y, actual, expected)
        .isLessThanOrEqualTo(tolerance);
    assertThat(Math.abs(actual.getBlue() - expected.getBlue()))
        .as("blue at %d,%d: %s, expected %s", x, y, actual, expected)
        .isLessThanOrEqualTo(tolerance);
  }
}
