package dev.gazette.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a post's normalization says about it. */
class NormalizeContextTest {
  /**
   * Vue's blog shows one sponsors' picture in two places of a post; offline, its loss was said
   * twice, word for word, at the same line. Now once, counted; another picture keeps its own line.
   */
  @Test
  void theSameProblemAtTheSameLineIsSaidOnceWithHowOften() {
    String body =
        "Sponsors:\n\n<img src=\"https://cdn.example.org/sponsors.svg\"/>\n\n"
            + "Again:\n\n<img src=\"https://cdn.example.org/sponsors.svg\"/>\n\n"
            + "<img src=\"https://cdn.example.org/logo.png\"/>\n";
    Post post = Post.builder(Path.of("volar.md"), "volar.md").bodyLine(5).body(() -> body).build();
    NormalizeContext context =
        new NormalizeContext(
            post,
            "a001",
            "Volar",
            (p, src, problems) -> {
              problems.accept("image '" + src + "' left out: not in the image cache (offline)");
              return Optional.empty();
            });
    new HtmlNormalizer().normalize(body, context);
    assertThat(context.problems())
        .extracting(Problem::line, Problem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                7,
                "image 'https://cdn.example.org/sponsors.svg' left out: not in the image cache"
                    + " (offline) (twice)"),
            org.assertj.core.groups.Tuple.tuple(
                13,
                "image 'https://cdn.example.org/logo.png' left out: not in the image cache"
                    + " (offline)"));
  }
}
