package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.PageSetups;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spaces writers put inside quotes and brackets ({@code 无论是“ combo 插件”还是“ webpack ”}, FEX's blog):
 * the line breaker may break after any space, so a line ended with the opening mark or the next
 * started with the closing one. Generated text puts such a group after 1, 2, 3 … characters so it
 * meets every column, measured on the printed lines (PDFBox text positions).
 */
class BracketSpacesTest {
  static final String FILLER = "城市交通委员会今天公布了新的公交线路调整方案将在下个月起陆续实施市民可以通过官方网站查询具体站点变化";
  static final String[] GROUPS = {
    "“ combo 插件”", "“ A.css ”、", "（ Chrome 调试 ）", "《 Web Components 》，", "( beta )", "“ webpack ”。"
  };

  @TempDir static Path dir;

  static Map<String, Path> pdfs() throws Exception {
    Path source = dir.resolve("posts");
    StringBuilder md = new StringBuilder();
    int step = 0;
    for (String group : GROUPS) {
      StringBuilder p = new StringBuilder();
      for (int i = 0; i < 24; i++) {
        step++;
        p.append(InlineEdgeKinsokuTest.filler(step * 7 % 43 + 1, step)).append(group);
      }
      md.append(p).append("。\n\n");
    }
    TestPosts.write(source, "spaces.md", "---\ntitle: 括号里的空格\ndate: 2024-05-01\n---\n\n" + md);
    return PageSetups.pdfs(
        source, dir, ZoneId.of("Asia/Shanghai"), PageSetups.A5, PageSetups.SIX_INCH);
  }

  @Test
  void aSpaceInsideAMarkBecomesANoBreakSpace() {
    String nbsp = "\u00A0";
    assertThat(PdfText.bracketSpacesKept("还是“ combo 插件”", true))
        .isEqualTo("还是“" + nbsp + "combo 插件”");
    assertThat(PdfText.bracketSpacesKept("“ A.css ”、", true))
        .isEqualTo("“" + nbsp + "A.css" + nbsp + "”、");
    assertThat(PdfText.bracketSpacesKept("( beta )", false))
        .isEqualTo("(" + nbsp + "beta" + nbsp + ")");
    assertThat(PdfText.bracketSpacesKept("“\n  x", false)).isEqualTo("“" + nbsp + "x");
    // a text that starts a block keeps its first spaces; one after an element does not
    assertThat(PdfText.bracketSpacesKept(" ，后", false)).isEqualTo(" ，后");
    assertThat(PdfText.bracketSpacesKept(" ，后", true)).isEqualTo(nbsp + "，后");
    // spaces elsewhere stay spaces, and an apostrophe after a space is no closing quote
    assertThat(PdfText.bracketSpacesKept("a  b “x” c", true)).isEqualTo("a  b “x” c");
    assertThat(PdfText.bracketSpacesKept("Rock ’n’ roll, the ’90s", true))
        .isEqualTo("Rock ’n’ roll, the ’90s");
  }

  @Test
  void noLineEndsWithTheOpeningMarkOrStartsWithTheClosingOneOfASpacedGroup() throws Exception {
    for (Map.Entry<String, Path> pdf : pdfs().entrySet()) {
      List<Line> lines = PdfLines.read(pdf.getValue(), 1);
      List<String> violations = new ArrayList<>();
      for (Line l : lines) {
        String t = l.text().strip();
        if (t.isEmpty()) {
          continue;
        }
        if (PdfText.CLOSING.indexOf(t.charAt(0)) >= 0) {
          violations.add("starts with " + t.charAt(0) + ": " + t);
        }
        if (PdfText.OPENING.indexOf(t.charAt(t.length() - 1)) >= 0) {
          violations.add("ends with " + t.charAt(t.length() - 1) + ": " + t);
        }
      }
      assertThat(lines).as(pdf.getKey()).hasSizeGreaterThan(40);
      assertThat(violations).as(pdf.getKey()).isEmpty();
      // the text is all there, the spaces as written
      assertThat(Pdfs.compactText(pdf.getValue()))
          .contains(Pdfs.compact("“ combo 插件”"), Pdfs.compact("《 Web Components 》，"));
    }
  }
}
