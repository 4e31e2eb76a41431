package dev.gazette.assets;

import dev.gazette.model.Asset;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes any supported image fit for a digest: decodes JPEG (CMYK too), PNG, GIF (first frame),
 * WebP, BMP and TIFF, scales it down to a longest side of {@link #MAX_LONG_SIDE} pixels, and
 * re-encodes it — photos as JPEG, images with transparency and lossless images with few colours
 * (diagrams, screenshots) as PNG. A JPEG that is already fit (baseline, RGB or grey, small enough)
 * keeps its compressed data, and so does a PNG that stays PNG and needs no scaling ({@link
 * PngChunks}). Either way every piece of metadata (EXIF, GPS, XMP, comments) is dropped. SVG is
 * kept as vector after {@link SvgSanitizer}. Thread-safe; the same bytes always give the same
 * result, made or taken from a {@link RenditionCache} ({@link #withRenditions}).
 */
public final class ImageProcessor {
  /** Enough for a tablet screen and for 300 dpi across an A5 column. */
  public static final int MAX_LONG_SIDE = 1600;

  static final float JPEG_QUALITY = 0.82f;

  /**
   * Pixels decoded at once (48 MB as ARGB); bigger images are subsampled while reading, which keeps
   * a few parallel builds of huge photos within a small heap and still leaves 2x the output size.
   */
  private static final long MAX_DECODED_PIXELS = 12_000_000L;

  /**
   * Diagrams, charts and screenshots with anti-aliased text stay under this many colours; photos
   * saved as PNG have tens of thousands.
   */
  private static final int FEW_COLOURS = 4096;

  /**
   * The version of what {@link #process} makes of an image, part of every {@link RenditionCache}
   * entry's name. Raise it with any change that can give other bytes for the same image (code,
   * constants, a codec library's upgrade), or builds would keep taking the old results from their
   * caches: {@code RenditionVersionTest} fails until it is raised.
   */
  public static final int RENDITION_VERSION = 1;

  private final int maxLongSide;
  private final long maxPixels;
  private final boolean decodePixels;
  private final float jpegQuality;
  private final RenditionCache renditions; // null: none

  public ImageProcessor() {
    this(MAX_LONG_SIDE, dev.gazette.model.Limits.defaults().maxImagePixels());
  }

  /**
   * @param maxLongSide images are scaled down to this many pixels on their longer side
   * @param maxPixels images declaring more pixels than this in their header are refused before
   *     decoding (decompression bombs)
   */
  public ImageProcessor(int maxLongSide, long maxPixels) {
    this(maxLongSide, maxPixels, JPEG_QUALITY);
  }

  /**
   * As above, writing JPEGs at {@code jpegQuality} (0 to 1): {@code build --profile} steps size and
   * quality down when a digest's pictures are over the profile's budget.
   */
  public ImageProcessor(int maxLongSide, long maxPixels, float jpegQuality) {
    this(maxLongSide, maxPixels, true, jpegQuality, null);
  }

  private ImageProcessor(
      int maxLongSide,
      long maxPixels,
      boolean decodePixels,
      float jpegQuality,
      RenditionCache renditions) {
    this.maxLongSide = maxLongSide;
    this.maxPixels = maxPixels;
    this.decodePixels = decodePixels;
    this.jpegQuality = jpegQuality;
    this.renditions = renditions;
  }

  /**
   * This processor, keeping what it makes in {@code renditions} and taking it from there when it
   * meets the same bytes again (null: no cache). A headers-only processor makes nothing worth
   * keeping and ignores it.
   */
  public ImageProcessor withRenditions(RenditionCache renditions) {
    return new ImageProcessor(maxLongSide, maxPixels, decodePixels, jpegQuality, renditions);
  }

  /**
   * A processor that checks images without decoding their pixels, for {@code gazette check}, which
   * writes nothing: the format, the header's size and pixel limit and a cut-off file are found from
   * the bytes, and a usable image comes back as it is (a 70-post blog's pictures took most of a
   * check's time to decode and re-encode).
   */
  public static ImageProcessor headersOnly(long maxPixels) {
    return new ImageProcessor(MAX_LONG_SIDE, maxPixels, false, JPEG_QUALITY, null);
  }

  /**
   * {@code image} as a digest asset, named from its bytes ({@link ProcessedImage#toAsset}). A
   * headers-only processor's assets are never written, so they are named from the bytes' length and
   * CRC-32C instead of SHA-256: without C2 (the launcher's flags) SHA-256 runs at about 50 MB/s and
   * was most of a check of a folder of large photos.
   */
  public Asset asset(ProcessedImage image) {
    if (decodePixels) {
      return image.toAsset();
    }
    CRC32C crc = new CRC32C();
    crc.update(image.bytes());
    String href =
        String.format(
            Locale.ROOT,
            "images/checked-%d-%08x.%s",
            image.bytes().length,
            crc.getValue(),
            image.type().extension());
    return new Asset(href, image.type().mediaType(), image.bytes(), image.width(), image.height());
  }

  /** The digest-ready image, or the reason it cannot be used. */
  public ProcessedImage process(byte[] bytes) throws ImageException {
    ImageType type =
        ImageType.sniff(bytes).orElseThrow(() -> new ImageException(describeUnknown(bytes)));
    if (type == ImageType.SVG) {
      return SvgSanitizer.sanitize(bytes);
    }
    if (renditions == null || !decodePixels) {
      return make(type, bytes);
    }
    String key = RenditionCache.key(settings(), bytes);
    Optional<ProcessedImage> kept = renditions.get(key);
    if (kept.isPresent()) {
      return kept.get();
    }
    ProcessedImage made = make(type, bytes);
    renditions.put(key, made);
    return made;
  }

  /**
   * Everything besides the source bytes that decides what {@link #process} makes, for {@link
   * RenditionCache} entry names. The pixel limit only refuses images, and refusals are not kept,
   * but it is here so that no entry is ever shared by two differently set processors.
   */
  String settings() {
    return "rendition "
        + RENDITION_VERSION
        + "; java "
        + Runtime.version().feature()
        + "; long side "
        + maxLongSide
        + "; pixels "
        + maxPixels
        + "; jpeg quality "
        + Float.floatToIntBits(jpegQuality);
  }

  private ProcessedImage make(ImageType type, byte[] bytes) throws ImageException {
    Optional<String> refusal = ImageHeader.refusal(bytes, maxPixels);
    if (refusal.isPresent()) {
      throw new ImageException(refusal.get());
    }
    requireComplete(type, bytes);
    if (!decodePixels) {
      Optional<ImageHeader.Size> size = ImageHeader.read(bytes);
      if (size.isPresent()) {
        return new ProcessedImage(type, bytes, (int) size.get().width(), (int) size.get().height());
      }
    }
    BufferedImage decoded = decode(bytes);
    Optional<byte[]> asItIs = fitJpegAsItIs(type, bytes, decoded);
    if (asItIs.isPresent()) {
      return new ProcessedImage(
          ImageType.JPEG, asItIs.get(), decoded.getWidth(), decoded.getHeight());
    }
    // decided on the original: scaling adds in-between colours to diagrams and screenshots
    boolean png = hasTransparency(decoded) || (type != ImageType.JPEG && hasFewColours(decoded));
    BufferedImage image = downscale(decoded);
    if (png && type == ImageType.PNG && image == decoded) {
      Optional<byte[]> kept = PngChunks.withoutMetadata(bytes, image.getWidth(), image.getHeight());
      if (kept.isPresent()) {
        // RGBA is the one kind the encoder writes as it was read, and often smaller (screenshot
        // tools compress fast): the smaller of the two. The others it widens (see PngChunks).
        byte[] best = kept.get();
        if (PngChunks.colourType(best) == PngChunks.RGBA) {
          byte[] encoded = encodePng(image);
          best = encoded.length < best.length ? encoded : best;
        }
        return new ProcessedImage(ImageType.PNG, best, image.getWidth(), image.getHeight());
      }
    }
    if (png) {
      return new ProcessedImage(
          ImageType.PNG, encodePng(image), image.getWidth(), image.getHeight());
    }
    return new ProcessedImage(
        ImageType.JPEG, encodeJpeg(image), image.getWidth(), image.getHeight());
  }

  /**
   * A baseline RGB or grey JPEG small enough already is kept, minus its metadata: compressing it
   * again would only lose detail. CMYK and progressive JPEGs are re-encoded (readers mishandle
   * them).
   */
  private Optional<byte[]> fitJpegAsItIs(ImageType type, byte[] bytes, BufferedImage decoded) {
    if (type != ImageType.JPEG || Math.max(decoded.getWidth(), decoded.getHeight()) > maxLongSide) {
      return Optional.empty();
    }
    Optional<JpegSegments.Frame> frame = JpegSegments.frame(bytes);
    if (frame.isEmpty()
        || frame.get().progressive()
        || frame.get().components() == 4
        || frame.get().width() != decoded.getWidth()
        || frame.get().height() != decoded.getHeight()) {
      return Optional.empty();
    }
    return JpegSegments.withoutMetadata(bytes);
  }

  static String describeUnknown(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.UTF_8)
            .strip()
            .toLowerCase(Locale.ROOT);
    if (bytes.length == 0) {
      return "empty response";
    }
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.contains("<body")) {
      return "an HTML page, not an image";
    }
    if (head.startsWith("version https://git-lfs.github.com/spec/")) {
      // A clone made without Git LFS holds these in place of its pictures.
      return "a Git LFS pointer, not the picture (`git lfs pull` in the site's repository fetches"
          + " it)";
    }
    return "not a known image format";
  }

  /** Decoders fill a cut-off image with grey; a missing end marker is the reliable sign. */
  private static void requireComplete(ImageType type, byte[] b) throws ImageException {
    boolean complete =
        switch (type) {
          case JPEG -> endsWithJpegEoi(b);
          case PNG ->
              indexOf(b, "IEND".getBytes(StandardCharsets.US_ASCII), Math.max(0, b.length - 64))
                  >= 0;
          case GIF -> !GifBlocks.cutOff(b);
          default -> true;
        };
    if (!complete) {
      throw new ImageException("truncated " + type.name() + " data (" + b.length + " bytes)");
    }
  }

  private static boolean endsWithJpegEoi(byte[] b) {
    int end = b.length;
    while (end > 2 && b[end - 1] == 0) {
      end--; // some servers pad with zeros
    }
    return end >= 4 && (b[end - 2] & 0xFF) == 0xFF && (b[end - 1] & 0xFF) == 0xD9;
  }

  private static int indexOf(byte[] b, byte[] needle, int from) {
    outer:
    for (int i = from; i <= b.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (b[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private BufferedImage decode(byte[] bytes) throws ImageException {
    Optional<Jpeg440.Layout> halfHeightChroma = Jpeg440.layout(bytes);
    if (halfHeightChroma.isPresent()
        && (long) halfHeightChroma.get().width() * halfHeightChroma.get().height()
            <= MAX_DECODED_PIXELS) {
      // the one kind of JPEG the JDK's native decoders (IJG 6b, libjpeg-turbo) decode differently
      List<String> warnings = new ArrayList<>();
      try {
        BufferedImage image = Jpeg440.decode(bytes, halfHeightChroma.get(), warnings::add);
        requireUndamaged(warnings);
        return image;
      } catch (IOException | RuntimeException e) {
        throw new ImageException(
            "cannot decode image: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
            e);
      }
    }
    // memory streams: ImageIO's default would spill to temporary files
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageException("no decoder for this image format");
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        ImageReadParam param = reader.getDefaultReadParam();
        int step = 1;
        while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
          step++;
        }
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        requireUndamaged(warnings);
        return toStandardImage(image);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageException(
          "cannot decode image: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    }
  }

  private static void requireUndamaged(List<String> warnings) throws ImageException {
    for (String w : warnings) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (lower.contains("premature") || lower.contains("corrupt") || lower.contains("truncat")) {
        throw new ImageException("damaged image data: " + w);
      }
    }
  }

  /** Copies any decoded image (indexed, grey, CMYK converted to RGB, 16-bit) into 8-bit (A)RGB. */
  private static BufferedImage toStandardImage(BufferedImage image) {
    boolean alpha = image.getColorModel().hasAlpha();
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (image.getType() == type) {
      return image;
    }
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }

  /** Halves repeatedly, then scales to size: bilinear steps of at most 2x keep photos sharp. */
  private BufferedImage downscale(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int longSide = Math.max(w, h);
    if (longSide <= maxLongSide) {
      return image;
    }
    double scale = (double) maxLongSide / longSide;
    int targetW = Math.max(1, (int) Math.round(w * scale));
    int targetH = Math.max(1, (int) Math.round(h * scale));
    BufferedImage current = image;
    while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    if (current.getWidth() != targetW || current.getHeight() != targetH) {
      current = resize(current, targetW, targetH);
    }
    return current;
  }

  private static BufferedImage resize(BufferedImage source, int w, int h) {
    BufferedImage out = new BufferedImage(w, h, source.getType());
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(source, 0, 0, w, h, null);
    g.dispose();
    return out;
  }

  static boolean hasTransparency(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return false;
    }
    int[] packed = packedPixels(image);
    if (packed != null) {
      for (int argb : packed) {
        if ((argb >>> 24) != 0xFF) {
          return true;
        }
      }
      return false;
    }
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) != 0xFF) {
          return true;
        }
      }
    }
    return false;
  }

  /** Diagrams, logos and screenshots of text: PNG keeps their edges clean and is smaller. */
  static boolean hasFewColours(BufferedImage image) {
    // A diagram has to be read to its last pixel to be sure, so this is a tight loop: a row at a
    // time, a pixel like the one before it skipped (most of a diagram), the others looked up in a
    // small table of the colours seen. A bit per colour (a 2 MB BitSet per picture) made counting
    // colours 4% of a real blog's build.
    int[] seen = new int[COLOUR_SLOTS];
    int[] packed = packedPixels(image);
    if (packed != null) {
      return fewColours(packed, packed.length, seen, 0) <= FEW_COLOURS;
    }
    int width = image.getWidth();
    int[] row = new int[width];
    int count = 0;
    for (int y = 0; y < image.getHeight() && count <= FEW_COLOURS; y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      count = fewColours(row, width, seen, count);
    }
    return count <= FEW_COLOURS;
  }

  /** Slots of the colour table: a power of two, over twice the most colours it holds. */
  private static final int COLOUR_SLOTS = Integer.highestOneBit(FEW_COLOURS) << 2;

  /**
   * {@code count} plus the colours of the first {@code length} pixels not yet in {@code seen}
   * (which gains them), stopping once past {@link #FEW_COLOURS}. {@code seen} is an open-addressing
   * table of {@link #COLOUR_SLOTS} slots holding each colour plus one (0: empty).
   */
  private static int fewColours(int[] pixels, int length, int[] seen, int count) {
    int previous = -1;
    for (int i = 0; i < length && count <= FEW_COLOURS; i++) {
      int colour = pixels[i] & 0xFFFFFF;
      if (colour == previous) {
        continue;
      }
      previous = colour;
      int key = colour + 1;
      int slot = (key * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(COLOUR_SLOTS));
      while (true) {
        int held = seen[slot];
        if (held == key) {
          break;
        }
        if (held == 0) {
          seen[slot] = key;
          count++;
          break;
        }
        slot = (slot + 1) & (COLOUR_SLOTS - 1);
      }
    }
    return count;
  }

  /**
   * The pixels of an (A)RGB image stored one int each, row after row, as its own array; null for
   * any other layout. {@code getRGB} converts each pixel through the colour model, which made
   * reading a picture's colours cost as much as encoding it (C1 does not inline that far); these
   * types' ints are the (A)RGB values already (RGB's top byte is not used).
   */
  private static int[] packedPixels(BufferedImage image) {
    int type = image.getType();
    if (type != BufferedImage.TYPE_INT_RGB && type != BufferedImage.TYPE_INT_ARGB) {
      return null;
    }
    WritableRaster raster = image.getRaster();
    if (!(raster.getDataBuffer() instanceof DataBufferInt buffer)
        || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel model)
        || raster.getSampleModelTranslateX() != 0
        || raster.getSampleModelTranslateY() != 0
        || model.getScanlineStride() != image.getWidth()
        || buffer.getNumBanks() != 1
        || buffer.getOffset() != 0
        || buffer.getData().length != image.getWidth() * image.getHeight()) {
      return null;
    }
    return buffer.getData();
  }

  private static byte[] encodePng(BufferedImage image) throws ImageException {
    return encode(image, "png", null);
  }

  /**
   * JPEG has no alpha: transparent pixels are flattened onto white (ImageIO would write nothing).
   * The encoder is handed 3-byte BGR, the layout it reads rows of as they are: from an {@code int}
   * RGB picture it copied every sample one at a time, in Java (more than half of encoding a photo
   * under C1). Java2D copies the same colour values into either, so the JPEG is the same bytes (as
   * for the cover, {@code CoverPictureTypeTest}; {@code RenditionVersionTest}).
   */
  private byte[] encodeJpeg(BufferedImage image) throws ImageException {
    BufferedImage bgr =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    if (image.getColorModel().hasAlpha()) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
    }
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return encode(bgr, "jpeg", jpegQuality);
  }

  /** Encodes in memory; {@code quality} null keeps the writer's default (lossless for PNG). */
  private static byte[] encode(BufferedImage image, String format, Float quality)
      throws ImageException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    if (!writers.hasNext()) {
      throw new ImageException("no " + format + " encoder");
    }
    ImageWriter writer = writers.next();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(ios);
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (quality != null) {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionQuality(quality);
        }
        if (param.canWriteProgressive()) {
          param.setProgressiveMode(
              ImageWriteParam.MODE_DISABLED); // e-ink readers choke on progressive
        }
        writer.write(null, new IIOImage(image, null, null), param);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new ImageException("cannot encode " + format + ": " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
  }
}
