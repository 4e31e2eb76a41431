package dev.gazette.assets;

import java.util.Optional;

/** Image formats recognized from their first bytes (never from a file name or Content-Type). */
public enum ImageType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp"),
  BMP("image/bmp", "bmp"),
  /** Read, never written: no reading system shows it, so it is re-encoded as PNG or JPEG. */
  TIFF("image/tiff", "tif"),
  SVG("image/svg+xml", "svg");

  private final String mediaType;
  private final String extension;

  ImageType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Recognizes the format from the content. */
  public static Optional<ImageType> sniff(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return Optional.of(JPEG);
    }
    if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return Optional.of(PNG);
    }
    if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return Optional.of(GIF);
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return Optional.of(WEBP);
    }
    if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
      return Optional.of(BMP);
    }
    if (b.length >= 8
        && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
            || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
      return Optional.of(TIFF); // classic TIFF, either byte order (not BigTIFF)
    }
    return isSvg(b) ? Optional.of(SVG) : Optional.empty();
  }

  /** How far into a file its root element is looked for: past a prolog, comments, a doctype. */
  private static final int SVG_PROLOG_LIMIT = 64 * 1024;

  /**
   * Whether the root element is {@code svg} (or {@code svg:svg}), after the XML declaration,
   * comments, processing instructions and a doctype: Flink's diagrams open with Apache's licence in
   * a comment longer than the first 512 bytes, and 11 of them were "not a known image format".
   */
  private static boolean isSvg(byte[] b) {
    String s =
        new String(
            b, 0, Math.min(b.length, SVG_PROLOG_LIMIT), java.nio.charset.StandardCharsets.UTF_8);
    int i = s.startsWith("\uFEFF") ? 1 : 0;
    while (true) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int end;
      if (s.startsWith("<?", i)) {
        end = s.indexOf("?>", i + 2);
        end = end < 0 ? -1 : end + 2;
      } else if (s.startsWith("<!--", i)) {
        end = s.indexOf("-->", i + 4);
        end = end < 0 ? -1 : end + 3;
      } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int subset = s.indexOf('[', i);
        int close = s.indexOf('>', i);
        if (subset >= 0 && close > subset) {
          close = s.indexOf("]>", subset);
          close = close < 0 ? -1 : close + 1; // an internal subset holds > of its own
        }
        end = close < 0 ? -1 : close + 1;
      } else {
        break;
      }
      if (end < 0) {
        return false;
      }
      i = end;
    }
    return ROOT_SVG.matcher(s).region(i, s.length()).lookingAt();
  }

  private static final java.util.regex.Pattern ROOT_SVG =
      java.util.regex.Pattern.compile("<(?:[A-Za-z_][\\w.-]*:)?svg[\\s>/]");
}
