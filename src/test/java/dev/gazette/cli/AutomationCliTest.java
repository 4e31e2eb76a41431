package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scheduled job relies on: zone-correct weeks, exit 3 on an empty week, a check command. */
class AutomationCliTest {
  @TempDir Path tmp;

  @Test
  void aLateSundayPostInUtcIsNextWeekInShanghai() {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    PeriodicalFixture.Run shanghai =
        PeriodicalFixture.run(
            "list", posts.toString(), "--week", "2021-W26", "--zone", "Asia/Shanghai");
    PeriodicalFixture.Run utc =
        PeriodicalFixture.run("list", posts.toString(), "--week", "2021-W26", "--zone", "UTC");
    PeriodicalFixture.Run nextWeek =
        PeriodicalFixture.run(
            "list",
            posts.toString(),
            "--week",
            "this",
            "--today",
            "2021-07-05",
            "--zone",
            "Asia/Shanghai");
    assertThat(shanghai.out()).doesNotContain("周日深夜快讯").contains("周一早间新闻");
    assertThat(shanghai.out().lines().filter(l -> !l.startsWith("# order:"))).hasSize(3);
    assertThat(utc.out()).contains("2021-07-04 17:00  周日深夜快讯");
    assertThat(utc.out().lines().filter(l -> !l.startsWith("# order:"))).hasSize(4);
    assertThat(nextWeek.out()).contains("2021-07-05 01:00  周日深夜快讯").contains("下周二新闻");
  }

  @Test
  void sourceDateEpochIsTodayInTheZone() {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    // 2021-07-04T20:00Z: still Sunday in UTC, already Monday 5 July in Shanghai.
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1625428800");
    assertThat(
            PeriodicalFixture.runWith(
                    env, "list", posts.toString(), "--days", "1", "--zone", "Asia/Shanghai")
                .out())
        .contains("周日深夜快讯")
        .doesNotContain("下周二新闻")
        .doesNotContain("周三");
    assertThat(
            PeriodicalFixture.runWith(env, "list", posts.toString(), "--days", "1", "--zone", "UTC")
                .out())
        .contains("周日深夜快讯");
    // "Last week" from Monday in Shanghai is W26; from Sunday in UTC it is W25, which has no post.
    assertThat(
            PeriodicalFixture.runWith(
                    env, "list", posts.toString(), "--week", "last", "--zone", "Asia/Shanghai")
                .out())
        .contains("周一早间新闻")
        .doesNotContain("周日深夜快讯");
    assertThat(
            PeriodicalFixture.runWith(
                    env, "list", posts.toString(), "--week", "last", "--zone", "UTC")
                .code())
        .isEqualTo(3);
  }

  @Test
  void anEmptyWeekExitsWith3AndWritesNothingUnlessAllowed() throws Exception {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    Path out = tmp.resolve("out");
    PeriodicalFixture.Run empty =
        PeriodicalFixture.run(
            "build",
            posts.toString(),
            "--week",
            "2021-W10",
            "--zone",
            "Asia/Shanghai",
            "--out",
            out.toString(),
            "--report",
            tmp.resolve("r.json").toString());
    assertThat(empty.code()).isEqualTo(3);
    assertThat(empty.err()).contains("no post in 2021-03-08..2021-03-14");
    assertThat(out).doesNotExist();
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    assertThat(report.get("status").asText()).isEqualTo("empty");
    assertThat(report.get("posts")).isEmpty();
    assertThat(report.get("outputs")).isEmpty();

    PeriodicalFixture.Run allowed =
        PeriodicalFixture.run(
            "build",
            posts.toString(),
            "--week",
            "2021-W10",
            "--zone",
            "Asia/Shanghai",
            "--out",
            out.toString(),
            "--allow-empty");
    assertThat(allowed.code()).isZero();
    assertThat(allowed.err()).contains("nothing written");
    assertThat(out).doesNotExist();
  }

  @Test
  void anAllowedEmptyRunSaysWhyEveryPostWasLeftOut() throws Exception {
    Path posts = tmp.resolve("posts");
    TestPosts.write(
        posts,
        "deep.md",
        PeriodicalFixture.post("太深了", "2021-07-01", "新闻", ">".repeat(10_000) + " 引文"));
    PeriodicalFixture.Run allowed =
        PeriodicalFixture.run(
            "build",
            posts.toString(),
            "--out",
            tmp.resolve("out").toString(),
            "--report",
            tmp.resolve("r.json").toString(),
            "--allow-empty");
    assertThat(allowed.code()).isZero();
    assertThat(allowed.err())
        .contains("deep.md")
        .contains("nested too deeply")
        .contains("nothing written");
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    assertThat(report.get("problems").get(0).get("message").asText()).contains("nested too deeply");
  }

  @Test
  void aFailedRunStillWritesAReportSayingWhy() throws Exception {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    PeriodicalFixture.Run strict =
        PeriodicalFixture.run(
            "build",
            posts.toString(),
            "--week",
            "2021-W26",
            "--zone",
            "Asia/Shanghai",
            "--strict",
            "--out",
            tmp.resolve("out").toString(),
            "--report",
            tmp.resolve("r.json").toString());
    assertThat(strict.code()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
    assertThat(report.get("status").asText()).isEqualTo("failed");
    assertThat(report.get("failure").asText()).contains("strict mode");
    assertThat(report.get("problems").get(0).get("file").asText()).isEqualTo("news/broken.md");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void checkReportsBadDatesMissingTitlesBrokenImagesAndConfigKeys() {
    Path posts = tmp.resolve("posts");
    TestPosts.write(posts, "good.md", PeriodicalFixture.post("好文章", "2021-07-01", "新闻", "正文。"));
    TestPosts.write(posts, "bad-date.md", "---\ntitle: 日期错了\ndate: 2021-13-45\n---\n\n正文。\n");
    TestPosts.write(posts, "no-title.md", "---\ndate: 2021-07-02\n---\n\n没有标题的正文。\n");
    TestPosts.write(
        posts,
        "broken-image.md",
        "---\ntitle: 图片\ndate: 2021-07-03\n---\n\n![图](images/missing.png)\n");
    TestPosts.write(posts, "gazette.yml", "title: 周报\nthme: book\n");
    PeriodicalFixture.Run check = PeriodicalFixture.run("check", posts.toString());
    assertThat(check.code()).isEqualTo(1);
    assertThat(check.out())
        .contains("gazette.yml:2: error: 'thme': unknown key")
        .contains("bad-date.md:3:")
        .contains("no-title.md:1: warning: no title")
        .contains("broken-image.md:6: warning: image 'images/missing.png'")
        .doesNotContain("good.md");

    Path clean = tmp.resolve("clean");
    TestPosts.write(clean, "good.md", PeriodicalFixture.post("好文章", "2021-07-01", "新闻", "正文。"));
    PeriodicalFixture.Run ok = PeriodicalFixture.run("check", clean.toString());
    assertThat(ok.code()).as(ok.out()).isZero();
    assertThat(ok.out()).contains("1 post read, 0 problems");
  }

  @Test
  void aBadConfigFileStopsTheBuildNamingFileKeyAndLine() throws Exception {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    Files.writeString(posts.resolve("gazette.yml"), "zone: Asia/Shanghai\ngroup-by: weekday\n");
    PeriodicalFixture.Run run =
        PeriodicalFixture.run("build", posts.toString(), "--out", tmp.resolve("o").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "gazette.yml:2: 'group-by': unknown grouping 'weekday' (expected day, category or"
                + " none)");
  }
}
