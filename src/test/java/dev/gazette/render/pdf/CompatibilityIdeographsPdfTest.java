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
 * divinerapier's blog wrote 敏 as the compatibility ideograph U+FA41, which no bundled face draws:
 * the PDF showed a box, said as "no font can draw". It is the unified 敏 U+654F (Unicode's
 * normalization form C), said in one line. Read back with PDFBox.
 */
class CompatibilityIdeographsPdfTest {
  @TempDir Path dir;

  @Test
  void aCompatibilityIdeographIsDrawnAsTheUnifiedOneItEquals() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", "---\ntitle: 敏捷\ndate: 2024-01-01\n---\n\n机\uFA41的设计很重要。\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
    assertThat(Pdfs.compactText(result.outputs().get(1).path()))
        .contains("机\u654F的设计很重要")
        .doesNotContain("\uFA41");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "1 CJK compatibility ideograph read as the unified ideograph it equals (\uFA41 U+FA41→"
                + "\u654F U+654F): the fonts draw those");
  }
}
