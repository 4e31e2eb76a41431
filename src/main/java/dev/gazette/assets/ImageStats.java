package dev.gazette.assets;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what image resolution did in one build: each distinct image is counted once. Thread-safe.
 */
public final class ImageStats {
  private final AtomicInteger fetched = new AtomicInteger();
  private final AtomicInteger fromCache = new AtomicInteger();
  private final AtomicInteger local = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();

  /**
   * A snapshot: images downloaded, taken from the cache, read from disk, failed; of the images
   * used, how many were taken finished from the {@link RenditionCache} (made by an earlier build,
   * or earlier in this one from the same bytes); bytes before and after processing.
   */
  public record Counts(
      int fetched, int fromCache, int local, int failed, int reused, long bytesIn, long bytesOut) {}

  void fetched() {
    fetched.incrementAndGet();
  }

  void fromCache() {
    fromCache.incrementAndGet();
  }

  void local() {
    local.incrementAndGet();
  }

  void failed() {
    failed.incrementAndGet();
  }

  void processed(long in, long out) {
    bytesIn.addAndGet(in);
    bytesOut.addAndGet(out);
  }

  /** The counts, with {@code reused} images finished by an earlier build. */
  public Counts counts(int reused) {
    return new Counts(
        fetched.get(),
        fromCache.get(),
        local.get(),
        failed.get(),
        reused,
        bytesIn.get(),
        bytesOut.get());
  }
}
