package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.DateRange;
import dev.gazette.model.Format;
import dev.gazette.model.PostDate;
import dev.gazette.model.PostDate.Source;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A digest's words in its language; Japanese has its own, not Chinese ones. */
class LabelsTest {
  @TempDir Path dir;

  private static final LocalDate FRIDAY = LocalDate.of(2021, 7, 2);

  @Test
  void eachLanguageHasItsWords() {
    Labels hans = Labels.forLanguage("zh-Hans");
    Labels hant = Labels.forLanguage("zh-Hant");
    Labels ja = Labels.forLanguage("ja");
    Labels en = Labels.forLanguage("en");

    assertThat(hans.contents()).isEqualTo("目录");
    assertThat(hant.contents()).isEqualTo("目錄");
    assertThat(ja.contents()).isEqualTo("目次");
    assertThat(en.contents()).isEqualTo("Contents");
    assertThat(ja.uncategorized()).isEqualTo("その他");
    assertThat(ja.original()).isEqualTo("元記事");
    assertThat(ja.undated()).isEqualTo("日付なし");
    assertThat(ja.articleCount(3)).isEqualTo("全 3 件");
    assertThat(ja.imageCount(2)).isEqualTo("2 枚の画像");
    assertThat(ja.cover()).isEqualTo("表紙");
    assertThat(hans.uncategorized()).isEqualTo("其他");
    assertThat(en.articleCount(1)).isEqualTo("1 article");
  }

  @Test
  void japaneseDatesAreWrittenInYearMonthDayWithAJapaneseWeekday() {
    Labels ja = Labels.forLanguage("ja-JP");
    assertThat(ja.day(FRIDAY)).isEqualTo("2021年7月2日");
    assertThat(ja.dayWithWeekday(FRIDAY)).isEqualTo("2021年7月2日 金曜日");
    assertThat(Labels.forLanguage("zh-Hans").dayWithWeekday(FRIDAY)).isEqualTo("2021年7月2日 星期五");
    assertThat(ja.issue(DateRange.ofIsoWeek("2021-W26"))).isEqualTo("2021年 第26週");
    assertThat(ja.issue(DateRange.ofMonth("2021-07"))).isEqualTo("2021年7月");
    assertThat(Labels.forLanguage("zh").issue(DateRange.ofMonth("2021-07")))
        .isEqualTo("2021 年 7 月");
  }

  /** etak64n-blog (Zola, Japanese): its digest said 目录, 其他 and 共 48 篇. */
  @Test
  void aJapaneseDigestSpeaksJapanese() throws Exception {
    TestPosts.write(
        dir,
        "posts/a.md",
        "---\ntitle: 鍵の生成\ndate: 2025-09-01\n---\n\n公開鍵と秘密鍵のペアを作る手順を、ひとつずつ確かめていきます。\n");
    TestPosts.write(
        dir,
        "posts/b.md",
        "---\ntitle: ファミコンの歴史\ndate: 2025-09-02\n---\n\n家庭用ゲーム機として、リビングに置いて家族で遊ぶ姿を想定していました。\n");
    Path epub =
        TestBuilds.build(
                TestBuilds.utc(dir.resolve("posts"), dir.resolve("out")).formats(Format.EPUB))
            .outputs()
            .get(0)
            .path();

    assertThat(Epubs.check(epub)).isEmpty();
    String pages =
        Epubs.textEntries(epub).entrySet().stream()
            .filter(e -> e.getKey().endsWith(".xhtml"))
            .map(e -> e.getValue())
            .collect(Collectors.joining("\n"));
    assertThat(pages).contains("目次", "2025年9月1日", "lang=\"ja\"").doesNotContain("目录", "共 2 篇");
  }

  /** The Zig site dates its pages at midnight, meaning a day: "7 August 2024 00:00" said so. */
  @Test
  void aPostDateAtMidnightShowsTheDayOnly() {
    Labels en = Labels.forLanguage("en");
    ZoneId utc = ZoneOffset.UTC;
    Instant midnight = Instant.parse("2024-08-07T00:00:00Z");
    assertThat(en.postDate(new PostDate(midnight, false, Source.FRONT_MATTER), utc))
        .isEqualTo("7 August 2024");
    assertThat(en.postDate(new PostDate(midnight.plusSeconds(60), false, Source.FRONT_MATTER), utc))
        .isEqualTo("7 August 2024 00:01");
    assertThat(
            Labels.forLanguage("zh-Hans")
                .postDate(
                    new PostDate(midnight, false, Source.FRONT_MATTER), ZoneId.of("Asia/Shanghai")))
        .isEqualTo("2024年8月7日 08:00");
  }
}
