package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.model.PostSelection;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostSelectorTest {
  @TempDir Path dir;

  /**
   * A Hugo site translated by file name has {@code post.en.md} beside {@code post.md}: a Chinese AI
   * news site's digest had 25 of its 91 articles twice, once in each language.
   */
  @Test
  void aTranslationBesideItsPostIsLeftOutAndSaid() throws Exception {
    String front = "---\ntitle: %s\ndate: 2026-07-2%d\n---\n\n%s\n";
    TestPosts.write(dir.resolve("highlights"), "caching.md", front.formatted("缓存", 1, "正文。"));
    TestPosts.write(
        dir.resolve("highlights"), "caching.en.md", front.formatted("Caching", 1, "Text."));
    TestPosts.write(dir.resolve("guide"), "index.md", front.formatted("指南", 2, "正文。"));
    TestPosts.write(dir.resolve("guide"), "index.zh-tw.md", front.formatted("指南", 2, "正文。"));
    // Alone, a file with a language in its name is the post; "js" is no language.
    TestPosts.write(dir.resolve("notes"), "only.en.md", front.formatted("Only", 3, "Text."));
    TestPosts.write(dir.resolve("notes"), "react.md", front.formatted("React", 4, "Text."));
    TestPosts.write(dir.resolve("notes"), "react.js.md", front.formatted("React.js", 5, "Text."));

    PostSelection selection =
        PostSelector.select(
            new PostScanner(ZoneId.of("UTC")).scan(dir), null, ZoneId.of("UTC"), p -> true);

    assertThat(selection.posts())
        .extracting(Post::relativePath)
        .containsExactly(
            "highlights/caching.md",
            "guide/index.md",
            "notes/only.en.md",
            "notes/react.md",
            "notes/react.js.md");
    assertThat(LeftOut.summary(selection.skipped()))
        .hasValue(
            "2 translations left out (index.zh-tw.md, caching.en.md): each post is taken once,"
                + " from the file without a language in its name");
  }
}
