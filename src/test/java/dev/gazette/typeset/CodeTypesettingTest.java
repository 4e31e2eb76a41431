package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Code set as code, measured on the printed page: the monospace face with equal advances, kept
 * indentation, wrapped lines hanging, no lone line of a block at a page edge, highlighting in
 * weight and colour, CJK inside code drawn by the sans face; and the same token classes in the
 * EPUB.
 */
class CodeTypesettingTest {
  static final String LONG_LINE =
      "    let message = format!(\"{} {} {} {} {}\", first_argument, second_argument,"
          + " third_argument, fourth_argument, fifth_argument); // long";

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static Path epub;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    StringBuilder post =
        new StringBuilder(
            "---\ntitle: Code in print\ndate: 2024-05-01 10:00:00\n---\n\n"
                + "Inline `let x = 1;` and a block:\n\n```rust\n"
                + "fn main() {\n"
                + "    // 注释 in Chinese\n"
                + LONG_LINE
                + "\n    println!(\"{}\", message);\n}\n```\n\n");
    // Blocks of 2 to 13 lines after paragraphs of growing length, so page breaks fall at many
    // places inside blocks. Each source line carries its block and line number.
    for (int b = 0; b < 24; b++) {
      post.append("Paragraph ").append(b).append(". ");
      post.append("Words to move the next block down the page. ".repeat(1 + b * 3 % 11));
      post.append("\n\n```java\n");
      int lines = 2 + b % 12;
      for (int l = 0; l < lines; l++) {
        post.append("int b").append(b).append("x").append(l).append(" = ").append(l).append(";\n");
      }
      post.append("```\n\n");
    }
    TestPosts.write(source, "code.md", post.toString());
    Gazette gazette = Gazette.create();
    for (String[] variant :
        new String[][] {{"a5", "book", "A5"}, {"6in", "book", "6in"}, {"print", "print", "A4"}}) {
      gazette.build(
          TestBuilds.utc(source, dir)
              .name(variant[0])
              .theme(variant[1])
              .pageSize(variant[2])
              .formats(
                  variant[0].equals("a5")
                      ? new Format[] {Format.PDF, Format.EPUB}
                      : new Format[] {Format.PDF})
              .build());
      pdfs.put(variant[0], dir.resolve(variant[0] + ".pdf"));
    }
    epub = dir.resolve("a5.epub");
  }

  /** One glyph with its font and fill colour. */
  record Glyph(int page, float y, float x0, float width, String font, String text, float[] rgb) {}

  static List<Glyph> glyphs(Path pdf) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      new PDFTextStripper() {
        {
          // The text stripper ignores colour operators unless told to follow them.
          addOperator(
              new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorSpace(this));
          addOperator(new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColor(this));
          addOperator(
              new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingColorN(this));
          addOperator(
              new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceRGBColor(
                  this));
          addOperator(
              new org.apache.pdfbox.contentstream.operator.color.SetNonStrokingDeviceGrayColor(
                  this));
        }

        @Override
        protected void processTextPosition(TextPosition t) {
          float[] rgb;
          try {
            int c = getGraphicsState().getNonStrokingColor().toRGB();
            rgb = new float[] {(c >> 16 & 255) / 255f, (c >> 8 & 255) / 255f, (c & 255) / 255f};
          } catch (IOException e) {
            rgb = new float[] {0, 0, 0};
          }
          glyphs.add(
              new Glyph(
                  getCurrentPageNo(),
                  t.getYDirAdj(),
                  t.getXDirAdj(),
                  t.getWidthDirAdj(),
                  t.getFont() == null ? "" : t.getFont().getName(),
                  t.getUnicode(),
                  rgb));
        }
      }.getText(doc);
    }
    // Reading order: the renderer draws runs in its own order.
    glyphs.sort(
        java.util.Comparator.comparingInt(Glyph::page)
            .thenComparingDouble(g -> Math.round(g.y() * 2) / 2.0)
            .thenComparingDouble(Glyph::x0));
    return glyphs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a5", "6in", "print"})
  void codeIsSetInTheMonospaceFaceWithEqualAdvances(String variant) throws IOException {
    List<Glyph> glyphs = glyphs(pdfs.get(variant));
    List<Glyph> code =
        glyphs.stream().filter(g -> g.font().contains("Mono") && !g.text().isBlank()).toList();
    assertThat(code).hasSizeGreaterThan(1000);
    // Every ASCII glyph of the monospace face advances by the same width, bold or not.
    List<Float> widths =
        code.stream().filter(g -> g.text().matches("[!-~]")).map(Glyph::width).toList();
    float first = widths.get(0);
    assertThat(widths)
        .allSatisfy(
            w -> assertThat(w).isCloseTo(first, org.assertj.core.data.Offset.offset(0.05f)));
    // The block's lines ("int b3x0 = 0;") and inline code are in the monospace face.
    assertThat(lineText(glyphs, g -> g.font().contains("Mono"))).contains("intb3x0=0;", "letx=1;");
    // CJK inside code falls back to the sans face: drawn, not '#'.
    List<Glyph> cjk = glyphs.stream().filter(g -> g.text().equals("注")).toList();
    assertThat(cjk).isNotEmpty().allSatisfy(g -> assertThat(g.font()).contains("NotoSansSC"));
    assertThat(glyphs.stream().filter(g -> g.text().equals("#"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a5", "6in", "print"})
  void indentationIsKeptAndLongLinesHang(String variant) throws IOException {
    List<PdfLines.Line> lines =
        PdfLines.read(pdfs.get(variant), 1).stream()
            .filter(l -> l.font().contains("Mono"))
            .toList();
    PdfLines.Line fn = find(lines, "fnmain(){");
    PdfLines.Line comment = find(lines, "//注释");
    float advance = glyphWidth(pdfs.get(variant));
    // Four spaces of indentation: four advances.
    assertThat(comment.x0() - fn.x0())
        .isCloseTo(4 * advance, org.assertj.core.data.Offset.offset(0.5f));
    // The long line wraps; its continuation hangs further in than the line's start, and nothing
    // leaves the page.
    int start = lines.indexOf(find(lines, "letmessage=format!"));
    PdfLines.Line continuation = lines.get(start + 1);
    assertThat(continuation.text()).doesNotStartWith("println!");
    // The line starts four columns in; its continuation two columns further.
    assertThat(continuation.x0())
        .isCloseTo(fn.x0() + 6 * advance, org.assertj.core.data.Offset.offset(0.5f));
    float pageWidth = PdfLines.pageWidth(pdfs.get(variant));
    assertThat(lines).allSatisfy(l -> assertThat(l.x1()).isLessThan(pageWidth - 20));
    // The whole long line is there, in order, each continuation hanging.
    StringBuilder joined = new StringBuilder(lines.get(start).text());
    for (int i = start + 1; !joined.toString().endsWith("//long"); i++) {
      assertThat(lines.get(i).x0())
          .isCloseTo(fn.x0() + 6 * advance, org.assertj.core.data.Offset.offset(0.5f));
      joined.append(lines.get(i).text());
    }
    assertThat(joined.toString()).isEqualTo(LONG_LINE.replace(" ", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a5", "6in", "print"})
  void noBlockLeavesOneLineAloneAtAPageEdge(String variant) throws IOException {
    List<PdfLines.Line> lines = PdfLines.read(pdfs.get(variant), 1);
    Pattern marker = Pattern.compile("intb(\\d+)x(\\d+)=");
    // block -> page -> lines there
    Map<Integer, Map<Integer, Integer>> parts = new TreeMap<>();
    for (PdfLines.Line l : lines) {
      Matcher m = marker.matcher(l.text());
      if (m.find()) {
        parts
            .computeIfAbsent(Integer.parseInt(m.group(1)), k -> new TreeMap<>())
            .merge(l.page(), 1, Integer::sum);
      }
    }
    assertThat(parts).hasSize(24);
    long split = parts.values().stream().filter(p -> p.size() > 1).count();
    assertThat(split).as("blocks split across pages").isGreaterThan(0);
    for (Map.Entry<Integer, Map<Integer, Integer>> block : parts.entrySet()) {
      if (block.getValue().size() > 1) {
        assertThat(block.getValue().values()).as("block " + block.getKey()).allMatch(n -> n >= 2);
      }
    }
  }

  @Test
  void highlightingUsesColourInTheBookThemeAndWeightInPrint() throws IOException {
    // "fn" is a keyword: bold; "注释" is in a comment, "{}" in a string.
    for (String variant : List.of("a5", "print")) {
      List<Glyph> glyphs = glyphs(pdfs.get(variant));
      Glyph keyword = after(glyphs, "fnmain", 0);
      assertThat(keyword.font()).as(variant).contains("NotoSansMono-Bold");
      Glyph plain = after(glyphs, "fnmain", 3); // "main"
      assertThat(plain.font()).as(variant).contains("NotoSansMono-Regular");
      Glyph comment = after(glyphs, "//注释", 0);
      if (variant.equals("a5")) {
        assertThat(keyword.rgb()).as("keyword in colour").isNotEqualTo(new float[] {0, 0, 0});
      } else {
        // Print: black keywords, comments a lighter grey, every colour a grey.
        assertThat(keyword.rgb()).containsExactly(0f, 0f, 0f);
        assertThat(comment.rgb()[0]).isGreaterThan(0.35f);
        for (Glyph g : glyphs) {
          if (g.font().contains("Mono")) {
            assertThat(g.rgb()[0]).isEqualTo(g.rgb()[1]).isEqualTo(g.rgb()[2]);
          }
        }
      }
    }
  }

  @Test
  void epubCarriesTheSameTokenClassesAndTheMonospaceSubset() throws IOException {
    Map<String, String> text = Epubs.validEntries(epub);
    String article =
        text.entrySet().stream()
            .filter(e -> e.getValue().contains("fn</span>"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertThat(article)
        .contains("<code class=\"language-rust\"><span class=\"hl-k\">fn</span> main() {")
        .contains("<span class=\"hl-c\">// 注释 in Chinese</span>");
    String css = text.get("OEBPS/styles/gazette.css");
    assertThat(css).contains("font-family: \"Gazette Mono\"").contains(".hl-k");
    assertThat(Epubs.entries(epub).stream().map(e -> e.getName()))
        .contains("OEBPS/fonts/mono.ttf", "OEBPS/fonts/mono-bold.ttf");
    // Code's chain lists the sans CJK face as "Gazette Mono CJK" (in the code's weight): its
    // subset draws the CJK characters of code, and the accent subset no longer carries them.
    assertThat(css).contains("\"Gazette Mono\", \"Gazette Mono CJK\"");
    assertThat(dev.gazette.testing.Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/mono-cjk.ttf")))
        .contains((int) '注');
    assertThat(dev.gazette.testing.Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/accent.ttf")))
        .doesNotContain((int) '注');
  }

  private static PdfLines.Line find(List<PdfLines.Line> lines, String start) {
    return lines.stream()
        .filter(l -> l.text().startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line starting " + start));
  }

  private static float glyphWidth(Path pdf) throws IOException {
    return glyphs(pdf).stream()
        .filter(g -> g.font().contains("Mono") && g.text().equals("i"))
        .findFirst()
        .orElseThrow()
        .width();
  }

  /**
   * The {@code index}-th glyph of the first place where the non-blank glyphs spell {@code text}.
   */
  private static Glyph after(List<Glyph> glyphs, String text, int index) {
    List<Glyph> visible = glyphs.stream().filter(g -> !g.text().isBlank()).toList();
    StringBuilder sb = new StringBuilder();
    visible.forEach(g -> sb.append(g.text()));
    int at = sb.indexOf(text);
    assertThat(at).as(text).isGreaterThanOrEqualTo(0);
    // Each glyph's text is one character here (ASCII and CJK in the BMP).
    return visible.get(at + index);
  }

  private static String lineText(List<Glyph> glyphs, java.util.function.Predicate<Glyph> which) {
    StringBuilder sb = new StringBuilder();
    glyphs.stream()
        .filter(which)
        .filter(g -> !g.text().isBlank())
        .forEach(g -> sb.append(g.text()));
    return sb.toString();
  }
}
