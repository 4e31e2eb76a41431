package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jekyll blog whose posts name their pictures beside the page the site publishes: {@code
 * permalink: /:categories/:title/} puts {@code _posts/2020-06-15-syncthing.md} at {@code
 * /blog/syncthing/}, and its {@code ./dropbox_1.png} is {@code blog/syncthing/dropbox_1.png}
 * (Nikita Prokopov's blog: 568 pictures "not found"). Its {@code _config.yml} names no title or
 * author, so it was no site config at all. Jekyll Bootstrap's {@code {% include JB/setup %}} names
 * a folder for the pictures ({@code {{ BLOG_IMG }}140.png}; yanhaijing's blog, 534 "not found").
 */
class JekyllPagePicturesTest {
  @TempDir Path dir;

  @Test
  void picturesBesideThePublishedPageAreFound() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "_config.yml", "permalink: /:categories/:title/\nmarkdown: kramdown\n");
    Files.createDirectories(site.resolve("blog/syncthing"));
    Files.write(
        site.resolve("blog/syncthing/dropbox_1.png"), TestImages.png(TestImages.photo(60, 40)));
    Files.createDirectories(site.resolve("2021/01/02"));
    Files.write(site.resolve("2021/01/02/chart.png"), TestImages.png(TestImages.photo(50, 30)));
    TestPosts.write(
        site,
        "_posts/2020-06-15-syncthing.md",
        "---\ntitle: Computers as I used to love them\ncategory: blog\n---\n\n"
            + "Dropbox asks:\n\n<img src=\"./dropbox_1.png\">\n");
    // the post's own permalink wins, a pattern of Jekyll's placeholders too
    TestPosts.write(
        site,
        "_posts/2021-01-02-chart.md",
        "---\ntitle: A chart\npermalink: /:year/:month/:day/\n---\n\n![The chart](chart.png)\n");

    // Jekyll Bootstrap's setup include names the pictures' folder for the page (yanhaijing's blog)
    TestPosts.write(
        site,
        "_includes/JB/setup",
        "{% capture jbcache %}\n"
            + "  {% if site.JB.BASE_PATH %}\n"
            + "    {% assign BASE_PATH = site.JB.BASE_PATH %}\n"
            + "  {% else %}\n"
            + "    {% assign BASE_PATH = nil %}\n"
            + "  {% endif %}\n"
            + "{% endcapture %}{% assign jbcache = nil %}\n\n"
            + "{% assign BLOG_IMG = \"/blog/\" %}\n");
    Files.write(site.resolve("blog/140.png"), TestImages.png(TestImages.photo(40, 40)));
    TestPosts.write(
        site,
        "_posts/2011-12-30-run-jekyll.md",
        "---\n"
            + "title: Run Jekyll\n"
            + "---\n"
            + "{% include JB/setup %}\n\n"
            + "![Jekyll running]({{ BLOG_IMG }}140.png)\n");

    for (Path source : new Path[] {site, site.resolve("_posts")}) {
      DigestResult result =
          TestBuilds.build(
              TestBuilds.utc(source, dir.resolve("out-" + source.getFileName()))
                  .offline(true)
                  .formats(Format.EPUB));
      assertThat(result.problems())
          .as(source.toString())
          .extracting(p -> p.message())
          .containsExactly("template directive {% include %} removed: Gazette cannot render it");
      assertThat(result.images().local()).as(source.toString()).isEqualTo(3);
      assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
    }
  }
}
