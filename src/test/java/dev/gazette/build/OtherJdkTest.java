package dev.gazette.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar gives the same EPUB and PDF bytes on another major JDK (docs/output.md). Posts
 * hold what each JDK's own Unicode data reads differently: emoji of Emoji 14 and 15 in justified
 * Chinese and English lines and inside Latin tokens, and CJK Extension H ideographs no bundled face
 * draws. Runs in {@code verify} beside {@link PackagedJarTest}, when a second JDK is found ({@code
 * -Dgazette.otherJdk=DIR}, else another major version under {@code /usr/lib/jvm}); text written for
 * this test.
 */
class OtherJdkTest {
  @TempDir Path dir;

  @Test
  void anotherJdkGivesTheSameBytes() throws Exception {
    Optional<Path> other = otherJava();
    assumeTrue(other.isPresent(), "no JDK of another major version found");
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    Files.writeString(posts.resolve("zh.md"), chinese(), StandardCharsets.UTF_8);
    Files.writeString(posts.resolve("en.md"), english(), StandardCharsets.UTF_8);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    build(java, posts, dir.resolve("this"));
    build(other.get(), posts, dir.resolve("other"));
    for (String file : List.of("d.epub", "d.pdf")) {
      assertThat(
              Files.mismatch(dir.resolve("this").resolve(file), dir.resolve("other").resolve(file)))
          .as("%s: first differing byte, %s against %s", file, java, other.get())
          .isEqualTo(-1L);
    }
  }

  private static final String[] EMOJI = {
    "\uD83E\uDEE3", "\uD83E\uDEE0", "\uD83E\uDE77", "\uD83E\uDEE8", "\uD83E\uDEF6"
  };

  private static String chinese() {
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    StringBuilder md = new StringBuilder("---\ntitle: 新表情\ndate: 2024-05-01\n---\n\n");
    for (int n = 0; n < 10; n++) {
      String e = EMOJI[n % EMOJI.length];
      md.append(han, 0, 2 + n).append(e).append(han, 2 + n, 12).append(e).append(han, 12, 18 + n);
      md.append(" Supercalifragilistic").append(e).append(" 页面布局问题，Hi").append(e).append("。\n\n");
    }
    // Extension H ideographs, which no bundled face draws.
    md.append("新汉字\uD884\uDF50\uD884\uDF51在这里").append(han).append("。\n");
    return md.toString();
  }

  private static String english() {
    StringBuilder md = new StringBuilder("---\ntitle: New emoji\ndate: 2024-05-02\n---\n\n");
    for (int n = 0; n < 8; n++) {
      String e = EMOJI[n % EMOJI.length];
      md.append("A paragraph of plain words").append(e).append(" with a newer emoji ").append(e);
      md.append(" in the middle, and another one at the end of a word like this").append(e);
      md.append(", to see where its lines break and how far they are spread.\n\n");
    }
    return md.toString();
  }

  private static void build(Path java, Path posts, Path out)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-jar",
                Path.of("target/gazette.jar").toString(),
                "-q",
                "build",
                posts.toString(),
                "--zone",
                "UTC",
                "--out",
                out.toString(),
                "--name",
                "d")
            .redirectErrorStream(true)
            .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile())
            .start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("%s finished", java).isTrue();
    assertThat(p.exitValue())
        .as("%s: %s", java, Files.readString(out.resolveSibling(out.getFileName() + ".log")))
        .isZero();
  }

  /** A java of another major version than this one. */
  private static Optional<Path> otherJava() throws IOException {
    String given = System.getProperty("gazette.otherJdk");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given, "bin", "java"));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    int ours = Runtime.version().feature();
    try (Stream<Path> jdks = Files.list(jvms)) {
      return jdks.sorted()
          .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
          .filter(jdk -> major(jdk).map(v -> v != ours).orElse(false))
          .map(jdk -> jdk.resolve("bin/java"))
          .findFirst();
    }
  }

  /** The feature version a JDK's {@code release} file names ({@code JAVA_VERSION="25.0.3"}). */
  private static Optional<Integer> major(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=")) {
          String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Optional.of(Integer.parseInt(v.split("[.+-]")[0]));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
