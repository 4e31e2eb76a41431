package dev.gazette.assets;

import java.util.Optional;

/**
 * Width and height as an image declares them in its first bytes, read without a decoder, so a
 * decompression bomb (a few hundred bytes declaring 50,000 × 50,000 pixels) is refused before any
 * pixel buffer is allocated. Knows PNG (IHDR), JPEG (the first SOFn marker), GIF (screen and first
 * image), WebP (VP8, VP8L, VP8X), BMP and TIFF. Never throws on malformed data: it answers empty.
 */
public final class ImageHeader {
  private ImageHeader() {}

  /** Declared size of an image. */
  public record Size(long width, long height) {
    public long pixels() {
      return width * height;
    }
  }

  /**
   * The size the header declares, or empty when the header is not one of the known formats or is
   * cut off.
   */
  public static Optional<Size> read(byte[] b) {
    Optional<ImageType> type = ImageType.sniff(b);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    try {
      return switch (type.get()) {
        case PNG ->
            b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R'
                ? Optional.of(new Size(u32be(b, 16), u32be(b, 20)))
                : Optional.empty();
        case GIF -> gif(b);
        case JPEG -> jpeg(b);
        case WEBP -> webp(b);
        case BMP ->
            b.length >= 26
                ? Optional.of(
                    new Size(Math.abs((long) s32le(b, 18)), Math.abs((long) s32le(b, 22))))
                : Optional.empty();
        case TIFF -> tiff(b);
        case SVG -> Optional.empty();
      };
    } catch (ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * Why an image must not be decoded, or empty when it may: more pixels declared than {@code
   * maxPixels}, or a side of zero.
   */
  public static Optional<String> refusal(byte[] bytes, long maxPixels) {
    Optional<Size> size = read(bytes);
    if (size.isEmpty()) {
      return Optional.empty();
    }
    Size s = size.get();
    if (s.width() <= 0 || s.height() <= 0) {
      return Optional.of("declares an empty size (" + s.width() + "×" + s.height() + ")");
    }
    if (s.pixels() > maxPixels) {
      return Optional.of(
          "declares "
              + s.width()
              + "×"
              + s.height()
              + " pixels, more than the "
              + maxPixels / 1_000_000
              + " million allowed (refused before decoding)");
    }
    return Optional.empty();
  }

  /** ImageWidth (256) and ImageLength (257) of the first image file directory. */
  private static Optional<Size> tiff(byte[] b) {
    boolean little = b[0] == 'I';
    long ifd = u32(b, 4, little);
    if (ifd < 8 || ifd + 2 > b.length) {
      return Optional.empty();
    }
    int entries = u16(b, (int) ifd, little);
    long width = -1;
    long height = -1;
    for (int i = 0; i < entries; i++) {
      int at = (int) ifd + 2 + 12 * i;
      int tag = u16(b, at, little);
      int type = u16(b, at + 2, little);
      long value = type == 3 ? u16(b, at + 8, little) : type == 4 ? u32(b, at + 8, little) : -1;
      if (tag == 256) {
        width = value;
      } else if (tag == 257) {
        height = value;
      }
    }
    return width < 0 || height < 0 ? Optional.empty() : Optional.of(new Size(width, height));
  }

  private static int u16(byte[] b, int at, boolean little) {
    return little
        ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8
        : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  private static long u32(byte[] b, int at, boolean little) {
    return little
        ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
        : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
  }

  /** The larger of the logical screen and the first image descriptor. */
  private static Optional<Size> gif(byte[] b) {
    if (b.length < 10) {
      return Optional.empty();
    }
    long w = u16le(b, 6);
    long h = u16le(b, 8);
    int i = 13;
    if ((b[10] & 0x80) != 0) {
      i += 3 * (1 << ((b[10] & 0x07) + 1)); // global colour table
    }
    while (i < b.length) {
      int marker = b[i] & 0xFF;
      if (marker == 0x2C && i + 9 < b.length) {
        w = Math.max(w, u16le(b, i + 5));
        h = Math.max(h, u16le(b, i + 7));
        break;
      } else if (marker == 0x21 && i + 2 < b.length) {
        i += 2;
        while (i < b.length && (b[i] & 0xFF) != 0) {
          i += (b[i] & 0xFF) + 1; // extension sub-blocks
        }
        i++;
      } else {
        break;
      }
    }
    return Optional.of(new Size(w, h));
  }

  private static Optional<Size> jpeg(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        return Optional.empty();
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte
        continue;
      }
      if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
        i += 2;
        continue;
      }
      int length = (int) u16be(b, i + 2);
      boolean startOfFrame =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (startOfFrame && i + 8 < b.length) {
        return Optional.of(new Size(u16be(b, i + 7), u16be(b, i + 5)));
      }
      if (marker == 0xD9 || marker == 0xDA || length < 2) {
        return Optional.empty();
      }
      i += 2 + length;
    }
    return Optional.empty();
  }

  private static Optional<Size> webp(byte[] b) {
    if (b.length < 30) {
      return Optional.empty();
    }
    String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8X" -> Optional.of(new Size(u24le(b, 24) + 1, u24le(b, 27) + 1));
      case "VP8L" -> {
        long bits = u32le(b, 21);
        yield Optional.of(new Size((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1));
      }
      case "VP8 " -> Optional.of(new Size(u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF));
      default -> Optional.empty();
    };
  }

  private static long u32be(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24)
        | ((b[i + 1] & 0xFF) << 16)
        | ((b[i + 2] & 0xFF) << 8)
        | (b[i + 3] & 0xFF);
  }

  private static long u16be(byte[] b, int i) {
    return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
  }

  private static long u16le(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
  }

  private static long u24le(byte[] b, int i) {
    return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((long) (b[i + 2] & 0xFF) << 16);
  }

  private static long u32le(byte[] b, int i) {
    return u24le(b, i) | ((long) (b[i + 3] & 0xFF) << 24);
  }

  private static int s32le(byte[] b, int i) {
    return (int) u32le(b, i);
  }
}
