package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import dev.gazette.util.Urls;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Embeds images from {@code http(s)://} addresses: from the {@link ImageCache} when it has them,
 * else downloaded (unless offline) and stored in the cache once they decode. Each URL is loaded
 * once per build, however many posts use it; loads run in the background from {@link #prefetch}.
 * Close it after the build to stop its threads.
 */
public final class RemoteImageResolver implements ImageResolver, AutoCloseable {
  private final HttpImageFetcher fetcher;
  private final ImageCache cache;
  private final boolean offline;
  private final ImageProcessor processor;
  private final ImageStats stats;
  private final ExecutorService pool;
  private final Map<String, CompletableFuture<ImageOutcome>> loads = new ConcurrentHashMap<>();

  /** {@code fetcher} may be null when {@code offline}. */
  public RemoteImageResolver(
      HttpImageFetcher fetcher,
      ImageCache cache,
      boolean offline,
      int parallelism,
      ImageProcessor processor,
      ImageStats stats) {
    this.fetcher = fetcher;
    this.cache = cache;
    this.offline = offline || fetcher == null;
    this.processor = processor;
    this.stats = stats;
    this.pool =
        Executors.newFixedThreadPool(
            Math.max(1, parallelism),
            r -> {
              Thread t = new Thread(r, "gazette-image-fetch");
              t.setDaemon(true);
              return t;
            });
  }

  static boolean isRemote(String src) {
    String lower = src.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
  }

  /** The address to download: protocol-relative sources are taken as https. */
  static String absolute(String src) {
    return Urls.withScheme(src.strip());
  }

  @Override
  public void prefetch(Post post, String src) {
    if (isRemote(src)) {
      load(absolute(src));
    }
  }

  @Override
  public Optional<Asset> resolve(Post post, String src, Consumer<String> problems) {
    if (!isRemote(src)) {
      return Optional.empty();
    }
    return outcome(src).toAsset(src, problems);
  }

  /** What loading the remote {@code src} gave, waiting for it if it is under way. */
  ImageOutcome outcome(String src) {
    try {
      return load(absolute(src)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ImageOutcome.failed("interrupted");
    } catch (ExecutionException e) {
      return ImageOutcome.failed("internal error: " + e.getCause());
    }
  }

  private CompletableFuture<ImageOutcome> load(String url) {
    return loads.computeIfAbsent(
        url,
        u ->
            CompletableFuture.supplyAsync(
                () -> {
                  ImageOutcome outcome = loadNow(u);
                  if (outcome.asset() == null) {
                    stats.failed();
                  }
                  return outcome;
                },
                pool));
  }

  private ImageOutcome loadNow(String url) {
    URI uri;
    try {
      // As a browser asks for it: jianshu's ?imageMogr2/strip|imageView2/… has a bare '|'.
      uri = URI.create(Urls.followable(url).orElse(url));
    } catch (IllegalArgumentException e) {
      return ImageOutcome.failed("not a valid address");
    }
    Optional<byte[]> cached = cache.get(url);
    if (cached.isPresent()) {
      try {
        ProcessedImage image = processor.process(cached.get());
        stats.fromCache();
        stats.processed(cached.get().length, image.bytes().length);
        return ImageOutcome.of(processor.asset(image));
      } catch (ImageException e) {
        // a cache entry that no longer decodes (older Gazette, disk damage): download again
      }
    }
    if (offline) {
      return ImageOutcome.failed("not in the image cache (offline)");
    }
    try {
      byte[] raw = fetcher.fetch(uri);
      ProcessedImage image = processor.process(raw);
      stats.fetched();
      stats.processed(raw.length, image.bytes().length);
      try {
        cache.put(url, raw);
      } catch (IOException e) {
        // an unwritable cache costs a download next time, nothing more
      }
      return ImageOutcome.of(processor.asset(image));
    } catch (ImageException e) {
      return ImageOutcome.failed(e.getMessage());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
