package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drafts are counted in list, check and the report; --wall-clock and wall-clock: correct times. */
class LeftOutAndWallClockCliTest {
  @TempDir Path dir;
  Path posts;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writePosts() {
    posts = dir.resolve("posts");
    TestPosts.write(
        posts,
        "feed/a.md",
        "---\ntitle: Evening\ndate: Sun, 04 Jul 2021 21:45:50 GMT\n---\n\n<div><p>x</p></div>\n");
    TestPosts.write(posts, "d1.md", "---\ntitle: D1\ndate: 2021-07-01\ndraft: true\n---\n\nx\n");
    TestPosts.write(posts, "_drafts/d2.md", "---\ntitle: D2\ndate: 2021-07-01\n---\n\nx\n");
  }

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void listAndCheckSayHowManyDraftsWereLeftOut() {
    run("list", posts.toString(), "--zone", "Asia/Shanghai");
    assertThat(err.toString()).contains("2 drafts left out; --drafts includes them");
    run("check", posts.toString());
    assertThat(out.toString()).contains("2 drafts left out; --drafts includes them");
    err.getBuffer().setLength(0);
    run("list", posts.toString(), "--drafts");
    assertThat(err.toString()).doesNotContain("drafts left out");
  }

  @Test
  void wallClockOptionAndSettingCorrectTheListedTime() throws Exception {
    run("list", posts.toString(), "--zone", "Asia/Shanghai");
    assertThat(out.toString()).contains("2021-07-05 05:45  Evening  feed/a.md");
    out.getBuffer().setLength(0);
    int code =
        run(
            "list",
            posts.toString(),
            "--zone",
            "Asia/Shanghai",
            "--wall-clock",
            "feed/**=Asia/Shanghai");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("2021-07-04 21:45  Evening  feed/a.md  (wall clock Asia/Shanghai)");
    out.getBuffer().setLength(0);
    Files.writeString(
        posts.resolve("gazette.yml"),
        "zone: Asia/Shanghai\nwall-clock:\n  \"feed/**\": Asia/Shanghai\n",
        StandardCharsets.UTF_8);
    run("list", posts.toString());
    assertThat(out.toString()).contains("2021-07-04 21:45  Evening");
    assertThat(run("list", posts.toString(), "--wall-clock", "feed/**")).isNotZero();
    assertThat(err.toString()).contains("--wall-clock: expects GLOB=ZONE");
  }

  @Test
  void reportCountsDraftsAndCorrectedPosts() throws Exception {
    Path report = dir.resolve("report.json");
    int code =
        run(
            "build",
            posts.toString(),
            "--zone",
            "Asia/Shanghai",
            "--wall-clock",
            "feed/**=Asia/Shanghai",
            "--format",
            "epub",
            "--out",
            dir.resolve("out").toString(),
            "--report",
            report.toString());
    assertThat(code).as(err.toString()).isZero();
    String json = Files.readString(report, StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"drafts\" : 2")
        .contains("\"wallClockCorrected\" : 1")
        .contains("\"wallClock\" : \"Asia/Shanghai\"");
    assertThat(err.toString()).contains("2 drafts left out; --drafts includes them");
  }
}
