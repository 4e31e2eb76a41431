package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * {@link PdfJoin} takes parts in any order it is given: the pages come out in page order, every
 * link to another part lands on its target's page and height, whether the target's part was written
 * before the link (a destination array in place) or after it (a destination written once every part
 * is), and the same parts in the same order give the same bytes.
 */
class PdfJoinTest {
  /** Three parts of two pages; part 0 links to a target in part 2, part 2 to one in part 1. */
  private static List<PdfJoin.Part> parts() throws IOException {
    List<PdfJoin.Part> parts = new ArrayList<>();
    parts.add(part(0, "p2-target", Map.of()));
    parts.add(part(1, null, Map.of("p1-target", new PdfJoin.Target(1, 300))));
    parts.add(part(2, "p1-target", Map.of("p2-target", new PdfJoin.Target(0, 500))));
    return parts;
  }

  private static PdfJoin.Part part(int n, String linkTo, Map<String, PdfJoin.Target> targets)
      throws IOException {
    PDDocument pdf = new PDDocument();
    for (int i = 0; i < 2; i++) {
      PDPage page = new PDPage(PDRectangle.A5);
      pdf.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(pdf, page)) {
        c.beginText();
        c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        c.newLineAtOffset(50, 500);
        c.showText("part " + n + " page " + i);
        c.endText();
      }
      if (linkTo != null && i == 0) {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(50, 480, 100, 30));
        PDActionURI uri = new PDActionURI();
        uri.setURI(ChunkedPdf.TARGET_SCHEME + linkTo);
        link.setAction(uri);
        page.getAnnotations().add(link);
      }
    }
    return new PdfJoin.Part(pdf, 2, targets, Map.of());
  }

  private static byte[] join(int... order) throws IOException {
    List<PdfJoin.Part> parts = parts();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> written = new ArrayList<>();
    PdfJoin.write(
        new PdfJoin.Parts() {
          @Override
          public int count() {
            return parts.size();
          }

          @Override
          public PdfJoin.Part get(int p) {
            return parts.get(p);
          }
        },
        order,
        Map.of(),
        List.of(new PdfJoin.OutlineItem("to part 1", "p1-target", List.of())),
        digest(),
        false,
        null,
        out,
        (part, pages, open, bytes) -> written.add(part));
    assertThat(written).containsExactly(order[0], order[1], order[2]);
    return out.toByteArray();
  }

  private static Digest digest() {
    Post post = Post.builder(Path.of("1.md"), "1.md").body(() -> "").build();
    Article a = new Article("a001", post, "One", "en", "<p>x</p>", List.of());
    return new Digest(
        "Joined",
        "2021",
        "en",
        ZoneId.of("UTC"),
        new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)),
        List.of(new Section("s01", null, List.of(a), List.of())),
        Instant.parse("2021-07-04T00:00:00Z"),
        "id");
  }

  @Test
  void pagesAndLinksAreRightInAnyOrderOfWriting() throws Exception {
    // In page order: part 0's link goes to a part written after it. Front matter last (as the
    // chunked PDF writes): every link's target part is written before it. Mixed.
    for (int[] order : new int[][] {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}}) {
      try (PDDocument pdf = Loader.loadPDF(join(order))) {
        assertThat(pdf.getNumberOfPages()).isEqualTo(6);
        PDFTextStripper text = new PDFTextStripper();
        for (int i = 0; i < 6; i++) {
          text.setStartPage(i + 1);
          text.setEndPage(i + 1);
          assertThat(text.getText(pdf).strip())
              .as("page %d, order %s", i + 1, List.of(order[0], order[1], order[2]))
              .isEqualTo("part " + i / 2 + " page " + i % 2);
        }
        // Part 0's link: part 2's first page (page 5), height 500; part 2's: part 1's second
        // page (page 4), height 300.
        assertLink(pdf, 0, 4, 500);
        assertLink(pdf, 4, 3, 300);
        // The outline points at the same target.
        PDPageXYZDestination bookmark =
            (PDPageXYZDestination)
                pdf.getDocumentCatalog().getDocumentOutline().getFirstChild().getDestination();
        assertThat(pdf.getPages().indexOf(bookmark.getPage())).isEqualTo(3);
      }
    }
  }

  private static void assertLink(PDDocument pdf, int onPage, int toPage, int top)
      throws IOException {
    List<PDAnnotation> annotations = pdf.getPage(onPage).getAnnotations();
    assertThat(annotations).hasSize(1);
    PDActionGoTo go = (PDActionGoTo) ((PDAnnotationLink) annotations.get(0)).getAction();
    PDPageXYZDestination d = (PDPageXYZDestination) go.getDestination();
    assertThat(pdf.getPages().indexOf(d.getPage())).isEqualTo(toPage);
    assertThat(d.getTop()).isEqualTo(top);
  }

  @Test
  void aLinkToAPartNotYetWrittenGetsItsDestinationAtTheEnd() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(join(0, 1, 2))) {
      COSBase d =
          ((PDAnnotationLink) pdf.getPage(0).getAnnotations().get(0))
              .getAction()
              .getCOSObject()
              .getItem(COSName.D);
      assertThat(d).isInstanceOf(COSObject.class); // a reference, written after the parts
      assertThat(((COSObject) d).getObject()).isInstanceOf(COSArray.class);
    }
    try (PDDocument pdf = Loader.loadPDF(join(1, 2, 0))) {
      COSBase d =
          ((PDAnnotationLink) pdf.getPage(0).getAnnotations().get(0))
              .getAction()
              .getCOSObject()
              .getItem(COSName.D);
      assertThat(d).isInstanceOf(COSArray.class); // in place, as one layout writes it
    }
  }

  @Test
  void theSameOrderGivesTheSameBytes() throws Exception {
    assertThat(join(1, 2, 0)).isEqualTo(join(1, 2, 0));
    assertThat(join(0, 1, 2)).isEqualTo(join(0, 1, 2));
  }

  @Test
  void anOrderMustTakeEveryPartOnce() {
    assertThatThrownBy(() -> join(0, 0, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> join(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
