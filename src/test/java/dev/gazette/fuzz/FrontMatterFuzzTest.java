package dev.gazette.fuzz;

import dev.gazette.model.Problem;
import dev.gazette.source.FrontMatter;
import dev.gazette.source.PostFormatException;
import dev.gazette.source.PostReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.assertj.core.api.Assertions;

/**
 * The front-matter reader and the post reader on generated input: the only exception they may throw
 * is {@link PostFormatException}, which carries a line inside the file (or 0).
 */
class FrontMatterFuzzTest {
  private static Path dir;
  private static final PostReader READER = new PostReader(ZoneId.of("Asia/Shanghai"));

  @BeforeContainer
  static void makeDir() throws IOException {
    dir = Files.createTempDirectory("gazette-fuzz");
  }

  @AfterContainer
  static void removeDir() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.delete(p);
      }
    }
    Files.delete(dir);
  }

  @Provide
  Arbitrary<String> posts() {
    return FuzzInputs.frontMatter();
  }

  @Property
  void frontMatterReaderThrowsOnlyPostFormatException(@ForAll("posts") String text)
      throws IOException {
    try {
      FrontMatter fm = FrontMatter.read(new StringReader(text));
      Assertions.assertThat(fm.bodyOffset()).isBetween(0L, (long) text.length());
    } catch (PostFormatException e) {
      Assertions.assertThat(e.line()).isBetween(0, (int) text.lines().count() + 1);
      Assertions.assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void postReaderThrowsOnlyPostFormatException(@ForAll("posts") String text) throws IOException {
    Path file = dir.resolve("post.md");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    List<Problem> problems = new ArrayList<>();
    try {
      var post = READER.read(file, "post.md", problems);
      post.title();
      post.categories();
      post.tags();
      post.body();
    } catch (PostFormatException e) {
      Assertions.assertThat(e.getMessage()).isNotBlank();
    }
  }

  /** Crashing inputs found by the fuzzer, kept as examples. */
  @Example
  void recursiveAliasInTagsIsAFormatError() throws IOException {
    Assertions.assertThatThrownBy(
            () -> FrontMatter.read(new StringReader("---\ntags: &t [x, *t]\n---\n")))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("refers to itself");
  }

  @Example
  void deeplyNestedFlowSequenceIsAFormatError() {
    String deep = "---\na: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n";
    Assertions.assertThatThrownBy(() -> FrontMatter.read(new StringReader(deep)))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("nested too deeply");
  }
}
