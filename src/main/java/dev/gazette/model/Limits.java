package dev.gazette.model;

/**
 * Bounds on what one build reads from its input, so a hostile or broken post costs a warning
 * instead of memory, time or a crash. Every bound has a default sized for real blogs and news
 * feeds; change one with the {@code with…} methods. Documented in the README's "Limits" section.
 *
 * @param maxPostBytes the largest post file converted; a bigger one is skipped
 * @param maxFrontMatterChars the largest front matter read; a fence left open must not pull in a
 *     whole file
 * @param maxTitleChars titles longer than this are cut (with a warning)
 * @param maxNestingDepth elements nested deeper than this are flattened into their ancestor (with a
 *     warning)
 * @param maxImageBytes the largest single image file embedded
 * @param maxImagePixels the most pixels an image may declare in its header; checked before decoding
 * @param maxDigestImageBytes the most image bytes one digest embeds; later images are left out
 */
public record Limits(
    long maxPostBytes,
    int maxFrontMatterChars,
    int maxTitleChars,
    int maxNestingDepth,
    long maxImageBytes,
    long maxImagePixels,
    long maxDigestImageBytes) {
  private static final long MIB = 1024L * 1024;

  public Limits {
    positive(maxPostBytes, "maxPostBytes");
    positive(maxFrontMatterChars, "maxFrontMatterChars");
    positive(maxTitleChars, "maxTitleChars");
    positive(maxNestingDepth, "maxNestingDepth");
    positive(maxImageBytes, "maxImageBytes");
    positive(maxImagePixels, "maxImagePixels");
    positive(maxDigestImageBytes, "maxDigestImageBytes");
  }

  /**
   * 4 MiB per post (a long novel chapter is under 1 MiB), 256 KiB of front matter, 300-character
   * titles, 100 levels of nesting (real posts stay under 30), 20 MiB and 100 megapixels per image,
   * 200 MiB of images per digest.
   */
  public static Limits defaults() {
    return new Limits(4 * MIB, 256 * 1024, 300, 100, 20 * MIB, 100_000_000L, 200 * MIB);
  }

  public Limits withMaxPostBytes(long v) {
    return new Limits(
        v,
        maxFrontMatterChars,
        maxTitleChars,
        maxNestingDepth,
        maxImageBytes,
        maxImagePixels,
        maxDigestImageBytes);
  }

  public Limits withMaxFrontMatterChars(int v) {
    return new Limits(
        maxPostBytes,
        v,
        maxTitleChars,
        maxNestingDepth,
        maxImageBytes,
        maxImagePixels,
        maxDigestImageBytes);
  }

  public Limits withMaxTitleChars(int v) {
    return new Limits(
        maxPostBytes,
        maxFrontMatterChars,
        v,
        maxNestingDepth,
        maxImageBytes,
        maxImagePixels,
        maxDigestImageBytes);
  }

  public Limits withMaxNestingDepth(int v) {
    return new Limits(
        maxPostBytes,
        maxFrontMatterChars,
        maxTitleChars,
        v,
        maxImageBytes,
        maxImagePixels,
        maxDigestImageBytes);
  }

  public Limits withMaxImageBytes(long v) {
    return new Limits(
        maxPostBytes,
        maxFrontMatterChars,
        maxTitleChars,
        maxNestingDepth,
        v,
        maxImagePixels,
        maxDigestImageBytes);
  }

  public Limits withMaxImagePixels(long v) {
    return new Limits(
        maxPostBytes,
        maxFrontMatterChars,
        maxTitleChars,
        maxNestingDepth,
        maxImageBytes,
        v,
        maxDigestImageBytes);
  }

  public Limits withMaxDigestImageBytes(long v) {
    return new Limits(
        maxPostBytes,
        maxFrontMatterChars,
        maxTitleChars,
        maxNestingDepth,
        maxImageBytes,
        maxImagePixels,
        v);
  }

  /** A byte count as people read it: {@code 4 MiB}, {@code 256 KiB}, {@code 900 bytes}. */
  public static String describeBytes(long bytes) {
    if (bytes >= MIB && bytes % MIB == 0) {
      return bytes / MIB + " MiB";
    }
    if (bytes >= MIB) {
      return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }
    if (bytes >= 1024) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static void positive(long v, String name) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + v);
    }
  }
}
