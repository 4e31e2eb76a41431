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

  /**
   * Hints that {@code src} will be resolved soon, so slow sources (the network) can start in the
   * background; {@link #resolve} then waits for the result. Doing nothing is correct.
   */
  default void prefetch(Post post, String src) {}
}
