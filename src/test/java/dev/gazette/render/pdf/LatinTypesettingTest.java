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
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * English articles set as English: Latin letters and the punctuation both faces have (’ “ ”) come
 * from the Latin face, and justified lines keep their word spaces under twice the normal width.
 * Text written for this test: English paragraphs with curly apostrophes, long words, names with
 * Latin Extended letters, URLs and run-in lists of contributors, next to a Chinese article.
 */
class LatinTypesettingTest {
  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static Path epub;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(
        source,
        "en.md",
        "---\ntitle: Release Notes for the Łódź Meetup\ndate: 2024-05-02\n---\n\n" + english());
    TestPosts.write(
        source,
        "zh.md",
        "---\ntitle: 中文\ndate: 2024-05-01\n---\n\n" + "我们说“排版”的时候，指的是‘字距’和行距。这是一段中文文字，用来比较。\n");
    Gazette gazette = Gazette.create();
    for (String[] v : new String[][] {{"a5", "A5"}, {"6in", "6in"}}) {
      gazette.build(
          TestBuilds.utc(source, dir)
              .name(v[0])
              .theme("book")
              .pageSize(v[1])
              .formats(
                  v[0].equals("a5")
                      ? new Format[] {Format.PDF, Format.EPUB}
                      : new Format[] {Format.PDF})
              .build());
      pdfs.put(v[0], dir.resolve(v[0] + ".pdf"));
    }
    epub = dir.resolve("a5.epub");
  }

  /** Prose of realistic word lengths with ’ in contractions, plus lists of names and URLs. */
  static String english() {
    String[] words =
        ("the of and to in a is that for it as was with be by on not this are or from at which"
                + " but have an they you were there been one all we their has would when reader"
                + " column narrow printer measure spacing archive library people little between"
                + " because through another without already nothing whether general several page"
                + " letter words line space paper story written number during before against"
                + " typesetting justification considerable international responsibility"
                + " implementation documentation characteristics hyphenation manuscript"
                + " contemporary understanding relationship development environment"
                + " infrastructure conversation representative accessibility communication"
                + " isn’t doesn’t we’re it’s there’s reader’s")
            .split(" ");
    String[] first = {
      "Anna", "Łukasz", "Mateusz", "Zoë", "Ahmet", "Jiří", "Søren", "Priya", "Oliver", "Tomáš"
    };
    String[] last = {
      "Kowalski",
      "Wiśniewski",
      "Dvořák",
      "Yılmaz",
      "Breidenstein",
      "Nemenyi",
      "Taillandier",
      "Schuhmacher",
      "Hochstrasser",
      "Müller",
      "O’Brien"
    };
    Random random = new Random(5);
    StringBuilder md = new StringBuilder();
    for (int p = 0; p < 36; p++) {
      StringBuilder sb = new StringBuilder();
      if (p % 6 == 5) {
        sb.append("Thanks to everyone who contributed to this release: ");
        for (int i = 0; i < 40; i++) {
          sb.append(first[random.nextInt(first.length)])
              .append(' ')
              .append(last[random.nextInt(last.length)])
              .append(i == 39 ? ".\n\n" : ", ");
        }
        md.append(sb);
        continue;
      }
      int sentences = 4 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        int n = 8 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
          String w = words[random.nextInt(words.length)];
          if (random.nextInt(40) == 0) {
            w = "https://www.example.org/docs/configuration/" + w + "/index.html";
          }
          sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
          sb.append(i == n - 1 ? ". " : random.nextInt(9) == 0 ? ", " : " ");
        }
      }
      md.append(sb.toString().trim()).append("\n\n");
    }
    return md.toString();
  }

  /** Most words capitalized, commas between them: a line of the contributors' list. */
  static boolean isNameList(String t) {
    String[] words = t.split(" ");
    long capitalized =
        java.util.Arrays.stream(words).filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
    return t.chars().filter(c -> c == ',').count() >= 2 && capitalized * 5 >= words.length * 4;
  }

  /**
   * At A5 English is justified with word spaces under twice their width; on the 6-inch page it is
   * set ragged-right (justified, 46% of this text's inner lines ended short of the edge anyway), so
   * no space is stretched at all.
   */
  @ParameterizedTest
  @CsvSource({"a5", "6in"})
  void justifiedEnglishLinesKeepWordSpacesUnderTwiceTheNormalWidth(String variant)
      throws Exception {
    List<List<Glyph>> english = new ArrayList<>();
    for (List<Glyph> row : PdfGlyphs.rows(pdfs.get(variant))) {
      String t = PdfGlyphs.text(row);
      if (t.length() > 30
          && row.stream().allMatch(g -> g.font().contains("NotoSerif-"))
          && !t.contains("Release Notes")) {
        english.add(row);
      }
    }
    float right = 0;
    for (List<Glyph> row : english) {
      right = Math.max(right, row.get(row.size() - 1).x1());
    }
    // A line followed on its page by another one line-pitch below is not a paragraph's last.
    float pitch = Float.MAX_VALUE;
    for (int i = 0; i + 1 < english.size(); i++) {
      List<Glyph> a = english.get(i);
      List<Glyph> b = english.get(i + 1);
      if (a.get(0).page() == b.get(0).page()) {
        pitch = Math.min(pitch, b.get(0).y() - a.get(0).y());
      }
    }
    List<Float> natural = new ArrayList<>();
    List<List<Glyph>> inner = new ArrayList<>();
    for (int i = 0; i < english.size(); i++) {
      List<Glyph> a = english.get(i);
      boolean last =
          i + 1 == english.size()
              || english.get(i + 1).get(0).page() != a.get(0).page()
              || english.get(i + 1).get(0).y() - a.get(0).y() > pitch + 1;
      if (last) {
        natural.addAll(PdfGlyphs.gaps(a)); // paragraph ends are not stretched
      } else {
        inner.add(a);
      }
    }
    natural.sort(null);
    float space = natural.get(natural.size() / 2);
    int justified = 0;
    int short_ = 0;
    int ragged = 0;
    List<String> wide = new ArrayList<>();
    for (List<Glyph> row : inner) {
      String t = PdfGlyphs.text(row);
      float widest = PdfGlyphs.gaps(row).stream().max(Float::compare).orElse(0f);
      if (isNameList(t)) {
        // A run-in list of names is set flush left, with normal spaces.
        ragged++;
        assertThat(widest).as(t).isLessThan(space * 1.3f);
        continue;
      }
      if (right - row.get(row.size() - 1).x1() > 1) {
        short_++;
        continue;
      }
      justified++;
      if (widest > 2 * space) {
        wide.add(String.format("%.2f× %s", widest / space, t));
      }
    }
    System.err.printf(
        "%s: %d justified, %d left short, %d ragged (names); wide: %s%n",
        variant, justified, short_, ragged, wide);
    if (variant.equals("6in")) {
      List<String> stretched = new ArrayList<>();
      for (List<Glyph> row : inner) {
        float widest = PdfGlyphs.gaps(row).stream().max(Float::compare).orElse(0f);
        if (widest > space * 1.3f) {
          stretched.add(String.format("%.2f× %s", widest / space, PdfGlyphs.text(row)));
        }
      }
      assertThat(inner).hasSizeGreaterThan(300);
      assertThat(stretched).as("ragged-right lines with a stretched space").isEmpty();
      assertThat(justified).as("lines reaching the edge").isLessThan(inner.size() / 4);
      return;
    }
    assertThat(justified).isGreaterThan(100);
    assertThat(ragged).isGreaterThan(10);
    assertThat((double) wide.size() / justified).isLessThanOrEqualTo(0.01);
    // The price of the cap: a line that would need wider spaces is left short. Measured on this
    // text (one word in four is long, harsher than prose): 28% of inner lines at A5, 46% at 6in.
    assertThat((double) short_ / (justified + short_))
        .isLessThanOrEqualTo(variant.equals("a5") ? 0.32 : 0.5);
  }

  @Test
  void apostrophesAndLatinLettersOfAnEnglishArticleComeFromTheLatinFace() throws Exception {
    List<Glyph> glyphs = PdfGlyphs.read(pdfs.get("a5"));
    List<Glyph> apostrophes = glyphs.stream().filter(g -> g.text().equals("’")).toList();
    assertThat(apostrophes).hasSizeGreaterThan(20);
    // In the English article ’ is drawn by Noto Serif (a Latin width), in the Chinese one by
    // Noto Serif SC (its full-width form): each article keeps its own punctuation.
    assertThat(apostrophes.stream().filter(g -> g.font().contains("NotoSerif-")).count())
        .isGreaterThan(20);
    assertThat(apostrophes.stream().filter(g -> g.font().contains("NotoSerifSC")).count())
        .isEqualTo(1);
    for (String c : List.of("Ł", "ó", "d", "ź")) {
      assertThat(glyphs.stream().filter(g -> g.text().equals(c) && g.size() > 11))
          .as("%s of the title Łódź", c)
          .isNotEmpty()
          .allSatisfy(g -> assertThat(g.font()).contains("NotoSans-Bold"));
    }
    // Chinese text keeps its CJK face.
    assertThat(glyphs.stream().filter(g -> g.text().equals("“")))
        .isNotEmpty()
        .allSatisfy(g -> assertThat(g.font()).contains("NotoSerifSC"));
  }

  @Test
  void theEpubListsTheLatinFaceFirstForEnglishArticlesAndSubsetsItsCharacters() throws IOException {
    assertThat(Epubs.check(epub)).isEmpty();
    String css = Epubs.textEntries(epub).get("OEBPS/styles/gazette.css");
    assertThat(css)
        .contains(".latin, .latin-block { font-family: \"Gazette Serif Latin\", \"Gazette Body\"")
        .contains("font-family: \"Gazette Body\", \"Gazette Serif Latin\"");
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/serif-latin.ttf")))
        .contains((int) '’', (int) 'Ł', (int) 'ź', (int) 'e');
    // The CJK body face draws the Chinese article, its quotes included.
    assertThat(Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/body.ttf")))
        .contains((int) '排', (int) '“');
  }
}
