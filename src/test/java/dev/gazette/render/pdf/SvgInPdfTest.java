package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SVG pictures are drawn in the PDF as vectors, after the same sanitizing as for the EPUB; the note
 * pointing to the EPUB appears only for a drawing Batik refuses. Hostile drawings (scripts,
 * external references to a server the test runs, a huge size, nested entities) stay harmless.
 */
class SvgInPdfTest {
  @TempDir static Path dir;
  static HttpServer server;
  static final AtomicInteger hits = new AtomicInteger();
  static Path pdf;
  static DigestResult result;

  @BeforeAll
  static void build() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hits.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.start();
    String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    Files.writeString(
        posts.resolve("chart.svg"),
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="160" viewBox="0 0 300 160">
          <rect x="10" y="10" width="120" height="80" fill="#3a6"/>
          <circle cx="200" cy="60" r="40" fill="#36a"/>
          <path d="M10 150 C 60 100, 120 100, 290 150" stroke="#a33" fill="none"/>
        </svg>
        """);
    Files.writeString(
        posts.resolve("hostile.svg"),
        """
        <?xml version="1.0"?>
        <!DOCTYPE svg [
          <!ENTITY a "lollollollollollollollollollol">
          <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
          <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
        ]>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
             width="100000000" height="50000000" onload="fetch('%1$sonload')">
          <script>fetch('%1$sscript')</script>
          <style>@import url(%1$sstyle.css); rect { fill: url(%1$sfill); }</style>
          <image xlink:href="%1$simage.png" width="10" height="10"/>
          <use href="%1$suse.svg#x"/>
          <text x="0" y="20">&d;</text>
          <rect x="0" y="0" width="100000000" height="50000000" fill="#ccc"/>
        </svg>
        """
            .formatted(remote));
    // Sanitizing leaves it alone; Batik refuses a negative width.
    Files.writeString(
        posts.resolve("broken.svg"),
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">
          <rect x="0" y="0" width="-5" height="10"/>
        </svg>
        """);
    // Gadfly's plots (Julia's blog) hold elements Batik's DOM does not know: the build ended.
    Files.writeString(
        posts.resolve("gadfly.svg"),
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="100mm" viewBox="0 0 200 100">
          <metadata><boundingbox value="20mm 27mm 174mm 63mm"/><unitbox value="0 0 1 1"/></metadata>
          <g stroke="#36a"><path d="M10 90 L60 40 L110 60 L190 10" fill="none"/></g>
        </svg>
        """);
    // matplotlib's lines: a clip-path and an opacity on one element (LLVM's blog): the build ended.
    Files.writeString(
        posts.resolve("clipped.svg"),
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
          <defs><clipPath id="plot"><rect x="10" y="10" width="180" height="80"/></clipPath></defs>
          <g id="line2d_1">
            <path d="M0 100 C 50 0, 150 0, 200 100" clip-path="url(#plot)" transform="translate(0 -5)"
                  style="fill: none; stroke: #1f77b4; stroke-width: 1.5; opacity: 0.5"/>
          </g>
        </svg>
        """);
    // Affinity Designer keeps its bitmaps inside the drawing and places them with <use>
    // (Linkerd's blog): the sanitizer dropped them, leaving 14 references EPUBCheck rejected.
    Files.writeString(
        posts.resolve("affinity.svg"),
        """
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
        width="200" height="100" viewBox="0 0 200 100">
          <rect x="0" y="0" width="200" height="100" fill="#eee"/>
          <use xlink:href="#_Image1" x="20" y="20" width="160px" height="80px"/>
          <use xlink:href="#_Image9" x="0" y="0"/>
          <defs><image id="_Image1" width="160px" height="80px" xlink:href="data:image/png;\
        base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGM4oaEBRwzIHAB22gjB9Lr9UAAAAABJRU5ErkJggg=="/>\
        </defs>
        </svg>
        """);
    TestPosts.write(
        posts,
        "drawings.md",
        """
        ---
        title: Drawings
        date: 2024-05-01 10:00:00
        ---

        A chart:

        ![chart](chart.svg)

        A hostile drawing:

        ![hostile](hostile.svg)

        A drawing Batik refuses:

        ![broken](broken.svg)

        Plots:

        ![gadfly](gadfly.svg)

        ![clipped](clipped.svg)

        ![affinity](affinity.svg)
        """);
    result =
        TestBuilds.build(TestBuilds.utc(posts, dir).name("svg").formats(Format.PDF, Format.EPUB));
    pdf = dir.resolve("svg.pdf");
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void drawingsAreVectorPathsWithoutTheNote() throws IOException {
    Map<String, Integer> ops = operators(pdf);
    // The chart's rectangle, circle (curves) and stroked path, as path operators, not a picture.
    assertThat(ops.getOrDefault("c", 0)).as("curves").isGreaterThanOrEqualTo(5);
    assertThat(ops.getOrDefault("f", 0) + ops.getOrDefault("f*", 0)).as("fills").isPositive();
    assertThat(ops.getOrDefault("S", 0)).as("strokes").isPositive();
    String text = Pdfs.compactText(pdf);
    assertThat(text).contains(Pdfs.compact("[broken — vector drawing, see the EPUB edition]"));
    assertThat(text).doesNotContain(Pdfs.compact("[chart —")).doesNotContain("[hostile");
    assertThat(text).doesNotContain("[gadfly").doesNotContain(Pdfs.compact("[clipped —"));
    assertThat(text).doesNotContain(Pdfs.compact("[affinity —"));
    assertThat(ops.getOrDefault("image", 0)).as("the bitmap the drawing holds").isPositive();
    // One clear line for the drawing that could not be drawn, none for the others.
    assertThat(result.problems())
        .filteredOn(p -> p.message().contains("cannot draw the SVG"))
        .singleElement()
        .satisfies(p -> assertThat(p.file()).hasFileName("drawings.md")); // which post shows it
  }

  @Test
  void hostileDrawingsStayHarmless() throws IOException {
    assertThat(hits.get()).as("requests to the test server").isZero();
    assertThat(Pdfs.pageCount(pdf)).isLessThan(10);
    assertThat(Pdfs.compactText(pdf)).doesNotContain("lollol");
    // The picture is scaled to the text width like any other.
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getPage(doc.getNumberOfPages() - 1).getMediaBox().getWidth()).isLessThan(500);
    }
    assertThat(Epubs.check(dir.resolve("svg.epub"))).isEmpty();
  }

  @Test
  void aDrawingKeepsTheBitmapItHoldsAndLosesReferencesToNothing() throws IOException {
    List<String> drawings = new ArrayList<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(dir.resolve("svg.epub").toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        if (e.getName().endsWith(".svg")) {
          drawings.add(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    String affinity =
        drawings.stream().filter(d -> d.contains("_Image1")).findFirst().orElseThrow();
    assertThat(affinity)
        .contains("xlink:href=\"#_Image1\"", "xlink:href=\"data:image/png;base64,iVBORw0KG")
        .doesNotContain("_Image9");
  }

  @Test
  void aSecondBuildIsByteIdentical() throws Exception {
    Path again = dir.resolve("again");
    TestBuilds.build(TestBuilds.utc(dir.resolve("posts"), again).name("svg").formats(Format.PDF));
    assertThat(Files.readAllBytes(again.resolve("svg.pdf"))).isEqualTo(Files.readAllBytes(pdf));
  }

  /**
   * How often each content-stream operator occurs, pages and the forms they draw included, and
   * ("image") how many bitmaps they hold.
   */
  static Map<String, Integer> operators(Path pdf) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        count(new PDFStreamParser(page).parse(), counts);
        forms(page.getResources(), counts, new ArrayList<>());
      }
    }
    return counts;
  }

  private static void forms(PDResources resources, Map<String, Integer> counts, List<Object> seen)
      throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
          && !seen.contains(image.getCOSObject())) {
        seen.add(image.getCOSObject());
        counts.merge("image", 1, Integer::sum); // a bitmap, counted once however often drawn
      }
      if (x instanceof PDFormXObject form && !seen.contains(form.getCOSObject())) {
        seen.add(form.getCOSObject());
        count(new PDFStreamParser(form).parse(), counts);
        forms(form.getResources(), counts, seen);
      }
    }
  }

  private static void count(List<Object> tokens, Map<String, Integer> counts) {
    for (Object t : tokens) {
      if (t instanceof Operator op) {
        counts.merge(op.getName(), 1, Integer::sum);
      }
    }
  }
}
