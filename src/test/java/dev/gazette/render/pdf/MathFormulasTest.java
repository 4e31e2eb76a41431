package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TeX formulas between dollars, as competitive-programming and machine-learning blogs write them
 * (ouuan's Hugo blog: 1,585 formulas in 96 posts, printed as {@code $O(n\sqrt{m})$} before):
 * typeset as vector pictures in both outputs, on the baseline of their line, with no line starting
 * with the comma after one. Text written for this test.
 */
class MathFormulasTest {
  static final String FILLER = "城市交通委员会今天公布了新的公交线路调整方案将在下个月起陆续实施市民可以通过官方网站查询具体站点变化";

  @TempDir static Path dir;
  static DigestResult result;
  static Path pdf;
  static Path epub;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(
        source,
        "complexity.md",
        "---\ntitle: 复杂度\ndate: 2024-05-01\n---\n\n"
            + "排序的复杂度是 $O(n\\log n)$，朴素做法是 $O(n^2)$。设 $f_i$ 为前 $i$ 项的和：\n\n"
            + "$$\nf_i = \\sum_{j=1}^{i} a_j = \\frac{i(i+1)}{2}\n$$\n\n"
            + "价格不是公式：it cost $5 and then $10.\n\n"
            + "定义宏的公式保留原文：$\\newcommand{\\R}{\\mathbb{R}} \\R$。\n");
    StringBuilder edges = new StringBuilder();
    for (int p = 0; p < 4; p++) {
      for (int i = 1; i <= 30; i++) {
        edges.append(FILLER, 0, (i * 7 + p * 3) % 37 + 1).append(i % 2 == 0 ? "$x_i$，" : "（$a^2$）");
      }
      edges.append("。\n\n");
    }
    TestPosts.write(source, "edges.md", "---\ntitle: 公式与标点\ndate: 2024-05-02\n---\n\n" + edges);
    result =
        Gazette.create()
            .build(
                TestBuilds.utc(source, dir)
                    .name("d")
                    .pageSize("A5")
                    .formats(Format.PDF, Format.EPUB)
                    .build());
    pdf = dir.resolve("d.pdf");
    epub = dir.resolve("d.epub");
  }

  @Test
  void theEpubShowsFormulasAsSvgOutlinesWithTheirTexAsAlternative() throws Exception {
    Map<String, String> entries = Epubs.validEntries(epub);
    String page =
        entries.values().stream().filter(t -> t.contains("排序的复杂度")).findFirst().orElseThrow();
    assertThat(page)
        .contains("<img class=\"math\" src=\"images/math-")
        .contains("alt=\"O(n\\log n)\"")
        .contains("<img class=\"math display\" src=\"images/")
        .contains("it cost $5 and then $10.")
        .contains("<code>$\\newcommand{\\R}{\\mathbb{R}} \\R$</code>")
        .doesNotContain("$O(");
    List<String> svgs = new ArrayList<>();
    for (var e : Epubs.entries(epub)) {
      if (e.getName().endsWith(".svg")) {
        svgs.add(new String(Epubs.entry(epub, e.getName()), StandardCharsets.UTF_8));
      }
    }
    assertThat(svgs).hasSizeGreaterThanOrEqualTo(6);
    assertThat(svgs).allSatisfy(s -> assertThat(s).contains("<path d=\"M").doesNotContain("<text"));
    assertThat(entries.get("OEBPS/content.opf")).contains("media-type=\"image/svg+xml\"");
  }

  @Test
  void aFormulaThatCannotBeTypesetIsNamedWithItsFileAndLine() {
    assertThat(result.problems())
        .filteredOn(p -> p.message().startsWith("formula kept as TeX"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(p.file()).endsWith(Path.of("complexity.md"));
              assertThat(p.line()).isGreaterThan(0);
              assertThat(p.message()).contains("defines a macro").contains("\\newcommand");
            });
  }

  @Test
  void thePdfDrawsFormulasAsVectorsAndPrintsNoTex() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      // A justified line of few characters and wide formulas is spread enough for the text
      // stripper to put spaces between its characters.
      assertThat(text.replaceAll("\\s", "")).contains("排序的复杂度是");
      assertThat(text).contains("$5").contains("cost");
      assertThat(text).contains("共 2 篇").doesNotContain("幅图片"); // formulas are not pictures
      assertThat(text).doesNotContain("\\log").doesNotContain("\\sum").doesNotContain("$O(");
      assertThat(formulas(doc)).hasSize(5 + 120); // each formula drawn once, where it stands
    }
  }

  /** Every line that starts with a closing mark does so after a formula drawn on that line. */
  @Test
  void noLineStartsWithTheMarkAfterAFormulaNorEndsWithTheMarkBeforeOne() throws Exception {
    List<Drawn> drawn;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      drawn = formulas(doc);
    }
    List<Line> lines = PdfLines.read(pdf, 1).stream().filter(l -> l.text().contains("城市")).toList();
    assertThat(lines).hasSizeGreaterThan(30);
    int startsAfterFormula = 0;
    List<String> violations = new ArrayList<>();
    for (Line l : lines) {
      String t = l.text();
      if ("，）".indexOf(t.charAt(0)) >= 0) {
        boolean formulaFirst =
            drawn.stream()
                .anyMatch(
                    d ->
                        d.page() == l.page()
                            && d.x() < l.x0()
                            && Math.abs(d.bottom() - l.y()) < l.fontSize());
        if (formulaFirst) {
          startsAfterFormula++;
        } else {
          violations.add("starts with " + t.charAt(0) + ": " + t);
        }
      }
      if (t.charAt(t.length() - 1) == '（') {
        violations.add("ends with （: " + t);
      }
    }
    assertThat(violations).as("%d lines checked", lines.size()).isEmpty();
    assertThat(startsAfterFormula).as("formulas at the start of a line").isGreaterThan(0);
  }

  /** Formulas sit on their line: their pictures reach just below the baseline, not above it. */
  @Test
  void inlineFormulasSitOnTheBaselineOfTheirLine() throws Exception {
    List<Drawn> drawn;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      drawn = formulas(doc);
    }
    List<Line> lines = PdfLines.read(pdf, 1).stream().filter(l -> l.text().contains("城市")).toList();
    int checked = 0;
    for (Drawn d : drawn) {
      Line line =
          lines.stream()
              .filter(l -> l.page() == d.page() && Math.abs(d.bottom() - l.y()) < l.fontSize())
              .findFirst()
              .orElse(null);
      if (line == null) {
        continue;
      }
      checked++;
      // the picture's bottom is its depth (x_i: 0.25 em, a^2 with parentheses: 0.31 em) below
      float below = d.bottom() - line.y();
      assertThat(below).isBetween(0.05f * line.fontSize(), 0.45f * line.fontSize());
    }
    assertThat(checked).isGreaterThan(100);
  }

  record Drawn(int page, float x, float bottom) {}

  private static final Pattern FORM_DRAWN =
      Pattern.compile("1 0 0 1 ([-0-9.]+) ([-0-9.]+) cm\\s+/(Form\\d+) Do");

  /** Where pictures were drawn: page (from 1), left edge and bottom, top-down like PdfLines. */
  static List<Drawn> formulas(PDDocument doc) throws Exception {
    List<Drawn> out = new ArrayList<>();
    for (int i = 0; i < doc.getNumberOfPages(); i++) {
      PDPage page = doc.getPage(i);
      String content = new String(page.getContents().readAllBytes(), StandardCharsets.ISO_8859_1);
      Matcher m = FORM_DRAWN.matcher(content);
      float height = page.getMediaBox().getHeight();
      while (m.find()) {
        out.add(
            new Drawn(i + 1, Float.parseFloat(m.group(1)), height - Float.parseFloat(m.group(2))));
      }
    }
    return out;
  }
}
