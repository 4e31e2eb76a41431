package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class CodeLinesTest {
  @Test
  void printedLinesCountWideCharactersTwiceAndHangTheRest() {
    assertThat(CodeLines.printedLines("abc", 10)).isEqualTo(1);
    assertThat(CodeLines.printedLines("a".repeat(10), 10)).isEqualTo(1);
    // 25 columns at 10: 10 on the first line, then 8 a line (hanging two columns)
    assertThat(CodeLines.printedLines("a".repeat(25), 10)).isEqualTo(3);
    // indented four: the rest hang six columns, 4 a line
    assertThat(CodeLines.printedLines("    " + "a".repeat(16), 10)).isEqualTo(4);
    assertThat(CodeLines.printedLines("中文中文中文", 10)).isEqualTo(2);
    // wrapped at spaces, which hang: a docker ps header of padded columns
    assertThat(CodeLines.printedLines("aaa bbb", 5)).isEqualTo(2);
    assertThat(
            CodeLines.printedLines("NAME" + " ".repeat(40) + "STATUS" + " ".repeat(40) + "AGE", 20))
        .isEqualTo(3);
  }

  /**
   * A block whose first lines wrap asks for room for them at a page's foot, else its kept first
   * lines moved on alone and left its grey background empty there (pdf.css counts three printed
   * lines: 5.8em).
   */
  @Test
  void aBlockWhoseFirstLinesWrapAsksForMoreRoom() {
    String longLine = "$ kubectl apply -f manifests/prometheusAdapter-configMap.yaml";
    Document doc =
        Jsoup.parse(
            "<pre><code>"
                + longLine
                + "\n"
                + longLine
                + "\n</code></pre><pre><code>short\nlines\n</code></pre>");
    // A5's measure: 32.4 body em, 58 columns of code
    CodeLines.apply(doc, 32.4);
    Element wrapped = doc.select("pre").get(0);
    Element plain = doc.select("pre").get(1);
    assertThat(wrapped.attr("style")).isEqualTo("-fs-page-break-min-height: 7.20em;");
    assertThat(plain.hasAttr("style")).isFalse();
    assertThat(wrapped.select("span.code-line")).hasSize(2);
  }

  /** A longer block keeps its first two lines together: only their printed lines count. */
  @Test
  void aLongerBlockCountsItsFirstTwoLines() {
    String longLine = "? Would you like to use a Bootswatch theme (https://bootswatch.com/)?";
    Document doc =
        Jsoup.parse(
            "<pre>"
                + longLine
                + "\nVapor\n"
                + longLine
                + "\nFlatly\nCosmo\n</pre><pre>"
                + longLine
                + "\n"
                + longLine
                + "\nVapor\nFlatly\n</pre>");
    CodeLines.apply(doc, 32.4);
    assertThat(doc.select("pre").get(0).hasAttr("style")).as("2 + 1 printed lines").isFalse();
    assertThat(doc.select("pre").get(1).attr("style"))
        .as("2 + 2 printed lines")
        .isEqualTo("-fs-page-break-min-height: 7.20em;");
  }
}
