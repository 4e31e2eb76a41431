package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinese typesetting measured on the printed page (PDFBox text positions), on the sample news
 * posts (17,000+ Han characters) at three measures: A5, the print theme's A4, and a 6-inch reader
 * page.
 */
class PdfTypographyTest {
  static final String CLOSING = "，。、；：？！”’）》」』】〕〉…·";
  static final String OPENING = "“‘（《「『【〔〈";
  static final Pattern LATIN_RUN_END = Pattern.compile("([A-Za-z0-9.%]+)$");
  static final Pattern LATIN_RUN_START = Pattern.compile("^([A-Za-z0-9.%]+)");

  @TempDir static Path out;
  static final Map<String, Path> pdfs = new HashMap<>();
  static String sourceText;

  @BeforeAll
  static void build() throws Exception {
    Gazette gazette = Gazette.create();
    for (String[] variant :
        new String[][] {
          {"a5", "book", "A5"}, {"a4-print", "print", "A4"}, {"6in", "book", "6in"}
        }) {
      DigestRequest request =
          DigestRequest.builder()
              .source(TestPosts.samples().resolve("news"))
              .zone(ZoneId.of("Asia/Shanghai"))
              .outputDir(out)
              .name(variant[0])
              .theme(variant[1])
              .pageSize(variant[2])
              .formats(dev.gazette.model.Format.PDF)
              .build();
      gazette.build(request);
      pdfs.put(variant[0], out.resolve(variant[0] + ".pdf"));
    }
    StringBuilder sb = new StringBuilder();
    for (var f : java.nio.file.Files.list(TestPosts.samples().resolve("news")).toList()) {
      if (f.toString().endsWith(".md")) {
        sb.append(java.nio.file.Files.readString(f)).append('\n');
      }
    }
    sourceText = sb.toString();
  }

  static List<Line> bodyLines(String variant) throws Exception {
    List<Line> lines = PdfLines.read(pdfs.get(variant), 1);
    float bodySize = mostCommonSize(lines);
    // The table of contents (pages with dot leaders) is set in the body font but is not body text.
    java.util.Set<Integer> tocPages = new java.util.HashSet<>();
    lines.stream().filter(l -> l.text().contains("....")).forEach(l -> tocPages.add(l.page()));
    float topMargin = variant.equals("6in") ? 8 * 72 / 25.4f : 16 * 72 / 25.4f;
    return lines.stream()
        .filter(l -> !tocPages.contains(l.page()))
        .filter(l -> l.y() > topMargin)
        .filter(l -> Math.abs(l.fontSize() - bodySize) < 0.1 && l.font().contains("Serif"))
        .toList();
  }

  static float mostCommonSize(List<Line> lines) {
    Map<Float, Integer> count = new HashMap<>();
    lines.forEach(l -> count.merge(l.fontSize(), l.text().length(), Integer::sum));
    return count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  @ParameterizedTest
  @CsvSource({"a5", "a4-print", "6in"})
  void noLineStartsWithClosingOrEndsWithOpeningPunctuation(String variant) throws Exception {
    List<Line> lines = bodyLines(variant);
    long han =
        lines.stream()
            .flatMapToInt(l -> l.text().codePoints())
            .filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
            .count();
    assertThat(han).as("Han characters measured").isGreaterThanOrEqualTo(10_000);
    List<String> violations = new ArrayList<>();
    for (Line l : lines) {
      String t = l.text();
      if (CLOSING.indexOf(t.charAt(0)) >= 0) {
        violations.add("starts with " + t.charAt(0) + ": " + t);
      }
      if (OPENING.indexOf(t.charAt(t.length() - 1)) >= 0) {
        violations.add("ends with " + t.charAt(t.length() - 1) + ": " + t);
      }
    }
    assertThat(violations).as("%d lines checked", lines.size()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"a5", "a4-print", "6in"})
  void latinWordsAndNumbersAreNeverSplit(String variant) throws Exception {
    List<Line> lines = bodyLines(variant);
    String compactSource = sourceText.replaceAll("\\s+", "");
    List<String> splits = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      Matcher end = LATIN_RUN_END.matcher(lines.get(i).text());
      Matcher start = LATIN_RUN_START.matcher(lines.get(i + 1).text());
      if (end.find() && start.find()) {
        String left = end.group(1);
        String right = start.group(1);
        boolean brokeAtSpace =
            sourceText.contains(left + " " + right) || sourceText.contains(left + "\n" + right);
        if (!brokeAtSpace && compactSource.contains(left + right)) {
          splits.add(left + "|" + right);
        }
      }
    }
    assertThat(splits).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"a5", "a4-print", "6in"})
  void nonFinalBodyLinesReachTheColumnEdge(String variant) throws Exception {
    List<Line> lines = bodyLines(variant);
    float[] left = {Float.MAX_VALUE};
    float[] right = {0};
    for (Line l : lines) {
      left[0] = Math.min(left[0], l.x0());
      right[0] = Math.max(right[0], l.x1());
    }
    int nonFinal = 0;
    List<String> ragged = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      Line l = lines.get(i);
      Line next = lines.get(i + 1);
      int cn = 0;
      boolean nextStartsParagraph = next.x0() > left[cn] + l.fontSize();
      boolean gapAfter = next.page() == l.page() && next.y() - l.y() > l.fontSize() * 2.2;
      if (nextStartsParagraph || gapAfter) {
        continue; // last line of a paragraph
      }
      nonFinal++;
      int c = 0;
      if (Math.abs(l.x1() - right[c]) > 1.0) {
        ragged.add(
            String.format(
                "p%d %.1f<%.1f %s NEXT p%d x%.1f/%.1f %s",
                l.page(),
                l.x1(),
                right[c],
                l.text(),
                next.page(),
                next.x0(),
                left[cn],
                next.text()));
      }
    }
    double justified = 1.0 - (double) ragged.size() / nonFinal;
    System.err.printf(
        "%s: %d non-final lines, %.2f%% justified%n", variant, nonFinal, justified * 100);
    assertThat(nonFinal).isGreaterThan(300);
    assertThat(justified).as("justified share; ragged: %s", ragged).isGreaterThanOrEqualTo(0.99);
  }
}
