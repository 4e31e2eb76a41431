package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.model.Asset;
import dev.gazette.model.FetchLimits;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import dev.gazette.testing.TestImages;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where images may come from: the fetch policy, site roots for local files, the cache. */
class ImageSourcesTest {
  @TempDir Path dir;

  @Test
  void defaultPolicyNeverContactsThisMachineOrPrivateNetworks() throws Exception {
    AtomicInteger hits = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    try {
      HttpImageFetcher fetcher =
          new HttpImageFetcher(FetchLimits.defaults(), FetchPolicy.publicOnly());
      int port = server.getAddress().getPort();
      for (String url :
          List.of(
              "http://127.0.0.1:" + port + "/a.jpg",
              "http://localhost:" + port + "/a.jpg",
              "http://[::1]:" + port + "/a.jpg",
              "http://10.1.2.3/a.jpg",
              "http://192.168.0.1/a.jpg",
              "http://169.254.169.254/latest/meta-data")) {
        assertThatThrownBy(() -> fetcher.fetch(URI.create(url)))
            .as(url)
            .isInstanceOf(ImageException.class)
            .hasMessageContaining("not fetched");
      }
      assertThatThrownBy(() -> fetcher.fetch(URI.create("file:///etc/passwd")))
          .isInstanceOf(ImageException.class)
          .hasMessageContaining("not an http(s) address");
      assertThat(hits.get()).isZero();
      HttpImageFetcher allowed =
          new HttpImageFetcher(
              new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024, 1),
              FetchPolicy.privateNetworkAllowed());
      assertThatThrownBy(() -> allowed.fetch(URI.create("http://127.0.0.1:" + port + "/a.jpg")))
          .hasMessage("HTTP 404");
      assertThat(hits.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void localImagesAreFoundInSiteRootsButNeverOutsideTheInputFolder() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    byte[] png = TestImages.png(TestImages.photo(8, 8));
    write(site.resolve("source/_posts/hello.md"), "x".getBytes());
    write(site.resolve("source/_posts/hello/inline.png"), png); // Hexo post asset folder
    write(site.resolve("source/images/shared.png"), TestImages.png(TestImages.photo(9, 9)));
    write(site.resolve("static/img/hugo.png"), TestImages.png(TestImages.photo(10, 10)));
    write(dir.resolve("secret.png"), TestImages.png(TestImages.photo(11, 11)));
    Files.createSymbolicLink(site.resolve("source/_posts/link.png"), dir.resolve("secret.png"));
    Post post =
        Post.builder(site.resolve("source/_posts/hello.md"), "source/_posts/hello.md")
            .body(() -> "")
            .build();
    LocalImageResolver resolver =
        new LocalImageResolver(site, 1 << 20, new ImageProcessor(), new ImageStats());
    List<String> problems = new ArrayList<>();

    assertThat(resolver.resolve(post, "inline.png", problems::add)).isPresent();
    assertThat(resolver.resolve(post, "/images/shared.png", problems::add))
        .map(Asset::width)
        .contains(9);
    assertThat(resolver.resolve(post, "/img/hugo.png", problems::add))
        .map(Asset::width)
        .contains(10);
    assertThat(problems).isEmpty();

    assertThat(resolver.resolve(post, "../../../secret.png", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "link.png", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "file:///etc/hosts", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "nowhere.png", problems::add)).isEmpty();
    assertThat(problems).hasSize(4);
    assertThat(problems.get(0)).contains("outside the input folder");
    assertThat(problems.get(1)).contains("outside the input folder");
    assertThat(problems.get(3)).contains("not found");
  }

  /**
   * A missing picture whose path stays inside the input folder is "not found", even when a site
   * root above the post would take the same path outside (zh-hexo-mushan, built from source/:
   * _posts/project/mmnote/MMNote开发笔记.md:684 {@code ../../../img/x.png} was said to point outside
   * the input folder; it points at source/img/, where the file is missing).
   */
  @Test
  void aMissingImageInsideTheInputFolderIsNotFoundNotOutsideIt() throws Exception {
    Path source = Files.createDirectories(dir.resolve("blog/source"));
    write(source.resolve("_posts/notes/app/log.md"), "x".getBytes());
    Post post =
        Post.builder(source.resolve("_posts/notes/app/log.md"), "_posts/notes/app/log.md")
            .body(() -> "")
            .build();
    LocalImageResolver resolver =
        new LocalImageResolver(source, 1 << 20, new ImageProcessor(), new ImageStats());
    List<String> problems = new ArrayList<>();

    assertThat(resolver.resolve(post, "../../../img/shot.png", problems::add)).isEmpty();
    assertThat(problems).singleElement().asString().contains("not found").doesNotContain("outside");
  }

  /**
   * A folder of posts published under its own name writes its pictures as {@code
   * /articles/img/x.png} for {@code articles/img/x.png} (jiajunhuang/blog, built from articles/);
   * the folder above stays out of reach.
   */
  @Test
  void aPathFromTheRootNamingTheInputFolderIsFoundInIt() throws Exception {
    Path articles = Files.createDirectories(dir.resolve("blog/articles"));
    write(articles.resolve("2020_01_02-flutter.md"), "x".getBytes());
    write(articles.resolve("img/hello.png"), TestImages.png(TestImages.photo(7, 7)));
    write(dir.resolve("blog/secret.png"), TestImages.png(TestImages.photo(11, 11)));
    Post post =
        Post.builder(articles.resolve("2020_01_02-flutter.md"), "2020_01_02-flutter.md")
            .body(() -> "")
            .build();
    LocalImageResolver resolver =
        new LocalImageResolver(articles, 1 << 20, new ImageProcessor(), new ImageStats());
    List<String> problems = new ArrayList<>();

    assertThat(resolver.resolve(post, "/articles/img/hello.png", problems::add))
        .map(Asset::width)
        .contains(7);
    assertThat(problems).isEmpty();
    assertThat(resolver.resolve(post, "/secret.png", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "/articles/../secret.png", problems::add)).isEmpty();
    assertThat(problems).hasSize(2).allSatisfy(p -> assertThat(p).contains("not found"));
  }

  /**
   * Built from the posts' folder of a site, its pictures are outside the input folder: they are
   * looked up in the site's folder (static/ of Hugo and Zola, source/ of Hexo, the folder itself
   * for Jekyll), never outside it (zh-hugo-darjun from content/post lost every /img/… picture, kept
   * in static/img/; jekyll-news from docs/_posts lost /img/forestry-logo.svg, kept in docs/img/).
   */
  @Test
  void picturesOfTheSiteAboveTheInputFolderAreFoundInsideTheSiteOnly() throws Exception {
    Path hugo = Files.createDirectories(dir.resolve("hugo"));
    write(hugo.resolve("static/img/banner.png"), TestImages.png(TestImages.photo(12, 12)));
    write(hugo.resolve("content/post/first.md"), "x".getBytes());
    write(dir.resolve("secret.png"), TestImages.png(TestImages.photo(13, 13)));
    Files.createSymbolicLink(hugo.resolve("static/img/link.png"), dir.resolve("secret.png"));
    Post post =
        Post.builder(hugo.resolve("content/post/first.md"), "first.md").body(() -> "").build();
    LocalImageResolver resolver =
        new LocalImageResolver(
            hugo.resolve("content/post"), hugo, 1 << 20, new ImageProcessor(), new ImageStats());
    List<String> problems = new ArrayList<>();

    assertThat(resolver.resolve(post, "/img/banner.png", problems::add))
        .map(Asset::width)
        .contains(12);
    assertThat(resolver.resolve(post, "../../static/img/banner.png", problems::add))
        .map(Asset::width)
        .contains(12);
    assertThat(problems).isEmpty();

    assertThat(resolver.resolve(post, "/../../secret.png", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "../../../secret.png", problems::add)).isEmpty();
    assertThat(resolver.resolve(post, "/img/link.png", problems::add)).isEmpty();
    assertThat(problems).hasSize(3);

    Path jekyll = Files.createDirectories(dir.resolve("docs"));
    write(jekyll.resolve("img/logo.png"), TestImages.png(TestImages.photo(14, 14)));
    Post news =
        Post.builder(jekyll.resolve("_posts/2020-01-01-news.md"), "2020-01-01-news.md")
            .body(() -> "")
            .build();
    LocalImageResolver posts =
        new LocalImageResolver(
            jekyll.resolve("_posts"), jekyll, 1 << 20, new ImageProcessor(), new ImageStats());
    assertThat(posts.resolve(news, "/img/logo.png", problems::add)).map(Asset::width).contains(14);
    // Without the site's folder, as before: the input folder only.
    LocalImageResolver alone =
        new LocalImageResolver(
            jekyll.resolve("_posts"), 1 << 20, new ImageProcessor(), new ImageStats());
    assertThat(alone.resolve(news, "/img/logo.png", problems::add)).isEmpty();
  }

  /**
   * An address on the blog's own site is looked up in the site's folder once for the posts of a
   * folder, when it is prefetched: resolving it, and the same address in a second post, take that
   * answer (a file put there afterwards is not looked for).
   */
  @Test
  void theSiteFolderIsSearchedOncePerAddressAndFolderOfPosts() throws Exception {
    Path site = Files.createDirectories(dir.resolve("site"));
    write(site.resolve("img/logo.png"), TestImages.png(TestImages.photo(14, 14)));
    Post first = post(site.resolve("_posts/2020-01-01-a.md"));
    Post second = post(site.resolve("_posts/2020-01-02-b.md"));
    String logo = "https://example.org/notes/img/logo.png";
    String later = "https://example.org/notes/img/later.png";
    List<String> problems = new ArrayList<>();
    try (DigestImages images = siteImages(site)) {
      ImageResolver resolver = images.resolver();
      resolver.prefetch(first, logo);
      resolver.prefetch(first, later);
      write(site.resolve("img/later.png"), TestImages.png(TestImages.photo(9, 9)));
      for (Post post : List.of(first, second)) {
        assertThat(resolver.resolve(post, logo, problems::add)).map(Asset::width).contains(14);
        assertThat(resolver.resolve(post, later, problems::add)).isEmpty();
      }
      assertThat(images.counts().local()).isEqualTo(1);
    }
    assertThat(problems)
        .containsOnly(
            "image '"
                + later
                + "' left out: not in the site's folder as /img/later.png, and not downloaded:"
                + " not in the image cache (offline)");
    try (DigestImages images = siteImages(site)) {
      assertThat(images.resolver().resolve(first, later, problems::add))
          .as("in a build started after the file was put there")
          .map(Asset::width)
          .contains(9);
    }
  }

  private DigestImages siteImages(Path site) {
    return new DigestImages(
        site.resolve("_posts"),
        site,
        "https://example.org/notes",
        1 << 20,
        1 << 24,
        dir.resolve("cache"),
        true,
        FetchPolicy.publicOnly(),
        FetchLimits.defaults(),
        true,
        post -> java.util.Optional.empty());
  }

  private static Post post(Path file) {
    return Post.builder(file, file.getFileName().toString()).body(() -> "").build();
  }

  @Test
  void anImageOverASmallCapNamesTheCapInKibibytes() throws Exception {
    write(dir.resolve("big.png"), TestImages.png(TestImages.photo(200, 200)));
    Post post = Post.builder(dir.resolve("post.md"), "post.md").body(() -> "").build();
    LocalImageResolver resolver =
        new LocalImageResolver(dir, 1024, new ImageProcessor(), new ImageStats());
    List<String> problems = new ArrayList<>();

    assertThat(resolver.resolve(post, "big.png", problems::add)).isEmpty();
    assertThat(problems).singleElement().asString().contains("larger than 1 KiB");
  }

  @Test
  void cacheEntriesAreWholeFilesAndALeftoverPartialWriteIsIgnored() throws Exception {
    ImageCache cache = new ImageCache(dir.resolve("cache"));
    assertThat(cache.get("https://example.com/a.jpg")).isEmpty();
    cache.put("https://example.com/a.jpg", new byte[] {1, 2, 3});
    assertThat(cache.get("https://example.com/a.jpg")).map(b -> b.length).contains(3);
    // what a killed run leaves: a temporary file beside the entries, never read as one
    Path entryDir;
    try (var files = Files.walk(cache.dir())) {
      entryDir = files.filter(Files::isRegularFile).findFirst().orElseThrow().getParent();
    }
    Files.write(entryDir.resolve(".x.bin.123.part"), new byte[] {9});
    assertThat(cache.get("https://example.com/a.jpg")).map(b -> b.length).contains(3);
    assertThat(cache.get("https://example.com/b.jpg")).isEmpty();
  }

  @Test
  void offlineWithoutACacheEntrySaysSo() {
    RemoteImageResolver offline =
        new RemoteImageResolver(
            null,
            new ImageCache(dir.resolve("empty")),
            true,
            1,
            new ImageProcessor(),
            new ImageStats());
    List<String> problems = new ArrayList<>();
    Post post = Post.builder(dir.resolve("p.md"), "p.md").body(() -> "").build();
    Optional<Asset> asset = offline.resolve(post, "//img.example.com/a.jpg", problems::add);
    offline.close();
    assertThat(asset).isEmpty();
    assertThat(problems)
        .containsExactly(
            "image '//img.example.com/a.jpg' left out: not in the image cache (offline)");
  }

  private static void write(Path file, byte[] bytes) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
