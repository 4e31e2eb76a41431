package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects seen on real public archives (h19-archives, 3 December 2026), each reproduced with a post
 * of our own words. These tests FAIL on main at ef838d5: each one states what a reader of the real
 * archive should have got. The archive, post and line are in each test's comment (the archives are
 * under /work/archives, outside the repo).
 */
class RealArchiveFindingsTest {
  @TempDir Path dir;

  /**
   * zh-hugo-darjun built from content/post (the folder of posts): the title, author and site
   * address come from ../../config.toml, but all 207 pictures written {@code /img/…} are "not found
   * beside the post, in its asset folder, or in source/ or static/" although they are in
   * ../../static/img/. The site root whose config is read could lend its static/ folder too.
   */
  @Test
  void aHugoPostFolderFindsItsPicturesInTheSitesStaticFolder() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    java.nio.file.Files.createDirectories(site.resolve("static/img"));
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        site.resolve("static/img/chart.png").toFile());
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n\n![图](/img/chart.png)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content/post"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("/img/"));
  }

  /**
   * zh-hugo-darjun: built from the Hugo site root (so that {@code /img/…} is found in static/),
   * static/img/README.md became an article "blog-img" in a section "static", and the contents reads
   * "content › post › …" (Hugo's folders, not the blog's sections).
   */
  @Test
  void aHugoSitesStaticFolderHoldsNoPosts() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n");
    TestPosts.write(site, "static/img/README.md", "# blog-img\nblog img\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.posts()).extracting(Post::title).containsExactly("你好");
  }
}
