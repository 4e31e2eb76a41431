package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mermaid diagram's style sheet colours with {@code rgba()}, which Batik cannot read: inside
 * OpenHTMLtoPDF that ended the whole build with a NullPointerException (maku77.github.io).
 */
class SvgStylesTest {
  @TempDir Path dir;

  /** What mermaid 8 writes, shortened: rgba() strokes and fills, a custom property, @keyframes. */
  static final String MERMAID =
      """
      <svg xmlns="http://www.w3.org/2000/svg" id="mermaid-1" width="200" height="100" viewBox="0 0 200 100">
      <style>#mermaid-1{font-family:"trebuchet ms",verdana,arial;font-size:16px;fill:#333;}\
      #mermaid-1 .actor{stroke:rgba(255, 0, 0, 0.5);fill:rgba(0,0,255,0.25);}\
      #mermaid-1 .note{fill:hsl(120, 100%, 25%);stroke:#666;}\
      #mermaid-1 .bad{stroke:color-mix(in srgb,red,blue);stroke-width:2px;}\
      #mermaid-1:root{--mermaid-font-family:"trebuchet ms",verdana,arial;}</style>
      <rect class="actor" x="10" y="10" width="80" height="40"/>
      <rect class="note" x="110" y="10" width="80" height="40"/>
      <g transform="translate(10,10)"><foreignObject width="80" height="40">\
      <div xmlns="http://www.w3.org/1999/xhtml" style="display: inline-block">Alice</div>\
      </foreignObject></g>
      </svg>
      """;

  @Test
  void coloursWithAlphaBecomeSvgColoursAndOpacity() {
    assertThat(SvgStyles.withSvgColours("stroke:rgba(255, 0, 0, 0.5)"))
        .isEqualTo("stroke:rgb(255,0,0);stroke-opacity:0.5");
    assertThat(SvgStyles.withSvgColours(" fill: rgba(0 0 255 / 25%)"))
        .isEqualTo(" fill: rgb(0,0,255);fill-opacity:0.25");
    assertThat(SvgStyles.withSvgColours("stop-color:hsla(240,100%,50%,0.1)"))
        .isEqualTo("stop-color:rgb(0,0,255);stop-opacity:0.1");
    assertThat(SvgStyles.withSvgColours("fill:hsl(120, 100%, 25%)")).isEqualTo("fill:rgb(0,128,0)");
    assertThat(SvgStyles.withSvgColours("color:rgba(1,2,3,0.5)")).isEqualTo("color:rgb(1,2,3)");
    assertThat(SvgStyles.withSvgColours("fill:rgb(1,2,3)")).isEqualTo("fill:rgb(1,2,3)");
    assertThat(SvgStyles.withSvgColours("stroke-width:2px")).isEqualTo("stroke-width:2px");
  }

  @Test
  void anUnreadableSheetIsMendedAndAReadableOneLeftAlone() {
    assertThat(SvgStyles.readable("rect{fill:rgba(0,0,0,0.5)}")).isFalse();
    SvgStyles.Readable mended = SvgStyles.readable(MERMAID.getBytes(StandardCharsets.UTF_8));
    String svg = new String(mended.svg(), StandardCharsets.UTF_8);
    assertThat(svg)
        .contains("stroke:rgb(255,0,0);stroke-opacity:0.5", "fill:rgb(0,0,255);fill-opacity:0.25")
        .contains("fill:rgb(0,128,0)", "stroke:#666", ".bad{stroke-width:2px}")
        .doesNotContain("rgba", "hsl(", "color-mix");
    assertThat(mended.leftOut()).isPositive();

    byte[] plain =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect{fill:#f00}</style></svg>"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(SvgStyles.readable(plain).svg()).isSameAs(plain);
    assertThat(SvgStyles.readable(plain).leftOut()).isZero();
  }

  @Test
  void aMermaidDiagramIsDrawnInThePdfWithItsColours() throws Exception {
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    Files.writeString(posts.resolve("sequence.svg"), MERMAID);
    TestPosts.write(
        posts,
        "2024-05-01-diagram.md",
        "---\ntitle: Diagram\n---\n\nA sequence:\n\n![sequence](sequence.svg)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out")).name("d").formats(Format.PDF, Format.EPUB));

    assertThat(Epubs.check(dir.resolve("out/d.epub"))).isEmpty();
    assertThat(result.problems())
        .extracting(Problem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("the PDF draws the SVG picture images/")
                    .endsWith(" without 1 style rule its drawer cannot read; the EPUB keeps them"))
        .noneSatisfy(m -> assertThat(m).contains("cannot draw the SVG"));
    List<List<Float>> fills = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(dir.resolve("out/d.pdf").toFile())) {
      for (PDPage page : doc.getPages()) {
        fillColours(new PDFStreamParser(page).parse(), fills);
        colours(page.getResources(), fills);
      }
    }
    assertThat(fills).contains(List.of(0f, 0f, 1f)).contains(List.of(0f, 0.502f, 0f));
    // its label, HTML in a foreignObject, is SVG text (the PDF draws SVG text as outlines)
    String svg = null;
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(dir.resolve("out/d.epub").toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".svg")) {
          svg = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(svg).contains("<text x=\"40\" y=\"20\"", ">Alice</tspan>");
  }

  /** The fill colours ({@code rg}, {@code sc}, {@code scn} of three numbers) in {@code tokens}. */
  private static void fillColours(List<Object> tokens, List<List<Float>> out) {
    List<COSBase> operands = new ArrayList<>();
    for (Object t : tokens) {
      if (t instanceof Operator op) {
        if (List.of("rg", "sc", "scn").contains(op.getName())
            && operands.size() == 3
            && operands.stream().allMatch(b -> b instanceof COSNumber)) {
          List<Float> rgb = new ArrayList<>();
          for (COSBase b : operands) {
            rgb.add(Math.round(((COSNumber) b).floatValue() * 1000) / 1000f);
          }
          out.add(rgb);
        }
        operands.clear();
      } else if (t instanceof COSBase b) {
        operands.add(b);
      }
    }
  }

  /** The fill colours the forms of {@code resources} set. */
  private static void colours(PDResources resources, List<List<Float>> out) throws Exception {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form) {
        fillColours(new PDFStreamParser(form).parse(), out);
        colours(form.getResources(), out);
      }
    }
  }
}
