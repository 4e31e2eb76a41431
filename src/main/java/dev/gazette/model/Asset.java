package dev.gazette.model;

import java.util.Objects;

/**
 * A binary resource of the digest (an image). {@code href} is relative to the digest root, e.g.
 * {@code images/3f2a9c01d4e5b6a7.jpg}; it is derived from the bytes, so the same picture used by
 * two articles is one asset.
 */
public record Asset(String href, String mediaType, byte[] bytes, int width, int height) {
  public Asset {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Asset a && a.href.equals(href);
  }

  @Override
  public int hashCode() {
    return href.hashCode();
  }

  @Override
  public String toString() {
    return href + " (" + mediaType + ", " + bytes.length + " bytes)";
  }
}
