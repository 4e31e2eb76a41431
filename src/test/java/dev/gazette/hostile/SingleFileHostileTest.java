package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.cli.Main;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single file made into a book goes through chapter splitting, not the post path: the same
 * promise holds.
 */
class SingleFileHostileTest {
  @TempDir Path dir;
  final StringWriter err = new StringWriter();

  int build(Path file) {
    return Main.run(
        new PrintWriter(new StringWriter()),
        new PrintWriter(err),
        "build",
        file.toString(),
        "--out",
        dir.resolve("out").toString(),
        "--format",
        "epub");
  }

  @Test
  void markdownTooDeepToParseIsReportedNotThrown() {
    Path file = TestPosts.write(dir, "deep.md", "# Deep\n\n" + ">".repeat(10_000) + " quote\n");
    assertThat(build(file)).as(err.toString()).isEqualTo(3);
    assertThat(err.toString()).contains("deep.md").contains("nested too deeply");
  }

  @Test
  void htmlNestedTenThousandDeepBecomesABookWithAWarning() {
    Path file =
        TestPosts.write(
            dir,
            "nested.md",
            "# Nested\n\n## One\n\n"
                + "<div>".repeat(10_000)
                + "deep text"
                + "</div>".repeat(10_000)
                + "\n\n## Two\n\nAfter.\n");
    assertThat(build(file)).as(err.toString()).isZero();
    assertThat(err.toString()).contains("nested deeper than 100 levels");
    assertThat(Epubs.check(dir.resolve("out/nested.epub"))).isEmpty();
  }
}
