package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Two drawings browsers draw and OpenHTMLtoPDF's Batik did not, each of which ended the whole
 * build: the check ({@link SvgCheck}) now draws each drawing as the PDF will, so it catches them,
 * and {@link SvgForBatik} rearranges them so that they are drawn.
 */
class SvgForBatikTest {
  /** Gadfly's plots (Julia's blog): elements inside metadata that Batik's DOM does not make. */
  static final String GADFLY =
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="100mm" viewBox="0 0 200 100">
        <metadata><boundingbox value="20mm 27mm 174mm 63mm"/></metadata>
        <g stroke="#36a"><path d="M10 90 L60 40 L190 10" fill="none"/></g>
      </svg>
      """;

  /**
   * matplotlib's lines (LLVM's blog): a clip and an opacity on one element in a group (the group's
   * painting is what Batik's undisposed copy stops), with a transform.
   */
  static final String CLIPPED =
      """
      <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
        <defs><clipPath id="p"><rect x="10" y="10" width="180" height="80"/></clipPath></defs>
        <g id="line2d_1">
          <path d="M0 100 L200 0" clip-path="url(#p)" opacity="0.5" transform="translate(0 -5)"
                style="stroke: #1f77b4; clip-path: url(#p)"/>
        </g>
      </svg>
      """;

  @Test
  void theCheckDrawsAsThePdfDoesAndCatchesWhatEndedTheBuild() {
    assertThat(SvgCheck.drawable(bytes(GADFLY))).as("Gadfly as written").isFalse();
    assertThat(SvgCheck.drawable(bytes(CLIPPED))).as("matplotlib as written").isFalse();
  }

  @Test
  void rearrangedTheyAreDrawn() {
    assertThat(SvgCheck.drawable(SvgForBatik.drawable(bytes(GADFLY)))).isTrue();
    assertThat(SvgCheck.drawable(SvgForBatik.drawable(bytes(CLIPPED)))).isTrue();
    String clipped = text(SvgForBatik.drawable(bytes(CLIPPED)));
    // the group takes the element's transform and clip; the element keeps its opacity and stroke
    assertThat(clipped)
        .contains(
            "<g transform=\"translate(0 -5)\" clip-path=\"url(#p)\"><path d=\"M0 100 L200 0\"")
        .contains("opacity=\"0.5\"")
        .contains("style=\"stroke: #1f77b4\"");
    assertThat(text(SvgForBatik.drawable(bytes(GADFLY)))).doesNotContain("boundingbox");
  }

  /** A figure of LLVM's blog: {@code height=""}, which browsers read as none and Batik refuses. */
  @Test
  void anEmptySizeIsNoSize() {
    byte[] figure =
        bytes(
            """
            <svg version="1.1" height="" viewBox="0 0 280 150" width="14px"
                 xmlns="http://www.w3.org/2000/svg"><rect width="100" height="50"/></svg>
            """);
    assertThat(SvgCheck.drawable(figure)).isFalse();
    assertThat(text(SvgForBatik.drawable(figure)))
        .doesNotContain("height=\"\"")
        .contains("width=\"14px\"");
    assertThat(SvgCheck.drawable(SvgForBatik.drawable(figure))).isTrue();
  }

  @Test
  void aDrawingThatNeedsNothingKeepsItsBytes() {
    byte[] plain =
        bytes(
            """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
              <defs><clipPath id="c"><circle cx="5" cy="5" r="4"/></clipPath></defs>
              <rect width="10" height="10" clip-path="url(#c)" opacity="1"/>
            </svg>
            """);
    assertThat(SvgForBatik.drawable(plain)).isSameAs(plain);
    assertThat(SvgCheck.drawable(plain)).isTrue();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
