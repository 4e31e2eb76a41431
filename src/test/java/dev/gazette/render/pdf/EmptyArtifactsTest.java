package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;

/**
 * The byte scan removes exactly the artifacts PDFBox's parser would find empty, never anything
 * inside a string, and keeps every other byte as it was.
 */
class EmptyArtifactsTest {
  @Test
  void emptyArtifactsGoNestedOnesTooAndOtherBytesStayAsTheyWere() {
    String in =
        "q\n/Artifact /Prop1 BDC\nEMC\n"
            + "/Artifact /Prop2 BDC\n/Artifact BMC\nEMC\nEMC\n"
            + "/Artifact /Prop3 BDC\n0 0 1 rg\n1 2 3 4 re f\nEMC\n"
            + "/Span <</MCID 0 >> BDC\nEMC\n"
            + "/Artifact <</Type /Pagination>> BDC\nEMC\n"
            + "BT (/Artifact /Prop9 BDC EMC \\) EMC) Tj ET\nQ\n";
    EmptyArtifacts.Scan scan = EmptyArtifacts.Scan.of(bytes(in));

    assertThat(scan.removed).isEqualTo(4);
    assertThat(text(scan))
        .isEqualTo(
            "q\n/Artifact /Prop3 BDC\n0 0 1 rg\n1 2 3 4 re f\nEMC\n"
                + "/Span <</MCID 0 >> BDC\nEMC\n"
                + "BT (/Artifact /Prop9 BDC EMC \\) EMC) Tj ET\nQ\n");
    assertThat(scan.propertyNames).containsExactly(COSName.getPDFName("Prop3"));
  }

  @Test
  void strangeButValidStreamsAreReadAsPdfBoxReadsThem() throws IOException {
    String in =
        "% a comment with EMC and (\n"
            + "/Artifact /Pr#6Fp1 BDC EMC\n" // an escaped name
            + "[(a\\(b) -5 <00EA> (c(d)e)] TJ\n"
            + "/Artifact /Prop2 BDC%comment\nEMC\n"
            + "/Span<</MCID 3/ActualText(x)>>BDC EMC\n"
            + "/OC /Prop4 BDC /Artifact BMC EMC EMC\n"
            + "/P0 /Prop5 DP\n";
    assertSameAsParser(in);
    EmptyArtifacts.Scan scan = EmptyArtifacts.Scan.of(bytes(in));
    assertThat(scan.removed).isEqualTo(3);
    assertThat(scan.propertyNames)
        .containsExactlyInAnyOrder(COSName.getPDFName("Prop4"), COSName.getPDFName("Prop5"));
  }

  @Test
  void anInlineImageTakesTheParsersWay() {
    String in = "q BI /W 1 /H 1 /BPC 8 /CS /G ID \u0000EMC EI Q\n/Artifact BMC EMC\n";
    assertThat(EmptyArtifacts.Scan.of(bytes(in))).isNull();
  }

  /** Random streams of the shapes the layout engine writes: the scan agrees with the parser. */
  @Test
  void randomStreamsAgreeWithTheParser() throws IOException {
    Random random = new Random(16);
    String[] pieces = {
      "/Artifact /Prop%d BDC\n",
      "/Artifact BMC\n",
      "/Span <</MCID %d >> BDC\n",
      "/Artifact <</Type /Background /BBox [1 2 3.5 4]>> BDC\n",
      "EMC\n",
      "EMC\n",
      "BT\n/F1 10.5 Tf\n[(a\\)EMC) -12.5 <00EA>] TJ\nET\n",
      "0.5 0.5 0.5 rg\n1 2 3 4 re\nf\n",
      "q\n",
      "Q\n",
      "(EMC /Artifact BMC) Tj\n",
    };
    for (int round = 0; round < 300; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) {
        sb.append(String.format(pieces[random.nextInt(pieces.length)], k));
      }
      assertSameAsParser(sb.toString());
    }
  }

  @Test
  void pagesAreRewrittenAndPropertyListsNoPageUsesGo() throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      PDResources shared = new PDResources();
      COSDictionary properties = new COSDictionary();
      for (String name : List.of("Prop1", "Prop2", "Prop3")) {
        properties.setItem(COSName.getPDFName(name), new COSDictionary());
      }
      shared.getCOSObject().setItem(COSName.PROPERTIES, properties);
      PDPage one = page(pdf, shared, "/Artifact /Prop1 BDC\nEMC\n/Artifact /Prop2 BDC 0 g EMC\n");
      PDPage two = page(pdf, shared, "/Artifact /Prop3 BDC\nEMC\n");
      PDPage three = page(pdf, shared, "/Artifact /Prop2 BDC 0 g EMC\n");
      byte[] untouched = contents(three);

      assertThat(EmptyArtifacts.remove(pdf, null)).isEqualTo(2);

      assertThat(new String(contents(one), StandardCharsets.ISO_8859_1))
          .isEqualTo("\n/Artifact /Prop2 BDC 0 g EMC\n"); // the line break after the EMC stays
      assertThat(new String(contents(two), StandardCharsets.ISO_8859_1)).isEqualTo("\n");
      assertThat(contents(three)).isEqualTo(untouched);
      assertThat(properties.keySet()).containsExactly(COSName.getPDFName("Prop2"));
    }
  }

  /** A page the caller knows to be clean is not read; the others are trimmed. */
  @Test
  void cleanPagesAreLeftAsTheyAre() throws IOException {
    try (PDDocument pdf = new PDDocument()) {
      List<PDPage> pages = new ArrayList<>();
      String written = "/Artifact /Prop1 BDC\nEMC\n/Artifact /Prop2 BDC 0 g EMC\n";
      for (int n = 0; n < 3; n++) {
        PDPage page = new PDPage();
        pdf.addPage(page);
        pages.add(page);
        COSDictionary properties = new COSDictionary();
        properties.setItem(COSName.getPDFName("Prop1"), new COSDictionary());
        properties.setItem(COSName.getPDFName("Prop2"), new COSDictionary());
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.PROPERTIES, properties);
        page.setResources(resources);
        setContents(pdf, page, written);
      }
      PDPage first = pages.get(0);

      assertThat(EmptyArtifacts.remove(pdf, page -> page.getCOSObject() == first.getCOSObject()))
          .isEqualTo(2);

      assertThat(new String(contents(first), StandardCharsets.ISO_8859_1)).isEqualTo(written);
      assertThat(properties(first))
          .containsExactly(COSName.getPDFName("Prop1"), COSName.getPDFName("Prop2"));
      for (PDPage page : pages.subList(1, 3)) {
        assertThat(new String(contents(page), StandardCharsets.ISO_8859_1))
            .isEqualTo("\n/Artifact /Prop2 BDC 0 g EMC\n");
        assertThat(properties(page)).containsExactly(COSName.getPDFName("Prop2"));
      }
    }
  }

  private static java.util.Set<COSName> properties(PDPage page) {
    return page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES).keySet();
  }

  private static void setContents(PDDocument pdf, PDPage page, String content) throws IOException {
    PDStream stream = new PDStream(pdf);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      os.write(bytes(content));
    }
    page.setContents(stream);
  }

  private static PDPage page(PDDocument pdf, PDResources resources, String content)
      throws IOException {
    PDPage page = new PDPage();
    page.setResources(resources);
    PDStream stream = new PDStream(pdf);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      os.write(bytes(content));
    }
    page.setContents(stream);
    pdf.addPage(page);
    return page;
  }

  private static byte[] contents(PDPage page) throws IOException {
    try (InputStream in = page.getContents()) {
      return in.readAllBytes();
    }
  }

  /** The scan's result, read by PDFBox, equals what the token-based removal writes. */
  private static void assertSameAsParser(String in) throws IOException {
    EmptyArtifacts.Scan scan = EmptyArtifacts.Scan.of(bytes(in));
    assertThat(scan).isNotNull();
    List<Object> out = new ArrayList<>();
    int removed = EmptyArtifacts.removeByTokens(new PDFStreamParser(bytes(in)).parse(), out);
    assertThat(scan.removed).as(in).isEqualTo(removed);
    List<Object> scanned =
        new PDFStreamParser(java.util.Arrays.copyOf(scan.out, scan.size)).parse();
    assertThat(written(scanned)).as(in).isEqualTo(written(out));
    assertThat(scan.propertyNames).as(in).isEqualTo(EmptyArtifacts.propertyNames(out));
  }

  private static String written(List<Object> tokens) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ContentStreamWriter(out).writeTokens(tokens);
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static String text(EmptyArtifacts.Scan scan) {
    return new String(scan.out, 0, scan.size, StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
