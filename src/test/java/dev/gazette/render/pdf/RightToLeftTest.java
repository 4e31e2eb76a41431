package dev.gazette.render.pdf;

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
 * Hebrew in an English digest (This Week in Rust, 18 issues: meetups in Israel) was drawn as boxes:
 * no face had it, and the PDF laid every line out left to right. The bundled Hebrew face draws it,
 * a block that starts in Hebrew is set from the right (dir="rtl"), and the PDF of such a digest
 * orders its runs by the bidirectional algorithm.
 */
class RightToLeftTest {
  @TempDir Path dir;

  @Test
  void hebrewIsDrawnAndSetRightToLeft() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "2024-07-10-meetups.md",
        "---\ntitle: Meetups\n---\n\nThis week: **Tel Aviv**, מפגש ראסט, then Haifa.\n\n"
            + "שלום עולם! זה משפט בעברית.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out")).name("m").formats(Format.EPUB, Format.PDF));

    assertThat(result.problems()).extracting(Problem::message).isEmpty(); // no box, no lost glyph
    Path epub = dir.resolve("out/m.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("<p dir=\"rtl\">שלום עולם! זה משפט בעברית.</p>")
        .contains("<p>This week: <strong>Tel Aviv</strong>, מפגש ראסט, then Haifa.</p>");
    Path pdf = dir.resolve("out/m.pdf");
    assertThat(Pdfs.fontNames(pdf)).anyMatch(n -> n.endsWith("+NotoSansHebrew-Regular"));
    // read back in reading order, as a reader's search and copy see it
    assertThat(Pdfs.text(pdf)).contains("שלום עולם").contains("מפגש ראסט");
  }
}
