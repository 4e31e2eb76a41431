package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The book options on the command line: list names the order rule, bad values are usage errors. */
class BookCommandsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listSaysWhichOrderRuleAppliedAndMarksUndatedPosts() {
    TestPosts.write(dir, "issue-10.md", "# Ten\n");
    TestPosts.write(dir, "issue-2.md", "# Two\n");
    Run auto = run("list", dir.toString(), "--zone", "UTC");
    assertThat(auto.code()).isZero();
    assertThat(auto.out().lines())
        .containsExactly(
            "# order: path (natural path order)",
            "undated           Two  issue-2.md",
            "undated           Ten  issue-10.md");

    Run forced = run("list", dir.toString(), "--zone", "UTC", "--order", "weight");
    assertThat(forced.out().lines().findFirst()).hasValue("# order: path (natural path order)");
    assertThat(forced.err())
        .contains("no SUMMARY.md, _order.txt or front-matter weight/order gives an order");
  }

  @Test
  void badOrderAndSplitLevelAreUsageErrors() {
    TestPosts.write(dir, "a.md", "# A\n");
    assertThat(run("list", dir.toString(), "--order", "random").code()).isEqualTo(Main.USAGE);
    Run split =
        run(
            "build",
            dir.resolve("a.md").toString(),
            "--split-level",
            "3",
            "--out",
            dir.resolve("o").toString());
    assertThat(split.code()).isEqualTo(Main.USAGE);
    assertThat(split.err()).contains("--split-level: must be 1 or 2");
    Run preface =
        run(
            "build",
            dir.toString(),
            "--preface",
            "MISSING.md",
            "--out",
            dir.resolve("o").toString());
    assertThat(preface.code()).isEqualTo(Main.USAGE);
    assertThat(preface.err()).contains("preface not found");
    Run oneFile =
        run(
            "build",
            dir.resolve("a.md").toString(),
            "--preface",
            "a.md",
            "--out",
            dir.resolve("o").toString());
    assertThat(oneFile.code()).isEqualTo(Main.USAGE);
    assertThat(oneFile.err()).contains("a preface goes with a folder of posts");
  }
}
