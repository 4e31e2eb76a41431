package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts that address pictures by their blog's own web address ({@code
 * https://blog.example/images/x.png}, as a real Hugo blog did in 26 posts): the site's file is
 * embedded from its folder, offline too, and fetched only when the folder does not have it.
 */
class SiteOwnImagesTest {
  @TempDir Path dir;

  private DigestResult build(Path source, String out, boolean offline) throws Exception {
    return TestBuilds.build(
        TestBuilds.utc(source, dir.resolve(out))
            .formats(Format.EPUB)
            .offline(offline)
            .allowPrivateNetwork(true)
            .imageCache(dir.resolve(out + "-cache")));
  }

  private static List<String> messages(DigestResult result) {
    return result.problems().stream().map(Problem::message).toList();
  }

  private static void picture(Path file, Color colour) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    Files.write(file, TestImages.png(image));
  }

  @Test
  void hugoPostsAddressingTheirSiteEmbedItsStaticFilesOffline() throws Exception {
    Path site = dir.resolve("blog");
    TestPosts.write(
        site, "config.toml", "title = 'A Hugo blog'\nbaseURL = 'https://blog.example.org/'\n");
    picture(site.resolve("static/images/chart.png"), Color.RED);
    picture(site.resolve("static/images/photo of the day.png"), Color.BLUE);
    TestPosts.write(
        site,
        "content/post/2024-01-01-pictures.md",
        """
        ---
        title: Pictures
        date: 2024-01-01
        ---

        ![Chart](https://blog.example.org/images/chart.png)

        <img src="http://www.blog.example.org/images/photo%20of%20the%20day.png" alt="Photo">

        ![On another host](https://drawings.blog.example.org/images/chart.png)
        """);
    for (Path source : List.of(site, site.resolve("content/post"))) {
      DigestResult result = build(source, "out-" + source.getFileName(), true);
      assertThat(result.images().local()).as(source.toString()).isEqualTo(2);
      assertThat(result.images().fromCache() + result.images().fetched()).isZero();
      assertThat(messages(result))
          .containsExactly(
              "image 'https://drawings.blog.example.org/images/chart.png' left out:"
                  + " not in the image cache (offline)");
      assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
    }
  }

  /**
   * SOFAStack's blog: a page bundle names its cover from the root ({@code cover:
   * "/kubernetes-logo.jpg"}), the file beside its {@code index.md}; the site's own file of that
   * path still wins.
   */
  @Test
  void aBundlesPictureWrittenFromTheRootIsTheBundlesWhenTheSiteHasNone() throws Exception {
    Path site = dir.resolve("blog");
    TestPosts.write(
        site, "config.toml", "title = 'Bundles'\nbaseURL = 'https://blog.example.org/'\n");
    picture(site.resolve("content/blog/readiness/kubernetes-logo.png"), Color.RED);
    picture(site.resolve("content/blog/readiness/chart.png"), Color.BLUE);
    picture(site.resolve("static/chart.png"), Color.GREEN);
    TestPosts.write(
        site,
        "content/blog/readiness/index.md",
        """
        ---
        title: Readiness
        date: 2024-01-01
        cover: "/kubernetes-logo.png"
        ---

        ![Chart](/chart.png)

        ![Nowhere](/missing.png)
        """);
    DigestResult result = build(site.resolve("content/blog"), "out", true);
    assertThat(result.images().local()).isEqualTo(2);
    assertThat(messages(result))
        .containsExactly(
            "image '/missing.png' not found beside the post, in its asset folder, or in the site's"
                + " source/, static/ or public/");
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    // The cover is the bundle's red picture; the chart the site's green one, not the bundle's.
    assertThat(embeddedColours(epub)).containsExactlyInAnyOrder(Color.RED, Color.GREEN);
  }

  /**
   * Linkerd's blog: each post's {@code images: [social.jpg]} is the card its links show on social
   * sites (the title and author drawn on a picture), which Hugo's templates make of {@code images};
   * its layouts show a post's {@code cover.jpg} instead. The card is no header image, and nothing
   * is said of it. A theme that shows {@code .Params.images} above the post keeps it.
   */
  @Test
  void hugoImagesAreSocialCardsUnlessTheSiteShowsThem() throws Exception {
    for (boolean shown : List.of(false, true)) {
      Path site = dir.resolve(shown ? "shown" : "cards");
      TestPosts.write(
          site, "hugo.toml", "title = 'Cards'\nbaseURL = 'https://blog.example.org/'\n");
      if (shown) {
        TestPosts.write(
            site,
            "themes/kiera/layouts/partials/featured_image.html",
            "<img src=\"{{ index .Params.images 0 }}\">\n");
      }
      picture(site.resolve("content/blog/federation/social.png"), Color.RED);
      TestPosts.write(
          site,
          "content/blog/federation/index.md",
          """
          ---
          title: Federation
          date: 2024-01-01
          images: [social.png] # Open graph image
          ---

          Three clusters, one mesh.
          """);
      DigestResult result = build(site.resolve("content/blog"), "out-" + shown, true);
      Path epub = result.outputs().get(0).path();
      assertThat(Epubs.check(epub)).isEmpty();
      assertThat(messages(result)).isEmpty();
      assertThat(embeddedColours(epub)).as("shown: " + shown).hasSize(shown ? 1 : 0);
    }
  }

  /**
   * gRPC's blog: {@code thumbnail: ../img/vsco-logo.png?raw=true}, written for the list page at
   * {@code /blog/}, is the site's {@code static/img/vsco-logo.png}.
   */
  @Test
  void aClimbingPictureAddressEndsAtTheSitesRoot() throws Exception {
    Path site = dir.resolve("grpc");
    TestPosts.write(site, "config.yaml", "title: gRPC\nbaseURL: https://grpc.example.org/\n");
    picture(site.resolve("static/img/logo.png"), Color.RED);
    TestPosts.write(
        site,
        "content/en/blog/user-story.md",
        """
        ---
        title: A user story
        date: 2024-01-01
        thumbnail: ../img/logo.png?raw=true
        ---

        ![Also the logo](../../img/logo.png) and ![no such](../img/none.png)
        """);
    DigestResult result = build(site.resolve("content/en/blog"), "out", true);
    assertThat(result.images().local()).isEqualTo(1);
    assertThat(messages(result))
        .containsExactly(
            "image '../img/none.png' not found beside the post, in its asset folder, or in the"
                + " site's source/, static/ or public/");
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  @Test
  void jekyllSitePublishedInAFolderOwnsOnlyAddressesInThatFolder() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site, "_config.yml", "title: Notes\nurl: https://example.org\nbaseurl: /notes\n");
    picture(site.resolve("img/diagram.png"), Color.GREEN);
    TestPosts.write(
        site,
        "_posts/2024-02-01-diagram.md",
        """
        ---
        title: A diagram
        ---

        ![The diagram](https://example.org/notes/img/diagram.png)

        ![Not the blog's](https://example.org/img/diagram.png)
        """);
    DigestResult result = build(site.resolve("_posts"), "out", true);
    assertThat(result.images().local()).isEqualTo(1);
    assertThat(messages(result))
        .containsExactly(
            "image 'https://example.org/img/diagram.png' left out: not in the image cache"
                + " (offline)");
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  /**
   * Jekyll posts of a site published in a folder write {@code {{ site.baseurl }}/img/x.png}, which
   * is {@code /notes/img/x.png} on the web and {@code img/x.png} in the site's folder.
   */
  @Test
  void jekyllPathsStartingWithTheSitesFolderAreFoundWithoutIt() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site, "_config.yml", "title: Notes\nurl: https://example.org\nbaseurl: /notes\n");
    picture(site.resolve("img/x.png"), Color.GREEN);
    picture(site.resolve("notes/img/y.png"), Color.BLUE);
    TestPosts.write(
        site,
        "_posts/2024-02-01-pictures.md",
        """
        ---
        title: Pictures
        ---

        ![Under the base URL]({{ site.baseurl }}/img/x.png)

        ![A folder named like it](/notes/img/y.png)

        ![Nowhere]({{ site.baseurl }}/img/lost.png)
        """);
    for (Path source : List.of(site, site.resolve("_posts"))) {
      DigestResult result = build(source, "out-" + source.getFileName(), true);
      assertThat(result.images().local()).as(source.toString()).isEqualTo(2);
      assertThat(messages(result))
          .containsExactly(
              "image '/notes/img/lost.png' not found beside the post, in its asset folder, or in"
                  + " the site's source/, static/ or public/");
      assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
      assertThat(embeddedColours(result.outputs().get(0).path()))
          .containsExactlyInAnyOrder(Color.GREEN, Color.BLUE);
    }
  }

  /**
   * A Jekyll config that leaves out {@code baseurl} (or gives it empty) publishes the site at the
   * root, as Jekyll reads it: swift.org's blog lost 15 pictures written {@code {{ site.baseurl
   * }}/assets/images/…} as unknown addresses.
   */
  @Test
  void aBaseUrlTheConfigLeavesOutIsTheRoot() throws Exception {
    for (String config :
        List.of("title: Notes\nurl: https://example.org\n", "title: Notes\nbaseurl: \"\"\n")) {
      Path site = dir.resolve("root-" + config.length());
      TestPosts.write(site, "_config.yml", config);
      picture(site.resolve("assets/images/x.png"), Color.GREEN);
      TestPosts.write(
          site,
          "_posts/2024-02-01-pictures.md",
          "---\ntitle: Pictures\n---\n\n![At the root]({{ site.baseurl }}/assets/images/x.png)\n");
      DigestResult result = build(site.resolve("_posts"), "out-root-" + config.length(), true);
      assertThat(result.images().local()).as(config).isEqualTo(1);
      assertThat(messages(result)).as(config).isEmpty();
    }
  }

  @Test
  void aPictureTheSiteFolderLacksIsFetchedAndOnePresentIsNot() throws Exception {
    Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    byte[] served = TestImages.png(TestImages.photo(60, 40));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        (HttpExchange exchange) -> {
          String path = exchange.getRequestURI().getPath();
          hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          try (exchange) {
            if (path.equals("/lost.png")) {
              exchange.sendResponseHeaders(404, -1);
            } else {
              exchange.getResponseHeaders().add("Content-Type", "image/png");
              exchange.sendResponseHeaders(200, served.length);
              exchange.getResponseBody().write(served);
            }
          }
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Path site = dir.resolve("blog");
      TestPosts.write(site, "hugo.toml", "title = 'Served'\nbaseURL = '" + base + "/'\n");
      picture(site.resolve("static/here.png"), Color.RED);
      TestPosts.write(
          site,
          "content/2024-03-01-three.md",
          """
          ---
          title: Three pictures
          date: 2024-03-01
          ---

          ![In the folder](%1$s/here.png)

          ![Only on the web](%1$s/gone.png)

          ![Nowhere](%1$s/lost.png)
          """
              .formatted(base));

      DigestResult online = build(site, "online", false);
      assertThat(hits.keySet()).containsExactlyInAnyOrder("/gone.png", "/lost.png");
      assertThat(online.images().local()).isEqualTo(1);
      assertThat(online.images().fetched()).isEqualTo(1);
      assertThat(online.images().failed()).isEqualTo(1);
      assertThat(messages(online))
          .containsExactly(
              "image '"
                  + base
                  + "/lost.png' left out: not in the site's folder as /lost.png,"
                  + " and not downloaded: HTTP 404");
      assertThat(Epubs.check(online.outputs().get(0).path())).isEmpty();
      List<Color> embedded = embeddedColours(online.outputs().get(0).path());
      assertThat(embedded).contains(Color.RED).hasSize(2);

      DigestResult offline = build(site, "offline", true);
      assertThat(offline.images().local()).isEqualTo(1);
      assertThat(messages(offline))
          .containsExactlyInAnyOrder(
              "image '"
                  + base
                  + "/gone.png' left out: not in the site's folder as /gone.png,"
                  + " and not downloaded: not in the image cache (offline)",
              "image '"
                  + base
                  + "/lost.png' left out: not in the site's folder as /lost.png,"
                  + " and not downloaded: not in the image cache (offline)");
      assertThat(hits.values()).allMatch(n -> n.get() == 1);
    } finally {
      server.stop(0);
    }
  }

  /** The colour at the middle of each article picture in the EPUB. */
  private static List<Color> embeddedColours(Path epub) throws IOException {
    return Epubs.entries(epub).stream()
        .filter(e -> e.getName().startsWith("OEBPS/images/"))
        .filter(e -> !e.getName().equals("OEBPS/images/cover.jpg"))
        .map(
            e -> {
              try {
                BufferedImage image =
                    ImageIO.read(new ByteArrayInputStream(Epubs.entry(epub, e.getName())));
                return new Color(image.getRGB(image.getWidth() / 2, image.getHeight() / 2));
              } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
              }
            })
        .toList();
  }
}
