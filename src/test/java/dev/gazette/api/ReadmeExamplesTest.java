package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java examples compile as written: each {@code ```java} block, its imports kept and
 * its statements put in a method, against Gazette's classes and nothing else.
 */
class ReadmeExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void everyJavaBlockCompiles() throws Exception {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    Matcher m = BLOCK.matcher(readme);
    List<Path> sources = new ArrayList<>();
    while (m.find()) {
      String name = "ReadmeExample" + (sources.size() + 1);
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : m.group(1).split("\n", -1)) {
        (line.startsWith("import ") ? imports : body).append(line).append('\n');
      }
      Path file = dir.resolve(name + ".java");
      Files.writeString(
          file,
          imports
              + "public class "
              + name
              + " {\n  static void run() throws Exception {\n"
              + body
              + "  }\n}\n",
          StandardCharsets.UTF_8);
      sources.add(file);
    }
    assertThat(sources).as("```java blocks in README.md").hasSizeGreaterThanOrEqualTo(2);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-classpath", classes(), "-d", dir.toString(), "-proc:none"),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(ok).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
  }

  /** Gazette's own classes (target/classes): the examples may use nothing else. */
  private static String classes() throws URISyntaxException {
    return Path.of(Gazette.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator;
  }
}
