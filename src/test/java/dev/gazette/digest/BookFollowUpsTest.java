package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.Limits;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Book mode: linked section titles, an intro listed once, 目录, cut index titles, labels. */
class BookFollowUpsTest {
  private static final Gazette GAZETTE = Gazette.create();
  @TempDir Path dir;

  private Map<String, String> build(DigestRequest.Builder b) throws Exception {
    DigestResult r =
        GAZETTE.build(
            b.zone(ZoneId.of("Asia/Shanghai"))
                .outputDir(dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB)
                .build());
    Path epub = r.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    return Epubs.textEntries(epub);
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void splitLevelTwoChapterWithIntroAppearsOnceAndSectionTitlesAreLinks() throws Exception {
    Path book =
        TestPosts.write(
            dir,
            "book.md",
            "# 一本书\n\n# 第一章\n\n第一章的引言。\n\n## 第一节\n\n正文一。\n\n## 第二节\n\n正文二。\n\n"
                + "# 第二章\n\n## 第三节\n\n正文三。\n");
    Map<String, String> epub = build(DigestRequest.builder().source(book).splitLevel(2));
    String nav = epub.get("OEBPS/nav.xhtml");
    assertThat(count(nav, "第一章")).isEqualTo(1);
    assertThat(nav)
        .containsPattern("<li class=\"toc-section\"><a href=\"a\\d+\\.xhtml\">第一章</a>")
        .containsPattern("<li class=\"toc-section\"><a href=\"a\\d+\\.xhtml\">第二章</a>")
        .doesNotContain("<span>");
    String ncx = epub.get("OEBPS/toc.ncx");
    assertThat(count(ncx, "<text>第一章</text>")).isEqualTo(1);
    // A book's contents page says 目录, not 本期内容.
    assertThat(epub.get("OEBPS/title.xhtml")).contains("目录").doesNotContain("本期内容");
  }

  @Test
  void indexTitlesAreCutAndLabelsFollowTheDigestLanguage() throws Exception {
    Path src = dir.resolve("src");
    TestPosts.write(src, "part/_index.md", "---\ntitle: " + "很长的部分标题".repeat(5) + "\n---\n");
    TestPosts.write(src, "part/a.md", "---\ntitle: 中文文章\n---\n\n这是一篇很长的中文文章，说了很多事情。\n");
    TestPosts.write(src, "part/b.md", "---\ntitle: 第二篇\n---\n\n又是一篇中文文章，内容很丰富。\n");
    TestPosts.write(src, "other/d.md", "---\ntitle: 另一部分\n---\n\n另一个部分的中文文章。\n");
    TestPosts.write(
        src,
        "part/c.md",
        "---\ntitle: English\ndate: 2016-11-05 22:39\n---\n\nPlain English text here.\n");
    Map<String, String> epub =
        build(
            DigestRequest.builder()
                .source(src)
                .order(dev.gazette.model.OrderRule.PATH)
                .limits(Limits.defaults().withMaxTitleChars(12)));
    String nav = epub.get("OEBPS/nav.xhtml");
    assertThat(nav).contains(">很长的部分标题很长的部…</a>");
    String english =
        epub.values().stream().filter(t -> t.contains("English</h1>")).findFirst().get();
    assertThat(english).contains("2016年11月5日 22:39").doesNotContain("November");
  }
}
