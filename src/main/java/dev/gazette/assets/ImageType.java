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
    String head =
        new String(b, 0, Math.min(b.length, 512), java.nio.charset.StandardCharsets.UTF_8)
            .stripLeading();
    boolean xmlProlog =
        head.startsWith("<?xml") || head.startsWith("<!DOCTYPE svg") || head.startsWith("<!--");
    if (head.startsWith("<svg") || (xmlProlog && head.contains("<svg"))) {
      return Optional.of(SVG);
    }
    return Optional.empty();
  }
}
