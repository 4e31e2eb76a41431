package dev.gazette.assets;

import dev.gazette.model.Asset;
import java.util.Optional;
import java.util.function.Consumer;

/** What became of one image source: a processed image, or the reason there is none. */
record ImageOutcome(ProcessedImage image, String failure) {
  static ImageOutcome of(ProcessedImage image) {
    return new ImageOutcome(image, null);
  }

  static ImageOutcome failed(String reason) {
    return new ImageOutcome(null, reason);
  }

  /** The asset, or empty after telling {@code problems} which source failed and why. */
  Optional<Asset> toAsset(String src, Consumer<String> problems) {
    if (image != null) {
      return Optional.of(image.toAsset());
    }
    problems.accept("image '" + src + "' left out: " + failure);
    return Optional.empty();
  }
}
