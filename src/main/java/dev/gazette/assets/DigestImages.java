package dev.gazette.assets;

import dev.gazette.model.FetchLimits;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The image machinery of one build: local files and remote images (cache, downloads), one shared
 * processor and one set of counters. Close it when the articles are made.
 */
public final class DigestImages implements AutoCloseable {
  private final ImageStats stats = new ImageStats();
  private final RemoteImageResolver remote;
  private final ImageResolver resolver;
  private final RenditionCache renditions; // null when pixels are not decoded

  /**
   * @param root the input folder; local images never come from outside it
   * @param maxLocalBytes the largest local image file read
   * @param cacheDir where downloads and finished images ({@link RenditionCache}) are kept; null for
   *     {@link ImageCache#defaultDir()}
   * @param offline take remote images from the cache only
   * @param policy which addresses may be contacted
   * @param limits timeouts, size cap and parallelism of downloads
   */
  public DigestImages(
      Path root,
      long maxLocalBytes,
      Path cacheDir,
      boolean offline,
      FetchPolicy policy,
      FetchLimits limits) {
    this(
        root,
        null,
        null,
        maxLocalBytes,
        dev.gazette.model.Limits.defaults().maxImagePixels(),
        cacheDir,
        offline,
        policy,
        limits,
        true,
        post -> Optional.empty());
  }

  /**
   * The digest's pictures: local ones under {@code root} (and, with {@code siteRoot}, in the site
   * the input folder belongs to), remote ones fetched and cached. Images that declare more than
   * {@code maxPixels} pixels are refused; with {@code decodePixels} false images are checked from
   * their bytes and headers only ({@link ImageProcessor#headersOnly}), for a check that writes
   * nothing.
   *
   * @param siteRoot the site's folder found above the input folder (see {@link
   *     LocalImageResolver}), or null
   * @param siteAddress the blog's web address ({@code https://example.org/blog}), or null: pictures
   *     addressed by it are the site's own files, read from the input folder or {@code siteRoot}
   *     when they are there ({@link RoutingImageResolver}); a path from the root starting with its
   *     folder ({@code /blog/x.png}) is looked for without it too ({@link LocalImageResolver})
   * @param pageFolder the folder of the site a post's page is published in, where a picture it
   *     names relatively is looked for last ({@link LocalImageResolver}), or empty
   */
  public DigestImages(
      Path root,
      Path siteRoot,
      String siteAddress,
      long maxLocalBytes,
      long maxPixels,
      Path cacheDir,
      boolean offline,
      FetchPolicy policy,
      FetchLimits limits,
      boolean decodePixels,
      Function<Post, Optional<String>> pageFolder) {
    Path cacheFolder = ImageCache.dirOrDefault(cacheDir);
    this.renditions = decodePixels ? RenditionCache.in(cacheFolder) : null;
    ImageProcessor processor =
        decodePixels
            ? new ImageProcessor(ImageProcessor.MAX_LONG_SIDE, maxPixels).withRenditions(renditions)
            : ImageProcessor.headersOnly(maxPixels);
    ImageCache cache = new ImageCache(cacheFolder);
    HttpImageFetcher fetcher = offline ? null : new HttpImageFetcher(limits, policy);
    this.remote =
        new RemoteImageResolver(fetcher, cache, offline, limits.parallelism(), processor, stats);
    SiteAddress site = SiteAddress.of(siteAddress);
    this.resolver =
        new RoutingImageResolver(
            new LocalImageResolver(
                root, siteRoot, site.basePath(), maxLocalBytes, processor, stats, pageFolder),
            remote,
            site);
  }

  public ImageResolver resolver() {
    return resolver;
  }

  public ImageStats.Counts counts() {
    return stats.counts(renditions == null ? 0 : renditions.reused());
  }

  @Override
  public void close() {
    remote.close();
  }
}
