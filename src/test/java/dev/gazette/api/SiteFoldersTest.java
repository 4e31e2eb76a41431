package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hugo site built from its posts' folder or from its root (defect 10 of bench/archives.md): the
 * site's pictures in {@code static/} are embedded either way, and from the root only {@code
 * content/} is read, its folders making the sections.
 */
class SiteFoldersTest {
  @TempDir Path dir;

  private Path hugoSite() throws Exception {
    Path site = dir.resolve("blog");
    TestPosts.write(
        site, "config.toml", "title = \"A Hugo blog\"\nbaseURL = \"https://example.org/\"\n");
    TestPosts.write(site, "README.md", "# How to deploy this blog\n");
    TestPosts.write(site, "static/img/README.md", "Pictures of the posts.\n");
    TestPosts.write(site, "themes/plain/README.md", "# A theme\n");
    Path banner = site.resolve("static/img/banner.png");
    Files.write(banner, TestImages.png(TestImages.photo(40, 30)));
    for (int i = 1; i <= 2; i++) {
      TestPosts.write(
          site,
          "content/post/2024-01-0" + i + "-post.md",
          "---\ntitle: Post "
              + i
              + "\ndate: 2024-01-0"
              + i
              + "\n---\n\nText of post "
              + i
              + ".\n\n![The banner](/img/banner.png)\n");
    }
    return site;
  }

  @Test
  void fromThePostsFolderTheSitesPicturesAreEmbedded() throws Exception {
    Path site = hugoSite();
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content/post"), dir.resolve("out")).formats(Format.EPUB));
    assertThat(result.images().local()).isEqualTo(1); // one file, used by both posts
    assertThat(result.problems()).extracting(p -> p.message()).noneMatch(m -> m.contains("image"));
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  @Test
  void fromTheSiteRootOnlyContentIsRead() throws Exception {
    Path site = hugoSite();
    DigestResult result =
        TestBuilds.build(TestBuilds.utc(site, dir.resolve("out")).formats(Format.EPUB));
    assertThat(result.posts())
        .extracting(Post::relativePath)
        .containsExactly("post/2024-01-01-post.md", "post/2024-01-02-post.md");
    assertThat(result.skipped())
        .filteredOn(s -> s.reason().equals(LeftOut.OUTSIDE_CONTENT))
        .extracting(s -> site.relativize(s.file()).toString().replace('\\', '/'))
        .containsExactly("README.md", "static/img/README.md", "themes/plain/README.md");
    assertThat(LeftOut.summary(result.skipped()))
        .hasValueSatisfying(s -> assertThat(s).contains("3 Markdown files outside content/"));
    List<String> titles = new ArrayList<>();
    collect(result.digest().sections(), titles);
    assertThat(titles).doesNotContain("content", "static", "img");
    assertThat(result.images().local()).isEqualTo(1);
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  private static void collect(List<Section> sections, List<String> titles) {
    for (Section s : sections) {
      titles.add(s.title());
      collect(s.subsections(), titles);
    }
  }
}
