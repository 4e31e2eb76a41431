package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.Post;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * The digest identifier (EPUB {@code dc:identifier}, PDF {@code /ID}) comes from the content alone:
 * the same articles give the same identifier on any number of threads, and a change to a title,
 * path, body or the order of the articles gives another.
 */
class DigestIdentityTest {
  private static Article article(String path, String title, String body) {
    Post post =
        Post.builder(Path.of("/posts", path), path).declaredTitle(title).body(() -> body).build();
    return new Article("a001", post, title, "zh-Hans", body, List.of());
  }

  private static List<Article> articles(int n) {
    List<Article> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(article("p" + i + ".md", "标题" + i, "<p>正文 " + "字".repeat(i * 37) + "</p>\n"));
    }
    return list;
  }

  private static String identityOn(int threads, String title, List<Article> articles)
      throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> DigestAssembler.identity(title, articles)).get();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void sameContentSameIdentifierOnOneAndFourThreads() throws Exception {
    String one = identityOn(1, "周报", articles(200));
    assertThat(identityOn(4, "周报", articles(200))).isEqualTo(one).matches("[0-9a-f]{64}");
    assertThat(DigestAssembler.identity("周报", articles(200))).isEqualTo(one);
  }

  @Test
  void anyChangeOfContentOrOrderChangesIt() {
    List<Article> base = articles(20);
    String id = DigestAssembler.identity("周报", base);

    assertThat(DigestAssembler.identity("周报 2", base)).isNotEqualTo(id);

    List<Article> body = new ArrayList<>(base);
    body.set(7, article("p7.md", "标题7", base.get(7).bodyXhtml() + "<p>多一段</p>\n"));
    assertThat(DigestAssembler.identity("周报", body)).isNotEqualTo(id);

    List<Article> title = new ArrayList<>(base);
    title.set(7, article("p7.md", "标题七", base.get(7).bodyXhtml()));
    assertThat(DigestAssembler.identity("周报", title)).isNotEqualTo(id);

    List<Article> path = new ArrayList<>(base);
    path.set(7, article("q7.md", "标题7", base.get(7).bodyXhtml()));
    assertThat(DigestAssembler.identity("周报", path)).isNotEqualTo(id);

    List<Article> swapped = new ArrayList<>(base);
    swapped.set(3, base.get(4));
    swapped.set(4, base.get(3));
    assertThat(DigestAssembler.identity("周报", swapped)).isNotEqualTo(id);

    // Moving text from a title into the path keeps every byte but not the fields: still different.
    List<Article> shifted = new ArrayList<>(base);
    shifted.set(0, article("p0.md标", "题0", base.get(0).bodyXhtml()));
    assertThat(DigestAssembler.identity("周报", shifted)).isNotEqualTo(id);
  }
}
