package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlyphPostsTest {
  private static Article article(int i, String body) {
    Post post =
        Post.builder(Path.of("p" + i + ".md"), "dir/p" + i + ".md").body(() -> body).build();
    return new Article("a" + i, post, "T" + i, "en", "<p>" + body + "</p>", List.of());
  }

  @Test
  void namesThePostsHoldingUndrawableCharacters() {
    List<Article> articles = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      articles.add(article(i, i == 2 || i >= 4 ? "a \uD83E\uDE75 heart" : "plain"));
    }
    Digest digest =
        new Digest(
            "D",
            "",
            "en",
            ZoneId.of("UTC"),
            null,
            List.of(new Section("s1", null, articles, List.of())),
            Instant.EPOCH,
            "id");
    assertThat(GlyphPosts.in(digest, Set.of(0x1FA75)))
        .isEqualTo(" (in dir/p2.md, dir/p4.md, dir/p5.md, dir/p6.md, dir/p7.md and 1 more)");
    assertThat(GlyphPosts.in(digest, Set.of(0x2603))).isEmpty();
  }
}
