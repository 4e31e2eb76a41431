package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
  private static ImageType sniff(String text) {
    return ImageType.sniff(text.getBytes(StandardCharsets.UTF_8)).orElse(null);
  }

  /** Flink's diagrams: a licence comment longer than the 512 bytes looked at before. */
  @Test
  void anSvgIsKnownPastALongCommentAndADoctype() {
    String licence =
        "<!--\n" + "Licensed to the Apache Software Foundation. ".repeat(40) + "\n-->\n";
    assertThat(sniff("<?xml version=\"1.0\" standalone=\"yes\"?>\n" + licence + "<svg x=\"1\"/>"))
        .isEqualTo(ImageType.SVG);
    assertThat(
            sniff(
                "\uFEFF<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\""
                    + " \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\" [\n"
                    + "  <!ENTITY ns \"http://www.w3.org/2000/svg\">\n]>\n<svg:svg>\n</svg:svg>"))
        .isEqualTo(ImageType.SVG);
    assertThat(sniff("  <svg>")).isEqualTo(ImageType.SVG);
  }

  @Test
  void aDocumentWhoseRootIsNotSvgIsNoPicture() {
    assertThat(sniff("<?xml version=\"1.0\"?><html><body><svg/></body></html>")).isNull();
    assertThat(sniff("<!-- an unclosed comment <svg>")).isNull();
    assertThat(sniff("<svgfoo/>")).isNull();
    assertThat(sniff("<?xml version=\"1.0\"?><!-- x --><rss><svg/></rss>")).isNull();
  }
}
