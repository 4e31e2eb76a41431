package dev.gazette.render.epub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.testing.EpubA11y;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import dev.gazette.typeset.FontSet;
import dev.gazette.typeset.Theme;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EPUB Accessibility on the sample digest: what Ace by DAISY checks beyond EPUBCheck (see {@link
 * EpubA11y}), and a page list that follows the PDF edition built alongside: every marker stands
 * before text that the PDF prints on the page the marker names.
 */
class EpubAccessibilityTest {
  @TempDir static Path out;
  static Path epub;
  static Path pdf;

  @BeforeAll
  static void build() throws Exception {
    Gazette.create().build(request(out.resolve("both"), Set.of(Format.EPUB, Format.PDF)));
    epub = out.resolve("both/samples.epub");
    pdf = out.resolve("both/samples.pdf");
  }

  static DigestRequest request(Path dir, Set<Format> formats) {
    return DigestRequest.builder()
        .source(TestPosts.samples())
        .zone(ZoneId.of("Asia/Shanghai"))
        .outputDir(dir)
        .groupBy(Grouping.NONE)
        .formats(formats)
        .offline(true)
        .imageCache(out.resolve("image-cache"))
        .build();
  }

  @Test
  void sampleEpubPassesTheAccessibilityRulesAndEpubCheck() throws Exception {
    assertThat(EpubA11y.problems(epub)).isEmpty();
    assertThat(Epubs.check(epub)).isEmpty();
  }

  @Test
  void everyPageListMarkerStandsBeforeTextThePdfPrintsOnThatPage() throws Exception {
    List<EpubA11y.PageBreak> list = EpubA11y.pageList(epub);
    List<String> pages = new ArrayList<>();
    int pageCount;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      pageCount = doc.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= pageCount; i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(compact(stripper.getText(doc)));
      }
    }
    assertThat(list).isNotEmpty();
    // Most pages start at a block of their own; a page inside a long block has no marker.
    assertThat(list.size()).isGreaterThan(pageCount * 8 / 10);
    int checked = 0;
    for (EpubA11y.PageBreak p : list) {
      String[] parts = p.href().split("#");
      if (!parts[0].matches("a\\d+\\.xhtml")) {
        continue;
      }
      Document d =
          Jsoup.parse(
              new String(Epubs.entry(epub, "OEBPS/" + parts[0]), StandardCharsets.UTF_8),
              "",
              Parser.xmlParser());
      String text = compact(following(d.getElementById(parts[1])));
      String start = text.substring(0, Math.min(6, text.length()));
      int page = Integer.parseInt(p.page());
      assertThat(pages.get(page - 1)).as("page %s starts with %s", page, text).contains(start);
      if (page > 1) {
        // ... and it is where the page starts: not already on the page before.
        String before = pages.get(page - 2);
        assertThat(before.endsWith(start) && text.length() > 6 ? before : "")
            .as("page %s starts with %s", page, text)
            .isEmpty();
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(list.size() / 2);
  }

  /** The text a marker introduces: its block's, without the marker. */
  private static String following(Element marker) {
    Element parent = marker.parent();
    Element next = marker.nextElementSibling();
    if (parent.tagName().equals("article")) {
      return parent.selectFirst("h1").text();
    }
    if (next != null && marker.previousSibling() == null && !parent.tagName().equals("div")) {
      return parent.text();
    }
    if (next != null) {
      return next.text();
    }
    return parent.text();
  }

  private static String compact(String s) {
    return s.replaceAll("[\\s\\u00A0\\u3000\\u00AD]+", "");
  }

  @Test
  void withoutAPdfThereIsNoPageListAndNoPageBreakSource() throws Exception {
    Gazette.create().build(request(out.resolve("epub-only"), Set.of(Format.EPUB)));
    Path only = out.resolve("epub-only/samples.epub");
    assertThat(EpubA11y.problems(only)).isEmpty();
    assertThat(EpubA11y.pageList(only)).isEmpty();
    String opf = new String(Epubs.entry(only, "OEBPS/content.opf"), StandardCharsets.UTF_8);
    assertThat(opf).doesNotContain("pageBreakSource").doesNotContain("pageBreakMarkers");
    assertThat(Epubs.check(only)).isEmpty();
  }

  @Test
  void thePdfIsTheSameWithOrWithoutTheEpub() throws Exception {
    // The ids the page breaks are measured by change nothing in the PDF.
    Gazette.create().build(request(out.resolve("pdf-only"), Set.of(Format.PDF)));
    assertThat(Files.readAllBytes(out.resolve("pdf-only/samples.pdf")))
        .isEqualTo(Files.readAllBytes(pdf));
  }

  @Test
  void theOpfNamesThePdfEditionAsThePageBreakSource() throws Exception {
    String opf = new String(Epubs.entry(epub, "OEBPS/content.opf"), StandardCharsets.UTF_8);
    assertThat(opf)
        .contains("<meta property=\"pageBreakSource\">samples.pdf</meta>")
        .contains(">pageBreakMarkers<")
        .contains(">printPageNumbers<")
        .doesNotContain("dcterms:conformsTo");
  }

  @Test
  void everyBundledThemeUnderlinesLinksInRunningText() {
    for (String name : Theme.BUNDLED) {
      String css = Theme.load(name, FontSet.bundled(), "").css(Theme.Medium.EPUB);
      assertThat(EpubA11y.linkStyleProblems(css)).as(name).isEmpty();
    }
    // ... and the rule sees a theme that takes the underline away.
    assertThat(
            EpubA11y.linkStyleProblems(
                "a { text-decoration: underline; }\np a:visited {" + " text-decoration: none; }"))
        .containsExactly("links without underline in running text: p a:visited");
  }

  @Test
  void theHelperSeesWhatIsMissing() throws Exception {
    // The rules fail on what they check: a copy of the sample without the roles and alt text.
    Path broken = out.resolve("broken.epub");
    Files.copy(epub, broken);
    try (var fs = java.nio.file.FileSystems.newFileSystem(broken)) {
      Path nav = fs.getPath("OEBPS/nav.xhtml");
      Files.writeString(
          nav, Files.readString(nav).replace(" role=\"doc-toc\"", "").replace("doc-pagelist", "x"));
      for (Path page : Files.list(fs.getPath("OEBPS")).toList()) {
        String name = page.getFileName().toString();
        if (name.matches("a\\d+\\.xhtml")) {
          Files.writeString(
              page, Files.readString(page).replaceAll(" alt=\"[^\"]*\"", " alt=\"\""));
        }
      }
    }
    assertThat(EpubA11y.problems(broken))
        .contains("nav: toc nav without role=\"doc-toc\"")
        .contains("nav: page-list nav without role=\"doc-pagelist\"")
        .anySatisfy(p -> assertThat(p).contains("img with empty alt"));
  }
}
