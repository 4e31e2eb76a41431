package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header of an article: title, then the meta line (date, authors, categories, links). */
class ArticleMarkupTest {
  @TempDir Path dir;

  /**
   * rust-inside: every post names its writers in Zola's {@code authors = ["…"]} (e.g.
   * program-management-update-2026-06.md:4); the meta line under the title shows only the date (PDF
   * text "Program management update — June 2026 / 14 July 2026"), where a Jekyll post's {@code
   * author: parkr} shows "24 June 2024 04:56 · parkr · release".
   */
  @Test
  void zolaAuthorsListIsShownUnderTheTitleLikeAJekyllAuthor() throws Exception {
    Path src = dir.resolve("blog");
    TestPosts.write(
        src,
        "notes.md",
        "+++\n"
            + "title = \"Team notes\"\n"
            + "date = 2026-07-14\n"
            + "authors = [\"Ada Example\"]\n"
            + "+++\n\n"
            + "Text.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    String chapters =
        String.join(
            "\n",
            Epubs.textEntries(result.outputs().get(0).path()).entrySet().stream()
                .filter(e -> e.getKey().matches(".*/a\\d+\\.xhtml"))
                .map(java.util.Map.Entry::getValue)
                .toList());
    assertThat(chapters).containsPattern("class=\"meta\"[^>]*>[^\\n]*Ada Example");
  }
}
