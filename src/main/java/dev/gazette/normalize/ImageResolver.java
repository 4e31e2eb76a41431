package dev.gazette.normalize;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import java.util.Optional;

/** Turns an image reference found in a post into an asset of the digest. */
@FunctionalInterface
public interface ImageResolver {
  /**
   * Resolves {@code src} as written in {@code post}. Returns empty when the image cannot be
   * embedded; {@code problems} has then been told why.
   */
  Optional<Asset> resolve(Post post, String src, java.util.function.Consumer<String> problems);
}
