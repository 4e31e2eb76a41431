package dev.gazette.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Image bytes made from our own pixels for tests (no third-party pictures). */
public final class TestImages {
  private TestImages() {}

  /** A photo-like image: smooth gradients plus a pattern, so it has many colours. */
  public static BufferedImage photo(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / Math.max(1, width - 1));
        int g = (y * 255 / Math.max(1, height - 1));
        int b = (int) (127 + 120 * Math.sin((x + y) / 17.0));
        image.setRGB(x, y, new Color(r, g, b).getRGB());
      }
    }
    return image;
  }

  public static byte[] jpeg(BufferedImage image) {
    return encode(image, "jpg");
  }

  public static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  public static byte[] bmp(BufferedImage image) {
    return encode(image, "bmp");
  }

  /** A logo with a transparent background: must stay PNG with its alpha. */
  public static byte[] pngWithAlpha(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(200, 30, 40, 255));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return encode(image, "png");
  }

  /** A two-frame GIF (red, then blue); only the first frame is kept by Gazette. */
  public static byte[] animatedGif(int width, int height) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.prepareWriteSequence(null);
        for (Color c : new Color[] {Color.RED, Color.BLUE}) {
          BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
          Graphics2D g = frame.createGraphics();
          g.setColor(c);
          g.fillRect(0, 0, width, height);
          g.dispose();
          IIOMetadata meta =
              writer.getDefaultImageMetadata(
                  ImageTypeSpecifier.createFromRenderedImage(frame), null);
          writer.writeToSequence(new IIOImage(frame, null, meta), null);
        }
        writer.endWriteSequence();
      }
      writer.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A four-channel (CMYK) JPEG, as print workflows produce: pure cyan ink on the left half, pure
   * magenta on the right, stored the way Photoshop does (Adobe APP14 marker, transform 0, inverted
   * ink values). Plain ImageIO cannot read it; Gazette must.
   */
  public static byte[] cmykJpeg(int width, int height) {
    WritableRaster raster =
        Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, width, height, 4, null);
    int[] cyan = {0, 255, 255, 255}; // inverted: 255 means no ink
    int[] magenta = {255, 0, 255, 255};
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setPixel(x, y, x < width / 2 ? cyan : magenta);
      }
    }
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(raster, null, null), null);
      }
      writer.dispose();
      byte[] plain = out.toByteArray();
      byte[] adobe = {
        (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
      };
      byte[] marked = new byte[plain.length + adobe.length];
      System.arraycopy(plain, 0, marked, 0, 2);
      System.arraycopy(adobe, 0, marked, 2, adobe.length);
      System.arraycopy(plain, 2, marked, 2 + adobe.length, plain.length - 2);
      return marked;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A JFIF JPEG with its colour sampled at half height (4:4:0: luma 1x2, chroma 1x1), as some
   * cameras and editors write, with {@code iccProfile} embedded in an APP2 segment if not null.
   */
  public static byte[] jpeg440(BufferedImage image, byte[] iccProfile) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.95f);
      IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
      String format = "javax_imageio_jpeg_image_1.0";
      IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(format);
      IIOMetadataNode sof = (IIOMetadataNode) tree.getElementsByTagName("sof").item(0);
      for (int i = 0; i < sof.getLength(); i++) {
        IIOMetadataNode component = (IIOMetadataNode) sof.item(i);
        component.setAttribute("HsamplingFactor", "1");
        component.setAttribute("VsamplingFactor", i == 0 ? "2" : "1");
      }
      metadata.setFromTree(format, tree);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(image, null, metadata), param);
      }
      writer.dispose();
      byte[] plain = out.toByteArray();
      if (iccProfile == null) {
        return plain;
      }
      // after SOI and the JFIF segment
      int at = 4 + (((plain[4] & 0xFF) << 8) | (plain[5] & 0xFF));
      ByteArrayOutputStream marked = new ByteArrayOutputStream();
      marked.write(plain, 0, at);
      int length = 2 + 14 + iccProfile.length;
      marked.write(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
      marked.write("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      marked.write(new byte[] {1, 1});
      marked.write(iccProfile);
      marked.write(plain, at, plain.length - at);
      return marked.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code fraction} of the bytes: a download cut off mid-way. */
  public static byte[] truncated(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  /** A resource under {@code src/test/resources/images/}. */
  public static byte[] resource(String name) {
    try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test image " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
