package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Post;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authors named by a key of the site's table, as Hugo's and Jekyll's sites show them. */
class SiteAuthorsTest {
  @TempDir Path dir;

  private static Post post(Map<String, Object> fields) {
    return Post.builder(Path.of("p.md"), "p.md").fields(fields).body(() -> "").build();
  }

  @Test
  void keysOfHugosAndJekyllsTablesAreNamed() throws Exception {
    TestPosts.write(
        dir,
        "hugo/data/authors.yaml",
        "william:\n  name: William Morgan\n  email: w@example.org\nflynn:\n  name: Flynn\n");
    TestPosts.write(
        dir,
        "jekyll/_data/authors.yml",
        "asterite:\n  name: Ary Borenzweig\nwaj:\n  name: Juan Wajnerman\n");
    SiteAuthors hugo = SiteAuthors.of(dir.resolve("hugo"));
    assertThat(hugo.named(post(Map.of("author", "william"))).fields())
        .containsEntry("author", "William Morgan");
    assertThat(hugo.named(post(Map.of("authors", List.of("flynn", "Ada")))).fields())
        .containsEntry("authors", List.of("Flynn", "Ada"));
    SiteAuthors jekyll = SiteAuthors.of(dir.resolve("jekyll"));
    assertThat(jekyll.named(post(Map.of("author", "asterite,waj"))).fields())
        .containsEntry("author", List.of("Ary Borenzweig", "Juan Wajnerman"));
    // an author the table does not have, or a post naming none, stays as it was
    Post other = post(Map.of("author", "mverzilli", "title", "T"));
    assertThat(jekyll.named(other)).isSameAs(other);
    assertThat(SiteAuthors.of(dir.resolve("none"))).isSameAs(SiteAuthors.NONE);
    Post named = jekyll.named(post(Map.of("author", "waj", "title", "T")));
    assertThat(named.fields()).containsEntry("title", "T");
    assertThat(named.file()).isEqualTo(Path.of("p.md"));
  }
}
