package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildImageOptionsTest {
  @TempDir Path dir;

  @Test
  void offlineBuildUsesTheGivenCacheAndReportsMissingImages() throws Exception {
    TestPosts.write(dir.resolve("posts"), "p.md", """
        ---
        title: Offline
        date: 2021-07-01
        ---

        ![remote](https://img.example.com/a.jpg)
        """);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "build", dir.resolve("posts").toString(),
        "--offline", "--cache", dir.resolve("cache").toString(), "--format", "epub",
        "--out", dir.resolve("out").toString(), "--name", "d");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("https://img.example.com/a.jpg").contains("not in the image cache (offline)");
    assertThat(Epubs.check(dir.resolve("out/d.epub"))).isEmpty();
    assertThat(Files.exists(dir.resolve("cache"))).isFalse(); // offline never writes the cache
  }
}
