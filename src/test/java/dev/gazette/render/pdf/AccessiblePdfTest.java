package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.api.InvalidSettingException;
import dev.gazette.api.Settings;
import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.PdfA;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import dev.gazette.testing.VeraPdf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PDF is tagged (PDF/UA-1) by default and archival (PDF/A-2u or -3u) on request, as veraPDF
 * checks them, on a small digest holding what tagging must get right: an English and a Chinese
 * article, bulleted and numbered lists (loose and tight), a table with header cells, links, a
 * picture with alt text, one with only a caption, one with neither, and a PNG with transparency.
 */
class AccessiblePdfTest {
  @TempDir static Path dir;
  static Path source;
  static Path tagged;
  static Path pdfA2;
  static DigestResult result;

  @BeforeAll
  static void build() throws Exception {
    source = dir.resolve("posts");
    Files.createDirectories(source.resolve("images"));
    Files.write(source.resolve("images/sign.png"), TestImages.pngWithAlpha(300, 200));
    Files.write(source.resolve("images/photo.jpg"), TestImages.jpeg(TestImages.photo(600, 400)));
    TestPosts.write(
        source,
        "trail.md",
        """
        ---
        title: Trail notes
        date: 2024-05-01 09:00
        ---
        We walked up the hill, see [the map](https://example.org/map) first.

        ![A dirt trail between pine trees](images/photo.jpg)

        ![](images/sign.png)

        What we packed:

        - water
        - a map

        - a loose item

          with a second paragraph

        1. first
        2. second

        | Day | Distance |
        |-----|----------|
        | Mon | 12 km    |
        | Tue | 9 km     |
        """);
    TestPosts.write(
        source,
        "news.md",
        """
        ---
        title: 城市图书馆开馆
        date: 2024-05-02 10:00
        ---
        <p>新馆今天开馆，<a href="https://example.org/lib">详情</a>。</p>
        <p style="text-align:center;"><img src="images/photo.jpg"></p>
        <p style="text-align:center;">图为新馆阅览室</p>
        <ul><li>开放时间：九点</li><li>免费借阅</li></ul>
        """);
    result = Gazette.create().build(request(dir.resolve("tagged")).build());
    tagged = dir.resolve("tagged/posts.pdf");
    Gazette.create().build(request(dir.resolve("a2")).pdfA(PdfA.PDF_A_2U).build());
    pdfA2 = dir.resolve("a2/posts.pdf");
  }

  static DigestRequest.Builder request(Path out) {
    return DigestRequest.builder()
        .source(source)
        .zone(ZoneId.of("Asia/Shanghai"))
        .outputDir(out)
        .formats(Format.PDF)
        .groupBy(Grouping.NONE)
        .offline(true)
        .imageCache(dir.resolve("cache"));
  }

  @Test
  void taggedByDefaultAndPassesPdfUa() throws Exception {
    assertThat(result.problems()).noneMatch(p -> p.message().contains("glyph"));
    assertThat(VeraPdf.failedRules(tagged, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(tagged.toFile())) {
      PDDocumentCatalog catalog = doc.getDocumentCatalog();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(catalog.getLanguage()).isEqualTo("zh-CN");
      assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("posts");
      List<PDStructureElement> all = new ArrayList<>();
      collect(catalog.getStructureTreeRoot(), all);
      // One article element per post, each in its own language.
      assertThat(all)
          .filteredOn(e -> e.getStructureType().equals("Art"))
          .extracting(PDStructureElement::getLanguage)
          .containsExactly("en", "zh-Hans");
      // Every figure is named; the picture without alt or caption by its article.
      assertThat(all)
          .filteredOn(e -> e.getStructureType().equals("Figure"))
          .extracting(PDStructureElement::getAlternateDescription)
          .contains("A dirt trail between pine trees", "Picture in ‘Trail notes’", "图为新馆阅览室")
          .allSatisfy(alt -> assertThat(alt).isNotBlank());
      // Bullets drawn by the stylesheet are the labels of their items, inside their lists.
      assertThat(all)
          .filteredOn(e -> e.getStructureType().equals("LI"))
          .allSatisfy(li -> assertThat(li.getParent()).isInstanceOf(PDStructureElement.class))
          .allSatisfy(
              li ->
                  assertThat(((PDStructureElement) li.getParent()).getStructureType())
                      .isEqualTo("L"));
      assertThat(all).filteredOn(e -> e.getStructureType().equals("Lbl")).hasSizeGreaterThan(6);
      assertThat(all).anyMatch(e -> e.getStructureType().equals("TH"));
      // No link hides its text behind an empty alternative.
      assertThat(all)
          .filteredOn(e -> e.getStructureType().equals("Link"))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l.getAlternateDescription()).isNull());
    }
  }

  /**
   * The structure tree is lean (no span that says nothing, no artifact around nothing) and stays
   * consistent after folding: each marked content of each page is named in the parent tree by the
   * element that holds it, on that page.
   */
  @Test
  void theStructureIsLeanAndTheParentTreeAgreesWithIt() throws Exception {
    try (PDDocument doc = Loader.loadPDF(tagged.toFile())) {
      PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
      List<PDStructureElement> all = new ArrayList<>();
      collect(root, all);
      assertThat(all)
          .filteredOn(e -> e.getStructureType().equals("Span"))
          .allSatisfy(e -> assertThat(e.getCOSObject().size()).isGreaterThan(5));
      Map<Integer, COSObjectable> parents = root.getParentTree().getNumbers();
      int checked = 0;
      for (PDPage page : doc.getPages()) {
        List<Object> tokens = new PDFStreamParser(page).parse();
        COSArray owners =
            page.getStructParents() < 0
                ? new COSArray()
                : (COSArray) parents.get(page.getStructParents()).getCOSObject();
        for (int i = 2; i < tokens.size(); i++) {
          if (!(tokens.get(i) instanceof Operator op)) {
            continue;
          }
          if (op.getName().equals(OperatorName.END_MARKED_CONTENT)) {
            assertThat(tokens.get(i - 1))
                .as("an artifact around nothing: %s", tokens.subList(Math.max(0, i - 4), i + 1))
                .isNotEqualTo(Operator.getOperator(OperatorName.BEGIN_MARKED_CONTENT_SEQ));
          }
          if (op.getName().equals(OperatorName.BEGIN_MARKED_CONTENT_SEQ)
              && tokens.get(i - 1) instanceof COSDictionary props
              && props.containsKey(COSName.MCID)) {
            int mcid = props.getInt(COSName.MCID);
            PDStructureElement owner =
                new PDStructureElement((COSDictionary) owners.getObject(mcid));
            assertThat(holds(owner, page, mcid)).as("owner of mcid " + mcid).isTrue();
            checked++;
          }
        }
      }
      // a floor, not a count: there is one piece of marked content per line of a paragraph
      assertThat(checked).isGreaterThan(40);
    }
  }

  /**
   * The contents' dot leaders are drawn but are artifacts: the text a screen reader gets from the
   * contents' structure elements is titles and page numbers, with no run of dots.
   */
  @Test
  void contentsLeadersAreDrawnButNotRead() throws Exception {
    try (PDDocument doc = Loader.loadPDF(tagged.toFile())) {
      PDStructureElement contents = contentsTable(doc.getDocumentCatalog().getStructureTreeRoot());
      assertThat(contents).isNotNull();
      Map<PDPage, Map<Integer, String>> texts = new java.util.HashMap<>();
      StringBuilder read = new StringBuilder();
      readText(contents, doc, texts, read);
      assertThat(read.toString())
          .contains("Trail notes", "城市图书馆开馆")
          .doesNotContainPattern("\\.\\s*\\.");
      // The leaders are still on the page.
      org.apache.pdfbox.text.PDFTextStripper stripper =
          new org.apache.pdfbox.text.PDFTextStripper();
      PDPage page = texts.keySet().iterator().next();
      int n = doc.getPages().indexOf(page) + 1;
      stripper.setStartPage(n);
      stripper.setEndPage(n);
      assertThat(stripper.getText(doc)).containsPattern("\\. \\. \\.");
    }
  }

  private static PDStructureElement contentsTable(PDStructureNode node) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e && !e.getStructureType().equals("Art")) {
        PDStructureElement found = e.getStructureType().equals("Table") ? e : contentsTable(e);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The text of the element's marked content, in order, as a screen reader gets it. */
  private static void readText(
      PDStructureElement e,
      PDDocument doc,
      Map<PDPage, Map<Integer, String>> texts,
      StringBuilder out)
      throws IOException {
    for (Object kid : e.getKids()) {
      if (kid instanceof PDStructureElement child) {
        readText(child, doc, texts, out);
        continue;
      }
      MarkedContentKid kidContent = MarkedContentKid.of(e, kid);
      PDPage page = kidContent == null ? null : kidContent.page();
      int mcid = kidContent == null ? -1 : kidContent.mcid();
      if (page != null) {
        PDPage p = page;
        Map<Integer, String> onPage = null;
        for (Map.Entry<PDPage, Map<Integer, String>> known : texts.entrySet()) {
          if (known.getKey().getCOSObject() == p.getCOSObject()) {
            onPage = known.getValue();
          }
        }
        if (onPage == null) {
          onPage = new java.util.HashMap<>();
          org.apache.pdfbox.text.PDFMarkedContentExtractor x =
              new org.apache.pdfbox.text.PDFMarkedContentExtractor();
          x.processPage(p);
          for (var mc : x.getMarkedContents()) {
            StringBuilder sb = new StringBuilder();
            for (Object o : mc.getContents()) {
              if (o instanceof org.apache.pdfbox.text.TextPosition t) {
                sb.append(t.getUnicode());
              }
            }
            onPage.put(mc.getMCID(), sb.toString());
          }
          texts.put(p, onPage);
        }
        out.append(onPage.getOrDefault(mcid, ""));
      }
    }
  }

  private static boolean holds(PDStructureElement e, PDPage page, int mcid) {
    for (Object kid : e.getKids()) {
      if (kid instanceof Integer n
          && n == mcid
          && e.getPage().getCOSObject() == page.getCOSObject()) {
        return true;
      }
      if (kid instanceof PDMarkedContentReference r
          && r.getMCID() == mcid
          && (r.getPage() == null ? e.getPage() : r.getPage()).getCOSObject()
              == page.getCOSObject()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void pdfA2uIsAlsoTaggedAndPassesBoth() throws Exception {
    assertThat(VeraPdf.failedRules(pdfA2, VeraPdf.Flavour.PDF_A_2U)).isEmpty();
    assertThat(VeraPdf.failedRules(pdfA2, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
    try (PDDocument doc = Loader.loadPDF(pdfA2.toFile())) {
      assertThat(doc.getDocumentCatalog().getOutputIntents()).hasSize(1);
      // The sRGB profile is ours, byte for byte (not rewritten by the JDK's colour management).
      try (java.io.InputStream in =
          doc.getDocumentCatalog()
              .getOutputIntents()
              .get(0)
              .getDestOutputIntent()
              .createInputStream()) {
        assertThat(in.readAllBytes()).isEqualTo(SrgbProfile.bytes());
      }
    }
  }

  @Test
  void pdfA3uPasses() throws Exception {
    Gazette.create().build(request(dir.resolve("a3")).pdfA(PdfA.PDF_A_3U).build());
    assertThat(VeraPdf.failedRules(dir.resolve("a3/posts.pdf"), VeraPdf.Flavour.PDF_A_3U))
        .isEmpty();
  }

  @Test
  void xmpTakesItsDatesFromTheContentAndAgreesWithTheDocumentInformation() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdfA2.toFile())) {
      String xmp =
          new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      // The newest post: 2024-05-02 10:00 in Shanghai.
      assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
          .hasToString("2024-05-02T02:00:00Z");
      assertThat(xmp)
          .contains("<xmp:CreateDate>2024-05-02T02:00:00Z</xmp:CreateDate>")
          .contains("<xmp:ModifyDate>2024-05-02T02:00:00Z</xmp:ModifyDate>")
          .contains("<rdf:li xml:lang=\"x-default\">posts</rdf:li>")
          .contains("<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>")
          .contains("<pdfaid:part>2</pdfaid:part>")
          .contains("<pdfuaid:part>1</pdfuaid:part>")
          .doesNotContain("uuid:")
          .doesNotContain("DocumentID");
    }
  }

  @Test
  void aSecondPdfABuildIsByteIdentical() throws Exception {
    Gazette.create().build(request(dir.resolve("a2-again")).pdfA(PdfA.PDF_A_2U).build());
    assertThat(Files.readAllBytes(dir.resolve("a2-again/posts.pdf")))
        .isEqualTo(Files.readAllBytes(pdfA2));
  }

  @Test
  void noPdfTagsLeavesTheStructureOut() throws Exception {
    DigestRequest.Builder b = request(dir.resolve("plain"));
    Settings.apply(b, "pdf-tags", false, null);
    Gazette.create().build(b.build());
    Path plain = dir.resolve("plain/posts.pdf");
    try (PDDocument doc = Loader.loadPDF(plain.toFile())) {
      assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNull();
      assertThat(doc.getDocumentCatalog().getMetadata()).isNull();
    }
    assertThat(VeraPdf.failedRules(plain, VeraPdf.Flavour.PDF_UA_1)).containsKey("7.1-3");
  }

  @Test
  void pdfATakesOnly2uOr3u() {
    DigestRequest.Builder b = request(dir.resolve("x"));
    Settings.apply(b, "pdf-a", "3U", null);
    assertThat(b.build().pdfA()).isEqualTo(PdfA.PDF_A_3U);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Settings.apply(request(dir.resolve("x")), "pdf-a", "1b", null))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("expects 2u or 3u");
  }

  private static void collect(PDStructureNode node, List<PDStructureElement> out)
      throws IOException {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        out.add(e);
        collect(e, out);
      }
    }
  }
}
