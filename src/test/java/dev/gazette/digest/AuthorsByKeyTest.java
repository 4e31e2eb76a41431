package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linkerd's blog: each post names its author under Hugo's {@code params} by a key of the site's
 * {@code data/authors.yaml} ({@code author: william}). Gazette found no author; then it showed
 * "william". The article and the digest name William Morgan, as the site does.
 */
class AuthorsByKeyTest {
  @TempDir Path dir;

  @Test
  void postsNamingTheirAuthorByTheSitesKeyShowTheName() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "hugo.yaml", "title: Mesh\nbaseURL: https://mesh.example.org/\n");
    TestPosts.write(
        site, "data/authors.yaml", "william:\n  name: William Morgan\n  avatar: w.jpg\n");
    for (String day : new String[] {"01", "02"}) {
      TestPosts.write(
          site,
          "content/blog/2024-05-" + day + "/index.md",
          "---\ntitle: Post "
              + day
              + "\ndate: 2024-05-"
              + day
              + "\nparams:\n  author: william\n  showCover: true\n---\n\nText.\n");
    }
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content/blog"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains(">William Morgan</dc:creator>");
    assertThat(Epubs.articleHolding(entries, "Post 01</h1>"))
        .contains("1 May 2024 · William Morgan")
        .doesNotContain("william");
  }
}
