package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.api.DigestResult;
import dev.gazette.api.GazetteException;
import dev.gazette.model.Format;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generic CSS families ({@code monospace}, {@code serif}, {@code sans-serif}) are drawn by the
 * theme's faces: the PDF renderer's own stylesheet sets {@code kbd} in {@code monospace}, and a
 * user's {@code --css} may name only a generic family. A family no face has is one clear error.
 */
class GenericFamiliesTest {
  @TempDir Path dir;

  private static final String POST =
      "---\ntitle: Keys\ndate: 2024-05-01\n---\n\n"
          + "Press <kbd>Esc</kbd> to leave, and read the <samp>done</samp> it prints.\n\n"
          + "_To quit, press <kbd>Quix</kbd> twice._\n\n"
          + "<p class=\"note\">Generic serif text.</p>\n";

  @Test
  void keysAndGenericFamiliesAreDrawnByTheThemesFaces() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "keys.md", POST);
    Path css =
        TestPosts.write(
            dir, "user.css", "em { font-family: monospace; }\n p { font-family: serif; }\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out")).formats(Format.PDF).extraCss(css));
    List<PdfGlyphs.Glyph> glyphs = PdfGlyphs.read(result.outputs().get(0).path());
    assertThat(fontOf(glyphs, "E")).contains("NotoSansMono"); // Esc
    assertThat(fontOf(glyphs, "Q")).contains("NotoSansMono"); // Quix, italic, in em: monospace
    assertThat(fontOf(glyphs, "G")).contains("NotoSerif"); // Generic serif text
  }

  @Test
  void aFamilyWithNoFaceIsOneClearError() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "keys.md", POST);
    Path css = TestPosts.write(dir, "user.css", "p { font-family: \"No Such Face\"; }\n");
    assertThatThrownBy(
            () ->
                TestBuilds.build(
                    TestBuilds.utc(posts, dir.resolve("out")).formats(Format.PDF).extraCss(css)))
        .isInstanceOf(GazetteException.class)
        .hasMessageContaining("no face for font-family \"No Such Face\"")
        .hasMessageContaining("--css")
        .satisfies(
            e ->
                assertThat(((GazetteException) e).reason())
                    .isEqualTo(GazetteException.Reason.INVALID_REQUEST));
  }

  private static String fontOf(List<PdfGlyphs.Glyph> glyphs, String letter) {
    return glyphs.stream()
        .filter(g -> g.text().equals(letter))
        .map(PdfGlyphs.Glyph::font)
        .findFirst()
        .orElseThrow();
  }
}
