package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.PdfGlyphs.Glyph;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import dev.gazette.typeset.PageSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Justified body lines end at the text area's right edge, not past it: Chinese with English words
 * (a line may end in an English word, which is kept out of inter-character justification) and
 * English prose, on A5. Text written for this test.
 */
class JustifiedLineEndsTest {
  /** PDF coordinates are read back as floats: a hair past the edge is still the edge. */
  private static final float TOLERANCE = 0.05f;

  /** A line ending this close to the edge was justified to it (widths are rounded up in layout). */
  private static final float JUSTIFIED = 0.5f;

  private static final float PT_PER_MM = 72 / 25.4f;

  /**
   * A line ending this close to the edge, but not justified to it, is short by about a space (the
   * paragraphs' last lines here end further from it).
   */
  private static final float SPACE_SHORT = 4f;

  @TempDir static Path dir;
  static List<List<Glyph>> rows;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(source, "zh.md", "---\ntitle: 排版笔记\ndate: 2024-05-01\n---\n\n" + chinese());
    TestPosts.write(
        source, "en.md", "---\ntitle: Notes on Measures\ndate: 2024-05-02\n---\n\n" + english());
    TestPosts.write(source, "emoji.md", "---\ntitle: 新表情\ndate: 2024-05-03\n---\n\n" + newEmoji());
    TestBuilds.build(TestBuilds.utc(source, dir).name("t").pageSize("A5").formats(Format.PDF));
    rows = PdfGlyphs.rows(dir.resolve("t.pdf"));
  }

  /**
   * Chinese paragraphs with English words of different lengths between the characters, some with a
   * comma after them.
   */
  static String chinese() {
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    String[] latin = {"JavaScript", "API", "Markdown", "PDF", "layout", "Unicode", "CSS", "Git"};
    Random random = new Random(3);
    StringBuilder md = new StringBuilder();
    for (int p = 0; p < 30; p++) {
      for (int i = 0; i < 12; i++) {
        int start = random.nextInt(han.length() - 10);
        md.append(han, start, start + 2 + random.nextInt(8));
        md.append(' ').append(latin[random.nextInt(latin.length)]);
        // a comma after a word keeps to it: the two become one inline-block (a kinsoku unit)
        md.append(random.nextInt(4) == 0 ? "，" : " ");
      }
      md.append("。\n\n");
    }
    return md.toString();
  }

  /**
   * Chinese lines holding three emoji newer than JDK 17's Unicode 13 (🫣 Emoji 14, 🫨 and 🩷 Emoji
   * 15), each paragraph a character longer, so each first line is spread over a different slack
   * before an English word that no longer fits.
   */
  static String newEmoji() {
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果";
    StringBuilder md = new StringBuilder();
    for (int n = 18; n < 28; n++) {
      md.append(han, 0, 4).append(NEW_EMOJI).append(han, 4, 8).append("\uD83E\uDEE8");
      md.append(han, 8, 12).append("\uD83E\uDE77").append(han, 12, n);
      md.append(" Supercalifragilistic 页面布局问题。\n\n");
    }
    return md.toString();
  }

  /** 🫣 U+1FAE3. */
  private static final String NEW_EMOJI = "\uD83E\uDEE3";

  /** English paragraphs of common words. */
  static String english() {
    String[] words =
        ("the of and to in a is that for it as with by on not or from at page line text"
                + " measure justified margin reader layout typeset chapter")
            .split(" ");
    Random random = new Random(4);
    StringBuilder md = new StringBuilder();
    for (int p = 0; p < 12; p++) {
      StringBuilder sb = new StringBuilder("Some");
      for (int i = 0; i < 60; i++) {
        sb.append(' ').append(words[random.nextInt(words.length)]);
      }
      md.append(sb).append(".\n\n");
    }
    return md.toString();
  }

  /**
   * Where the text area of an A5 page ends on the right, in points (the side margins are equal).
   */
  static float textAreaRight() {
    return (float) (PageSize.A5.widthMm() + PageSize.A5.textWidthMm()) / 2 * PT_PER_MM;
  }

  @Test
  void chineseLinesWithEnglishWordsEndAtTheEdge() {
    assertLinesEndAtTheEdge(true);
  }

  @Test
  void englishLinesEndAtTheEdge() {
    assertLinesEndAtTheEdge(false);
  }

  /**
   * The library counts the characters a line is spread over with the running JDK's character data,
   * but spreads every character it paints: on JDK 17 each such emoji pushed the line's end one gap
   * further, up to 12.6pt past the edge here, and JDK 17 and 25 gave different PDFs.
   */
  @Test
  void linesHoldingEmojiNewerThanTheJdkEndAtTheEdge() {
    float right = textAreaRight();
    List<String> past = new ArrayList<>();
    int lines = 0;
    int justified = 0;
    for (List<Glyph> row : rows) {
      String text = PdfGlyphs.text(row);
      if (!text.contains(NEW_EMOJI)) {
        continue;
      }
      lines++;
      float end = row.get(row.size() - 1).x1();
      justified += right - end < JUSTIFIED ? 1 : 0;
      if (end > right + TOLERANCE) {
        past.add(String.format("p%d +%.3fpt %s", row.get(0).page(), end - right, text));
      }
    }
    assertThat(lines).as("lines holding the emoji").isEqualTo(10);
    assertThat(justified).as("of them justified to the edge").isEqualTo(10);
    assertThat(past).as("lines ending past %.3fpt", right).isEmpty();
  }

  private void assertLinesEndAtTheEdge(boolean chinese) {
    float right = textAreaRight();
    List<String> past = new ArrayList<>();
    List<String> spaceShort = new ArrayList<>();
    int justified = 0;
    int endingInLatin = 0;
    for (List<Glyph> row : rows) {
      String text = PdfGlyphs.text(row);
      if (text.chars().anyMatch(c -> c >= 0x3400) != chinese) {
        continue;
      }
      float end = row.get(row.size() - 1).x1();
      if (end > right + TOLERANCE) {
        past.add(String.format("p%d +%.3fpt %s", row.get(0).page(), end - right, text));
      }
      if (right - end < JUSTIFIED) {
        justified++;
        endingInLatin += text.matches(".*\\p{IsLatin}\\p{P}?") ? 1 : 0;
      } else if (right - end < SPACE_SHORT) {
        spaceShort.add(String.format("p%d -%.3fpt %s", row.get(0).page(), right - end, text));
      }
    }
    assertThat(justified).as("lines justified to the edge").isGreaterThan(40);
    assertThat(endingInLatin).as("of them ending in an English word").isGreaterThan(10);
    assertThat(past).as("lines ending past %.3fpt", right).isEmpty();
    // A line carried over before an English word ended in a space of its own (LatinRuns' span),
    // which kept its width: 47 Chinese lines here ended 2.8pt short of the edge.
    assertThat(spaceShort).as("lines ending about a space short of the edge").isEmpty();
  }
}
