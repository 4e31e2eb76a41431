package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.Post;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import dev.gazette.testing.VeraPdf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample folder built as a user would: every post in, valid EPUB, faithful PDF, same bytes
 * twice.
 */
class SampleDigestTest {
  @TempDir static Path out;
  static DigestResult result;
  static Path epub;
  static Path pdf;

  @BeforeAll
  static void build() throws Exception {
    result = Gazette.create().build(request(out.resolve("first")));
    epub = out.resolve("first/samples.epub");
    pdf = out.resolve("first/samples.pdf");
  }

  static DigestRequest request(Path dir) {
    // No sections: this test checks every post in date order; grouping has its own tests.
    // Offline with an empty cache: the samples' remote images must never be fetched from the
    // internet.
    return DigestRequest.builder()
        .source(TestPosts.samples())
        .zone(ZoneId.of("Asia/Shanghai"))
        .outputDir(dir)
        .groupBy(Grouping.NONE)
        .offline(true)
        .imageCache(out.resolve("image-cache"))
        .build();
  }

  @Test
  void everyPublishedSamplePostIsIncludedInDateOrder() {
    assertThat(result.posts()).hasSize(27);
    assertThat(result.skipped())
        .extracting(s -> s.file().getFileName().toString())
        .containsExactly("build-cache-thoughts.md");
    List<Post> posts = result.posts();
    for (int i = 1; i < posts.size(); i++) {
      assertThat(posts.get(i).date().get().instant())
          .isAfterOrEqualTo(posts.get(i - 1).date().get().instant());
    }
    assertThat(result.outputs())
        .extracting(OutputFile::format)
        .containsExactly(Format.EPUB, Format.PDF);
  }

  @Test
  void epubPassesEpubCheckWithoutErrorsOrWarnings() {
    assertThat(Epubs.check(epub)).isEmpty();
  }

  @Test
  void epubHasOnePagePerArticleInNavOrder() throws Exception {
    Map<String, String> entries = Epubs.textEntries(epub);
    String nav = entries.get("OEBPS/nav.xhtml");
    for (Post p : result.posts()) {
      assertThat(nav).contains(org.jsoup.nodes.Entities.escape(p.title()));
    }
    assertThat(entries.keySet().stream().filter(n -> n.matches("OEBPS/a\\d+\\.xhtml"))).hasSize(27);
    assertThat(entries.get("OEBPS/content.opf")).contains("<dc:language>zh-CN</dc:language>");
  }

  @Test
  void epublibFamilyReadsTheEpubBack() throws Exception {
    io.documentnode.epub4j.domain.Book book;
    try (var in = Files.newInputStream(epub)) {
      book = new io.documentnode.epub4j.epub.EpubReader().readEpub(in);
    }
    assertThat(book.getTitle()).isEqualTo("samples");
    assertThat(book.getMetadata().getLanguage()).isEqualTo("zh-CN");
    assertThat(book.getTableOfContents().getTocReferences())
        .extracting(r -> r.getTitle())
        .containsExactlyElementsOf(result.posts().stream().map(Post::title).toList());
    // Cover, masthead and contents come before the articles.
    assertThat(book.getSpine().size()).isEqualTo(result.posts().size() + 3);
  }

  @Test
  void pdfTextHoldsEveryTitleAndParagraph() throws Exception {
    // English is hyphenated in the PDF: a broken word extracts as "hy-" and "phen" on two lines.
    // Hyphens are left out on both sides, so a word reads the same however it was broken.
    String text =
        Pdfs.compact(Pdfs.textWithoutFurniture(pdf, List.of(result.title()))).replace("-", "");
    Map<String, String> entries = Epubs.textEntries(epub);
    for (Post p : result.posts()) {
      assertThat(text).contains(Pdfs.compact(p.title()).replace("-", ""));
    }
    int paragraphs = 0;
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (e.getKey().matches("OEBPS/a\\d+\\.xhtml")) {
        for (var para : Jsoup.parse(e.getValue()).select(".article-body > p")) {
          String t = Pdfs.compact(para.text()).replace("-", "");
          if (!t.isEmpty()) {
            assertThat(text).as("paragraph of %s", e.getKey()).contains(t);
            paragraphs++;
          }
        }
      }
    }
    assertThat(paragraphs).isGreaterThan(200);
  }

  @Test
  void pdfEmbedsSubsetFontsAndHasABookmarkPerArticle() throws Exception {
    assertThat(Pdfs.allFontsEmbedded(pdf)).isTrue();
    assertThat(Pdfs.fontNames(pdf)).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+.*"));
    List<Pdfs.Bookmark> outline = Pdfs.outline(pdf);
    assertThat(outline)
        .extracting(Pdfs.Bookmark::title)
        .containsExactlyElementsOf(result.posts().stream().map(Post::title).toList());
  }

  @Test
  void pdfIsTaggedForScreenReaders() throws Exception {
    // PDF/UA-1 as veraPDF checks it: structure tree, alt text, links, artifacts, language.
    assertThat(VeraPdf.failedRules(pdf, VeraPdf.Flavour.PDF_UA_1)).isEmpty();
  }

  @Test
  void noHeadingIsLeftAloneAtThePageBottom() throws Exception {
    List<dev.gazette.testing.PdfLines.Line> lines = dev.gazette.testing.PdfLines.read(pdf, 1);
    Map<Integer, dev.gazette.testing.PdfLines.Line> lastOnPage = new java.util.TreeMap<>();
    for (var l : lines) {
      if (!l.text().matches("\\d+")) {
        lastOnPage.merge(l.page(), l, (a, b) -> b.y() > a.y() ? b : a);
      }
    }
    assertThat(lastOnPage.values())
        .hasSizeGreaterThan(40)
        .allSatisfy(
            l ->
                assertThat(l.font())
                    .as("last line of page %d: %s", l.page(), l.text())
                    .doesNotContain("SansSC-Bold"));
  }

  @Test
  void everyCharacterOfTheSamplesHasAGlyphInTheBundledFonts() {
    assertThat(result.problems())
        .noneMatch(p -> p.message().contains("glyph") || p.message().contains("no font"));
  }

  @Test
  void secondBuildIsByteIdentical() throws Exception {
    Gazette.create().build(request(out.resolve("second")));
    assertThat(Files.readAllBytes(out.resolve("second/samples.epub")))
        .isEqualTo(Files.readAllBytes(epub));
    assertThat(Files.readAllBytes(out.resolve("second/samples.pdf")))
        .isEqualTo(Files.readAllBytes(pdf));
  }
}
