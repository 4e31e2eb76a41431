package dev.gazette.assets;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a JPEG whose colour is sampled at half height (4:4:0: luma 1x2, chroma 1x1) the same way
 * on every JDK. The JDK's native decoder is not the same library everywhere: the bundled IJG
 * libjpeg 6b repeats each chroma row, a JDK built against the system's libjpeg-turbo interpolates
 * between rows, so such a picture's pixels depended on the JDK (4:2:0, 4:2:2 and 4:4:4 decode alike
 * in both).
 *
 * <p>The frame header is rewritten to say 4:2:2 (luma 2x1) in a frame twice as wide and half as
 * high: each unit of the compressed data (two luma blocks, one of each chroma block) is the same,
 * so both libraries decode it identically, the two luma blocks side by side instead of one above
 * the other, and the chroma plane unchanged but interpolated across. Here the luma blocks are put
 * back, each chroma sample is taken back as the mean of its two interpolated halves, and the chroma
 * rows are interpolated down (3:1, as libjpeg-turbo does) before the JFIF YCbCr to RGB conversion
 * (libjpeg's integer tables). An embedded ICC profile that is not sRGB is then applied as the
 * TwelveMonkeys reader does for every other JPEG.
 *
 * <p>Only sequential (baseline) 8-bit JPEGs with one scan of all three components qualify: a
 * progressive or multi-scan file orders a lone component's blocks by its own grid, which the
 * rewritten frame would change.
 */
final class Jpeg440 {
  private Jpeg440() {}

  private static final int SCALE_BITS = 16;
  private static final int HALF = 1 << (SCALE_BITS - 1);
  private static final int[] CR_R = new int[256];
  private static final int[] CB_B = new int[256];
  private static final int[] CR_G = new int[256];
  private static final int[] CB_G = new int[256];

  static {
    // jdcolor.c's tables: the JFIF equations in 16-bit fixed point
    for (int i = 0; i < 256; i++) {
      int x = i - 128;
      CR_R[i] = (fix(1.40200) * x + HALF) >> SCALE_BITS;
      CB_B[i] = (fix(1.77200) * x + HALF) >> SCALE_BITS;
      CR_G[i] = -fix(0.71414) * x;
      CB_G[i] = -fix(0.34414) * x + HALF;
    }
  }

  private static int fix(double x) {
    return (int) (x * (1L << SCALE_BITS) + 0.5);
  }

  /** What the segments before the scan say, for a JPEG that qualifies. */
  record Layout(int sofOffset, int width, int height, ICC_Profile profile) {}

  /** The layout of a sequential 4:4:0 YCbCr JPEG, or empty for any other JPEG. */
  static Optional<Layout> layout(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return Optional.empty();
    }
    int sof = -1;
    boolean jfif = false;
    int adobeTransform = -1;
    List<byte[]> iccChunks = new ArrayList<>();
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (length < 2 || i + 2 + length > b.length) {
        return Optional.empty();
      }
      if (marker == 0xDA) {
        if (sof < 0 || length < 3 || (b[i + 4] & 0xFF) != 3) {
          return Optional.empty();
        }
        boolean ycc = adobeTransform == 1 || (adobeTransform < 0 && jfif);
        if (!ycc && adobeTransform < 0) {
          // libjpeg's guess without markers: component ids 1, 2, 3 mean YCbCr
          ycc = b[sof + 10] == 1 && b[sof + 13] == 2 && b[sof + 16] == 3;
        }
        if (!ycc) {
          return Optional.empty();
        }
        int height = ((b[sof + 5] & 0xFF) << 8) | (b[sof + 6] & 0xFF);
        int width = ((b[sof + 7] & 0xFF) << 8) | (b[sof + 8] & 0xFF);
        if (width == 0 || height == 0) {
          return Optional.empty();
        }
        return Optional.of(new Layout(sof, width, height, profile(iccChunks)));
      }
      byte[] segment = java.util.Arrays.copyOfRange(b, i + 4, i + 2 + length);
      if (marker == 0xC0 || marker == 0xC1) {
        if (sof >= 0
            || segment.length != 15
            || segment[0] != 8
            || segment[5] != 3
            || segment[7] != 0x12
            || segment[10] != 0x11
            || segment[13] != 0x11) {
          return Optional.empty();
        }
        sof = i;
      } else if (marker >= 0xC2 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC) {
        return Optional.empty(); // progressive, lossless, arithmetic coding
      } else if (marker == 0xE0 && startsWith(segment, "JFIF\0")) {
        jfif = true;
      } else if (marker == 0xEE && startsWith(segment, "Adobe") && segment.length >= 12) {
        adobeTransform = segment[11] & 0xFF;
      } else if (marker == 0xE2 && startsWith(segment, "ICC_PROFILE\0") && segment.length > 14) {
        iccChunks.add(segment);
      }
      i += 2 + length;
    }
    return Optional.empty();
  }

  /**
   * The decoded picture, as 8-bit RGB in sRGB. {@code warnings} hears the reader's warnings (a
   * damaged file).
   */
  static BufferedImage decode(byte[] bytes, Layout layout, Consumer<String> warnings)
      throws IOException {
    int w = layout.width();
    int h = layout.height();
    int mcuColumns = (w + 7) / 8;
    int mcuRows = (h + 15) / 16;
    int wideW = 16 * mcuColumns;
    int wideH = 8 * mcuRows;
    byte[] wide = bytes.clone();
    int s = layout.sofOffset();
    wide[s + 5] = (byte) (wideH >> 8);
    wide[s + 6] = (byte) wideH;
    wide[s + 7] = (byte) (wideW >> 8);
    wide[s + 8] = (byte) wideW;
    wide[s + 11] = 0x21;
    Raster raster = readRaster(wide, warnings);
    if (raster.getWidth() != wideW || raster.getHeight() != wideH || raster.getNumBands() != 3) {
      throw new IOException("unexpected raster " + raster.getWidth() + "x" + raster.getHeight());
    }
    int[] luma = raster.getSamples(0, 0, wideW, wideH, 0, (int[]) null);
    int[] cb = raster.getSamples(0, 0, wideW, wideH, 1, (int[]) null);
    int[] cr = raster.getSamples(0, 0, wideW, wideH, 2, (int[]) null);
    // the chroma planes as coded, at full width and half height
    int chromaRows = (h + 1) / 2;
    int chromaWidth = wideW / 2;
    int[] cbPlane = new int[chromaWidth * chromaRows];
    int[] crPlane = new int[chromaWidth * chromaRows];
    Unspread unspread = new Unspread(chromaWidth);
    for (int y = 0; y < chromaRows; y++) {
      unspread.row(cb, y * wideW, cbPlane, y * chromaWidth);
      unspread.row(cr, y * wideW, crPlane, y * chromaWidth);
    }
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < h; y++) {
      // libjpeg-turbo's h1v2 "fancy" upsampling: 3:1 between the two nearest chroma rows
      int row = (y / 2) * chromaWidth;
      boolean upper = (y & 1) == 0;
      int near =
          (upper ? Math.max(0, y / 2 - 1) : Math.min(chromaRows - 1, y / 2 + 1)) * chromaWidth;
      int bias = upper ? 1 : 2;
      int lumaRow = (8 * (y / 16) + y % 8) * wideW + 8 * ((y % 16) / 8);
      for (int x = 0; x < w; x++) {
        int lum = luma[lumaRow + 16 * (x / 8) + x % 8];
        int b = (3 * cbPlane[row + x] + cbPlane[near + x] + bias) >> 2;
        int r = (3 * crPlane[row + x] + crPlane[near + x] + bias) >> 2;
        out[y * w + x] =
            (clamp(lum + CR_R[r]) << 16)
                | (clamp(lum + ((CB_G[b] + CR_G[r]) >> SCALE_BITS)) << 8)
                | clamp(lum + CB_B[b]);
      }
    }
    ICC_Profile profile = layout.profile();
    if (profile != null
        && profile.getColorSpaceType() == ColorSpace.TYPE_RGB
        && !ColorProfiles.isCS_sRGB(profile)) {
      BufferedImage converted = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      new ColorConvertOp(
              ColorSpaces.createColorSpace(profile),
              ColorSpace.getInstance(ColorSpace.CS_sRGB),
              null)
          .filter(image.getRaster(), converted.getRaster());
      return converted;
    }
    return image;
  }

  /**
   * Takes back a row of chroma samples from libjpeg's h2v1 "fancy" upsampling of it (the same in
   * IJG 6b and libjpeg-turbo): the first output of sample i is (3c[i] + c[i-1] + 1) / 4, the second
   * (3c[i] + c[i+1] + 2) / 4, rounded down, and the row's ends are copies. Each output ties two
   * neighbours, so the samples that fit are found left to right (rarely more than two per place)
   * and the smallest that fits is chosen right to left. Output that no samples fit (not libjpeg's)
   * falls back to the mean of each pair.
   */
  static final class Unspread {
    private static final int MAX_FITS = 8;
    private final int width;
    private final int[] fits;
    private final int[] counts;

    Unspread(int width) {
      this.width = width;
      this.fits = new int[width * MAX_FITS];
      this.counts = new int[width];
    }

    /** {@code 2 * width} upsampled values from {@code in[from]} as {@code width} samples. */
    void row(int[] in, int from, int[] samples, int to) {
      if (!solve(in, from, samples, to)) {
        for (int i = 0; i < width; i++) {
          samples[to + i] = (in[from + 2 * i] + in[from + 2 * i + 1] + 1) >> 1;
        }
      }
    }

    private boolean solve(int[] in, int from, int[] samples, int to) {
      if (width < 2) {
        return false;
      }
      fits[0] = in[from];
      counts[0] = 1;
      for (int i = 1; i < width; i++) {
        int count = 0;
        int before = in[from + 2 * i - 1];
        int first = in[from + 2 * i];
        for (int k = 0; k < counts[i - 1]; k++) {
          int b = fits[(i - 1) * MAX_FITS + k];
          for (int a = Math.max(0, 4 * before - 3 * b - 2);
              a <= Math.min(255, 4 * before - 3 * b + 1);
              a++) {
            if (((3 * a + b + 1) >> 2) == first && !contains(i, count, a)) {
              if (count == MAX_FITS) {
                return false;
              }
              fits[i * MAX_FITS + count++] = a;
            }
          }
        }
        if (count == 0) {
          return false;
        }
        counts[i] = count;
      }
      int last = in[from + 2 * width - 1];
      if (!contains(width - 1, counts[width - 1], last)) {
        return false;
      }
      samples[to + width - 1] = last;
      for (int i = width - 2; i >= 0; i--) {
        int a = samples[to + i + 1];
        int before = in[from + 2 * i + 1];
        int first = in[from + 2 * i + 2];
        int chosen = -1;
        for (int k = 0; k < counts[i]; k++) {
          int b = fits[i * MAX_FITS + k];
          if (((3 * b + a + 2) >> 2) == before
              && ((3 * a + b + 1) >> 2) == first
              && (chosen < 0 || b < chosen)) {
            chosen = b;
          }
        }
        samples[to + i] = chosen;
      }
      return true;
    }

    private boolean contains(int i, int count, int value) {
      for (int k = 0; k < count; k++) {
        if (fits[i * MAX_FITS + k] == value) {
          return true;
        }
      }
      return false;
    }
  }

  private static Raster readRaster(byte[] jpeg, Consumer<String> warnings) throws IOException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no JPEG decoder");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.accept(warning));
        return reader.readRaster(0, null); // the components as coded: no colour conversion
      } finally {
        reader.dispose();
      }
    }
  }

  /** The profile from its chunks in order, or null if missing, incomplete or unreadable. */
  private static ICC_Profile profile(List<byte[]> chunks) {
    if (chunks.isEmpty()) {
      return null;
    }
    int count = chunks.get(0)[13] & 0xFF;
    if (count != chunks.size()) {
      return null;
    }
    byte[][] ordered = new byte[count][];
    for (byte[] chunk : chunks) {
      int number = chunk[12] & 0xFF;
      if (number < 1 || number > count || ordered[number - 1] != null) {
        return null;
      }
      ordered[number - 1] = chunk;
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (byte[] chunk : ordered) {
      data.write(chunk, 14, chunk.length - 14);
    }
    try {
      return ICC_Profile.getInstance(data.toByteArray());
    } catch (IllegalArgumentException e) {
      return null; // as TwelveMonkeys does: a bad profile is ignored
    }
  }

  private static boolean startsWith(byte[] segment, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
    if (segment.length < p.length) {
      return false;
    }
    for (int i = 0; i < p.length; i++) {
      if (segment[i] != p[i]) {
        return false;
      }
    }
    return true;
  }

  private static int clamp(int v) {
    return v < 0 ? 0 : Math.min(255, v);
  }
}
