package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PartWriter} writes the same bytes as PDFBox's own save without object streams, for a
 * tagged document with a font to subset (what a chunk of the PDF is), and its queue answers {@code
 * contains} as {@code ArrayDeque} does.
 */
class PartWriterTest {
  @TempDir Path dir;

  @Test
  void writesTheBytesOfPdfBoxsOwnSave() throws Exception {
    Path ours = dir.resolve("ours.pdf");
    Path theirs = dir.resolve("theirs.pdf");
    try (PDDocument pdf = taggedDocument()) {
      PartWriter.save(pdf, ours);
    }
    try (PDDocument pdf = taggedDocument()) {
      pdf.save(theirs.toFile(), CompressParameters.NO_COMPRESSION);
    }
    assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
    String head = new String(Files.readAllBytes(ours), 0, 2000, "ISO-8859-1");
    assertThat(head).doesNotContain("/ObjStm"); // a plain file, as the join reads it
    try (PDDocument back = Loader.loadPDF(ours.toFile())) {
      assertThat(back.getNumberOfPages()).isEqualTo(PAGES);
      assertThat(back.getDocumentCatalog().getStructureTreeRoot().getParentTreeNextKey())
          .isEqualTo(PAGES);
      String text = new PDFTextStripper().getText(back);
      assertThat(text).contains(sample().substring(0, 10));
    }
  }

  @Test
  void fontsSubsetBeforeTheSaveGiveTheSameBytes() throws Exception {
    // A chunk's fonts are subset while its renderer is open, and the part saved after the renderer
    // and its layout are let go: the file must be what one save writes.
    Path early = dir.resolve("early.pdf");
    Path theirs = dir.resolve("theirs.pdf");
    assertThat(PartWriter.canSubsetFonts()).isTrue();
    try (PDDocument pdf = taggedDocument()) {
      PartWriter.subsetFonts(pdf);
      PDType0Font font =
          (PDType0Font)
              pdf.getPage(0)
                  .getResources()
                  .getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
      assertThat(font.getName()).matches("[A-Z]{6}\\+.*"); // subset now, not at the save
      PartWriter.save(pdf, early);
    }
    try (PDDocument pdf = taggedDocument()) {
      pdf.save(theirs.toFile(), CompressParameters.NO_COMPRESSION);
    }
    assertThat(Files.readAllBytes(early)).isEqualTo(Files.readAllBytes(theirs));
  }

  @Test
  void withoutTheFieldsItSavesThePlainWayToTheSameBytes() throws Exception {
    // As on a PDFBox without COSWriter.objectsToWrite or PDDocument.subsetDesignatedFonts.
    Path fast = dir.resolve("fast.pdf");
    Path plain = dir.resolve("plain.pdf");
    try (PDDocument pdf = taggedDocument()) {
      PartWriter.save(pdf, fast);
    }
    PartWriter.plainForTests = true;
    try (PDDocument pdf = taggedDocument()) {
      assertThat(PartWriter.canSubsetFonts()).isFalse();
      PartWriter.subsetFonts(pdf); // nothing to do: the save subsets
      PDPage first = pdf.getPage(0);
      String font =
          first
              .getResources()
              .getFont(first.getResources().getFontNames().iterator().next())
              .getName();
      assertThat(font).doesNotMatch("[A-Z]{6}\\+.*");
      PartWriter.save(pdf, plain);
    } finally {
      PartWriter.plainForTests = false;
    }
    assertThat(Files.readAllBytes(plain)).isEqualTo(Files.readAllBytes(fast));
  }

  @Test
  void theQueueAnswersContainsLikeAnArrayDeque() {
    PartWriter.CountedQueue queue = new PartWriter.CountedQueue();
    COSArray a = new COSArray();
    COSArray b = new COSArray();
    queue.add(a);
    queue.add(COSInteger.get(7));
    queue.add(a);
    assertThat(queue.contains(a)).isTrue();
    assertThat(queue.contains(b)).isFalse(); // arrays are equal only to themselves
    assertThat(queue.contains(COSInteger.get(7))).isTrue(); // numbers by value
    assertThat(queue.contains(new COSString("x"))).isFalse();
    assertThat(queue.removeFirst()).isSameAs(a);
    assertThat(queue.contains(a)).isTrue(); // still queued once more
    assertThat(queue.removeFirst()).isEqualTo(COSInteger.get(7));
    assertThat(queue.contains(COSInteger.get(7))).isFalse();
    assertThat(queue.poll()).isSameAs(a);
    assertThat(queue.contains(a)).isFalse();
    assertThat(queue.isEmpty()).isTrue();
  }

  static final int PAGES = 12;
  static final int ELEMENTS_PER_PAGE = 150;

  /**
   * Pages of text, each line its own structure element with a marked-content id, a parent tree, and
   * a font subset at save: built the same way every time.
   */
  private static PDDocument taggedDocument() throws Exception {
    PDDocument pdf = new PDDocument();
    PDType0Font font;
    try (InputStream in =
        PartWriterTest.class.getResourceAsStream("/fonts/NotoSansKR-Subset.ttf")) {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
      font = PDType0Font.load(pdf, ttf, true);
    }
    String text = sample();
    PDStructureTreeRoot root = new PDStructureTreeRoot();
    pdf.getDocumentCatalog().setStructureTreeRoot(root);
    PDStructureElement document = new PDStructureElement("Document", root);
    root.appendKid(document);
    PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
    Map<Integer, COSBase> numbers = new LinkedHashMap<>();
    for (int p = 0; p < PAGES; p++) {
      PDPage page = new PDPage();
      page.setStructParents(p);
      pdf.addPage(page);
      COSArray parents = new COSArray();
      try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
        for (int e = 0; e < ELEMENTS_PER_PAGE; e++) {
          PDStructureElement line = new PDStructureElement("P", document);
          line.setPage(page);
          document.appendKid(line);
          COSDictionary props = new COSDictionary();
          props.setInt(COSName.MCID, e);
          cs.beginMarkedContent(COSName.P, PDPropertyList.create(props));
          cs.beginText();
          cs.setFont(font, 4);
          cs.newLineAtOffset(20, 780 - 5 * e);
          cs.showText(text.substring(e % text.length()));
          cs.endText();
          cs.endMarkedContent();
          line.appendKid(e);
          parents.add(line);
        }
      }
      numbers.put(p, parents);
    }
    COSArray nums = new COSArray();
    numbers.forEach(
        (k, v) -> {
          nums.add(COSInteger.get(k));
          nums.add(v);
        });
    parentTree.getCOSObject().setItem(COSName.NUMS, nums);
    root.setParentTree(parentTree);
    root.setParentTreeNextKey(PAGES);
    // PDFBox would otherwise make the trailer's /ID from the clock.
    COSArray id = new COSArray();
    id.add(new COSString(new byte[16]));
    id.add(new COSString(new byte[16]));
    pdf.getDocument().getTrailer().setItem(COSName.ID, id);
    return pdf;
  }

  /** Twenty characters the test font has. */
  private static String sample() throws Exception {
    try (InputStream in =
        PartWriterTest.class.getResourceAsStream("/fonts/NotoSansKR-Subset.ttf")) {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
      CmapLookup cmap = ttf.getUnicodeCmapLookup();
      List<Integer> found = new ArrayList<>();
      for (int c = 0xAC00; c < 0xD7A4 && found.size() < 20; c++) {
        if (cmap.getGlyphId(c) > 0) {
          found.add(c);
        }
      }
      StringBuilder sb = new StringBuilder();
      found.forEach(sb::appendCodePoint);
      return sb.toString();
    }
  }
}
