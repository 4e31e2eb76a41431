package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.PdfGlyphs.Glyph;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import dev.gazette.typeset.PageSize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * English tables in the PDF, where text is hyphenated: a short table keeps its words whole (its
 * columns are as wide as their words), and a table too wide for the page still fits it, its long
 * words hyphenated. Text written for this test.
 */
class TableHyphenationTest {
  @TempDir static Path dir;
  static List<List<Glyph>> rows;
  static float right;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(
        source,
        "settings.md",
        """
        ---
        title: Settings of the service
        date: 2024-05-02
        ---

        The settings below control how the service behaves. Each one can be changed in the \
        configuration file, and the defaults suit most people who run it at home.

        | Parameter | Default | Description |
        |---|---|---|
        | Timeout | 30 | Seconds |
        | Concurrency | 4 | Workers |

        | Configuration | Meaning |
        |---|---|
        | Authentication | Required |
        | Environment | Production |

        A table that is wider than the page:

        | Internationalization | Characteristically | Incomprehensibilities | Counterrevolutionaries |
        |---|---|---|---|
        | Internationalization | Characteristically | Incomprehensibilities | Counterrevolutionaries |
        """);
    TestBuilds.build(TestBuilds.utc(source, dir).name("t").pageSize("A5").formats(Format.PDF));
    rows = PdfGlyphs.rows(dir.resolve("t.pdf"));
    // where the text area ends on the right: the side margins are equal
    PageSize a5 = PageSize.A5;
    right = (float) (a5.widthMm() + a5.textWidthMm()) / 2 * 72 / 25.4f;
  }

  @Test
  void aShortTableKeepsItsWordsWhole() {
    List<String> texts = rows.stream().map(PdfGlyphs::text).toList();
    for (String word :
        List.of(
            "Parameter",
            "Description",
            "Timeout",
            "Seconds",
            "Concurrency",
            "Configuration",
            "Authentication",
            "Environment",
            "Production")) {
      assertThat(texts).as(word).anyMatch(t -> t.matches(".*\\b" + word + "\\b.*"));
    }
  }

  @Test
  void aTableWiderThanThePageFitsItsTextAreaWithItsLongWordsHyphenated() {
    List<List<Glyph>> wide =
        rows.stream().filter(r -> PdfGlyphs.text(r).matches(".*\\b(Counter|Incom)\\S*.*")).toList();
    assertThat(wide).isNotEmpty();
    for (List<Glyph> row : wide) {
      assertThat(row.get(row.size() - 1).x1())
          .as(PdfGlyphs.text(row))
          .isLessThanOrEqualTo(right + 0.01f); // a hair more: PDF coordinates read as floats
    }
    assertThat(wide.stream().map(PdfGlyphs::text))
        .as("long words broken with a hyphen")
        .anyMatch(t -> t.matches(".*\\b(Counter|Incom)\\w*-.*"));
  }
}
