package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class MathPicturesTest {
  static String svg(MathPictures.Picture p) {
    return new String(p.asset().bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void aFormulaIsOutlinesInAViewBoxOfItsBoxInEms() throws Exception {
    MathPictures.Picture x = new MathPictures().draw("x", false).picture().orElseThrow();
    // cmmi10's x: 0.572 em wide, 0.431 em high, no depth; 0.04 em room each side, 0.06 above/below
    assertThat(x.width()).isCloseTo(0.572 + 0.08, within(0.01));
    assertThat(x.height()).isCloseTo(0.431 + 0.06, within(0.01));
    assertThat(x.depth()).isCloseTo(0.06, within(0.01));
    String s = svg(x);
    assertThat(s).startsWith("<?xml").contains("viewBox=\"0 0 65.").contains("<path d=\"M");
    assertThat(s).doesNotContain("<text").doesNotContain("font");
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setNamespaceAware(true);
    Document doc =
        xml.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(x.asset().bytes()));
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(x.asset().href()).matches("images/math-[0-9a-f]{16}\\.svg");
    assertThat(x.asset().isFormula()).isTrue();
    assertThat(x.asset().mediaType()).isEqualTo("image/svg+xml");
  }

  /**
   * JLaTeXMath's {@code \\limits} set the shared {@code \\sum}'s limits for every later formula:
   * fightinggg's inline {@code \\begin{aligned}\\sum_{i=1}^K …} came out 10.0 or 12.6 em wide, by
   * which post the threads drew first.
   */
  @Test
  void aFormulasLimitsDoNotChangeTheNextFormula() {
    String tex = "\\begin{aligned}\\sum_{i=1}^K \\sum_{j=1}^N [j\\mod i\\le 1]\\end{aligned}";
    MathPictures.Picture alone = new MathPictures().draw(tex, false).picture().orElseThrow();
    for (String before : List.of("\\sum\\limits_{i=1}^n i", "\\int\\nolimits_0^1 x")) {
      MathPictures pictures = new MathPictures();
      pictures.draw(before, false);
      MathPictures.Picture after = pictures.draw(tex, false).picture().orElseThrow();
      assertThat(svg(after)).as(before).isEqualTo(svg(alone));
    }
    // the limits asked for are still drawn where asked: above and below, so taller than beside
    MathPictures.Picture limits =
        new MathPictures().draw("\\sum\\limits_{i=1}^n i", false).picture().orElseThrow();
    MathPictures.Picture beside =
        new MathPictures().draw("\\sum_{i=1}^n i", false).picture().orElseThrow();
    assertThat(limits.height() + limits.depth()).isGreaterThan(beside.height() + beside.depth());
  }

  @Test
  void theSameFormulaGivesTheSameBytesAndADisplayedOneIsLarger() {
    String tex = "\\sum_{i=1}^{n} \\frac{a_i}{2}";
    MathPictures.Picture a = new MathPictures().draw(tex, false).picture().orElseThrow();
    MathPictures.Picture b = new MathPictures().draw(tex, false).picture().orElseThrow();
    MathPictures.Picture shown = new MathPictures().draw(tex, true).picture().orElseThrow();
    assertThat(a.asset().bytes()).isEqualTo(b.asset().bytes());
    assertThat(a.asset().href()).isEqualTo(b.asset().href());
    assertThat(shown.height() + shown.depth()).isGreaterThan(a.height() + a.depth());
  }

  /** Obsidian's and KaTeX's \\color switch colours the rest of its group (a Quartz garden: 10). */
  @Test
  void theColourSwitchColoursTheRestOfItsGroup() {
    assertThat(MathPictures.colorSwitches("e^{-{\\color{red} c}x^2}"))
        .isEqualTo("e^{-{\\textcolor{red}{ c}}x^2}");
    assertThat(MathPictures.colorSwitches("\\color{blue} x^2 & y \\\\ \\colorbox{red}{z}"))
        .isEqualTo("\\textcolor{blue}{ x^2 }& y \\\\ \\colorbox{red}{z}");
    String s =
        svg(
            new MathPictures()
                .draw("{\\color{blue} x^2} + \\color{red} y^2", false)
                .picture()
                .orElseThrow());
    assertThat(s).contains("fill=\"#0000ff\"").contains("fill=\"#ff0000\"");
  }

  /** jakevdp's FFT post: align* was kept as TeX ("Unknown environment"), as equation would be. */
  @Test
  void starredEnvironmentsAndEquationAreDrawn() {
    assertThat(MathPictures.environments("\\begin{align*} a &= b \\\\ c &= d \\end{align*}"))
        .isEqualTo("\\begin{align} a &= b \\\\ c &= d \\end{align}");
    assertThat(MathPictures.environments("\\begin{equation*} e = mc^2 \\end{equation*}"))
        .isEqualTo(" e = mc^2 ");
    for (String tex :
        List.of(
            "\\begin{align*} X_{N + k} &= \\sum_{n=0}^{N-1} x_n \\\\ &= X_k \\end{align*}",
            "\\begin{gather*} a \\\\ b \\end{gather*}",
            "\\begin{equation} a = b \\end{equation}")) {
      assertThat(new MathPictures().draw(tex, true).picture()).as(tex).isPresent();
    }
  }

  /**
   * Chinese in a formula ({@code \\text{内下标个数}}, {@code 令m=…}, 25 formulas of a blog of contest
   * notes) is drawn from the bundled Noto Sans SC, as outlines, the same bytes each time.
   */
  @Test
  void chineseInAFormulaIsDrawnFromTheBundledFace() {
    String tex = "\\max(r, [l,r]\\text{ 内下标个数}) + N个";
    MathPictures.Picture a = new MathPictures().draw(tex, false).picture().orElseThrow();
    MathPictures.Picture b = new MathPictures().draw(tex, false).picture().orElseThrow();
    assertThat(a.asset().bytes()).isEqualTo(b.asset().bytes());
    String svg = new String(a.asset().bytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(svg).contains("<path").doesNotContain("<text", "font-family");
    MathPictures.Picture plain =
        new MathPictures().draw("\\max(r, [l,r]) + N", false).picture().orElseThrow();
    assertThat(a.width()).isGreaterThan(plain.width() + 5); // six ideographs, about 1em each
    assertThat(MathPictures.CjkFace.name()).startsWith("Noto Sans SC");
  }

  /** divinerapier's numbered transformations ({@code \\tag*{(2)}}) were kept as TeX. */
  @Test
  void equationTagsFollowTheFormula() {
    assertThat(MathPictures.tags("\\tag*{(2)} \\begin{cases} x=1 \\\\ y=2 \\end{cases}"))
        .isEqualTo("\\begin{cases} x=1 \\\\ y=2 \\end{cases}\\qquad\\text{(2)}");
    assertThat(MathPictures.tags("e = mc^2 \\tag{3}")).isEqualTo("e = mc^2\\qquad\\text{(3)}");
    assertThat(MathPictures.tags("a \\tagged b")).isEqualTo("a \\tagged b");
    MathPictures pictures = new MathPictures();
    MathPictures.Picture tagged =
        pictures
            .draw("\\tag*{(9)} \\begin{cases} x=1 \\\\ y=2 \\end{cases}", true)
            .picture()
            .orElseThrow();
    MathPictures.Picture plain =
        pictures.draw("\\begin{cases} x=1 \\\\ y=2 \\end{cases}", true).picture().orElseThrow();
    assertThat(tagged.width()).isGreaterThan(plain.width() + 3); // 2em of space and "(9)"
  }

  /** JLaTeXMath drew nothing for an aligned environment with an empty row. */
  @Test
  void anEmptyRowOfAnAlignedEnvironmentIsFilled() {
    assertThat(MathPictures.environments("\\begin{aligned} \\\\&f=1 \\\\ \\\\&=2 \\end{aligned}"))
        .isEqualTo("\\begin{aligned} {}\\\\&f=1 \\\\ {}\\\\&=2 \\end{aligned}");
    assertThat(MathPictures.environments("\\begin{array}{l} \\\\ a \\end{array}"))
        .isEqualTo("\\begin{array}{l} {}\\\\ a \\end{array}");
    MathPictures pictures = new MathPictures();
    assertThat(
            pictures.draw("\\begin{aligned} \\\\&f=1 \\\\ \\\\&=2 \\end{aligned}", true).picture())
        .isPresent();
    assertThat(
            pictures
                .draw("\\begin{aligned} &f=1 \\\\[2pt] \\\\ &=2 \\end{aligned}", true)
                .picture())
        .isPresent();
  }

  @Test
  void colourIsKept() {
    String s =
        svg(new MathPictures().draw("\\textcolor{red}{x} + y", false).picture().orElseThrow());
    assertThat(s).contains("fill=\"#ff0000\"").contains("<path d=");
  }

  /**
   * Text the formula fonts lack would be drawn from the system's fonts (boxes here, other glyphs
   * elsewhere): such a formula stays TeX. Full-width signs typed with a Chinese input method are
   * read as the ASCII ones (ouuan: {@code i－1}).
   */
  @Test
  void charactersTheFormulaFontsLackAreNamedAndFullWidthSignsAreAscii() {
    MathPictures pictures = new MathPictures();
    assertThat(pictures.draw("\\max(r, [l,r]\\text{ 한국어})", false).problem())
        .isEqualTo("its fonts cannot draw 한국어");
    MathPictures.Picture wide = pictures.draw("i－1", false).picture().orElseThrow();
    MathPictures.Picture plain = pictures.draw("i-1", false).picture().orElseThrow();
    assertThat(wide.asset().bytes()).isEqualTo(plain.asset().bytes());
    assertThat(pictures.draw("\\alpha + β \\le é", false).picture()).isPresent();
    // Unicode's math italic letters and minus sign, pasted from a rendered page: x and -.
    MathPictures.Picture pasted =
        pictures.draw("f(\uD835\uDC65)=\uD835\uDC65\u22121", false).picture().orElseThrow();
    MathPictures.Picture typed = pictures.draw("f(x)=x-1", false).picture().orElseThrow();
    assertThat(pasted.asset().bytes()).isEqualTo(typed.asset().bytes());
    // A thin space pasted from a page is a space; MathJax's \space is TeX's control space.
    assertThat(pictures.draw("a\u2009\\le\u00A0b", false).picture()).isPresent();
    assertThat(MathPictures.mathLetters("(2\\space 1)\\spacer")).isEqualTo("(2\\  1)\\spacer");
    assertThat(pictures.draw("(1\\space3\\space6)", false).picture()).isPresent();
  }

  @Test
  void whatCannotBeDrawnSaysWhy() {
    MathPictures pictures = new MathPictures();
    assertThat(pictures.draw("\\undefinedthing x", false).problem())
        .contains("Unknown symbol or command")
        .contains("undefinedthing");
    assertThat(pictures.draw("\\newcommand{\\R}{\\mathbb{R}} \\R", false).problem())
        .contains("defines a macro");
    assertThat(pictures.draw("\\def\\x{1}", false).picture()).isEmpty();
    assertThat(pictures.draw(" ", false).problem()).isEqualTo("the formula is empty");
    assertThat(pictures.draw("x".repeat(MathPictures.MAX_CHARS + 1), false).problem())
        .contains("longer than");
  }
}
