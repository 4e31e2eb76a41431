package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends {@code http(s)://} and {@code //host} sources to the remote resolver and everything else to
 * the local one.
 */
public final class RoutingImageResolver implements ImageResolver {
  private final ImageResolver local;
  private final ImageResolver remote;

  public RoutingImageResolver(ImageResolver local, ImageResolver remote) {
    this.local = local;
    this.remote = remote;
  }

  @Override
  public void prefetch(Post post, String src) {
    (RemoteImageResolver.isRemote(src) ? remote : local).prefetch(post, src);
  }

  @Override
  public Optional<Asset> resolve(Post post, String src, Consumer<String> problems) {
    return (RemoteImageResolver.isRemote(src) ? remote : local).resolve(post, src, problems);
  }
}
