package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.api.OutputFile;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Fonts;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback chain in both outputs: emoji, European names, symbols and mathematics are drawn from
 * the bundled faces (checked glyph by glyph on rendered pages), what no face has becomes a box and
 * one warning per post, the EPUB embeds subsets of the fallback faces and names them.
 */
class FontFallbackTest {
  @TempDir Path dir;

  /** Expected glyphs: what the PDF must draw, and a word of the face it must come from. */
  private static final Map<String, String> DRAWN = new LinkedHashMap<>();

  static {
    for (String emoji : List.of("💡", "😀", "👍", "👨", "💻", "🏳", "🌈", "✅", "🏴")) {
      DRAWN.put(emoji, "NotoEmoji");
    }
    // Symbols with a text form are drawn by the CJK face, which has them.
    DRAWN.put("❤", "NotoEmoji");
    DRAWN.put("☀", "NotoSerifSC");
    DRAWN.put("①", "NotoSerifSC"); // 1️⃣ becomes the circled digit
    DRAWN.put("\uD83C\uDDF5", "NotoEmoji"); // 🇵🇱: regional indicator P
    for (String c : List.of("ć", "İ", "ı", "ł", "ř", "ś", "ş", "Š", "š", "⁵", "⅓", "ά", "ğ")) {
      DRAWN.put(c, "NotoSerif-");
    }
    // Basic Greek and Cyrillic letters are in the CJK faces too, but the post is a Latin-script
    // article (its title and most of its text), so its chain starts with the Latin face.
    DRAWN.put("Ω", "NotoSerif-");
    DRAWN.put("Щ", "NotoSerif-");
    DRAWN.put("Ł", "NotoSans-Bold"); // in the title: sans bold heading
    for (String c : List.of("𝐀", "𝑥", "𝔽", "⟶", "⇏", "≇")) {
      DRAWN.put(c, "NotoSansMath");
    }
    DRAWN.put("➜", "NotoSansSymbols2");
    DRAWN.put("◆", "NotoSerifSC");
    DRAWN.put("┌", "NotoSerifSC");
    DRAWN.put("→", "NotoSerifSC");
    DRAWN.put("⇒", "NotoSerifSC");
    DRAWN.put("∉", "NotoSerifSC");
    DRAWN.put("✗", "NotoSansSymbols2");
  }

  static final String BODY =
      "表情：😀 👍🏽 👨\u200D💻 🏳\uFE0F\u200D🌈 ❤\uFE0F ☀\uFE0F 🇵🇱 1\uFE0F\u20E3"
          + " ✅ 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F 结束。</p>"
          + "<p>Names: ć İ ı ł ř ś ş Š š (Dvořák, Łódź, Ağaoğlu); x⁵, ⅓; Greek Ωμέγα ά;"
          + " Cyrillic Щука.</p>"
          + "<p>Math 𝐀 𝑥 𝔽 ⟶ ⇒ ⇏ ≇ ∉ → ◆ ➜ ✗ and ┌──┐ box drawing. Marks: a\u200Eb\u200Fc.";

  private DigestResult build(Path posts, Path out, Format... formats) throws Exception {
    return TestBuilds.build(TestBuilds.utc(posts, out).formats(formats));
  }

  @Test
  void pdfDrawsEmojiNamesSymbolsAndMathFromTheFallbackFaces() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(
        posts, "emoji.md", TestPosts.hexo("💡 Unidata – Łukasz Świątek", "2021-07-01", BODY));
    DigestResult result = build(posts, dir.resolve("out"), Format.PDF, Format.EPUB);
    assertThat(result.problems())
        .as("nothing is missing, and invisible characters are never reported")
        .noneMatch(p -> p.message().contains("no font"));
    Path pdf = pathOf(result, Format.PDF);

    String text = Pdfs.text(pdf);
    assertThat(text).doesNotContain("#").doesNotContain("\uFFFD").doesNotContain("□");
    assertThat(text.codePoints().filter(cp -> Character.getType(cp) == Character.PRIVATE_USE))
        .isEmpty();
    assertThat(text)
        .as("sequences simplified to their parts, modifiers and selectors gone")
        .contains("👍 ")
        .contains("👨💻")
        .contains("🏳🌈")
        .doesNotContain("\uFE0F")
        .doesNotContain("\uD83C\uDFFD")
        .doesNotContain("\u200E");

    Map<String, List<Glyph>> glyphs = glyphs(pdf);
    for (Map.Entry<String, String> e : DRAWN.entrySet()) {
      List<Glyph> found = glyphs.get(e.getKey());
      assertThat(found).as("glyph %s in the PDF", e.getKey()).isNotEmpty();
      Glyph g = found.get(found.size() - 1);
      assertThat(found)
          .as("%s drawn from %s", e.getKey(), e.getValue())
          .anyMatch(x -> x.font().contains(e.getValue()));
      assertThat(g.inkPixels()).as("ink where %s is drawn", e.getKey()).isGreaterThan(16);
    }

    assertThat(Pdfs.allFontsEmbedded(pdf)).isTrue();
    assertThat(Pdfs.fontNames(pdf))
        .as("every font embedded as a subset")
        .allMatch(n -> n.matches("[A-Z]{6}\\+.+"))
        .anyMatch(n -> n.endsWith("+NotoEmoji-Regular"))
        .anyMatch(n -> n.endsWith("+NotoSerif-Regular"))
        .anyMatch(n -> n.endsWith("+NotoSansMath-Regular"));

    DigestResult again = build(posts, dir.resolve("again"), Format.PDF, Format.EPUB);
    for (Format f : List.of(Format.PDF, Format.EPUB)) {
      assertThat(Files.readAllBytes(pathOf(again, f)))
          .as("second %s build byte-identical", f)
          .isEqualTo(Files.readAllBytes(pathOf(result, f)));
    }
  }

  @Test
  void epubEmbedsSubsetsOfTheFallbackFacesAndListsThemInTheChains() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "emoji.md", TestPosts.hexo("💡 Łódź", "2021-07-01", BODY));
    Path epub = pathOf(build(posts, dir.resolve("out"), Format.EPUB), Format.EPUB);
    assertThat(Epubs.check(epub)).isEmpty();

    Set<Integer> emoji = Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/emoji.ttf"));
    assertThat(emoji).contains("😀".codePointAt(0), "💡".codePointAt(0), "👨".codePointAt(0));
    assertThat(emoji.size()).as("only the emoji the book uses").isLessThan(30);
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/serif-latin.ttf")))
        // A Latin-script article: its plain ASCII letters come from the Latin face too, its
        // Chinese never does.
        .contains((int) 'ł', (int) 'ř', (int) 'ά', (int) '⁵', (int) '⅓', (int) 'a', (int) 'Ω')
        .doesNotContain((int) '表');
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/math.ttf")))
        .contains("𝐀".codePointAt(0), (int) '⟶');
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/sans-latin-bold.ttf")))
        .contains((int) 'Ł');
    for (String font : List.of("emoji", "serif-latin", "math", "sans-latin-bold")) {
      byte[] data = Epubs.entry(epub, "OEBPS/fonts/" + font + ".ttf");
      assertThat(
              java.awt.Font.createFont(
                  java.awt.Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(data)))
          .as(font + " loads in java.awt")
          .isNotNull();
    }

    String css = Epubs.textEntries(epub).get("OEBPS/styles/gazette.css");
    assertThat(css)
        .contains(
            "font-family: \"Gazette Body\", \"Gazette Serif Latin\", \"Gazette Hangul\","
                + " \"Gazette Hebrew\", \"Gazette Emoji\", \"Gazette Math\", \"Gazette"
                + " Symbols\", serif;")
        .contains(
            "font-family: \"Gazette Heading\", \"Gazette Sans Latin\", \"Gazette Hangul\","
                + " \"Gazette Hebrew\", \"Gazette Emoji\"")
        .contains("src: url(\"../fonts/emoji.ttf\")");
    assertThat(Epubs.textEntries(epub).get("OEBPS/content.opf"))
        .contains("href=\"fonts/emoji.ttf\" media-type=\"font/ttf\"");
  }

  @Test
  void whatNoFaceHasIsABoxAndOneWarningPerPostWithItsCodePoints() throws Exception {
    Path posts = dir.resolve("posts");
    Path korean =
        TestPosts.write(
            posts,
            "korean.md",
            TestPosts.hexo("한국어", "2021-07-01", "김치 and 김, private \uE000 use.", "김치 again."));
    Path thai = TestPosts.write(posts, "thai.md", TestPosts.hexo("Thai", "2021-07-02", "ภาษา"));
    TestPosts.write(posts, "plain.md", TestPosts.hexo("普通", "2021-07-03", "普通的文字。"));
    DigestResult result = build(posts, dir.resolve("out"), Format.PDF, Format.EPUB);

    List<Problem> glyphProblems =
        result.problems().stream().filter(p -> p.message().startsWith("no font")).toList();
    assertThat(glyphProblems).extracting(Problem::file).containsExactly(korean, thai);
    // Hangul has a bundled face (Noto Sans KR's Hangul); a private-use character has none.
    assertThat(glyphProblems.get(0).message())
        .contains("(U+E000)")
        .doesNotContain("U+AE40")
        .contains("box (□)");
    assertThat(glyphProblems.get(1).message()).contains("(U+0E20)");

    String text = Pdfs.text(pathOf(result, Format.PDF));
    assertThat(text)
        .doesNotContain("#")
        .contains("김치 and 김, private □ use.")
        .doesNotContain("\uE000");
  }

  @Test
  void aFontFallbackFromTheCommandLineOrGazetteYmlDrawsThaiInBothOutputs() throws Exception {
    Path font = dir.resolve("NotoSansThai-Subset.ttf");
    try (var in = getClass().getResourceAsStream("/fonts/NotoSansThai-Subset.ttf")) {
      Files.copy(in, font);
    }
    Path posts = dir.resolve("posts");
    Path thai =
        TestPosts.write(
            posts, "thai.md", TestPosts.hexo("ภาษาไทย", "2021-07-01", "สวัสดี ภาษาไทย, 김치. 表情😀"));
    for (boolean viaConfig : List.of(false, true)) {
      Path out = dir.resolve(viaConfig ? "yml" : "cli");
      List<String> args =
          new ArrayList<>(List.of("build", posts.toString(), "--out", out.toString()));
      if (viaConfig) {
        TestPosts.write(posts, "gazette.yml", "fonts:\n  fallback:\n    - " + font + "\n");
      } else {
        args.addAll(List.of("--font-fallback", font.toString()));
      }
      java.io.StringWriter err = new java.io.StringWriter();
      int code =
          dev.gazette.cli.Main.run(
              new java.io.PrintWriter(new java.io.StringWriter()),
              new java.io.PrintWriter(err, true),
              args.toArray(String[]::new));
      assertThat(code).as(err.toString()).isZero();
      assertThat(err.toString()).doesNotContain("no font");

      Path pdf = out.resolve("posts.pdf");
      assertThat(Pdfs.text(pdf)).contains("김치.").doesNotContain("□");
      Map<String, List<Glyph>> glyphs = glyphs(pdf);
      for (String c : List.of("ส", "ว", "ภ", "ท")) {
        assertThat(glyphs.get(c))
            .as(c)
            .isNotEmpty()
            .allMatch(g -> g.font().contains("NotoSansThai"));
        assertThat(glyphs.get(c)).allMatch(g -> g.inkPixels() > 16);
      }
      // Hangul from the bundled face, before any face the user adds
      assertThat(glyphs.get("김")).isNotEmpty().allMatch(g -> g.font().contains("NotoSansKR"));
      Path epub = out.resolve("posts.epub");
      assertThat(Epubs.check(epub)).isEmpty();
      assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/fallback-1.ttf")))
          .contains((int) 'ส', (int) 'ภ')
          .doesNotContain((int) '表', (int) '김');
      assertThat(Epubs.textEntries(epub).get("OEBPS/styles/gazette.css"))
          .contains("\"Gazette Symbols\", \"Gazette Fallback 1\", serif;");
    }
    Files.delete(posts.resolve("gazette.yml"));
    java.io.StringWriter err = new java.io.StringWriter();
    dev.gazette.cli.Main.run(
        new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err, true),
        "build",
        posts.toString(),
        "--out",
        dir.resolve("none").toString());
    assertThat(err.toString().lines().filter(l -> l.contains("no font can draw")))
        .as("without the fallback: one line, naming the post and the code points")
        .singleElement()
        .asString()
        .startsWith(thai + ": warning: no font can draw")
        .contains("ส (U+0E2A)")
        .doesNotContain("U+AE40");
  }

  @Test
  void subsetsMapCharactersBeyondTheBmpToTheirOwnGlyphs() throws Exception {
    FontCache cache = new FontCache();
    var emoji = cache.get(FontFile.bundled("NotoEmoji-Regular.ttf"));
    Set<Integer> wanted = new java.util.TreeSet<>(List.of(0x1F600, 0x1F4A1, 0x2600, 0x31, 0x20));
    byte[] subset = FontSubsetter.subset(emoji, wanted);
    var parsed =
        new org.apache.fontbox.ttf.TTFParser()
            .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(subset));
    var cmap = parsed.getUnicodeCmapLookup(false);
    // The cache's font is read in parts (no outlines, see SparseFont): compare with the whole face.
    var whole =
        new org.apache.fontbox.ttf.TTFParser()
            .parse(
                new org.apache.pdfbox.io.RandomAccessReadBuffer(
                    FontFile.bundled("NotoEmoji-Regular.ttf").bytes()));
    var original = whole.getUnicodeCmapLookup(false);
    for (int cp : wanted) {
      int gid = cmap.getGlyphId(cp);
      assertThat(gid).as("U+%04X mapped", cp).isNotZero();
      assertThat(parsed.getAdvanceWidth(gid))
          .isEqualTo(whole.getAdvanceWidth(original.getGlyphId(cp)));
      assertThat(parsed.getGlyph().getGlyph(gid).getPath().getBounds2D())
          .isEqualTo(whole.getGlyph().getGlyph(original.getGlyphId(cp)).getPath().getBounds2D());
    }
    assertThat(subset.length).isLessThan(20_000);
  }

  private static Path pathOf(DigestResult result, Format format) {
    return result.outputs().stream()
        .filter(o -> o.format() == format)
        .map(OutputFile::path)
        .findFirst()
        .orElseThrow();
  }

  /** One drawn glyph: its font and how many dark pixels its box has on the rendered page. */
  record Glyph(String font, int inkPixels) {}

  /** Every glyph of the PDF by its text, with the ink found in its box at 144 dpi. */
  static Map<String, List<Glyph>> glyphs(Path pdf) throws IOException {
    Map<String, List<Glyph>> byText = new LinkedHashMap<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int p = 0; p < doc.getNumberOfPages(); p++) {
        // 4x: at 2x a hairline (the CJK face's box drawing) can fall between two pixel rows and
        // leave only grey, so whether it counted as ink depended on where the line was set.
        float scale = 4f;
        BufferedImage image = renderer.renderImage(p, scale);
        List<TextPosition> positions = new ArrayList<>();
        PDFTextStripper stripper =
            new PDFTextStripper() {
              @Override
              protected void writeString(String s, List<TextPosition> text) {
                positions.addAll(text);
              }
            };
        stripper.setStartPage(p + 1);
        stripper.setEndPage(p + 1);
        stripper.getText(doc);
        for (TextPosition t : positions) {
          float size = t.getFontSizeInPt();
          int x0 = Math.max(0, (int) (t.getXDirAdj() * scale));
          int x1 =
              Math.min(image.getWidth(), (int) ((t.getXDirAdj() + t.getWidthDirAdj()) * scale));
          int y0 = Math.max(0, (int) ((t.getYDirAdj() - size * 0.85f) * scale));
          int y1 = Math.min(image.getHeight(), (int) ((t.getYDirAdj() + size * 0.25f) * scale));
          int ink = 0;
          for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
              int rgb = image.getRGB(x, y);
              int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
              if (lum < 3 * 128) {
                ink++;
              }
            }
          }
          byText
              .computeIfAbsent(t.getUnicode(), k -> new ArrayList<>())
              .add(new Glyph(t.getFont().getName(), ink));
        }
      }
    }
    return byText;
  }
}
