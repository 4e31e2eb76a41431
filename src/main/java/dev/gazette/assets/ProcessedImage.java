package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.util.Hashes;

/**
 * An image made ready for a digest: re-encoded bytes of an embeddable type and their size in
 * pixels.
 */
public record ProcessedImage(ImageType type, byte[] bytes, int width, int height) {
  /** The digest asset; its name comes from the bytes, so identical images become one asset. */
  public Asset toAsset() {
    String href = "images/" + Hashes.sha256Hex(bytes).substring(0, 16) + "." + type.extension();
    return new Asset(href, type.mediaType(), bytes, width, height);
  }
}
