package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Fonts;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.PdfGlyphs.Glyph;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * English quoted in a Chinese post: its apostrophes and quotes come from the Latin face, as wide as
 * a letter, while the Chinese quotes beside it stay full-width. A Japanese blog's English quote
 * (etak64n-blog) read {@code wouldn’ t}, {@code What’ s} and {@code Boss’ Scarf}; Huxpro's
 * bilingual post has 29 such apostrophes. Text written for this test.
 */
class CjkEnglishMarksTest {
  @TempDir static Path dir;
  static Path pdf;
  static Path epub;

  static final String ENGLISH =
      "He said the games wouldn’t be built-in, but rather we’d adopt the “cartridge” system."
          + " What’s more, he told me: “it’s ‘done’.” ";

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(
        source,
        "zh.md",
        "---\ntitle: 中文里的英文\ndate: 2024-05-01\nlang: zh-CN\n---\n\n"
            + "他说“好的”，然后‘走了’。还有“Hello World”这样的引语。\n\n"
            + "> "
            + ENGLISH.repeat(12)
            + "\n\n"
            + "这是中文段落，里面有 English words like don’t 和 it’s，以及 *Rock ’n’ roll’s* 强调。\n\n"
            + "## What’s new\n\n在 `it’s code` 里不变。\n");
    Gazette.create()
        .build(
            TestBuilds.utc(source, dir)
                .name("d")
                .pageSize("A5")
                .formats(Format.PDF, Format.EPUB)
                .build());
    pdf = dir.resolve("d.pdf");
    epub = dir.resolve("d.epub");
  }

  @Test
  void englishMarksAreDrawnByTheLatinFacesAndChineseOnesByTheCjkFace() throws Exception {
    List<Glyph> glyphs = PdfGlyphs.read(pdf);
    List<Glyph> marks = glyphs.stream().filter(g -> "‘’“”".contains(g.text())).toList();
    // 12 quotes of 7 English marks, 5 in the paragraph and the heading; 6 Chinese ones.
    List<Glyph> cjk = marks.stream().filter(g -> g.font().contains("SC-")).toList();
    List<Glyph> latin = marks.stream().filter(g -> !g.font().contains("SC-")).toList();
    assertThat(cjk).hasSize(6);
    assertThat(latin).hasSizeGreaterThanOrEqualTo(12 * 7 + 5);
    assertThat(latin)
        .allSatisfy(
            g -> {
              assertThat(g.font()).containsAnyOf("NotoSerif-", "NotoSans-", "NotoSansMono-");
              if (!g.font().contains("Mono")) { // inline code: monospace, 0.6 em
                assertThat(g.x1() - g.x0()).isLessThan(g.size() * 0.55f);
              }
            });
    assertThat(cjk).allSatisfy(g -> assertThat(g.x1() - g.x0()).isGreaterThan(g.size() * 0.8f));
    // Emphasis and the heading take their own (sans) role's Latin face.
    assertThat(latin).anySatisfy(g -> assertThat(g.font()).contains("NotoSans-Bold"));
    assertThat(latin).anySatisfy(g -> assertThat(g.font()).contains("NotoSans-Regular"));
  }

  /**
   * The quote is an English paragraph: justified at its word spaces like an English article's, not
   * ragged with the slack piled after its one-letter words ({@code I love}, {@code a high}).
   */
  @Test
  void anEnglishParagraphIsJustifiedAtItsWordSpaces() throws Exception {
    List<List<Glyph>> rows =
        PdfGlyphs.rows(pdf).stream()
            .filter(r -> PdfGlyphs.text(r).length() > 30)
            .filter(r -> r.stream().allMatch(g -> g.font().contains("NotoSerif-")))
            .toList();
    assertThat(rows).hasSizeGreaterThan(15);
    float right = (float) rows.stream().mapToDouble(r -> r.get(r.size() - 1).x1()).max().orElse(0);
    float space = rows.get(0).get(0).space();
    List<List<Glyph>> inner = rows.subList(0, rows.size() - 1); // the last ends the paragraph
    long flush = inner.stream().filter(r -> right - r.get(r.size() - 1).x1() < 1).count();
    assertThat(flush).as("lines flush with the right margin").isGreaterThan(inner.size() * 8 / 10);
    for (List<Glyph> row : inner) {
      float widest = PdfGlyphs.gaps(row).stream().max(Float::compare).orElse(0f);
      assertThat(widest).as(PdfGlyphs.text(row)).isLessThan(2.2f * space);
    }
  }

  /** The English quote says it is English: to a screen reader, in the EPUB and the tagged PDF. */
  @Test
  void theEnglishParagraphIsMarkedEnglishInBothOutputs() throws Exception {
    String page = Epubs.textEntries(epub).get("OEBPS/a001.xhtml");
    assertThat(page)
        .contains("<blockquote>\n<p class=\"latin-block\" lang=\"en\" xml:lang=\"en\">He said");
    assertThat(page.split(" lang=\"en\"", -1)).hasSize(2); // the Chinese paragraphs are not
    List<String> languages = new java.util.ArrayList<>();
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      collectLanguages(doc.getDocumentCatalog().getStructureTreeRoot().getKids(), languages);
    }
    assertThat(languages).contains("en");
  }

  private static void collectLanguages(List<Object> kids, List<String> out) {
    for (Object kid : kids) {
      if (kid
          instanceof
          org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
        if (e.getLanguage() != null) {
          out.add(e.getLanguage());
        }
        collectLanguages(e.getKids(), out);
      }
    }
  }

  @Test
  void noLineBreaksAWordAtItsApostrophe() throws Exception {
    StringBuilder text = new StringBuilder();
    for (List<Glyph> row : PdfGlyphs.rows(pdf)) {
      text.append(PdfGlyphs.text(row).strip()).append('\n');
    }
    String all = text.toString();
    assertThat(all.split("wouldn’t", -1)).hasSize(13);
    assertThat(all).doesNotContain("\n’");
    for (String word : List.of("wouldn’t", "we’d", "What’s", "it’s", "don’t", "roll’s")) {
      int at = word.indexOf('’');
      assertThat(all).doesNotContain(word.substring(0, at + 1) + "\n" + word.substring(at + 1));
    }
  }

  @Test
  void theEpubMarksTheSameCharactersAndSubsetsThemInTheLatinFace() throws Exception {
    assertThat(Epubs.check(epub)).isEmpty();
    String page = Epubs.textEntries(epub).get("OEBPS/a001.xhtml");
    assertThat(page)
        .contains("wouldn<span class=\"latin-mark\">’</span>t")
        .contains("他说“好的”")
        .contains("<code>it’s code</code>");
    assertThat(Epubs.textEntries(epub).get("OEBPS/styles/gazette.css"))
        .contains(".latin-mark { font-family: \"Gazette Serif Latin\", \"Gazette Body\"");
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/serif-latin.ttf")))
        .contains((int) '’', (int) '“', (int) '”');
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/body.ttf")))
        .contains((int) '“', (int) '”', (int) '‘', (int) '’');
  }
}
