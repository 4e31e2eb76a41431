package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.bench.CorpusGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build that runs out of heap ends with one line saying what to do and exit code 4, never a stack
 * trace. Runs the command line in a child JVM with a heap far too small for a PDF digest.
 */
class OutOfMemoryCliTest {
  @TempDir Path dir;

  @Test
  void outOfMemoryIsOneLineAndItsOwnExitCode() throws Exception {
    Path posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 40, 7, false);
    Path err = dir.resolve("err.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    // 64 MB ran out while building this PDF until the start-up cuts of issue 16
                    // (no cover re-encoding, no unused Jackson mappers); now it completes there
                    "-Xmx32m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "build",
                    posts.toString(),
                    "--format",
                    "pdf",
                    "--zone",
                    "UTC",
                    "--out",
                    dir.resolve("out").toString()))
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
    List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);

    assertThat(p.exitValue()).as(String.join("\n", lines)).isEqualTo(Main.OUT_OF_MEMORY);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        // Where the heap runs out (reading fonts, converting posts, laying out pages) depends on
        // the JVM's timing.
        .matches(
            "gazette: out of memory(( building the PDF digest of 40 posts| converting 40 posts)?"
                + " with a \\d+ MB heap)?; raise (it|the heap) .*")
        .contains("GAZETTE_HEAP=2g bin/gazette")
        .contains("-Xmx2g");
    assertThat(String.join("\n", lines)).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(dir.resolve("out").toFile().list((d, n) -> n.endsWith(".pdf")))
        .as("no PDF left behind")
        .isNullOrEmpty();
  }

  @Test
  void messageSuggestsDoublingLargeHeaps() {
    assertThat(OutOfMemory.message(List.of("EPUB", "PDF"), 10_000, 3L << 30))
        .isEqualTo(
            "gazette: out of memory building the EPUB and PDF digest of 10,000 posts with a 3,072"
                + " MB heap; raise it (GAZETTE_HEAP=6g bin/gazette …, or java -Xmx6g -jar …) or"
                + " build fewer posts at a time (--week, --from/--to)");
    assertThat(OutOfMemory.message(List.of(), 40, 768L << 20))
        .startsWith("gazette: out of memory converting 40 posts with a 768 MB heap;");
    assertThat(OutOfMemory.message(List.of(), -1, 768L << 20))
        .startsWith("gazette: out of memory with a 768 MB heap; raise it (GAZETTE_HEAP=2g");
  }
}
