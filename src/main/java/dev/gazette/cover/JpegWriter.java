package dev.gazette.cover;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Baseline JPEG at a fixed quality: e-ink readers dislike progressive JPEGs. */
public final class JpegWriter {
  static final float QUALITY = 0.85f;

  private JpegWriter() {}

  public static byte[] write(BufferedImage rgb) {
    return encode(asBytes(rgb));
  }

  /** The picture as the encoder takes it, in whatever raster it has. */
  static byte[] encode(BufferedImage picture) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
      writer.write(null, new IIOImage(picture, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /**
   * An {@code int} RGB picture as the same pixels in bytes. The JPEG writer takes rows of a byte
   * raster as they are, but reads an {@code int} raster one sample per {@code int}: for the 1600 x
   * 2560 cover that was 90 MB of arrays and the largest item of a one-post build's profile. The
   * encoder sees the same values, so the JPEG is the same bytes.
   */
  static BufferedImage asBytes(BufferedImage rgb) {
    if (rgb.getType() != BufferedImage.TYPE_INT_RGB
        || !(rgb.getRaster().getDataBuffer() instanceof DataBufferInt ints)
        || ints.getNumBanks() != 1
        || !(rgb.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model)
        || rgb.getRaster().getSampleModelTranslateX() != 0
        || rgb.getRaster().getSampleModelTranslateY() != 0) {
      return rgb;
    }
    int width = rgb.getWidth();
    int height = rgb.getHeight();
    BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    byte[] out = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
    int[] in = ints.getData();
    int stride = model.getScanlineStride();
    int offset = ints.getOffset();
    for (int y = 0, o = 0; y < height; y++) {
      for (int x = 0, i = offset + y * stride; x < width; x++, i++) {
        int p = in[i];
        out[o++] = (byte) p; // blue
        out[o++] = (byte) (p >> 8); // green
        out[o++] = (byte) (p >> 16); // red
      }
    }
    return bgr;
  }
}
