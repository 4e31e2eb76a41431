package dev.gazette.model;

import java.time.Duration;

/**
 * Bounds on remote fetching.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a whole response (headers and body) may take
 * @param maxBytes the largest body accepted; reading stops as soon as it is passed
 * @param parallelism how many downloads run at once
 */
public record FetchLimits(
    Duration connectTimeout, Duration readTimeout, long maxBytes, int parallelism) {
  public static final int MAX_REDIRECTS = 5;

  public static FetchLimits defaults() {
    return new FetchLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 20L * 1024 * 1024, 4);
  }
}
