package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.DateRange;
import dev.gazette.model.Post;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mislabeled GMT stamps: the check hint, and the wall-clock override that corrects them. */
class WallClockTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  @TempDir Path dir;

  /** A feed writing Beijing evening times stamped GMT: read literally, they fall at night. */
  private void shiftedFeed(Path src, String folder, boolean pictures) {
    for (int i = 0; i < 8; i++) {
      int hour = 17 + (i % 6); // 17:00-22:00 wall clock = 01:00-06:00 next day in Shanghai
      String day = String.format("%02d", 1 + i);
      String picture =
          pictures
              ? "headimg: 'https://img.example.org/news/2021/07/"
                  + day
                  + "/202107"
                  + day
                  + hour
                  + "1500123.jpg'\n"
              : "";
      TestPosts.write(
          src,
          folder + "/n" + i + ".md",
          "---\ntitle: 新闻"
              + i
              + "\n"
              + picture
              + "date: Fri, "
              + day
              + " Jul 2021 "
              + hour
              + ":20:26 GMT\n---\n\n<div><p>正文。</p></div>\n");
    }
  }

  private CheckResult check(Path src) throws GazetteException {
    return Gazette.create().check(DigestRequest.builder().source(src).zone(SHANGHAI).build());
  }

  @Test
  void checkSuggestsAnOverrideForAFolderOfShiftedStamps() throws Exception {
    Path src = dir.resolve("src");
    shiftedFeed(src, "feeds/bot", false);
    // A folder stamped right: daytime in Shanghai.
    for (int i = 0; i < 6; i++) {
      TestPosts.write(
          src,
          "feeds/right/r" + i + ".md",
          "---\ntitle: R" + i + "\ndate: 2021-07-0" + (i + 1) + "T0" + i + ":10:00Z\n---\n\nx\n");
    }
    List<String> hints = check(src).hints();
    assertThat(hints).hasSize(1);
    assertThat(hints.get(0))
        .contains("8 of 8 posts in feeds/bot")
        .contains("(100%)")
        .contains("wall-clock: {\"feeds/bot/**\": Asia/Shanghai}");
  }

  @Test
  void noHintForAnArchiveStampedRightOrReadInUtc() throws Exception {
    Path src = dir.resolve("src");
    for (int i = 0; i < 10; i++) {
      TestPosts.write(
          src,
          "feed/p" + i + ".md",
          "---\ntitle: P"
              + i
              + "\ndate: Fri, 0"
              + (1 + i % 9)
              + " Jul 2021 0"
              + (i % 9)
              + ":30:00 GMT\n---\n\nx\n");
    }
    assertThat(check(src).hints()).isEmpty();
    // The shifted feed read in UTC: no zone to suggest.
    Path shifted = dir.resolve("shifted");
    shiftedFeed(shifted, "bot", false);
    assertThat(
            Gazette.create()
                .check(DigestRequest.builder().source(shifted).zone(ZoneId.of("UTC")).build())
                .hints())
        .isEmpty();
  }

  @Test
  void pictureUploadTimesAreEvidenceEvenInDaytime() throws Exception {
    // Stamps at 01:15-06:15 GMT fall in the Shanghai daytime, but pictures were uploaded at those
    // very wall-clock times, eight hours before the Shanghai reading: a mislabeled feed.
    Path src = dir.resolve("src");
    for (int i = 0; i < 6; i++) {
      String day = "0" + (1 + i);
      String hour = "0" + (1 + i);
      TestPosts.write(
          src,
          "morning/m" + i + ".md",
          "---\ntitle: M"
              + i
              + "\ndate: Fri, "
              + day
              + " Jul 2021 "
              + hour
              + ":15:00 GMT\n---\n\n<div><p><img src=\"https://img.example.org/n/2021/07/"
              + day
              + "/202107"
              + day
              + hour
              + "1000555.jpg\"></p></div>\n");
    }
    List<String> hints = check(src).hints();
    assertThat(hints).singleElement().asString().contains("6 of 6 picture upload times match");
  }

  @Test
  void overrideMovesSundayEveningPostsBackIntoTheirWeek() throws Exception {
    Path src = dir.resolve("src");
    TestPosts.write(
        src,
        "feeds/bot/sunday.md",
        "---\ntitle: 周日晚间新闻\ndate: Sun, 04 Jul 2021 21:45:50 GMT\n---\n\n<div><p>正文。</p></div>\n");
    DigestRequest.Builder b =
        DigestRequest.builder()
            .source(src)
            .zone(SHANGHAI)
            .range(DateRange.ofIsoWeek("2021-W26"), "2021-W26");
    assertThat(Gazette.create().select(b.build()).posts()).isEmpty();

    List<Post> posts =
        Gazette.create().select(b.wallClock(Map.of("feeds/bot/**", SHANGHAI)).build()).posts();
    assertThat(posts).hasSize(1);
    assertThat(posts.get(0).date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2021-07-04T13:45:50Z"));
    assertThat(posts.get(0).date().orElseThrow().wallClock()).isEqualTo(SHANGHAI);
  }
}
