package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of the README and the user guide ({@code docs/}) compile as written: each
 * {@code ```java} block, its imports kept and its statements put in a method (or, when it declares
 * a class, as it is), against Gazette's classes and nothing else.
 */
class DocsExamplesTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS =
      Pattern.compile(
          "^(?:public\\s+)?(?:final\\s+)?(?:class|record)\\s+(\\w+)", Pattern.MULTILINE);

  @TempDir Path dir;

  @Test
  void everyJavaBlockCompiles() throws Exception {
    List<Path> sources = new ArrayList<>();
    for (Path doc : documents()) {
      Matcher m = BLOCK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
      while (m.find()) {
        sources.add(source(doc, m.group(1), sources.size() + 1));
      }
    }
    assertThat(sources).as("```java blocks in README.md and docs/").hasSizeGreaterThanOrEqualTo(3);

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

  /** README.md and every Markdown file under docs/, in a fixed order. */
  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.walk(Path.of("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  /**
   * One compilation unit per block: a block declaring a class is compiled as written (in a file
   * named after that class); any other block's statements go into a method of a class of its own.
   */
  private Path source(Path doc, String block, int n) throws IOException {
    Matcher declared = CLASS.matcher(block);
    if (declared.find()) {
      Path folder = Files.createDirectories(dir.resolve("example" + n));
      Path file = folder.resolve(declared.group(1) + ".java");
      Files.writeString(file, "// from " + doc + "\n" + block, StandardCharsets.UTF_8);
      return file;
    }
    String name = "DocExample" + n;
    StringBuilder imports = new StringBuilder("// from " + doc + "\n");
    StringBuilder body = new StringBuilder();
    for (String line : block.split("\n", -1)) {
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
    return file;
  }

  /** Gazette's own classes (target/classes): the examples may use nothing else. */
  private static String classes() throws URISyntaxException {
    return Path.of(Gazette.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        + File.pathSeparator;
  }
}
