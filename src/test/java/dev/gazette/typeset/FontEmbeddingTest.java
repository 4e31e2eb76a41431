package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.cli.Main;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Fonts;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fonts in the outputs: EPUB subsets hold only used characters, user fonts, refusals, missing
 * glyphs.
 */
class FontEmbeddingTest {
  @TempDir Path dir;

  /** The first {@code count} characters of GB2312 level 1 (the most common Hanzi), generated. */
  static String commonHanzi(int count) {
    Charset gb = Charset.forName("GB2312");
    StringBuilder sb = new StringBuilder();
    for (int hi = 0xB0; hi <= 0xD7 && sb.length() < count; hi++) {
      for (int lo = 0xA1; lo <= 0xFE && sb.length() < count; lo++) {
        String c = new String(new byte[] {(byte) hi, (byte) lo}, gb);
        if (c.length() == 1
            && Character.UnicodeScript.of(c.charAt(0)) == Character.UnicodeScript.HAN) {
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  @Test
  void epubFontsAreSubsetsOfUsedCharactersWithinSizeBudget() throws Exception {
    String hanzi = commonHanzi(3000);
    Path posts = dir.resolve("posts");
    for (int i = 0; i < 10; i++) {
      String chunk = hanzi.substring(i * 300, (i + 1) * 300);
      StringBuilder body = new StringBuilder();
      for (int j = 0; j < chunk.length(); j += 60) {
        body.append(chunk, j, Math.min(chunk.length(), j + 60)).append("，").append("。");
        body.append(j % 120 == 0 ? "<strong>重点</strong>" : "").append("\n");
      }
      TestPosts.write(
          posts,
          "p" + i + ".md",
          TestPosts.hexo("第" + (i + 1) + "篇", "2021-07-0" + (i % 9 + 1), body.toString()));
    }
    DigestResult result =
        TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).formats(Format.EPUB));
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();

    long fontBytes = 0;
    Set<Integer> bodyCps = new TreeSet<>();
    for (ZipEntry e : Epubs.entries(epub)) {
      if (e.getName().startsWith("OEBPS/fonts/")) {
        byte[] data = Epubs.entry(epub, e.getName());
        fontBytes += data.length;
        Set<Integer> cps = Fonts.codePoints(data);
        if (e.getName().endsWith("/body.ttf")) {
          bodyCps = cps;
        }
        if (!e.getName().endsWith("/body.ttf")) {
          assertThat(cps.size())
              .as(e.getName() + " holds only its role's characters")
              .isLessThan(400);
        }
      }
    }
    Set<Integer> used = new TreeSet<>();
    hanzi.codePoints().forEach(used::add);
    assertThat(bodyCps).containsAll(used);
    long extra = bodyCps.stream().filter(cp -> !used.contains(cp) && cp > 0x7F).count();
    assertThat(extra).as("characters beyond the text and the base set").isLessThan(120);
    System.err.printf("3000 distinct Hanzi: fonts total %d bytes%n", fontBytes);
    assertThat(fontBytes).isLessThanOrEqualTo(1_500_000);
  }

  @Test
  void headingFaceCoversEveryTextTheStylesheetSetsInIt() throws Exception {
    DigestResult result =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(TestPosts.samples())
                    .zone(ZoneId.of("Asia/Shanghai"))
                    .week("2021-W26")
                    .offline(true)
                    .imageCache(dir.resolve("cache"))
                    .outputDir(dir.resolve("out"))
                    .formats(Format.EPUB)
                    .build());
    Path epub = result.outputs().get(0).path();
    Set<Integer> heading = Fonts.codePoints(Epubs.entry(epub, "OEBPS/fonts/heading.ttf"));
    var masthead = org.jsoup.Jsoup.parse(Epubs.textEntries(epub).get("OEBPS/title.xhtml"));
    String sansTexts =
        masthead.select(".masthead-issue, .masthead-section-title, .digest-title, h2").text();
    assertThat(sansTexts).contains("2021 年第 26 周").contains("星期五");
    sansTexts
        .codePoints()
        .filter(cp -> !Character.isWhitespace(cp))
        .forEach(
            cp ->
                assertThat(heading).as("heading font has %s", Character.toString(cp)).contains(cp));
  }

  @Test
  void noEmbeddedFontsWhenAsked() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", TestPosts.hexo("标题", "2021-07-01", "正文。"));
    DigestResult result =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(posts)
                    .outputDir(dir.resolve("out"))
                    .formats(Format.EPUB)
                    .embedFonts(false)
                    .build());
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.entries(epub)).noneMatch(e -> e.getName().contains("fonts/"));
    assertThat(Epubs.textEntries(epub).get("OEBPS/styles/gazette.css"))
        .doesNotContain("@font-face");
  }

  @Test
  void userFontFromACollectionFaceIsUsedAndAFaceMustBeChosen() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", TestPosts.hexo("用户字体", "2021-07-01", "这是一段用来测试字体集合的正文。"));
    byte[] serif =
        FontSubsetter.subset(
            new FontCache().get(FontSet.bundled().serif()),
            cps("用户字体这是一段用来测试字体集合的正文。共篇目录1234567890"));
    byte[] sans =
        FontSubsetter.subset(
            new FontCache().get(FontSet.bundled().sans()),
            cps("用户字体这是一段用来测试字体集合的正文。共篇目录1234567890"));
    Path ttc = dir.resolve("pair.ttc");
    Files.write(ttc, Fonts.collection(List.of(serif, sans)));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "build",
            posts.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--font-serif",
            ttc + "#NotoSansSC-Regular",
            "--format",
            "pdf");
    assertThat(code).as(err.toString()).isZero();
    assertThat(Pdfs.fontNames(dir.resolve("o/posts.pdf")))
        .anyMatch(n -> n.endsWith("+NotoSansSC-Regular"))
        .noneMatch(n -> n.contains("NotoSerifSC-Regular"));

    StringWriter err2 = new StringWriter();
    code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err2, true),
            "build",
            posts.toString(),
            "--out",
            dir.resolve("o2").toString(),
            "--font-serif",
            ttc.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err2.toString())
        .contains("font collection")
        .contains("Noto Serif SC Regular")
        .contains("Noto Sans SC Regular");
  }

  @Test
  void cffAndMissingFontsAreRefusedWithExitCodeTwoAndOneLine() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", TestPosts.hexo("标题", "2021-07-01", "正文。"));
    Path cff = dir.resolve("SourceHanLike.otf");
    byte[] otto = new byte[64];
    otto[0] = 'O';
    otto[1] = 'T';
    otto[2] = 'T';
    otto[3] = 'O';
    Files.write(cff, otto);
    for (String font : List.of(cff.toString(), dir.resolve("nope.ttf").toString())) {
      StringWriter err = new StringWriter();
      int code =
          Main.run(
              new PrintWriter(new StringWriter()),
              new PrintWriter(err, true),
              "build",
              posts.toString(),
              "--out",
              dir.resolve("o").toString(),
              "--font-sans",
              font);
      assertThat(code).isEqualTo(2);
      assertThat(err.toString().strip().lines()).hasSize(1);
      assertThat(dir.resolve("o")).doesNotExist();
    }
    StringWriter err = new StringWriter();
    Main.run(
        new PrintWriter(new StringWriter()),
        new PrintWriter(err, true),
        "build",
        posts.toString(),
        "--font-sans",
        cff.toString());
    assertThat(err.toString()).contains("CFF").contains("TrueType");
  }

  @Test
  void charactersNoFontHasAreReported() throws Exception {
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "a.md", TestPosts.hexo("表情", "2021-07-01", "笑脸😀和古字𪚥都不在字体里。"));
    DigestResult result =
        Gazette.create()
            .build(DigestRequest.builder().source(posts).outputDir(dir.resolve("out")).build());
    // The emoji comes from the bundled emoji face; the Extension B character from no face.
    assertThat(result.problems())
        .filteredOn(p -> p.message().startsWith("no font"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(posts.resolve("a.md"));
              assertThat(p.message()).contains("𪚥 (U+2A6A5)").doesNotContain("U+1F600");
            });
    assertThat(Epubs.check(dir.resolve("out/posts.epub"))).isEmpty();
  }

  private static Set<Integer> cps(String s) {
    Set<Integer> set = new TreeSet<>();
    s.codePoints().forEach(set::add);
    FontUsage usage = new FontUsage("");
    set.addAll(usage.codePoints(FontRole.BODY));
    return set;
  }
}
