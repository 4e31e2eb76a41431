package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article's title gets the punctuation of its text: the Rust blog's "Improving async-await's
 * "Future is not Send" diagnostic" showed straight quotes in the contents above a text set with
 * curly ones (22 of its 750 titles). Code in a title keeps what was written.
 */
class TypographicTitlesTest {
  @TempDir Path dir;

  @Test
  void titlesAreSetLikeTheirText() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "2024-01-01-send.md",
        "---\ntitle: 'Improving async-await''s \"Future is not Send\" diagnostic'\ndate:"
            + " 2024-01-01\n---\n\nThe \"Future is not Send\" error, explained...\n");
    TestPosts.write(
        posts,
        "2024-01-02-clippy.md",
        "---\ntitle: 'Clippy: Deprecating `feature = \"cargo-clippy\"` -- at last'\ndate:"
            + " 2024-01-02\n---\n\nIt's gone.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String nav = Epubs.textEntries(epub).get("OEBPS/nav.xhtml");
    assertThat(nav)
        .contains("Improving async-await’s “Future is not Send” diagnostic")
        .contains("Clippy: Deprecating `feature = &quot;cargo-clippy&quot;` – at last");
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("Improving async-await’s “Future is not Send” diagnostic</h1>")
        .contains("The “Future is not Send” error, explained…");

    Path pdf = result.outputs().get(1).path();
    assertThat(Pdfs.outline(pdf).toString())
        .contains("Improving async-await’s “Future is not Send” diagnostic");
    assertThat(Pdfs.text(pdf)).contains("It’s gone.").doesNotContain("It's");
  }
}
