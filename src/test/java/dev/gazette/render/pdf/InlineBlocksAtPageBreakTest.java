package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines that hold an inline-block (a kinsoku unit, a bullet) keep the paragraph's line pitch when
 * their block starts at the foot of a page with no room for a line. OpenHTMLtoPDF lays such
 * inline-blocks out at the top of their block, where their text met the page foot and was moved
 * down by the leftover sliver: the line holding a unit stood up to a line below the one before it
 * (a real blog: 8 paragraphs in 1,271 pages), an item's first line up to a line below the page top.
 * {@code pdf.css} now moves such a block to the next page first.
 *
 * <p>The posts sweep the block's start over every line of a page, after one to three headings so
 * that the sliver left at the foot differs. Without the stylesheet's rule, three paragraphs of this
 * sweep opened a gap of 9.3, 6.0 and 2.7 pt above the line with the unit, and one item started 8.5
 * pt below the others at a page top.
 */
class InlineBlocksAtPageBreakTest {
  /** Text of the paragraphs and items measured; the filler around them uses other characters. */
  static final String MEASURED = "一二三四五六七八九十百千万亿甲乙丙丁戊己庚辛壬癸";

  static final String FILLER = "天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜";

  @TempDir static Path dir;
  static List<Line> lines;

  @BeforeAll
  static void build() throws Exception {
    Path posts = dir.resolve("posts");
    Random random = new Random(3);
    int post = 0;
    for (int headings = 1; headings <= 3; headings++) {
      for (int k = 0; k < 26; k++) {
        StringBuilder md = new StringBuilder();
        md.append("---\ntitle: 页脚").append(post).append("\ndate: 2021-03-01 10:00:00\n---\n\n");
        for (int h = 0; h < headings; h++) {
          md.append("## 小标题")
              .append(h)
              .append("\n\n")
              .append(text(random, FILLER, 100))
              .append("。\n\n");
        }
        md.append(text(random, FILLER, 200 + 24 * k)).append("。\n\n");
        // A paragraph with a unit (bold text and the comma after it) in its fifth line.
        md.append(text(random, MEASURED, 100))
            .append("**甲乙**，")
            .append(text(random, MEASURED, 100))
            .append("。\n\n");
        // A list whose items carry a bullet, an inline-block, in their first line.
        md.append("- ").append(text(random, MEASURED, 60)).append("。\n");
        md.append("- ").append(text(random, MEASURED, 30)).append("。\n\n");
        md.append(text(random, FILLER, 200)).append("。\n");
        TestPosts.write(posts, String.format("p%03d.md", post++), md.toString());
      }
    }
    TestBuilds.build(TestBuilds.utc(posts, dir).name("edges").cover(false).formats(Format.PDF));
    lines = lines(dir.resolve("edges.pdf"));
  }

  static String text(Random random, String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** One line of text: its page, baseline (points down from the page top) and characters. */
  record Line(int page, float baseline, String text) {
    boolean measured() {
      return text.chars()
              .filter(c -> c != '•')
              .allMatch(c -> MEASURED.indexOf(c) >= 0 || "，。".indexOf(c) >= 0)
          && text.chars().anyMatch(c -> MEASURED.indexOf(c) >= 0);
    }

    boolean item() {
      return text.startsWith("•");
    }
  }

  static List<Line> lines(Path pdf) throws IOException {
    List<Line> lines = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (int page = 1; page <= doc.getNumberOfPages(); page++) {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void processTextPosition(TextPosition t) {
                glyphs.add(t);
              }
            };
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        stripper.getText(doc);
        glyphs.sort(Comparator.comparingDouble(TextPosition::getYDirAdj));
        StringBuilder text = new StringBuilder();
        float baseline = Float.NaN;
        for (TextPosition t : glyphs) {
          if (!Float.isNaN(baseline) && t.getYDirAdj() - baseline > 1) {
            lines.add(new Line(page, baseline, text.toString()));
            text.setLength(0);
          }
          if (text.length() == 0) {
            baseline = t.getYDirAdj();
          }
          text.append(t.getUnicode());
        }
        if (text.length() > 0) {
          lines.add(new Line(page, baseline, text.toString()));
        }
      }
    }
    return lines;
  }

  @Test
  void linesOfAParagraphOnOnePageAreEvenlySpaced() {
    List<Float> pitches = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      Line before = lines.get(i - 1);
      Line line = lines.get(i);
      if (line.page() == before.page() && line.measured() && before.measured() && !line.item()) {
        pitches.add(line.baseline() - before.baseline());
      }
    }
    assertThat(pitches).hasSizeGreaterThan(500);
    float body = pitches.get(0);
    assertThat(pitches).allSatisfy(p -> assertThat(p).isCloseTo(body, within(0.5f)));
  }

  @Test
  void anItemThatStartsAPageStartsAtTheTopOfItsContentArea() {
    // The running head is each page's first line, at the same place on every page of articles.
    Map<Float, Long> firstBaselines =
        lines.stream()
            .collect(Collectors.groupingBy(Line::page, TreeMap::new, Collectors.toList()))
            .values()
            .stream()
            .collect(Collectors.groupingBy(page -> page.get(0).baseline(), Collectors.counting()));
    float head = Collections.max(firstBaselines.entrySet(), Map.Entry.comparingByValue()).getKey();
    List<Float> tops = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      Line line = lines.get(i);
      Line before = lines.get(i - 1);
      if (line.item()
          && line.measured()
          && before.page() == line.page()
          && before.baseline() == head) {
        tops.add(line.baseline());
      }
    }
    assertThat(tops).hasSizeGreaterThanOrEqualTo(5);
    float highest = Collections.min(tops);
    // An item's own margin may or may not be kept at a page top (0.2em, 2 pt); the gap was a line.
    assertThat(tops).allSatisfy(top -> assertThat(top - highest).isLessThan(3.5f));
  }

  static org.assertj.core.data.Offset<Float> within(float value) {
    return org.assertj.core.data.Offset.offset(value);
  }
}
