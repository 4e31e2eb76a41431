package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.bench.CorpusGenerator;
import dev.gazette.model.Format;
import dev.gazette.model.PdfA;
import dev.gazette.testing.EpubA11y;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import dev.gazette.testing.VeraPdf;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF laid out in chunks and joined ({@link ChunkedPdf}) against the same digest laid out as
 * one document, on 12 generated posts (with pictures) cut into small chunks: the same text on every
 * page (so the same page numbers, contents numbers and running heads), links and bookmarks at the
 * pages the articles start on, each face embedded once, the same bytes at 1 and 3 threads, the same
 * EPUB page list, and still tagged (PDF/UA-1) and archival (PDF/A-2u).
 */
class ChunkedPdfTest {
  /** About three articles of the generated corpus per chunk. */
  static final int SMALL_CHUNKS = 20_000;

  @TempDir static Path dir;
  static Path posts;
  static Path onePass;
  static Path chunked;

  @BeforeAll
  static void build() throws Exception {
    posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 12, 7, true);
    onePass = pdf(build("one", null, 1, null, Format.PDF));
    chunked = pdf(build("chunked", SMALL_CHUNKS, 2, null, Format.PDF));
  }

  /** Builds with the chunking the system properties ask for (null: none), then clears them. */
  static Path build(String name, Integer chunkChars, int threads, PdfA pdfA, Format... formats)
      throws Exception {
    return build(posts, name, chunkChars, threads, pdfA, formats);
  }

  static Path build(
      Path posts, String name, Integer chunkChars, int threads, PdfA pdfA, Format... formats)
      throws Exception {
    return buildInto(dir.resolve(name), posts, chunkChars, threads, pdfA, formats);
  }

  /**
   * Builds {@code posts} into {@code out} with the chunking the system properties ask for (null:
   * none), then clears them; problems are asserted absent for this class's posts.
   */
  static Path buildInto(
      Path out, Path posts, Integer chunkChars, int threads, PdfA pdfA, Format... formats)
      throws Exception {
    DigestResult result =
        gazette(chunkChars, threads)
            .build(
                DigestRequest.builder()
                    .source(posts)
                    .zone(ZoneId.of("UTC"))
                    .formats(formats)
                    .pdfA(pdfA)
                    .outputDir(out)
                    .name("d")
                    .build());
    if (posts == ChunkedPdfTest.posts) {
      assertThat(result.problems()).isEmpty();
    }
    return out;
  }

  /**
   * A Gazette that lays PDFs out in chunks of {@code chunkChars} on {@code threads} workers, or in
   * one layout when {@code chunkChars} is null (the one the chunks are compared with; chunking is
   * on by default).
   */
  static Gazette gazette(Integer chunkChars, int threads) {
    System.setProperty("gazette.pdf.chunked", Boolean.toString(chunkChars != null));
    if (chunkChars != null) {
      System.setProperty("gazette.pdf.chunkChars", chunkChars.toString());
      System.setProperty("gazette.pdf.threads", Integer.toString(threads));
    }
    try {
      return Gazette.create();
    } finally {
      System.clearProperty("gazette.pdf.chunked");
      System.clearProperty("gazette.pdf.chunkChars");
      System.clearProperty("gazette.pdf.threads");
    }
  }

  static Path pdf(Path out) {
    return out.resolve("d.pdf");
  }

  @Test
  void everyPageReadsAsInTheOneDocumentLayout() throws Exception {
    try (PDDocument one = Loader.loadPDF(onePass.toFile());
        PDDocument joined = Loader.loadPDF(chunked.toFile())) {
      assertThat(joined.getNumberOfPages()).isEqualTo(one.getNumberOfPages()).isGreaterThan(20);
      PDFTextStripper text = new PDFTextStripper();
      for (int i = 1; i <= one.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        // Body, running head, page number in the footer, contents numbers.
        assertThat(text.getText(joined)).as("page %d", i).isEqualTo(text.getText(one));
      }
      // Footers count on across chunks: page i prints i (from the contents on).
      for (int i = firstNumberedPage(one); i <= joined.getNumberOfPages(); i++) {
        text.setStartPage(i);
        text.setEndPage(i);
        text.setSortByPosition(true);
        String[] lines = text.getText(joined).strip().split("\\R");
        assertThat(lines[lines.length - 1].strip()).as("footer of page %d", i).isEqualTo("" + i);
      }
    }
    // One subset per face, pictures once: within 5% of the one-document file.
    assertThat((double) Files.size(chunked)).isCloseTo(Files.size(onePass), withinPercentage(5));
    assertThat(Pdfs.fontNames(chunked)).isEqualTo(Pdfs.fontNames(onePass));
  }

  static int firstNumberedPage(PDDocument pdf) throws Exception {
    PDFTextStripper text = new PDFTextStripper();
    text.setSortByPosition(true);
    for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
      text.setStartPage(i);
      text.setEndPage(i);
      String[] lines = text.getText(pdf).strip().split("\\R");
      if (lines[lines.length - 1].strip().equals("" + i)) {
        return i;
      }
    }
    throw new AssertionError("no page number found");
  }

  @Test
  void contentsNumbersLinksAndBookmarksPointAtTheArticlesFirstPages() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(chunked.toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      // Bookmarks: each article's lands on a page showing its title.
      List<PDOutlineItem> items = new ArrayList<>();
      pdf.getDocumentCatalog().getDocumentOutline().children().forEach(items::add);
      Map<String, Integer> pageOfTitle = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        PDOutlineItem item = items.get(i);
        if (item.hasChildren()) {
          item.children().forEach(items::add);
          continue;
        }
        int page = pageOf(pdf, (PDPageDestination) item.getDestination());
        text.setStartPage(page + 1);
        text.setEndPage(page + 1);
        assertThat(text.getText(pdf).replaceAll("\\s+", ""))
            .as("page %d of %s", page + 1, item.getTitle())
            .contains(item.getTitle().replaceAll("\\s+", ""));
        pageOfTitle.put(item.getTitle(), page);
      }
      assertThat(pageOfTitle).hasSize(12);
      assertThat(pageOfTitle.values()).doesNotHaveDuplicates();
      // Contents links: each jumps to an article's first page, and a link drawn over a number
      // (the page column) shows that page's number.
      int numbers = 0;
      List<Integer> targets = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (!(a instanceof PDAnnotationLink link)) {
            continue;
          }
          assertThat(link.getAction()).isInstanceOf(PDActionGoTo.class);
          int target =
              pageOf(pdf, (PDPageDestination) ((PDActionGoTo) link.getAction()).getDestination());
          targets.add(target);
          String shown = textIn(page, link.getRectangle()).strip();
          if (shown.matches("\\d+")) {
            assertThat(Integer.parseInt(shown)).isEqualTo(target + 1);
            numbers++;
          }
        }
      }
      assertThat(numbers).isEqualTo(12);
      assertThat(targets.stream().distinct().sorted().toList())
          .isEqualTo(pageOfTitle.values().stream().sorted().toList());
    }
  }

  static String textIn(PDPage page, PDRectangle r) throws Exception {
    PDFTextStripperByArea area = new PDFTextStripperByArea();
    float height = page.getMediaBox().getHeight();
    area.addRegion(
        "link",
        new Rectangle2D.Float(
            r.getLowerLeftX(), height - r.getUpperRightY(), r.getWidth(), r.getHeight()));
    area.extractRegions(page);
    return area.getTextForRegion("link");
  }

  static int pageOf(PDDocument pdf, PDPageDestination d) {
    return pdf.getPages().indexOf(d.getPage());
  }

  @Test
  void eachFaceIsEmbeddedOnce() throws Exception {
    assertEachFaceEmbeddedOnce(chunked);
  }

  /** One font program per face, and as many Type 0 fonts as programs. */
  static void assertEachFaceEmbeddedOnce(Path file) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      Map<String, Integer> programs = new HashMap<>();
      int fontDicts = 0;
      for (COSObjectKey k : new ArrayList<>(pdf.getDocument().getXrefTable().keySet())) {
        COSBase b = pdf.getDocument().getObjectFromPool(k).getObject();
        if (b instanceof COSDictionary d
            && COSName.FONT_DESC.equals(d.getCOSName(COSName.TYPE))
            && d.getDictionaryObject(COSName.FONT_FILE2) instanceof COSStream) {
          programs.merge(d.getNameAsString(COSName.FONT_NAME), 1, Integer::sum);
        }
        if (b instanceof COSDictionary d && COSName.TYPE0.equals(d.getCOSName(COSName.SUBTYPE))) {
          fontDicts++;
        }
      }
      assertThat(programs).isNotEmpty();
      assertThat(programs.values()).allMatch(n -> n == 1);
      assertThat(fontDicts).isEqualTo(programs.size());
    }
  }

  @Test
  void everyPageObjectIsAPageOfTheDocument() throws Exception {
    // Each chunk's lead page is dropped before its part is saved, with the structure elements'
    // references to it: no page is written outside the page tree.
    try (PDDocument pdf = Loader.loadPDF(chunked.toFile())) {
      Set<COSDictionary> pages = Collections.newSetFromMap(new IdentityHashMap<>());
      pdf.getPages().forEach(p -> pages.add(p.getCOSObject()));
      int written = 0;
      for (COSObjectKey k : new ArrayList<>(pdf.getDocument().getXrefTable().keySet())) {
        if (pdf.getDocument().getObjectFromPool(k).getObject() instanceof COSDictionary d
            && COSName.PAGE.equals(d.getCOSName(COSName.TYPE))) {
          assertThat(pages).as("page object %s", k).contains(d);
          written++;
        }
      }
      assertThat(written).isEqualTo(pdf.getNumberOfPages());
    }
  }

  @Test
  void sameBytesAtOneAndThreeThreads() throws Exception {
    // One article per chunk: the most parts, the most chances to differ.
    Path one = pdf(build("t1", 1, 1, null, Format.PDF));
    Path three = pdf(build("t3", 1, 3, null, Format.PDF));
    assertThat(Files.mismatch(one, three)).isEqualTo(-1);
    // Every article starts a chunk, after the chunk's lead page (LeadPage): every line where one
    // layout draws it. Without the lead page each chunk's first article was laid out 1 px higher,
    // and on this corpus a paragraph moved whole to the next page (pages 11 and 12 read apart).
    assertThat(linesWithHeights(one)).isEqualTo(linesWithHeights(onePass));
  }

  /**
   * Every printed line: page, height on the page (to the hundredth of a point) and text. Equal
   * lists mean the same breaks and the same places, not only the same words on each page.
   */
  static List<String> linesWithHeights(Path pdf) throws Exception {
    return PdfLines.read(pdf, 1).stream()
        .map(l -> String.format(Locale.ROOT, "p%d y%.2f %s", l.page(), l.y(), l.text()))
        .toList();
  }

  @Test
  void theJoinWritesEachPartBeforeOpeningTheNext() throws Exception {
    // What the join was told after each part: its pages, parts open, bytes written.
    List<long[]> steps = new ArrayList<>();
    ChunkedPdf.joinWatcher =
        (part, pages, open, bytes) -> steps.add(new long[] {part, pages, open, bytes});
    Path joined;
    try {
      // One article per chunk: the front matter and 12 parts.
      joined = pdf(build("watched", 1, 2, null, Format.PDF));
    } finally {
      ChunkedPdf.joinWatcher = null;
    }
    assertThat(steps).hasSize(13);
    // The chunks in reading order as they are painted, then the front matter, which waits for
    // every chunk's page numbers.
    assertThat(steps.stream().map(s -> (int) s[0]).toList())
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0);
    long[] firstPage = new long[steps.size()];
    long[] pagesOf = new long[steps.size()];
    steps.forEach(s -> pagesOf[(int) s[0]] = s[1]);
    for (int p = 1; p < steps.size(); p++) {
      firstPage[p] = firstPage[p - 1] + pagesOf[p - 1];
    }
    try (PDDocument pdf = Loader.loadPDF(joined.toFile())) {
      Map<COSObjectKey, Long> xref = pdf.getDocument().getXrefTable();
      assertThat(firstPage[12] + pagesOf[12]).isEqualTo(pdf.getNumberOfPages());
      for (long[] step : steps) {
        int part = (int) step[0];
        assertThat(step[2]).as("parts open after part %d", part).isZero();
        // Every page of the part, and its content, lies in the bytes written before the next part
        // was opened: the part was written out, not kept for a save at the end.
        for (long page = firstPage[part]; page < firstPage[part] + pagesOf[part]; page++) {
          PDPage p = pdf.getPage((int) page);
          assertThat(offset(xref, p.getCOSObject().getKey()))
              .as("page %d", page + 1)
              .isLessThan(step[3]);
          COSBase contents = p.getCOSObject().getItem(COSName.CONTENTS);
          assertThat(offset(xref, ((org.apache.pdfbox.cos.COSObject) contents).getKey()))
              .isLessThan(step[3]);
        }
      }
      assertThat(steps.get(steps.size() - 1)[3]).isLessThan(Files.size(joined));
    }
  }

  /** Where an object lies in the file (the offset of its object stream when it is in one). */
  private static long offset(Map<COSObjectKey, Long> xref, COSObjectKey key) {
    long at = xref.get(key);
    return at >= 0 ? at : xref.get(new COSObjectKey(-at, 0));
  }

  @Test
  void theEpubPageListIsTheSame() throws Exception {
    Path one = build("epub-one", null, 1, null, Format.PDF, Format.EPUB);
    Path parts = build("epub-chunked", SMALL_CHUNKS, 2, null, Format.PDF, Format.EPUB);
    assertThat(EpubA11y.pageList(parts.resolve("d.epub")))
        .hasSizeGreaterThan(20)
        .isEqualTo(EpubA11y.pageList(one.resolve("d.epub")));
    assertThat(Files.mismatch(one.resolve("d.epub"), parts.resolve("d.epub"))).isEqualTo(-1);
    assertThat(Epubs.check(parts.resolve("d.epub"))).isEmpty();
    // With or without the EPUB, the same PDF.
    assertThat(Files.mismatch(parts.resolve("d.pdf"), chunked)).isEqualTo(-1);
  }

  @Test
  void taggedAndArchivalAfterTheJoin() throws Exception {
    assertThat(VeraPdf.failedRules(chunked, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
    Path archival = pdf(build("pdfa", SMALL_CHUNKS, 2, PdfA.PDF_A_2U, Format.PDF));
    assertThat(VeraPdf.failedRules(archival, VeraPdf.Flavour.PDF_A_2U)).isEmpty();
    assertThat(VeraPdf.failedRules(archival, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
  }

  @Test
  void theSamplesInOneArticleChunks() throws Exception {
    // Cover, English and Chinese articles, sections, code, SVG, pictures shown twice.
    Path one = pdf(build(TestPosts.samples(), "samples-one", null, 1, null, Format.PDF));
    Path parts = pdf(build(TestPosts.samples(), "samples-parts", 1, 2, null, Format.PDF));
    // Every line where one layout draws it (before the lead page: 8 pages read apart).
    assertThat(linesWithHeights(parts)).isEqualTo(linesWithHeights(one));
    // The same font files; subset tags may differ: the one-pass subsets also hold the characters
    // of SVG text (Batik draws them as outlines from the same subset), the joined ones only what
    // the pages draw as text; and two roles drawing from one file (Noto Sans SC for sans text and
    // for Chinese in code) share one subset after the join.
    assertThat(withoutSubsetTags(Pdfs.fontNames(parts)))
        .isEqualTo(withoutSubsetTags(Pdfs.fontNames(one)));
    assertThat((double) Files.size(parts)).isCloseTo(Files.size(one), withinPercentage(5));
    assertThat(VeraPdf.failedRules(parts, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
  }

  private static java.util.List<String> withoutSubsetTags(java.util.Collection<String> names) {
    return names.stream().map(n -> n.replaceFirst("^[A-Z]{6}\\+", "")).distinct().toList();
  }
}
