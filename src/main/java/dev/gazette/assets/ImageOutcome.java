package dev.gazette.assets;

import dev.gazette.model.Asset;
import java.util.Optional;
import java.util.function.Consumer;

/** What became of one image source: a processed image, or the reason there is none. */
record ImageOutcome(Asset asset, String failure) {
  /**
   * A usable image, named once: every post that shows the same file gets this asset, and its bytes
   * are hashed for the name once, not per use.
   */
  static ImageOutcome of(Asset asset) {
    return new ImageOutcome(asset, null);
  }

  static ImageOutcome failed(String reason) {
    return new ImageOutcome(null, reason);
  }

  /** The asset, or empty after telling {@code problems} which source failed and why. */
  Optional<Asset> toAsset(String src, Consumer<String> problems) {
    if (asset != null) {
      return Optional.of(asset);
    }
    problems.accept("image '" + src + "' left out: " + failure);
    return Optional.empty();
  }
}
