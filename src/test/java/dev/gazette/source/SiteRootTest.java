package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.LeftOut;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From a Hexo or Jekyll site's root, what the generator publishes is read, and only that. */
class SiteRootTest {
  @TempDir Path dir;

  private static PostScanner.Scan scan(Path site) throws Exception {
    return new PostScanner(ZoneId.of("UTC")).scan(site);
  }

  private static List<String> paths(Path site, List<SkippedPost> skipped, String reason) {
    return skipped.stream()
        .filter(s -> s.reason().equals(reason))
        .map(s -> site.relativize(s.file()).toString().replace('\\', '/'))
        .toList();
  }

  private static String post(String title) {
    return TestPosts.hexo(title, "2021-06-01", "Text.");
  }

  /**
   * Links are not followed anywhere in a scan: a Hexo site's linked source folder is not read
   * through the link, and the scan says so.
   */
  @Test
  void aLinkedHexoSourceFolderIsNotFollowed() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "_config.yml", "title: A blog\nsource_dir: source\n");
    TestPosts.write(site, "README.md", "# How to deploy\n");
    TestPosts.write(dir, "elsewhere/_posts/hello.md", post("Hello"));
    Files.createSymbolicLink(site.resolve("source"), dir.resolve("elsewhere"));

    PostScanner.Scan scan = scan(site);

    assertThat(scan.posts()).isEmpty();
    assertThat(scan.problems())
        .extracting(Problem::file, Problem::severity)
        .containsExactly(
            Tuple.tuple(site.resolve("source"), Problem.Severity.WARNING));
    assertThat(scan.problems().get(0).message()).startsWith("symbolic link; not followed");
    assertThat(paths(site, scan.skipped(), LeftOut.notPublished("Hexo", "source")))
        .containsExactly("README.md");
  }
}
