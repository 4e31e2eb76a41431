package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hugo site's posts written as HTML with front matter (LLVM's blog: 234 of its 290 posts,
 * imported from Blogger, text and {@code <br>} between tags): Gazette read only the Markdown ones,
 * and said nothing of the others. An HTML file outside the posts (a layout, a page without front
 * matter) is still no post.
 */
class HtmlPostsTest {
  @TempDir Path dir;

  @Test
  void htmlFilesWithFrontMatterInContentArePosts() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "config.toml", "title = \"Compiler Notes\"\n");
    TestPosts.write(
        site,
        "content/posts/2014-09-15-weekly-37.html",
        "---\nauthor: Ada\ndate: \"2014-09-15T07:01:00Z\"\ntitle: 'Weekly - #37'\n---\n\n"
            + "<p>Welcome to the thirty-seventh issue.</p>\n"
            + "Loose text after it,<br />\n    indented as Blogger wrote it<br />\n"
            + "<ul><li>A <a href=\"https://example.org/r1\">commit</a></li></ul>\n");
    TestPosts.write(
        site,
        "content/posts/2020-01-02-markdown.md",
        "---\ntitle: In Markdown\ndate: 2020-01-02\n---\n\nText.\n");
    TestPosts.write(site, "content/posts/snippet.html", "<div>no front matter: a fragment</div>\n");
    TestPosts.write(
        site, "layouts/_default/single.html", "---\ntitle: a layout\n---\n{{ .Content }}\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.posts())
        .extracting(p -> p.relativePath())
        .containsExactly("posts/2014-09-15-weekly-37.html", "posts/2020-01-02-markdown.md");
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String weekly = Epubs.articleHolding(entries, "Weekly - #37</h1>");
    assertThat(weekly)
        .contains("15 September 2014")
        .contains("Welcome to the thirty-seventh issue.")
        .contains("indented as Blogger wrote it")
        .doesNotContain("<pre")
        .contains("<a href=\"https://example.org/r1\">commit</a>");
  }

  /**
   * Only the folders from the one built down count: a Jekyll site kept in someone's {@code
   * content/} folder has its pages of Liquid ({@code index.html}) read as no posts.
   */
  @Test
  void aFolderNamedContentAboveTheSourceIsNoSitesContent() throws Exception {
    Path site = dir.resolve("content/my-site");
    TestPosts.write(
        site,
        "index.html",
        "---\n"
            + "layout: default\n"
            + "title: Home\n"
            + "---\n"
            + "{% for post in site.posts %}{{ post.title }}{% endfor %}\n");
    TestPosts.write(
        site, "_posts/2020-01-02-hello.html", "---\ntitle: Hello\n---\n<p>Hello in HTML.</p>\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out2")).offline(true).formats(Format.EPUB));

    assertThat(result.posts())
        .extracting(p -> p.relativePath())
        .containsExactly("_posts/2020-01-02-hello.html");
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }
}
