package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.PathIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text in an SVG picture is drawn in the PDF with the bundled faces, character by character along
 * the fallback chain: Chinese in the CJK face, Ł and ź from the Latin face, ★ and → from the CJK
 * serif face, the emoji from the emoji face, 𝐀 from the math face; a character no face has is a
 * box and a warning naming the post. The drawer fills glyph outlines (OpenHTMLtoPDF's Batik drawer
 * never writes PDF text), so the test counts the contours each drawing's form fills and compares
 * them with the contours of the bundled faces' glyphs: a JVM font or a missing-glyph shape gives
 * other counts.
 */
class SvgTextFontsTest {
  @TempDir static Path dir;
  static Path pdf;
  static DigestResult result;

  static final String CJK = "销售额增长";
  static final String LATIN = "Revenue in Łódź";
  static final String SYMBOLS = "★ → 💡\uFE0F 𝐀";

  @BeforeAll
  static void build() throws Exception {
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    Files.writeString(posts.resolve("cjk.svg"), svg("font-family=\"sans-serif\"", CJK));
    Files.writeString(posts.resolve("latin.svg"), svg("font-family=\"Helvetica, Arial\"", LATIN));
    Files.writeString(
        posts.resolve("symbols.svg"),
        svg("style=\"font-family: 'Times New Roman', serif\"", SYMBOLS));
    Files.writeString(posts.resolve("thai.svg"), svg("", "A ภ"));
    // OmniGraffle writes each label's width as measured in the author's font (here a length for
    // 12 px in a 20 px label); Batik fits our glyphs to it, and spread them to about twice their
    // width in real drawings: the PDF drops it and sets the label at our faces' own width.
    Files.writeString(
        posts.resolve("natural.svg"), svg("font-family=\"Courier New\"", "data = true"));
    Files.writeString(
        posts.resolve("measured.svg"),
        svg("font-family=\"Courier New\" textLength=\"79.2\"", "data = true"));
    TestPosts.write(
        posts,
        "chart.md",
        """
        ---
        title: 图表
        date: 2024-05-01 10:00:00
        ---

        三张图：

        ![cjk](cjk.svg)

        ![latin](latin.svg)

        ![symbols](symbols.svg)
        """);
    TestPosts.write(
        posts,
        "thai.md",
        """
        ---
        title: 泰文
        date: 2024-05-02 10:00:00
        ---

        一张图：

        ![thai](thai.svg)
        """);
    TestPosts.write(
        posts,
        "widths.md",
        """
        ---
        title: 宽度
        date: 2024-05-03 10:00:00
        ---

        ![natural](natural.svg)

        ![measured](measured.svg)
        """);
    result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir).name("svgtext").formats(Format.PDF, Format.EPUB));
    pdf = dir.resolve("svgtext.pdf");
  }

  static String svg(String family, String text) {
    return """
    <svg xmlns="http://www.w3.org/2000/svg" width="320" height="40" viewBox="0 0 320 40">
      <text x="10" y="30" %s font-size="20">%s</text>
    </svg>
    """
        .formatted(family, text);
  }

  @Test
  void labelsAreDrawnWithTheBundledFacesCharacterByCharacter() throws Exception {
    List<String> drawn = contoursPerForm(pdf);
    assertThat(drawn).hasSize(6);
    // Each label in the face its chain gives each character (sans for sans-serif and unknown
    // families, the serif body for serif), as the bundled files draw them.
    String sans = "NotoSansSC-Regular.ttf";
    String serif = "NotoSerifSC-Regular.ttf";
    assertThat(drawn.get(0)).as(CJK).isEqualTo(contours(CJK, sans));
    assertThat(drawn.get(1)).as(LATIN).isEqualTo(contours(LATIN, sans, "NotoSans-Regular.ttf"));
    assertThat(drawn.get(2))
        .as(SYMBOLS)
        .isEqualTo(
            contours(
                SYMBOLS.replace("\uFE0F", ""),
                serif,
                "NotoSerif-Regular.ttf",
                "NotoEmoji-Regular.ttf",
                "NotoSansMath-Regular.ttf"));
    // ภ (Thai) is in no bundled face: the box (□) of the sans face, one warning naming the post.
    assertThat(drawn.get(3)).isEqualTo(contours("A □", sans));
    assertThat(result.problems())
        .filteredOn(p -> p.message().contains("U+0E20"))
        .singleElement()
        .satisfies(p -> assertThat(p.file().getFileName().toString()).isEqualTo("thai.md"));
  }

  @Test
  void aLabelsMeasuredLengthDoesNotSpreadOurGlyphs() throws IOException {
    List<double[]> extents = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDFormXObject form) {
            extents.add(xExtent(form));
          }
        }
      }
    }
    double natural = extents.get(4)[1] - extents.get(4)[0];
    double measured = extents.get(5)[1] - extents.get(5)[0];
    assertThat(natural).isBetween(50.0, 200.0); // 11 monospace glyphs at 20 px
    assertThat(measured).isCloseTo(natural, org.assertj.core.data.Offset.offset(natural * 0.05));
  }

  /**
   * Smallest and largest x of the end points of the paths a form fills, in its own space; clipping
   * paths ({@code W n}, the drawing's whole box) do not count.
   */
  static double[] xExtent(PDFormXObject form) throws IOException {
    double[] extent = {Double.MAX_VALUE, -Double.MAX_VALUE};
    List<Double> numbers = new ArrayList<>();
    List<Double> path = new ArrayList<>();
    for (Object t : new PDFStreamParser(form).parse()) {
      if (t instanceof org.apache.pdfbox.cos.COSNumber n) {
        numbers.add((double) n.floatValue());
        continue;
      }
      if (t instanceof Operator o) {
        switch (o.getName()) {
          case "m", "l", "c" -> path.add(numbers.get(numbers.size() - 2));
          case "f", "f*" -> {
            for (double x : path) {
              extent[0] = Math.min(extent[0], x);
              extent[1] = Math.max(extent[1], x);
            }
            path.clear();
          }
          case "n", "S" -> path.clear();
          default -> {}
        }
      }
      numbers.clear();
    }
    return extent;
  }

  @Test
  void theEpubKeepsTheDrawingsWithOurFamiliesFirstAndPassesEpubCheck() throws IOException {
    Path epub = dir.resolve("svgtext.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    List<String> drawings = new ArrayList<>();
    for (var e : Epubs.entries(epub)) {
      if (e.getName().endsWith(".svg")) {
        drawings.add(new String(Epubs.entry(epub, e.getName()), StandardCharsets.UTF_8));
      }
    }
    // Readers draw a picture with their own fonts: the author's families stay after ours.
    assertThat(drawings)
        .hasSize(6)
        .anySatisfy(
            svg ->
                assertThat(svg)
                    .contains("Revenue", "font-family=\"'Gazette Accent', Helvetica, Arial\""))
        .anySatisfy(
            svg ->
                assertThat(svg).contains("font-family: 'Gazette Body', 'Times New Roman', serif"))
        .allSatisfy(svg -> assertThat(svg).doesNotContain("Gazette Sans Latin"));
  }

  @Test
  void aSecondBuildIsByteIdentical() throws Exception {
    Path again = dir.resolve("again");
    TestBuilds.build(
        TestBuilds.utc(dir.resolve("posts"), again).name("svgtext").formats(Format.PDF));
    assertThat(Files.readAllBytes(again.resolve("svgtext.pdf"))).isEqualTo(Files.readAllBytes(pdf));
  }

  /** Contours (moveto operators) each form draws, in the order the pages draw the forms. */
  static List<String> contoursPerForm(Path pdf) throws IOException {
    List<String> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        COSName last = null;
        for (Object token : new PDFStreamParser(page).parse()) {
          if (token instanceof COSName name) {
            last = name;
          } else if (token instanceof Operator op && op.getName().equals("Do") && last != null) {
            PDXObject x = page.getResources().getXObject(last);
            if (x instanceof PDFormXObject form) {
              out.add(filledContours(form));
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Subpaths and segments (lines and curves) of the paths a form fills, as {@code
   * "contours/segments"}; clipping paths ({@code W n}) do not count.
   */
  static String filledContours(PDFormXObject form) throws IOException {
    int[] filled = new int[2];
    int[] path = new int[2];
    for (Object t : new PDFStreamParser(form).parse()) {
      if (t instanceof Operator o) {
        switch (o.getName()) {
          case "m" -> path[0]++;
          case "l", "c", "v", "y" -> path[1]++;
          case "f", "f*", "F", "B", "B*", "b", "b*" -> {
            filled[0] += path[0];
            filled[1] += path[1];
            path[0] = path[1] = 0;
          }
          case "n", "S", "s" -> path[0] = path[1] = 0;
          default -> {}
        }
      }
    }
    return filled[0] + "/" + filled[1];
  }

  private static final Map<String, Font> FONTS = new HashMap<>();

  /**
   * Contours and segments of {@code text}, each character from the first of {@code files} that has
   * it, as {@code "contours/segments"}.
   */
  static String contours(String text, String... files) throws Exception {
    int n = 0;
    int segments = 0;
    FontRenderContext frc = new FontRenderContext(null, false, false);
    for (int cp : text.codePoints().toArray()) {
      String s = Character.toString(cp);
      for (String file : files) {
        Font font = FONTS.get(file);
        if (font == null) {
          font = Font.createFont(Font.TRUETYPE_FONT, Path.of("fonts", file).toFile());
          FONTS.put(file, font);
        }
        if (font.canDisplay(cp)) {
          PathIterator it =
              font.deriveFont(20f).createGlyphVector(frc, s).getOutline().getPathIterator(null);
          for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(new double[6]);
            if (type == PathIterator.SEG_MOVETO) {
              n++;
            } else if (type != PathIterator.SEG_CLOSE) {
              segments++;
            }
          }
          break;
        }
      }
    }
    return n + "/" + segments;
  }
}
