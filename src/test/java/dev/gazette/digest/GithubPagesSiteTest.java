package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GitHub Pages site with no config that gives its address: SwiftGG's translations are a folder of
 * Jekyll posts beside a {@code CNAME}, Gleam's news is built by a Gleam program. Their links to
 * {@code /…} were kept as text (25 and 10) until the custom domain in {@code CNAME} was read as the
 * site's address.
 */
class GithubPagesSiteTest {
  @TempDir Path dir;

  @Test
  void theCnamesDomainIsTheAddressOfTheSitesLinksAndPictures() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "CNAME", "notes.example.org\n");
    BufferedImage chart = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = chart.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 40, 30);
    g.dispose();
    Files.createDirectories(site.resolve("img"));
    Files.write(site.resolve("img/chart.png"), TestImages.png(chart));
    TestPosts.write(
        site,
        "_posts/2024-01-01-links.md",
        "---\ntitle: Links\n---\n\nSee [the dictionary](/dictionary-services/#top).\n\n"
            + "![Chart](https://notes.example.org/img/chart.png)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("_posts"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("<a href=\"https://notes.example.org/dictionary-services/#top\">")
        .containsPattern("<img [^>]*src=\"images/[^\"]+\\.png\"");
    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("kept"));
    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("image"));
    assertThat(result.digest().metadata().origins())
        .contains("links to /… go to https://notes.example.org from ../CNAME");
  }

  /**
   * Beyond1993's Hexo blog kept the url its new site was given, {@code http://yoursite.com}, which
   * the metadata line named as the blog's address: links to {@code /…} would have gone there.
   * Hexo's placeholder is no address: the blog's GitHub Pages domain gives it, and the metadata
   * line says why the config's was not taken.
   */
  @Test
  void hexosPlaceholderUrlIsNotTheBlogsAddress() throws Exception {
    Path site = dir.resolve("hexo");
    TestPosts.write(site, "_config.yml", "title: Notes\nurl: http://yoursite.com\nroot: /\n");
    TestPosts.write(site, "source/CNAME", "notes.example.org\n");
    TestPosts.write(
        site,
        "source/_posts/links.md",
        "---\ntitle: Links\ndate: 2024-01-01\n---\n\nSee [the archive](/archives/).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("source/_posts"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("<a href=\"https://notes.example.org/archives/\">")
        .doesNotContain("yoursite");
    assertThat(result.digest().metadata().origins())
        .contains("links to /… go to https://notes.example.org from ../CNAME")
        .noneMatch(o -> o.contains("yoursite"));

    TestPosts.write(site, "source/CNAME", "");
    DigestResult alone =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("source/_posts"), dir.resolve("out2"))
                .offline(true)
                .formats(Format.EPUB));
    assertThat(alone.digest().metadata().origins())
        .contains(
            "the site config's url http://yoursite.com is Hexo's placeholder, not the blog's"
                + " address (--site-url gives it)");
  }
}
