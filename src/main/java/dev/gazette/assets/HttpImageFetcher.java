package dev.gazette.assets;

import dev.gazette.model.FetchLimits;
import dev.gazette.model.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads image bytes over HTTP(S) with {@code java.net.http}: at most {@link
 * FetchLimits#parallelism()} at once, a connect timeout and a deadline for the whole response, a
 * size cap that stops reading as soon as it is passed, one retry for failures that may be passing
 * (network errors, timeouts, 5xx), and redirects followed by hand so the {@link FetchPolicy} sees
 * every hop. Thread-safe.
 */
public final class HttpImageFetcher {
  private static final String USER_AGENT =
      "Gazette/0.1 (digest builder; images for offline reading)";

  private final FetchLimits limits;
  private final FetchPolicy policy;
  private final Semaphore slots;
  private volatile HttpClient client;

  public HttpImageFetcher(FetchLimits limits, FetchPolicy policy) {
    this.limits = limits;
    this.policy = policy;
    this.slots = new Semaphore(Math.max(1, limits.parallelism()));
  }

  /**
   * Made on first use: building a client sets up TLS, a cost a digest without remote images need
   * not pay.
   */
  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c =
              HttpClient.newBuilder()
                  .connectTimeout(limits.connectTimeout())
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .build();
          client = c;
        }
      }
    }
    return c;
  }

  /** The body of {@code uri}, or the reason it could not be had. */
  public byte[] fetch(URI uri) throws ImageException {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted");
    }
    try {
      try {
        return fetchFollowingRedirects(uri);
      } catch (TransientFailure first) {
        try {
          return fetchFollowingRedirects(uri);
        } catch (TransientFailure second) {
          throw new ImageException(second.getMessage() + " (after one retry)");
        }
      }
    } finally {
      slots.release();
    }
  }

  private byte[] fetchFollowingRedirects(URI start) throws ImageException, TransientFailure {
    URI uri = start;
    for (int hop = 0; hop <= FetchLimits.MAX_REDIRECTS; hop++) {
      check(uri);
      Response r = send(uri);
      int status = r.status();
      if (status == 200) {
        return r.body();
      }
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        if (r.location() == null) {
          throw new ImageException("HTTP " + status + " without a Location header");
        }
        try {
          uri = uri.resolve(r.location());
        } catch (IllegalArgumentException e) {
          // a hostile or broken server: reported as this image's problem, not an internal error
          throw new ImageException("HTTP " + status + " with an unusable Location header");
        }
        continue;
      }
      if (status >= 500) {
        throw new TransientFailure("HTTP " + status);
      }
      throw new ImageException("HTTP " + status);
    }
    throw new ImageException("more than " + FetchLimits.MAX_REDIRECTS + " redirects");
  }

  private void check(URI uri) throws ImageException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ImageException("not an http(s) address");
    }
    if (uri.getHost() == null) {
      throw new ImageException("no host in the address");
    }
    try {
      policy.check(uri, List.of(InetAddress.getAllByName(uri.getHost())));
    } catch (UnknownHostException e) {
      throw new ImageException("unknown host " + uri.getHost());
    }
  }

  private record Response(int status, String location, byte[] body) {}

  private Response send(URI uri) throws ImageException, TransientFailure {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(limits.readTimeout())
            .header("User-Agent", USER_AGENT)
            .header(
                "Accept",
                "image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml,image/*;q=0.8")
            .GET()
            .build();
    CompletableFuture<HttpResponse<byte[]>> future =
        client()
            .sendAsync(
                request,
                info ->
                    info.statusCode() == 200
                        ? new CappedBody(
                            limits.maxBytes(),
                            info.headers().firstValueAsLong("content-length").orElse(-1))
                        : HttpResponse.BodySubscribers.replacing(null));
    try {
      HttpResponse<byte[]> response =
          future.get(limits.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Response(
          response.statusCode(),
          response.headers().firstValue("location").orElse(null),
          response.body());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TransientFailure(
          "no complete response within " + limits.readTimeout().toMillis() + " ms");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw new ImageException(cause.getMessage());
      }
      if (cause instanceof HttpTimeoutException) {
        throw new TransientFailure(
            "no complete response within " + limits.readTimeout().toMillis() + " ms");
      }
      String message =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new TransientFailure("network error: " + message);
    }
  }

  /** A failure worth one more try. */
  private static final class TransientFailure extends Exception {
    private static final long serialVersionUID = 1L;

    TransientFailure(String message) {
      super(message);
    }
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long max) {
      super("larger than " + Limits.describeBytes(max) + "; download stopped");
    }
  }

  /** Collects the body, cancelling the download the moment it passes the cap. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long max;
    private final long declared;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    CappedBody(long max, long declared) {
      this.max = max;
      this.declared = declared;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (declared > max) {
        s.cancel();
        result.completeExceptionally(new TooLarge(max));
      } else {
        s.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if (buffer.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge(max));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        buffer.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
