package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.PageSetups;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A paragraph whose first line holds one of the renderer's inline-blocks (a unit keeping
 * punctuation with an inline element's edge) keeps its first-line indent: OpenHTMLtoPDF alone draws
 * such a line from the left edge and stretches it over the full measure. Measured on the printed
 * lines at A5, a 6-inch page and the print theme's A4 page, against plain paragraphs of the same
 * article; an English paragraph, which has no indent, gets none.
 */
class FirstLineIndentTest {
  /** Each paragraph starts with its own pair of these, so its first printed line can be found. */
  static final String LEADS = "甲乙丙丁戊己庚辛壬癸";

  static final String FILLER = "城市交通委员会今天公布了新的公交线路调整方案将在下个月起陆续实施市民可以通过官方网站查询具体站点变化";

  /** Inline elements with punctuation at their edge: each becomes a unit. */
  static final String[] UNITS = {
    "[编码规范](https://example.org/a)），",
    "（`getValue()`）",
    "（GoA4等级）",
    "“<em>重点</em>”",
    "<strong>JavaScript</strong>，",
  };

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static final List<String> unitLeads = new ArrayList<>();
  static final List<String> plainLeads = new ArrayList<>();

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    StringBuilder md = new StringBuilder();
    int n = 0;
    for (int before = 0; before < 14; before++) {
      for (String unit : UNITS) {
        String lead = lead(n++);
        // Every third paragraph has no unit: the indent the stylesheet gives a plain paragraph.
        boolean plain = n % 3 == 0;
        (plain ? plainLeads : unitLeads).add(lead);
        md.append(lead)
            .append(filler(before, n))
            .append(plain ? filler(4, n + 3) : unit)
            .append(filler(90, n + 1))
            .append("。\n\n");
      }
    }
    TestPosts.write(source, "units.md", "---\ntitle: 首行缩进\ndate: 2024-05-01\n---\n\n" + md);
    TestPosts.write(
        source,
        "english.md",
        "---\ntitle: First lines\ndate: 2024-05-02\nlang: en\n---\n\n"
            + "Zebra [links](https://example.org/b), then words that run on for long enough to fill"
            + " several lines of the page so that the paragraph has a first line and more lines"
            + " after it, which are justified as usual.\n");
    pdfs.putAll(
        PageSetups.pdfs(
            source,
            dir,
            ZoneId.of("Asia/Shanghai"),
            PageSetups.A5,
            PageSetups.SIX_INCH,
            PageSetups.print("a4")));
  }

  static String lead(int n) {
    return ""
        + LEADS.charAt(n / LEADS.length() % LEADS.length())
        + LEADS.charAt(n % LEADS.length());
  }

  static String filler(int length, int offset) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(FILLER.charAt((offset * 7 + i) % FILLER.length()));
    }
    return sb.toString();
  }

  static Line firstLine(List<Line> lines, String lead) {
    List<Line> found = lines.stream().filter(l -> l.text().startsWith(lead)).toList();
    assertThat(found).as("first line of paragraph %s", lead).hasSize(1);
    return found.get(0);
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in", "a4"})
  void paragraphsWithAUnitOnTheirFirstLineAreIndentedAndNotStretched(String variant)
      throws Exception {
    List<Line> lines = PdfLines.read(pdfs.get(variant), 1);
    float fontSize = firstLine(lines, plainLeads.get(0)).fontSize();
    float left = Float.MAX_VALUE;
    float right = 0;
    for (String lead : plainLeads) {
      Line l = firstLine(lines, lead);
      left = Math.min(left, l.x0() - 2 * fontSize);
      right = Math.max(right, l.x1());
    }
    // Plain paragraphs: indented by 2em, justified to the right edge (their line spacing is the
    // reference for the others: the indent box must not make a line taller).
    for (String lead : plainLeads) {
      Line l = firstLine(lines, lead);
      assertThat(l.x0() - left).as("plain %s", l.text()).isCloseTo(2 * fontSize, within(1f));
      assertThat(l.x1()).as("plain %s", l.text()).isCloseTo(right, within(1f));
    }
    Line plainFirst = firstLine(lines, plainLeads.get(0));
    float leading = lines.get(lines.indexOf(plainFirst) + 1).y() - plainFirst.y();
    List<String> wrong = new ArrayList<>();
    int withUnit = 0;
    for (String lead : unitLeads) {
      Line l = firstLine(lines, lead);
      boolean unitOnLine =
          l.text().contains("编码规范）")
              || l.text().contains("（getValue()）")
              || l.text().contains("（GoA4等级）")
              || l.text().contains("“重点”")
              || l.text().contains("JavaScript，");
      withUnit += unitOnLine ? 1 : 0;
      Line next = lines.get(lines.indexOf(l) + 1);
      float gap = next.page() == l.page() ? next.y() - l.y() : leading;
      if (Math.abs(l.x0() - left - 2 * fontSize) > 1
          || l.x1() > right + 1
          || Math.abs(gap - leading) > 0.5) {
        wrong.add(
            String.format(
                "%s: starts %.1f pt from the edge, ends %.1f pt past it, next line %.1f pt below",
                l.text(), l.x0() - left, l.x1() - right, gap));
      }
    }
    // The units are where the defect was: on the paragraphs' first lines.
    assertThat(withUnit).isGreaterThanOrEqualTo(unitLeads.size() * 3 / 4);
    assertThat(wrong).as("%d paragraphs, indent %.1f pt", unitLeads.size(), 2 * fontSize).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in", "a4"})
  void englishParagraphsWithAUnitStayUnindented(String variant) throws Exception {
    List<Line> lines = PdfLines.read(pdfs.get(variant), 1);
    Line first = firstLine(lines, "Zebra");
    Line next = lines.get(lines.indexOf(first) + 1);
    assertThat(first.text()).contains("links,");
    assertThat(first.x0()).isCloseTo(next.x0(), within(0.5f));
  }

  private static org.assertj.core.data.Offset<Float> within(float v) {
    return org.assertj.core.data.Offset.offset(v);
  }
}
