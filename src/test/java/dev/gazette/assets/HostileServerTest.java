package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.model.FetchLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Servers that never finish: a redirect loop, a slow drip of bytes, an endless body. The fetcher
 * gives up on each within its limits, having read only what the limits allow.
 */
class HostileServerTest {
  static final FetchLimits LIMITS =
      new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024, 1);

  HttpServer server;
  final AtomicInteger redirects = new AtomicInteger();
  final AtomicLong sent = new AtomicLong();
  HttpImageFetcher fetcher;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/loop-a", e -> redirect(e, "/loop-b"));
    server.createContext("/loop-b", e -> redirect(e, "/loop-a"));
    server.createContext(
        "/drip",
        e -> {
          e.sendResponseHeaders(200, 0);
          try (OutputStream out = e.getResponseBody()) {
            for (int i = 0; i < 600; i++) { // at most a minute, then the handler gives up by itself
              out.write(0xFF);
              out.flush();
              sent.incrementAndGet();
              Thread.sleep(100);
            }
          } catch (IOException | InterruptedException closed) {
            // the client hung up: what the test wants
          }
        });
    server.createContext(
        "/endless",
        e -> {
          e.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          try (OutputStream out = e.getResponseBody()) {
            for (int i = 0; i < 100_000; i++) { // 800 MB at most, far past any cap
              out.write(chunk);
              sent.addAndGet(chunk.length);
            }
          } catch (IOException closed) {
            // the client hung up
          }
        });
    server.createContext("/bad-location", e -> redirect(e, "http://[broken/a b.png"));
    server.start();
    fetcher = new HttpImageFetcher(LIMITS, FetchPolicy.privateNetworkAllowed());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void redirect(com.sun.net.httpserver.HttpExchange e, String to) throws IOException {
    redirects.incrementAndGet();
    e.getResponseHeaders().add("Location", to);
    e.sendResponseHeaders(302, -1);
    e.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void aRedirectLoopIsCutAfterTheRedirectCap() {
    assertThatThrownBy(() -> fetcher.fetch(uri("/loop-a")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("redirects");
    // one retry at most: the loop is never followed more than twice the cap
    assertThat(redirects.get()).isLessThanOrEqualTo(2 * (FetchLimits.MAX_REDIRECTS + 1));
  }

  @Test
  void aSlowDripEndsAtTheResponseDeadline() {
    assertThatThrownBy(() -> fetcher.fetch(uri("/drip"))).isInstanceOf(ImageException.class);
    // The drip sends a byte every 100 ms for a minute; two attempts (one retry) under a 2 s
    // deadline see a few dozen of them, never the whole drip.
    assertThat(sent.get()).isLessThan(300);
  }

  @Test
  void aRedirectToAnUnusableAddressIsAnImageProblem() {
    assertThatThrownBy(() -> fetcher.fetch(uri("/bad-location")))
        .isInstanceOf(ImageException.class)
        .hasMessage("HTTP 302 with an unusable Location header");
  }

  @Test
  void anEndlessBodyIsCutAtTheSizeCap() {
    assertThatThrownBy(() -> fetcher.fetch(uri("/endless")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("larger than 64 KiB");
    assertThat(sent.get()).as("bytes the server managed to send").isLessThan(50L * 1024 * 1024);
  }
}
