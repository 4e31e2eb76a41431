package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One post holding a Kangxi radical copied from a PDF ({@code 本⼈}) made every 人 of the digest's PDF
 * extract as ⼈: the font draws both with one glyph, and the text layer names each glyph by one
 * character. Yihui Xie's blog: 0 of 9,402 extracted as 人. Read back with PDFBox.
 */
class KangxiRadicalsPdfTest {
  @TempDir Path dir;

  @Test
  void oneRadicalNoLongerRenamesEveryCharacterOfItsGlyph() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", "---\ntitle: 复制的文字\ndate: 2024-01-01\n---\n\n本⼈认为⼼里有⽂章。\n");
    TestPosts.write(posts, "b.md", "---\ntitle: 普通的文字\ndate: 2024-01-02\n---\n\n每个人心里都有一篇文章。\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
    String pdf = Pdfs.compactText(result.outputs().get(1).path());
    assertThat(pdf).contains("本人认为心里有文章", "每个人心里都有一篇文章").doesNotContain("⼈", "⼼", "⽂");
  }
}
