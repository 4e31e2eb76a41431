package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.PdfGlyphs;
import dev.gazette.testing.PdfGlyphs.Glyph;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Justified lines measured glyph by glyph (PDFBox text positions): Latin letters are never spread
 * apart, and hyphenated English keeps its word spaces even. Text written for this test: Chinese
 * with English words, long URLs and forced breaks, and English prose from a fixed vocabulary.
 */
class PdfJustificationTest {
  static final String URL = "https://www.example.org/archives/2020/08/03/a-rather-long-post-name/";

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static String english;

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    TestPosts.write(source, "zh.md", "---\ntitle: 混排\ndate: 2024-05-01\n---\n\n" + chinese());
    english = english();
    TestPosts.write(
        source, "en.md", "---\ntitle: On Even Spacing\ndate: 2024-05-02\n---\n\n" + english);
    // The English text once more without hyphenation, to compare with.
    Path plain = dir.resolve("plain");
    TestPosts.write(
        plain, "en.md", "---\ntitle: On Even Spacing\ndate: 2024-05-02\n---\n\n" + english);
    // English with inline code holding spaces (commands, options), in a digest of its own.
    Path code = dir.resolve("code");
    TestPosts.write(
        code, "en.md", "---\ntitle: Running It\ndate: 2024-05-03\n---\n\n" + englishWithCode());
    Path noHyphens =
        TestPosts.write(dir, "no-hyphens.css", ".latin .article-body { hyphens: manual; }");
    Gazette gazette = Gazette.create();
    for (String[] v :
        new String[][] {
          {"a5", "book", "A5"},
          {"6in", "book", "6in"},
          {"a5-plain", "book", "A5"},
          {"a5-code", "book", "A5"},
          {"6in-code", "book", "6in"}
        }) {
      boolean isPlain = v[0].endsWith("plain");
      gazette.build(
          DigestRequest.builder()
              .source(isPlain ? plain : v[0].endsWith("code") ? code : source)
              .extraCss(isPlain ? noHyphens : null)
              .zone(ZoneId.of("Asia/Shanghai"))
              .outputDir(dir)
              .name(v[0])
              .theme(v[1])
              .pageSize(v[2])
              .formats(Format.PDF)
              .build());
      pdfs.put(v[0], dir.resolve(v[0] + ".pdf"));
    }
  }

  /** Chinese paragraphs with English words, URLs in links and in text, and forced breaks. */
  static String chinese() {
    String[] latin = {"JavaScript", "GET", "HEAD", "Promise.all()", "div+css", "API", "504px"};
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    StringBuilder md = new StringBuilder();
    Random random = new Random(7);
    for (int p = 0; p < 40; p++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        int start = random.nextInt(han.length() - 12);
        sb.append(han, start, start + 3 + random.nextInt(9));
        switch (random.nextInt(6)) {
          case 0 -> sb.append("[").append(URL).append("](").append(URL).append(")");
          case 1 -> sb.append(URL);
          case 2 -> sb.append(" ").append(latin[random.nextInt(latin.length)]).append(" ");
          default -> sb.append(latin[random.nextInt(latin.length)]);
        }
      }
      if (p % 5 == 0) {
        sb.append("，父级高度504px<br>附注如下");
      }
      md.append(sb).append("。\n\n");
    }
    return md.toString();
  }

  /**
   * English prose from a fixed vocabulary and seed, with about the word lengths of real prose: half
   * short function words, a third of middling words, one word in eight long.
   */
  static String english() {
    String[] short_ =
        ("the of and to in a is that for it as was with be by on not he this are or his from at"
                + " which but have an they you were her she there been one all we their has would"
                + " when")
            .split(" ");
    String[] middle =
        ("reader column narrow printer measure spacing archive library people little between"
                + " because through another without already nothing whether general several page"
                + " letter words line space paper story written number during before against")
            .split(" ");
    String[] long_ =
        ("typesetting justification considerable international responsibility implementation"
                + " documentation characteristics hyphenation manuscript publication extraordinary"
                + " contemporary understanding relationship development environment particularly"
                + " infrastructure conversation representative accessibility communication")
            .split(" ");
    Random random = new Random(11);
    StringBuilder md = new StringBuilder();
    for (int p = 0; p < 40; p++) {
      StringBuilder sb = new StringBuilder();
      int sentences = 4 + random.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        int n = 8 + random.nextInt(14);
        for (int i = 0; i < n; i++) {
          int r = random.nextInt(24);
          String[] list = r < 12 ? short_ : r < 23 ? middle : long_;
          String w = list[random.nextInt(list.length)];
          sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
          sb.append(i == n - 1 ? ". " : random.nextInt(9) == 0 ? ", " : " ");
        }
      }
      md.append(sb.toString().trim()).append("\n\n");
    }
    return md.toString();
  }

  /** The English prose of {@link #english()} with a command in inline code every few words. */
  static String englishWithCode() {
    String[] commands = {
      "`jekyll serve`",
      "`bundle exec jekyll build`",
      "`git commit -m`",
      "`url: http://localhost`",
      "`cargo test --release`",
      "`go run main.go`"
    };
    Random random = new Random(13);
    StringBuilder md = new StringBuilder();
    for (String word : english().split(" ")) {
      md.append(word).append(' ');
      if (random.nextInt(9) == 0 && !word.contains("\n")) {
        md.append(commands[random.nextInt(commands.length)]).append(' ');
      }
    }
    return md.toString().trim() + "\n";
  }

  static boolean isLatin(String s) {
    return s.length() == 1 && s.matches("[A-Za-z0-9]");
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in"})
  void noLineHasLatinLettersSpreadApart(String variant) throws Exception {
    List<String> spread = new ArrayList<>();
    int latinPairs = 0;
    for (List<Glyph> row : PdfGlyphs.rows(pdfs.get(variant))) {
      for (int i = 0; i + 1 < row.size(); i++) {
        Glyph a = row.get(i);
        Glyph b = row.get(i + 1);
        if (isLatin(a.text()) && isLatin(b.text()) && Math.abs(a.size() - b.size()) < 0.01) {
          latinPairs++;
          float gap = b.x0() - a.x1();
          // Between 5% of the size and a word space: letters pulled apart, not two words.
          if (gap > a.size() * 0.05 && gap < a.space() * 0.9) {
            spread.add(String.format("p%d %.2fpt %s", a.page(), gap, PdfGlyphs.text(row)));
            break;
          }
        }
      }
    }
    assertThat(latinPairs).isGreaterThan(3000);
    assertThat(spread).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in"})
  void linesBeforeAForcedBreakAreNotStretched(String variant) throws Exception {
    List<List<Glyph>> rows = PdfGlyphs.rows(pdfs.get(variant));
    int checked = 0;
    for (int i = 0; i + 1 < rows.size(); i++) {
      String next = PdfGlyphs.text(rows.get(i + 1));
      if (!next.startsWith("附注如下")) {
        continue;
      }
      // The row before the break ends with "504px": its Han characters sit one em apart.
      List<Glyph> row = rows.get(i);
      for (int k = 0; k + 1 < row.size(); k++) {
        Glyph a = row.get(k);
        Glyph b = row.get(k + 1);
        if (a.text().matches("\\p{IsHan}") && b.text().matches("\\p{IsHan}")) {
          assertThat(b.x0() - a.x1()).as(PdfGlyphs.text(row)).isLessThan(0.05f * a.size());
        }
      }
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(7);
  }

  /**
   * How many more of the English lines hyphenation lets reach the edge. Measured on this text: A5
   * 76% of lines with hyphenation against 67% without (the 6-inch page is set ragged-right).
   */
  private static final double MIN_GAIN = 0.05;

  /**
   * Share of justified English lines (not the last of a paragraph) whose widest word space is more
   * than twice a normal one.
   */
  @ParameterizedTest
  @CsvSource({"a5"})
  void hyphenatedEnglishKeepsWordSpacesEven(String variant) throws Exception {
    Spacing hyphenated = spacing(variant);
    Spacing plain = spacing(variant + "-plain");
    assertThat(hyphenated.flushShare()).isGreaterThan(1 / 3.0);
    // Word spaces stretch to about twice their width at most (pdf.css): a line that would need
    // more is left short instead of getting a wide gap, so wide gaps are rare with or without
    // hyphenation. What hyphenation buys is lines that reach the edge: more of the same text's
    // lines are justified with it than without.
    assertThat(hyphenated.wideShare()).isLessThanOrEqualTo(0.01);
    assertThat(hyphenated.flushShare())
        .as("share of English lines reaching the column edge, hyphenated vs plain %s", plain)
        .isGreaterThan(plain.flushShare() + MIN_GAIN);
  }

  /**
   * Inline code keeps its spaces narrow (a monospace space is twice a word space) and out of the
   * justification stretch: no justified line has a gap over twice a word space, and a space between
   * two code letters is at most 1.5 word spaces.
   */
  @ParameterizedTest
  @CsvSource({"a5-code", "6in-code"})
  void inlineCodeSpacesAreNotTheWidestGaps(String variant) throws Exception {
    Spacing spacing = spacing(variant);
    if (variant.startsWith("a5")) {
      assertThat(spacing.flushShare()).isGreaterThan(1 / 3.0);
    }
    float space = spacing.space();
    List<String> wide = new ArrayList<>();
    int codeSpaces = 0;
    for (List<Glyph> row : PdfGlyphs.rows(pdfs.get(variant))) {
      for (int k = 0; k + 1 < row.size(); k++) {
        Glyph a = row.get(k);
        Glyph b = row.get(k + 1);
        float gap = b.x0() - a.x1();
        if (a.font().contains("Mono") && b.font().contains("Mono") && gap > a.size() * 0.1) {
          codeSpaces++;
          if (gap > 1.5 * space) {
            wide.add(String.format("%.1f× %s", gap / space, PdfGlyphs.text(row)));
          }
        }
      }
    }
    assertThat(codeSpaces).isGreaterThan(100);
    assertThat(wide).isEmpty();
    assertThat(spacing.wideShare()).isLessThanOrEqualTo(0.01);
  }

  /**
   * On the 6-inch page English is set ragged-right: hyphenated, every word space at its own width,
   * the lines ending where they end.
   */
  @ParameterizedTest
  @CsvSource({"6in", "6in-code"})
  void englishOnANarrowPageIsRaggedRightWithNaturalSpaces(String variant) throws Exception {
    Spacing spacing = spacing(variant);
    List<String> stretched = new ArrayList<>();
    int lines = 0;
    for (List<Glyph> row : PdfGlyphs.rows(pdfs.get(variant))) {
      String t = PdfGlyphs.text(row);
      if (t.length() <= 30 || !t.chars().allMatch(c -> c < 0x80) || t.contains(". .")) {
        continue;
      }
      lines++;
      for (int k = 0; k + 1 < row.size(); k++) {
        float gap = row.get(k + 1).x0() - row.get(k).x1();
        if (gap > 1.4 * spacing.space()) {
          stretched.add(String.format("%.1f× %s", gap / spacing.space(), t));
        }
      }
    }
    assertThat(lines).isGreaterThan(300);
    assertThat(stretched).isEmpty();
    assertThat(spacing.flushShare()).as("lines reaching the edge").isLessThan(0.25);
  }

  /** Wide-gap share of justified lines, and the share of all English lines that are justified. */
  record Spacing(double wideShare, double flushShare, float space) {}

  static double wideSpaceShare(String variant) throws Exception {
    return spacing(variant).wideShare();
  }

  static Spacing spacing(String variant) throws Exception {
    List<List<Glyph>> rows = PdfGlyphs.rows(pdfs.get(variant));
    float right = 0;
    float left = Float.MAX_VALUE;
    List<List<Glyph>> english = new ArrayList<>();
    for (List<Glyph> row : rows) {
      String t = PdfGlyphs.text(row);
      // Not a contents entry: its dot leader is spaced wide on purpose, and it is not a justified
      // line (with its page number on the same baseline it would otherwise read as one).
      if (t.length() > 30 && t.chars().allMatch(c -> c < 0x80) && !t.contains(". . .")) {
        english.add(row);
        right = Math.max(right, row.get(row.size() - 1).x1());
        left = Math.min(left, row.get(0).x0());
      }
    }
    // A normal word space: the text face's own (PDFBox's width of its space glyph), the median
    // over the English lines' glyphs. The gaps on lines short of the edge are no measure: on a
    // narrow page many of them are stretched lines that could not reach it.
    List<Float> spaces = new ArrayList<>();
    english.forEach(r -> r.forEach(g -> spaces.add(g.space())));
    spaces.sort(null);
    float space = spaces.get(spaces.size() / 2);
    int justified = 0;
    List<String> wide = new ArrayList<>();
    for (List<Glyph> row : english) {
      if (right - row.get(row.size() - 1).x1() > 1.0) {
        continue; // a paragraph's last line
      }
      justified++;
      float widest = 0;
      for (int k = 0; k + 1 < row.size(); k++) {
        float gap = row.get(k + 1).x0() - row.get(k).x1();
        if (gap > row.get(k).size() * 0.1) {
          widest = Math.max(widest, gap / space);
        }
      }
      if (widest > 2) {
        wide.add(String.format("%.1f× %s", widest, PdfGlyphs.text(row)));
      }
    }
    System.err.printf(
        "%s: %d of %d justified English lines (of %d) with a space over 2 × %.2fpt: %s%n",
        variant, wide.size(), justified, english.size(), space, wide);
    return new Spacing(
        justified == 0 ? 0 : (double) wide.size() / justified,
        (double) justified / english.size(),
        space);
  }

  /** A hyphenated word extracts as its two halves with the drawn hyphen; joined, the word. */
  @ParameterizedTest
  @CsvSource({"a5", "6in"})
  void hyphenatedWordsExtractAsTheWord(String variant) throws Exception {
    Set<String> words = new HashSet<>(List.of(english.toLowerCase().split("[^a-z]+")));
    List<List<Glyph>> rows = PdfGlyphs.rows(pdfs.get(variant));
    int hyphenated = 0;
    for (int i = 0; i + 1 < rows.size(); i++) {
      String t = PdfGlyphs.text(rows.get(i));
      if (!t.matches("[A-Za-z ,.]*[a-z]-")) {
        continue;
      }
      String next = PdfGlyphs.text(rows.get(i + 1));
      if (!Character.isLetter(next.charAt(0))) {
        continue; // a page number: the word goes on over the page
      }
      String head = t.substring(t.lastIndexOf(' ') + 1, t.length() - 1);
      String tail = next.split("[^A-Za-z]", 2)[0];
      assertThat(words).as(t + " / " + next).contains((head + tail).toLowerCase());
      hyphenated++;
    }
    assertThat(hyphenated).isGreaterThan(10);
  }

  /**
   * zh-hugo-darjun, A5 PDF: in Chinese lines justified to the edge, the few Latin spaces take the
   * whole stretch: "（Anders␣␣␣Ericsson）" on page 185 (/work/archives/_runs/png/darjun-p185-185.png,
   * content/post/2019-04-02-arts-week4.md), "3␣␣个函数" on page 448; 39 of 2,546 Chinese lines have a
   * space wider than 0.8 of the text height. The library gives four fifths of a line's slack to its
   * word spaces; LatinRuns takes those spaces out of the count, so the slack goes between the
   * characters and a space keeps about its width.
   */
  @Test
  void chineseLinesDoNotPutTheirStretchIntoTheirFewSpaces(@TempDir Path dir) throws Exception {
    String[] names = {"Anna Berg", "Tom Lee", "Ray Fox", "Ida Holm"};
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    Random random = new Random(11);
    StringBuilder md = new StringBuilder("---\ntitle: 混排\ndate: 2024-05-01\n---\n\n");
    for (int p = 0; p < 60; p++) {
      for (int i = 0; i < 8; i++) {
        int start = random.nextInt(han.length() - 12);
        md.append(han, start, start + 3 + random.nextInt(9));
        String name = names[random.nextInt(names.length)];
        md.append(
            switch (random.nextInt(3)) {
              case 0 -> "（" + name + "）";
              case 1 -> " " + (2 + random.nextInt(7)) + " 个";
              // ruanyf/weekly: the space after a link, "（[@FeynmanZhou](…) 投稿）"
              default -> "（[@" + name.split(" ")[0] + "](https://example.org/" + p + ") 投稿）";
            });
      }
      md.append("。\n\n");
    }
    Path src = dir.resolve("zh");
    TestPosts.write(src, "mixed.md", md.toString());
    TestBuilds.build(
        TestBuilds.utc(src, dir.resolve("pdf")).offline(true).name("mixed").formats(Format.PDF));

    List<String> wide = new ArrayList<>();
    int flush = 0;
    for (var row : flushRows(dir.resolve("pdf/mixed.pdf"))) {
      String text = PdfGlyphs.text(row);
      if (!text.matches(".*[\\u4e00-\\u9fff].*")
          || text.contains(". . .")) { // a contents entry's dot leader
        continue;
      }
      flush++;
      for (int k = 0; k + 1 < row.size(); k++) {
        var a = row.get(k);
        float gap = row.get(k + 1).x0() - a.x1();
        if (gap > a.size() * 0.1 && gap > 2 * a.space()) {
          wide.add(String.format("p%d %.1fx %s", a.page(), gap / a.space(), text));
          break;
        }
      }
    }
    assertThat(flush).isGreaterThan(100);
    assertThat(wide).as("%d of %d Chinese lines flush to the edge", wide.size(), flush).isEmpty();
  }

  /**
   * Chinese text naming long identifiers in inline code, as iOS and C++ blogs do ({@code
   * UIActivityViewController}, {@code AdvanceEventRecorder::RecordEvent(KeyEvent*}): an identifier
   * that does not fit where a line ends breaks between its words, so the line before is seldom
   * spread apart: a word of ten letters that does not fit still leaves a quarter em between the
   * characters of a short line. Kept whole, one such blog had 366 lines of 11,019 with a quarter em
   * or more between their characters, 222 after.
   */
  @Test
  void chineseLinesBeforeALongIdentifierAreNotSpreadApart(@TempDir Path dir) throws Exception {
    String[] names = {
      "`UIActivityViewController`",
      "`AdvanceEventRecorder::RecordEvent(KeyEvent*`",
      "`NSPersistentContainerDescription`",
      "`imageMaskViewDidFinishLoading`",
      "`ShareButton.swift`"
    };
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    Random random = new Random(5);
    StringBuilder md = new StringBuilder("---\ntitle: 标识符\ndate: 2024-05-01\n---\n\n");
    for (int p = 0; p < 60; p++) {
      for (int i = 0; i < 4; i++) {
        md.append(han, 0, 8 + random.nextInt(han.length() - 8));
        md.append(names[random.nextInt(names.length)]);
      }
      md.append("。\n\n");
    }
    Path src = dir.resolve("zh");
    TestPosts.write(src, "identifiers.md", md.toString());
    TestBuilds.build(
        TestBuilds.utc(src, dir.resolve("pdf")).offline(true).name("ids").formats(Format.PDF));

    List<String> spread = new ArrayList<>();
    int flush = 0;
    for (var row : flushRows(dir.resolve("pdf/ids.pdf"))) {
      List<Float> gaps = new ArrayList<>();
      for (int k = 0; k + 1 < row.size(); k++) {
        var a = row.get(k);
        var b = row.get(k + 1);
        if (a.text().matches("[\\u4e00-\\u9fff]") && b.text().matches("[\\u4e00-\\u9fff]")) {
          gaps.add((b.x0() - a.x1()) / a.size());
        }
      }
      if (gaps.size() < 5) {
        continue;
      }
      flush++;
      java.util.Collections.sort(gaps);
      if (gaps.get(gaps.size() / 2) >= 0.25f) {
        spread.add(
            String.format(
                "p%d %.2fem %s",
                row.get(0).page(), gaps.get(gaps.size() / 2), PdfGlyphs.text(row)));
      }
    }
    assertThat(flush).isGreaterThan(100);
    assertThat(spread)
        .as("%d of %d Chinese lines flush to the edge", spread.size(), flush)
        .hasSizeLessThan(flush / 20); // kept whole: 33 of 251
  }

  /**
   * The printed rows of {@code pdf} that end at the right edge of the text: justified lines, not a
   * paragraph's last line, a heading or the page number.
   */
  static List<List<PdfGlyphs.Glyph>> flushRows(Path pdf) throws java.io.IOException {
    List<List<PdfGlyphs.Glyph>> rows = PdfGlyphs.rows(pdf);
    float right = 0;
    for (var row : rows) {
      right = Math.max(right, row.get(row.size() - 1).x1());
    }
    List<List<PdfGlyphs.Glyph>> flush = new ArrayList<>();
    for (var row : rows) {
      if (right - row.get(row.size() - 1).x1() <= 1.0) {
        flush.add(row);
      }
    }
    return flush;
  }
}
