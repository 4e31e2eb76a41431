package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: exit codes, messages, files. */
class MainTest {
  @TempDir Path dir;
  Path posts;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writePosts() {
    posts = dir.resolve("posts");
    TestPosts.write(
        posts, "a.md", TestPosts.hexo("第一篇", "Mon, 28 Jun 2021 02:00:00 GMT", "第一段正文。"));
    TestPosts.write(
        posts, "b.md", "---\ntitle: Second\ndate: 2021-07-01 10:00:00\n---\n\nEnglish *body*.\n");
    TestPosts.write(posts, "sub/c.md", "---\ntitle: Third\ndate: 2021-07-20\n---\n\nLater.\n");
  }

  int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void buildWritesEpubAndPdfAndSaysSo() throws Exception {
    Path outDir = dir.resolve("out");
    int code =
        run(
            "build",
            posts.toString(),
            "--week",
            "2021-W26",
            "--zone",
            "Asia/Shanghai",
            "--out",
            outDir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(outDir.resolve("posts-2021-W26.epub")).exists();
    assertThat(outDir.resolve("posts-2021-W26.pdf")).exists();
    assertThat(out.toString())
        .contains("wrote " + outDir.resolve("posts-2021-W26.epub"))
        .contains("2 posts");
    assertThat(Epubs.check(outDir.resolve("posts-2021-W26.epub"))).isEmpty();
    try (var files = Files.list(outDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("posts-2021-W26.epub", "posts-2021-W26.pdf");
    }
  }

  @Test
  void formatNameAndTitleOptions() throws Exception {
    Path outDir = dir.resolve("o");
    int code =
        run(
            "build",
            posts.toString(),
            "--format",
            "epub",
            "--name",
            "weekly",
            "--title",
            "My Weekly",
            "--out",
            outDir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(outDir.resolve("weekly.epub")).exists();
    assertThat(outDir.resolve("weekly.pdf")).doesNotExist();
    assertThat(Epubs.textEntries(outDir.resolve("weekly.epub")).get("OEBPS/content.opf"))
        .contains("<dc:title>My Weekly</dc:title>");
  }

  @Test
  void listPrintsOneLinePerPostInDateOrder() {
    int code =
        run(
            "list",
            posts.toString(),
            "--from",
            "2021-06-28",
            "--to",
            "2021-07-31",
            "--zone",
            "UTC");
    assertThat(code).isZero();
    assertThat(out.toString().lines().toList())
        .containsExactly(
            "# order: date (publication date)",
            "2021-06-28 02:00  第一篇  a.md  categories: 新闻",
            "2021-07-01 10:00  Second  b.md",
            "2021-07-20        Third  sub/c.md");
  }

  @Test
  void emptyRangeExitsWithThree() {
    assertThat(
            run(
                "build",
                posts.toString(),
                "--month",
                "2020-01",
                "--out",
                dir.resolve("x").toString()))
        .isEqualTo(3);
    assertThat(err.toString()).contains("no post in 2020-01-01..2020-01-31");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void usageErrorsExitWithTwoAndOneLine() {
    assertThat(run("build", posts.toString(), "--week", "2021-W60")).isEqualTo(2);
    assertThat(err.toString()).contains("2021 has no ISO week 60");
    assertThat(run("build", posts.toString(), "--from", "2021-07-01")).isEqualTo(2);
    assertThat(run("build", posts.toString(), "--week", "2021-W26", "--month", "2021-07"))
        .isEqualTo(2);
    assertThat(run("build", posts.toString(), "--zone", "Mars/Olympus")).isEqualTo(2);
    assertThat(run("build", posts.toString(), "--bogus")).isEqualTo(2);
    assertThat(run("build", dir.resolve("nope").toString())).isEqualTo(2);
    assertThat(run("build", posts.toString(), "--format", "docx")).isEqualTo(2);
    assertThat(run("build", posts.toString(), "--site-url", "ftp://example.org")).isEqualTo(2);
    assertThat(err.toString()).contains("site-url").contains("'ftp://example.org'");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void brokenPostIsReportedWithFileAndLineAndSkipped() throws Exception {
    TestPosts.write(posts, "broken.md", "---\ntitle: x\ndate: [1, 2\n---\n");
    int code =
        run("build", posts.toString(), "--format", "epub", "--out", dir.resolve("out").toString());
    assertThat(code).isZero();
    assertThat(err.toString())
        .contains(posts.resolve("broken.md") + ":3: error: invalid YAML front matter");
    assertThat(out.toString()).contains("3 posts");
  }

  @Test
  void strictModeFailsOnAnyProblemAndWritesNothing() {
    TestPosts.write(posts, "broken.md", "---\ntitle: x\ndate: Invalid Date\n---\n");
    int code = run("build", posts.toString(), "--strict", "--out", dir.resolve("out").toString());
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .contains("broken.md:3: error: date: not a date: 'Invalid Date'")
        .contains("strict mode");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void helpAndVersion() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("build").contains("list").contains("Exit codes");
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("gazette ");
    assertThat(run("build", "--help")).isZero();
    assertThat(out.toString()).contains("--week").contains("--zone");
    out.getBuffer().setLength(0);
    assertThat(run("help", "send")).isZero();
    assertThat(out.toString()).contains("Usage: gazette send").contains("--smtp");
  }
}
