package dev.gazette.assets;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Reads a JPEG's marker segments without decoding it, to keep a JPEG that is already fit for a
 * digest as it is (no second lossy compression) minus its metadata: EXIF and XMP (APP1), IPTC
 * (APP13), comments and other application segments are dropped; JFIF (APP0), the ICC profile (APP2)
 * and Adobe's colour transform (APP14) stay, because they change how colours decode.
 */
final class JpegSegments {
  private JpegSegments() {}

  /** What the frame header says. */
  record Frame(int width, int height, int components, boolean progressive) {}

  /** The frame header, or empty if the segments before the scan cannot be walked. */
  static Optional<Frame> frame(byte[] b) {
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof && i + 10 <= b.length) {
        int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
        int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
        boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
        return Optional.of(new Frame(width, height, b[i + 9] & 0xFF, progressive));
      }
      if (marker == 0xDA || length < 2) {
        return Optional.empty();
      }
      i += 2 + length;
    }
    return Optional.empty();
  }

  /** The same JPEG without metadata segments, or empty if its structure is not the usual one. */
  static Optional<byte[]> withoutMetadata(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
    out.write(b, 0, 2);
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xDA) {
        out.write(b, i, b.length - i); // the scan and everything after it
        return Optional.of(out.toByteArray());
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if (length < 2 || i + 2 + length > b.length) {
        return Optional.empty();
      }
      boolean metadata =
          (marker >= 0xE0 && marker <= 0xEF && marker != 0xE0 && marker != 0xE2 && marker != 0xEE)
              || marker == 0xFE;
      if (!metadata) {
        out.write(b, i, 2 + length);
      }
      i += 2 + length;
    }
    return Optional.empty();
  }
}
