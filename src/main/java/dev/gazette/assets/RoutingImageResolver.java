package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Sends {@code http(s)://} and {@code //host} sources to the remote resolver and everything else to
 * the local one. An address on the blog's own site ({@link SiteAddress}) is the site's file when
 * the site's folder has it ({@code https://blog.example/images/x.png} is {@code /images/x.png}), so
 * it is read from there, offline too; when the folder lacks it, it is fetched like any remote
 * image, and if that fails too the one line says both.
 *
 * <p>One per build, used from several threads.
 */
final class RoutingImageResolver implements ImageResolver {
  private final LocalImageResolver local;
  private final RemoteImageResolver remote;
  private final SiteAddress site;

  /**
   * The site's file at each path from the site's root that its own addresses name, per folder of
   * posts (the lookup starts there): about ten file system calls, made when the address is
   * prefetched and not again when it is resolved, nor for the folder's other posts.
   */
  private final Map<FolderPath, Optional<Path>> siteFiles = new ConcurrentHashMap<>();

  private record FolderPath(Path folder, String path) {}

  RoutingImageResolver(LocalImageResolver local, RemoteImageResolver remote, SiteAddress site) {
    this.local = local;
    this.remote = remote;
    this.site = site;
  }

  @Override
  public void prefetch(Post post, String src) {
    if (!RemoteImageResolver.isRemote(src)) {
      return;
    }
    Optional<String> path = site.localPath(src);
    if (path.isEmpty() || siteFile(post, path.get()).isEmpty()) {
      remote.prefetch(post, src);
    }
  }

  @Override
  public Optional<Asset> resolve(Post post, String src, Consumer<String> problems) {
    if (!RemoteImageResolver.isRemote(src)) {
      return local.resolve(post, src, problems);
    }
    Optional<String> path = site.localPath(src);
    if (path.isEmpty()) {
      return remote.resolve(post, src, problems);
    }
    Optional<Path> file = siteFile(post, path.get());
    if (file.isPresent()) {
      return local.embed(file.get(), src, problems);
    }
    ImageOutcome fetched = remote.outcome(src);
    return fetched.asset() != null
        ? Optional.of(fetched.asset())
        : ImageOutcome.failed(
                "not in the site's folder as "
                    + path.get()
                    + ", and not downloaded: "
                    + fetched.failure())
            .toAsset(src, problems);
  }

  /** The site's file at {@code path}, looked up from {@code post}'s folder. */
  private Optional<Path> siteFile(Post post, String path) {
    Path folder = post.file().toAbsolutePath().getParent();
    return siteFiles.computeIfAbsent(new FolderPath(folder, path), k -> local.siteFile(post, path));
  }
}
