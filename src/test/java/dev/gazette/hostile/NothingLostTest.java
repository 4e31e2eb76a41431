package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import dev.gazette.util.Hashes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs survive a killed run and concurrent runs: a child JVM running the CLI is killed with
 * SIGKILL while its PDF is being written; the previous PDF must be intact and the next run must
 * leave no temporary behind. Two runs writing the same files at once must both finish, leaving one
 * of the two complete outputs.
 */
class NothingLostTest {
  @TempDir Path dir;

  @Test
  void killedRunLeavesThePreviousOutputAndTheNextRunCleansUp() throws Exception {
    Path small = dir.resolve("small");
    Path big = dir.resolve("big");
    Path out = dir.resolve("out");
    writePosts(small, 2);
    writePosts(big, 120);
    DigestRequest previousRun = request(small, out, "digest", "Previous");
    Gazette.create().build(previousRun);
    Path pdf = out.resolve("digest.pdf");
    byte[] previous = Files.readAllBytes(pdf);

    Process child =
        new ProcessBuilder(
                javaCommand(),
                "-cp",
                classPath(),
                "-Xmx640m",
                "dev.gazette.cli.Main",
                "build",
                big.toString(),
                "--out",
                out.toString(),
                "--name",
                "digest",
                "--format",
                "pdf")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    try {
      // Wait (bounded by the test's own patience, not asserted on) until the child writes the PDF.
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (partFiles(out).isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(child.isAlive())
          .as("the child ended before writing: " + Files.readString(dir.resolve("child.log")))
          .isTrue();
      assertThat(partFiles(out)).as("temporary of the PDF being written").isNotEmpty();
    } finally {
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
      child.waitFor();
    }

    assertThat(Files.readAllBytes(pdf)).as("the previous PDF, untouched").isEqualTo(previous);
    assertThat(partFiles(out)).as("what the killed run left").isNotEmpty();

    Gazette.create().build(previousRun);
    assertThat(partFiles(out)).as("temporaries after the next run").isEmpty();
    try (var doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isPositive();
    }
  }

  @Test
  void twoRunsWritingTheSameFilesAtOnceBothFinishWithOneCompleteOutput() throws Exception {
    Path src = dir.resolve("src");
    Path out = dir.resolve("out");
    writePosts(src, 12);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<DigestResult>> runs =
          List.of(
              () -> Gazette.create().build(request(src, out, "same", "Run A")),
              () -> Gazette.create().build(request(src, out, "same", "Run B")));
      List<Future<DigestResult>> results = pool.invokeAll(runs);
      String a = results.get(0).get().outputs().get(0).sha256();
      String b = results.get(1).get().outputs().get(0).sha256();
      assertThat(a).isNotEqualTo(b);
      Path epub = out.resolve("same.epub");
      assertThat(Hashes.sha256Hex(Files.readAllBytes(epub))).isIn(a, b);
      assertThat(Epubs.check(epub)).isEmpty();
      assertThat(partFiles(out)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static DigestRequest request(Path src, Path out, String name, String title) {
    return DigestRequest.builder()
        .source(src)
        .zone(ZoneId.of("Asia/Shanghai"))
        .outputDir(out)
        .name(name)
        .title(title)
        .formats(
            name.equals("same")
                ? new Format[] {Format.EPUB}
                : new Format[] {Format.EPUB, Format.PDF})
        .build();
  }

  private static void writePosts(Path folder, int count) {
    String paragraph = "今天上午，市政府召开新闻发布会，介绍了全市夏季防汛工作的最新进展。据气象部门预测，今年汛期降雨量将比往年偏多。";
    for (int i = 1; i <= count; i++) {
      TestPosts.write(
          folder,
          String.format("post-%03d.md", i),
          "---\ntitle: 第"
              + i
              + "篇\ndate: 2021-07-01 10:"
              + String.format("%02d", i % 60)
              + ":00\n---\n\n"
              + (paragraph + "\n\n").repeat(12));
    }
  }

  private static List<Path> partFiles(Path out) throws Exception {
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test's class path, which includes target/classes and every dependency. */
  private static String classPath() {
    return System.getProperty("java.class.path")
        + File.pathSeparator
        + Path.of("target/classes").toAbsolutePath();
  }
}
