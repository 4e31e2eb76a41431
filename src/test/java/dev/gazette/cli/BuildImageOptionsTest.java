package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildImageOptionsTest {
  @TempDir Path dir;

  @Test
  void offlineBuildUsesTheGivenCacheAndReportsMissingImages() throws Exception {
    TestPosts.write(
        dir.resolve("posts"),
        "p.md",
        """
        ---
        title: Offline
        date: 2021-07-01
        ---

        ![remote](https://img.example.com/a.jpg)
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "build",
            dir.resolve("posts").toString(),
            "--offline",
            "--cache",
            dir.resolve("cache").toString(),
            "--format",
            "epub",
            "--out",
            dir.resolve("out").toString(),
            "--name",
            "d");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains("https://img.example.com/a.jpg")
        .contains("not in the image cache (offline)");
    assertThat(Epubs.check(dir.resolve("out/d.epub"))).isEmpty();
    assertThat(Files.exists(dir.resolve("cache"))).isFalse(); // offline never writes the cache
  }

  @Test
  void localServersAreRefusedUnlessThePrivateNetworkIsAllowed() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    java.util.concurrent.atomic.AtomicInteger hits =
        new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/a.png",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(200, png.size());
          exchange.getResponseBody().write(png.toByteArray());
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/a.png";
      TestPosts.write(
          dir.resolve("posts"),
          "p.md",
          "---\ntitle: Local\ndate: 2021-07-01\n---\n\n![local](" + url + ")\n");
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(new StringWriter()),
              new PrintWriter(err),
              "build",
              dir.resolve("posts").toString(),
              "--cache",
              dir.resolve("cache").toString(),
              "--format",
              "epub",
              "--out",
              dir.resolve("out").toString(),
              "--name",
              "refused");
      assertThat(code).isZero();
      assertThat(err.toString()).contains(url).contains("--allow-private-network");
      assertThat(hits.get()).isZero();

      code =
          Main.run(
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              "build",
              dir.resolve("posts").toString(),
              "--cache",
              dir.resolve("cache").toString(),
              "--format",
              "epub",
              "--out",
              dir.resolve("out").toString(),
              "--name",
              "allowed",
              "--allow-private-network");
      assertThat(code).isZero();
      assertThat(hits.get()).isEqualTo(1);
      assertThat(Epubs.entries(dir.resolve("out/allowed.epub")))
          .anyMatch(e -> e.getName().endsWith(".png"));
      assertThat(Epubs.check(dir.resolve("out/allowed.epub"))).isEmpty();
    } finally {
      server.stop(0);
    }
  }
}
