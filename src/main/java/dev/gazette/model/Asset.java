package dev.gazette.model;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A binary resource of the digest (an image). {@code href} is relative to the digest root, e.g.
 * {@code images/3f2a9c01d4e5b6a7.jpg}; it is derived from the bytes, so the same picture used by
 * two articles is one asset.
 *
 * <p>The bytes of an asset made {@link #later} are still being made (the painted cover, beside the
 * renderers' first steps); everything but {@link #bytes} is known at once. A class, not a record,
 * so that its bytes can come later while equality stays by {@code href}.
 */
public final class Asset {
  /** Where a TeX formula's picture is named: it is text, not one of the digest's pictures. */
  public static final String FORMULA_PREFIX = "images/math-";

  private final String href;
  private final String mediaType;
  private final int width;
  private final int height;
  private final byte[] bytes;
  private final CompletableFuture<byte[]> later;

  public Asset(String href, String mediaType, byte[] bytes, int width, int height) {
    this(href, mediaType, Objects.requireNonNull(bytes, "bytes"), null, width, height);
  }

  private Asset(
      String href,
      String mediaType,
      byte[] bytes,
      CompletableFuture<byte[]> later,
      int width,
      int height) {
    this.href = Objects.requireNonNull(href, "href");
    this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    this.bytes = bytes;
    this.later = later;
    this.width = width;
    this.height = height;
  }

  /**
   * An asset whose bytes {@code bytes} will give: {@link #bytes} waits for them, and throws {@link
   * Unavailable} if they failed or were cancelled.
   */
  public static Asset later(
      String href, String mediaType, CompletableFuture<byte[]> bytes, int width, int height) {
    return new Asset(href, mediaType, null, Objects.requireNonNull(bytes, "bytes"), width, height);
  }

  public String href() {
    return href;
  }

  /** A TeX formula's picture ({@link #FORMULA_PREFIX}), not a picture of the posts. */
  public boolean isFormula() {
    return href.startsWith(FORMULA_PREFIX);
  }

  public String mediaType() {
    return mediaType;
  }

  /** The bytes; for an asset made {@link #later}, waits until they are made. */
  public byte[] bytes() {
    if (later == null) {
      return bytes;
    }
    try {
      return Objects.requireNonNull(later.join(), "bytes");
    } catch (CompletionException | CancellationException e) {
      throw new Unavailable(href, e.getCause() != null ? e.getCause() : e);
    }
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Thrown by {@link #bytes} when the bytes of an asset made {@link #later} could not be made. */
  public static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String href, Throwable cause) {
      super("no bytes for " + href + ": " + cause.getMessage(), cause);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Asset a && a.href.equals(href);
  }

  @Override
  public int hashCode() {
    return href.hashCode();
  }

  /** Does not wait for the bytes of an asset made {@link #later}. */
  @Override
  public String toString() {
    if (later != null && !later.isDone()) {
      return href + " (" + mediaType + ", bytes still being made)";
    }
    if (later != null && later.isCompletedExceptionally()) {
      return href + " (" + mediaType + ", no bytes)";
    }
    return href + " (" + mediaType + ", " + bytes().length + " bytes)";
  }
}
