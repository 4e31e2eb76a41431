package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.assets.DigestImages;
import dev.gazette.assets.FetchPolicy;
import dev.gazette.assets.ImageStats;
import dev.gazette.digest.ArticleMaker;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.FetchLimits;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts whose images come from a real HTTP server on 127.0.0.1: every format Gazette takes, and
 * every way a download goes wrong. The digest must build, validate, embed each good picture once,
 * show a note for each bad one, render to PDF, and come out byte-identical offline from the cache.
 * One address is jianshu's, whose query holds a bare '|' that browsers send as %7C (30 pictures of
 * a Hexo blog were "not a valid address").
 */
class RemoteImagesDigestTest {
  /** Good images on the server, each a different picture. */
  static final List<String> GOOD =
      List.of("photo.jpg", "cmyk.jpg", "alpha.png", "anim.gif", "gradient.webp", "drawing.svg");

  /** Bad images on the server, with the reason the warning must give. */
  static final Map<String, String> BAD =
      Map.of(
          "missing.jpg", "HTTP 404",
          "error.jpg", "HTTP 500 (after one retry)",
          "stall.jpg", "no complete response within",
          "truncated.jpg", "truncated JPEG",
          "html.jpg", "an HTML page",
          "huge.jpg", "larger than 2 MiB");

  static final long HUGE_BYTES = 30L * 1024 * 1024;

  @TempDir static Path dir;
  static HttpServer server;
  static ExecutorService serverThreads;
  static final CountDownLatch releaseStalls = new CountDownLatch(1);
  static final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  static final AtomicLong hugeBytesSent = new AtomicLong();
  static final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  static String base;
  static DigestResult online;
  static DigestResult offline;
  static Map<String, Integer> hitsAfterFirstRun;
  static Map<String, Integer> hitsAfterOfflineRun;

  @BeforeAll
  static void serveAndBuild() throws Exception {
    byte[] photo = TestImages.jpeg(TestImages.photo(2400, 1600));
    bodies.put("photo.jpg", photo);
    bodies.put("cmyk.jpg", TestImages.cmykJpeg(320, 200));
    bodies.put("alpha.png", TestImages.pngWithAlpha(300, 200));
    bodies.put("anim.gif", TestImages.animatedGif(120, 80));
    bodies.put("gradient.webp", TestImages.resource("gradient.webp"));
    bodies.put(
        "drawing.svg",
        ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""
                + " onload=\"alert(1)\"><script>alert(2)</script><rect width=\"200\" height=\"100\""
                + " fill=\"#3a6\"/></svg>")
            .getBytes(StandardCharsets.UTF_8));
    bodies.put(
        "truncated.jpg", TestImages.truncated(TestImages.jpeg(TestImages.photo(600, 400)), 0.5));
    bodies.put(
        "html.jpg",
        "<!DOCTYPE html><html><body><h1>Image not found</h1></body></html>"
            .getBytes(StandardCharsets.UTF_8));

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serverThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "test-image-server");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(serverThreads);
    server.createContext("/", RemoteImagesDigestTest::serve);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "news/2021-07-02-meeting.md",
        """
        ---
        title: '市里召开季度工作会议'
        date: 2021-07-02 20:32:26
        headimg: '%1$sphoto.jpg'
        thumbnail: '%1$sphoto.jpg'
        ---

        <div>
        <p style="text-align:left;">会议今天下午举行，部署三季度重点工作。</p>
        <p style="text-align:center;"><img src="%1$sphoto.jpg" referrerpolicy="no-referrer"></p>
        <p style="text-align:center;">会议现场</p>
        <p><img src="%1$scmyk.jpg" alt="印刷用的图"></p>
        <p><img data-original="%1$salpha.png?imageMogr2/strip|imageView2/2/w/1024" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
        <p><img src="%1$smissing.jpg" alt="已删除的图片"></p>
        <p><img src="%1$serror.jpg"></p>
        <p><img src="%1$sstall.jpg" alt="很慢的服务器"></p>
        <p>会议强调，要全力抓好落实。</p>
        </div>
        """
            .formatted(base));
    TestPosts.write(
        posts,
        "blog/2021-07-03-formats.md",
        """
        ---
        title: Pictures in every format
        date: 2021-07-03 09:00:00
        ---

        A GIF, of which only the first frame is kept:

        ![animation](%1$sanim.gif)

        A WebP, which no e-reader must see as such:

        ![gradient](%1$sgradient.webp)

        An SVG drawing:

        ![drawing](%1$sdrawing.svg)

        A local BMP beside the post:

        ![local bitmap](chart.bmp)

        The same photo as the other post, through a redirect:

        ![photo again](%1$sredirect-to-photo)

        Broken ones:

        ![cut off](%1$struncated.jpg)

        ![a web page](%1$shtml.jpg)

        ![far too big](%1$shuge.jpg)
        """
            .formatted(base));
    Files.write(posts.resolve("blog/chart.bmp"), TestImages.bmp(TestImages.photo(90, 60)));

    online = Gazette.create().build(request(dir.resolve("online"), false));
    hitsAfterFirstRun = snapshot(hits);
    offline = Gazette.create().build(request(dir.resolve("offline"), true));
    hitsAfterOfflineRun = snapshot(hits);
  }

  static DigestRequest request(Path out, boolean offline) {
    return DigestRequest.builder()
        .source(dir.resolve("posts"))
        .zone(ZoneId.of("Asia/Shanghai"))
        .outputDir(out)
        .name("digest")
        .imageCache(dir.resolve("cache"))
        .offline(offline)
        .allowPrivateNetwork(true)
        .fetchLimits(
            new FetchLimits(Duration.ofSeconds(2), Duration.ofMillis(1500), 2L * 1024 * 1024, 4))
        .build();
  }

  static void serve(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring(1);
    hits.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
    try (exchange) {
      switch (name) {
        case "missing.jpg" -> exchange.sendResponseHeaders(404, -1);
        case "error.jpg" -> exchange.sendResponseHeaders(500, -1);
        case "redirect-to-photo" -> {
          exchange.getResponseHeaders().add("Location", "/photo.jpg");
          exchange.sendResponseHeaders(302, -1);
        }
        case "stall.jpg" -> {
          exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
          exchange.sendResponseHeaders(200, 0);
          exchange.getResponseBody().write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
          exchange.getResponseBody().flush();
          awaitRelease();
        }
        case "huge.jpg" -> {
          exchange.getResponseHeaders().add("Content-Type", "image/jpeg");
          exchange.sendResponseHeaders(
              200, 0); // chunked: no length to refuse early, the cap must cut it
          byte[] chunk = new byte[64 * 1024];
          chunk[0] = (byte) 0xFF;
          chunk[1] = (byte) 0xD8;
          chunk[2] = (byte) 0xFF;
          OutputStream body = exchange.getResponseBody();
          for (long sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
            body.write(chunk);
            hugeBytesSent.addAndGet(chunk.length);
          }
        }
        default -> {
          byte[] body = bodies.get(name);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
          }
          exchange
              .getResponseHeaders()
              .add("Content-Type", name.endsWith(".svg") ? "image/svg+xml" : "image/jpeg");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        }
      }
    } catch (IOException e) {
      // the client hung up (size cap, timeout): expected for the faults
    }
  }

  private static void awaitRelease() {
    try {
      releaseStalls.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @AfterAll
  static void stop() {
    releaseStalls.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private static Path epub(DigestResult r) {
    return r.outputs().stream()
        .filter(o -> o.format() == Format.EPUB)
        .findFirst()
        .orElseThrow()
        .path();
  }

  private static Path pdf(DigestResult r) {
    return r.outputs().stream()
        .filter(o -> o.format() == Format.PDF)
        .findFirst()
        .orElseThrow()
        .path();
  }

  /** The article images (the generated cover is not one of them). */
  private static List<ZipEntry> imageEntries(Path epub) throws IOException {
    return Epubs.entries(epub).stream()
        .filter(e -> e.getName().startsWith("OEBPS/images/"))
        .filter(e -> !e.getName().equals("OEBPS/images/cover.jpg"))
        .toList();
  }

  @Test
  void bothPostsAreInAndTheEpubIsValid() {
    assertThat(online.posts()).hasSize(2);
    assertThat(online.skipped()).isEmpty();
    assertThat(Epubs.check(epub(online))).isEmpty();
  }

  @Test
  void eachGoodImageIsEmbeddedOnceAsJpegPngOrSvg() throws Exception {
    // six remote pictures + the local BMP; the header image, the repeated photo and the redirect
    // to it are the same bytes, stored once
    List<ZipEntry> images = imageEntries(epub(online));
    assertThat(images).hasSize(GOOD.size() + 1);
    assertThat(images)
        .extracting(ZipEntry::getName)
        .allMatch(n -> n.matches("OEBPS/images/[0-9a-f]{16}\\.(jpg|png|svg)"));
    assertThat(images.stream().filter(e -> e.getName().endsWith(".svg"))).hasSize(1);
    String svg =
        new String(
            Epubs.entry(
                epub(online),
                images.stream()
                    .filter(e -> e.getName().endsWith(".svg"))
                    .findFirst()
                    .orElseThrow()
                    .getName()),
            StandardCharsets.UTF_8);
    assertThat(svg).doesNotContain("script").doesNotContain("onload");
  }

  @Test
  void headerImageIsNotShownTwiceWhenTheBodyHasIt() throws Exception {
    String news = articleHtml(online, "市里召开季度工作会议");
    assertThat(Jsoup.parse(news).select("figure.header-image")).isEmpty();
    assertThat(Jsoup.parse(news).select("figure img")).hasSize(3);
    assertThat(Jsoup.parse(news).select("figcaption").text()).isEqualTo("会议现场");
  }

  @Test
  void eachBadImageLeavesANoteAndAWarningNamingPostUrlAndReason() throws Exception {
    String all =
        articleHtml(online, "市里召开季度工作会议") + articleHtml(online, "Pictures in every format");
    assertThat(Jsoup.parse(all).select(".image-missing")).hasSize(BAD.size());
    for (Map.Entry<String, String> bad : BAD.entrySet()) {
      String url = base + bad.getKey();
      assertThat(Jsoup.parse(all).select(".image-missing a[href=\"" + url + "\"]"))
          .as(url)
          .hasSize(1);
      assertThat(online.problems())
          .as(url)
          .anySatisfy(
              p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.file().toString()).endsWith(".md");
                assertThat(p.message()).contains(url).contains(bad.getValue());
              });
    }
    assertThat(online.problems()).hasSize(BAD.size());
  }

  @Test
  void faultsAreRetriedOnceAndTheSizeCapStopsReadingEarly() {
    assertThat(hitsAfterFirstRun.get("error.jpg")).isEqualTo(2);
    assertThat(hitsAfterFirstRun.get("missing.jpg")).isEqualTo(1);
    // the header image and the body's copy share one download; the redirect is another URL (and
    // cache entry) whose bytes turn out to be the same picture, stored once in the digest
    assertThat(hitsAfterFirstRun.get("photo.jpg")).isEqualTo(2);
    assertThat(hitsAfterFirstRun.get("redirect-to-photo")).isEqualTo(1);
    // The client hangs up at its 2 MiB cap; the server sees that only once the socket buffers
    // (several MiB on loopback) are full, so it is never allowed to send the whole 30 MiB.
    assertThat(hugeBytesSent.get()).isLessThan(HUGE_BYTES);
  }

  @Test
  void pdfRendersWithTheRasterImages() throws Exception {
    Path pdf = pdf(online);
    assertThat(Pdfs.pageCount(pdf)).isPositive();
    int images = 0;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject) {
            images++;
          }
        }
      }
    }
    assertThat(images).as("raster images drawn in the PDF").isGreaterThanOrEqualTo(GOOD.size());
    String text = Pdfs.compactText(pdf);
    assertThat(text).contains("图片无法载入");
    // The SVG is drawn (as vectors, after sanitizing), so no note stands in for it.
    assertThat(text).doesNotContain(Pdfs.compact("vector drawing, see the EPUB edition"));
  }

  @Test
  void offlineRunFromTheCacheGivesTheSameBytesWithoutTouchingTheNetwork() {
    assertThat(hitsAfterOfflineRun).isEqualTo(hitsAfterFirstRun);
    for (Format f : online.outputs().stream().map(OutputFile::format).toList()) {
      String first =
          online.outputs().stream().filter(o -> o.format() == f).findFirst().orElseThrow().sha256();
      String second =
          offline.outputs().stream()
              .filter(o -> o.format() == f)
              .findFirst()
              .orElseThrow()
              .sha256();
      assertThat(second).as(f.name()).isEqualTo(first);
    }
  }

  @Test
  void cacheHoldsOnlyCompleteEntriesOfGoodImages() throws IOException {
    Path renditions = dir.resolve("cache").resolve("renditions");
    try (Stream<Path> files = Files.walk(dir.resolve("cache"))) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      assertThat(all).allMatch(p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.bin"));
      // the downloads; beside them, the pictures made from them for the EPUB and the PDF
      List<Path> entries = all.stream().filter(p -> !p.startsWith(renditions)).toList();
      assertThat(entries).hasSize(GOOD.size() + 1); // + the redirect URL, cached under its own name
      assertThat(all.size() - entries.size()).isGreaterThanOrEqualTo(GOOD.size());
      long before = entries.stream().mapToLong(RemoteImagesDigestTest::size).sum();
      long after = imageEntriesSize(epub(online));
      System.out.printf(
          "images: %d fetched URLs cached (%d bytes), %d failed; EPUB images %d bytes%n",
          entries.size(), before, BAD.size(), after);
    }
  }

  @Test
  void resultsCountFetchedCachedAndFailedImages() {
    assertThat(online.images().fetched()).isEqualTo(GOOD.size() + 1);
    assertThat(online.images().failed()).isEqualTo(BAD.size());
    assertThat(offline.images().fetched()).isZero();
    assertThat(offline.images().fromCache()).isEqualTo(GOOD.size() + 1);
  }

  @Test
  void countsOfOneRunWithAnEmptyCache() throws Exception {
    Path posts = dir.resolve("posts");
    try (DigestImages images =
        new DigestImages(
            posts,
            1 << 24,
            dir.resolve("fresh-cache"),
            false,
            FetchPolicy.privateNetworkAllowed(),
            request(dir, false).fetchLimits())) {
      ArticleMaker maker =
          new ArticleMaker(new MarkdownRenderer(), new HtmlNormalizer(), images.resolver());
      for (Post post : online.posts()) {
        maker.make(post, "a001");
      }
      ImageStats.Counts counts = images.counts();
      System.out.println("image counts (fresh cache): " + counts);
      assertThat(counts.fetched()).isEqualTo(GOOD.size() + 1); // + the redirect, a URL of its own
      assertThat(counts.local()).isEqualTo(1);
      assertThat(counts.failed()).isEqualTo(BAD.size());
      assertThat(counts.bytesOut()).isLessThan(counts.bytesIn());
    }
  }

  private static long imageEntriesSize(Path epub) throws IOException {
    long total = 0;
    for (ZipEntry e : imageEntries(epub)) {
      total += Epubs.entry(epub, e.getName()).length;
    }
    return total;
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String articleHtml(DigestResult r, String title) throws IOException {
    for (Map.Entry<String, String> e : Epubs.textEntries(epub(r)).entrySet()) {
      if (e.getKey().matches("OEBPS/a\\d+\\.xhtml") && e.getValue().contains(title)) {
        return e.getValue();
      }
    }
    throw new AssertionError("no article titled " + title);
  }
}
