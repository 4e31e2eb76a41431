package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Material for MkDocs' blog ({@code docs/blog/posts} under {@code mkdocs.yml}): its posts are dated
 * with a mapping, and they link the site's documentation by its Markdown files ({@code
 * ../../setup/search.md#exclusion}), 60 such links in its 13 posts, all kept as text before.
 */
class MkDocsSiteTest {
  @TempDir Path dir;

  @Test
  void linksToTheSitesPagesGoToThemOnTheWeb() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "mkdocs.yml",
        "site_name: Material\nsite_url: https://docs.example.org/material/\n"
            + "markdown_extensions:\n  - pymdownx.emoji:\n"
            + "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n");
    TestPosts.write(
        site,
        "docs/blog/posts/search.md",
        "---\ndate:\n  created: 2023-12-14\ntitle: Search\n---\n\nSee [exclusion]"
            + "(../../setup/search.md#exclusion), [the plugins](../../plugins/index.md),"
            + " [the other post](blocks.md) and [the readme](../../../README.md).\n");
    TestPosts.write(
        site,
        "docs/blog/posts/blocks.md",
        "---\ndate:\n  created: 2023-12-15\ntitle: Blocks\n---\n\nBlocks.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("docs/blog"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("<a href=\"https://docs.example.org/material/setup/search/#exclusion\">")
        .contains("<a href=\"https://docs.example.org/material/plugins/\">the plugins</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">the other post</a>")
        .contains("the readme")
        .doesNotContain("README.md\"");
    assertThat(result.problems())
        .extracting(Problem::message)
        .contains(
            "2 links to ../../setup/search.md#exclusion, ../../plugins/index.md (no post of the"
                + " digest) go to those pages on the site",
            "a link to ../../../README.md kept as text: the digest has no post of that file");
  }
}
