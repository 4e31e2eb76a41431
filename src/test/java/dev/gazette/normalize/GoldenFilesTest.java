package dev.gazette.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Post;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input/expected file pairs: {@code normalize/<group>/<case>.input.html} and {@code markdown/<case>.md}, each
 * with a {@code .expected.xhtml} beside it. Run with {@code -Dgazette.golden.update=true} to rewrite the
 * expected files after a deliberate change, then review the diff.
 */
class GoldenFilesTest {
  static final Path RESOURCES = Path.of("src/test/resources");
  static final boolean UPDATE = Boolean.getBoolean("gazette.golden.update");

  static Stream<Path> htmlCases() throws IOException {
    return cases(RESOURCES.resolve("normalize"), ".input.html");
  }

  static Stream<Path> markdownCases() throws IOException {
    return cases(RESOURCES.resolve("markdown"), ".md");
  }

  static Stream<Path> cases(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList().stream();
    }
  }

  static NormalizeContext context(Path input) {
    Post post = Post.builder(input.toAbsolutePath(), input.getFileName().toString()).body(() -> "").build();
    return new NormalizeContext(post, "a1", "Title", (p, src, problems) -> Optional.empty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlCases")
  void normalizesHtml(Path input) throws IOException {
    String html = Files.readString(input, StandardCharsets.UTF_8);
    String actual = new HtmlNormalizer().normalize(html, context(input));
    check(input, input.toString().replace(".input.html", ".expected.xhtml"), actual);
    assertThat(new HtmlNormalizer().normalize(actual, context(input))).as("normalizing twice").isEqualTo(actual);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("markdownCases")
  void rendersMarkdown(Path input) throws IOException {
    String md = Files.readString(input, StandardCharsets.UTF_8);
    String actual = new HtmlNormalizer().normalize(new MarkdownRenderer().toHtml(md), context(input));
    check(input, input.toString().replace(".md", ".expected.xhtml"), actual);
  }

  private static void check(Path input, String expectedName, String actual) throws IOException {
    Path expected = Path.of(expectedName);
    if (UPDATE || !Files.exists(expected)) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      if (!UPDATE) {
        throw new AssertionError("wrote missing golden file " + expected + "; review it and run again");
      }
    }
    assertThat(actual).as(input.toString()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
