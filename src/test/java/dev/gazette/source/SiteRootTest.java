package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
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
  private static final String JEKYLL = LeftOut.notPublished("Jekyll", null);

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

  /** Jekyll reads _posts/ in every folder it reads: a bilingual blog's en/_posts and zh/_posts. */
  @Test
  void jekyllReadsPostsInAnyFolder() throws Exception {
    TestPosts.write(dir, "_config.yml", "title: Two languages\n");
    TestPosts.write(dir, "_layouts/default.html", "{{ content }}\n");
    TestPosts.write(dir, "en/_posts/2021-06-01-hello.md", post("Hello"));
    TestPosts.write(dir, "zh/_posts/2021/2021-06-02-nihao.md", post("你好"));
    TestPosts.write(dir, "zh/_drafts/2021-06-03-later.md", post("Later"));
    TestPosts.write(dir, "en/_includes/note.md", "# Included\n");
    TestPosts.write(dir, "en/_posts/_partial.md", "# Partial\n");
    TestPosts.write(dir, "_sass/_posts/theme.md", "# Not read: Jekyll skips _sass/\n");

    PostScanner.Scan scan = scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("en/_posts/2021-06-01-hello.md", "zh/_posts/2021/2021-06-02-nihao.md");
    assertThat(paths(dir, scan.skipped(), JEKYLL))
        .containsExactly("_sass/_posts/theme.md", "en/_includes/note.md", "en/_posts/_partial.md");
    assertThat(LeftOut.drafts(scan.skipped())).isEqualTo(1);
    assertThat(new PostScanner(ZoneId.of("UTC"), true).scan(dir).posts())
        .extracting(Post::relativePath)
        .contains("zh/_drafts/2021-06-03-later.md");
  }

  /**
   * With collections_dir, Jekyll reads the posts and the collections in that folder only (a root
   * _posts/ is no longer read), and the folder alone tells the site.
   */
  @Test
  void jekyllReadsPostsAndCollectionsInCollectionsDir() throws Exception {
    TestPosts.write(
        dir,
        "_config.yml",
        "collections_dir: my_collections/\ncollections:\n  recipes:\n    output: true\n");
    TestPosts.write(dir, "my_collections/_posts/2021-06-01-first.md", post("First"));
    TestPosts.write(dir, "my_collections/_recipes/bread.md", post("Bread"));
    TestPosts.write(dir, "_recipes/old.md", post("Old"));
    TestPosts.write(dir, "about.md", post("About"));

    PostScanner.Scan scan = scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly(
            "about.md",
            "my_collections/_posts/2021-06-01-first.md",
            "my_collections/_recipes/bread.md");
    assertThat(paths(dir, scan.skipped(), JEKYLL)).containsExactly("_recipes/old.md");
  }

  /**
   * Jekyll writes pages only for a collection with output: true; the others (output false, no
   * settings, the list form) are data for layouts, not articles.
   */
  @Test
  void jekyllReadsOnlyCollectionsThatAreOutput() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_config.yml",
        "collections:\n  recipes:\n    output: true\n  authors:\n    output: false\n"
            + "  notes:\n  faqs:\n    permalink: /faq/:name/\n");
    TestPosts.write(site, "_posts/2021-06-01-first.md", post("First"));
    TestPosts.write(site, "_recipes/bread.md", post("Bread"));
    TestPosts.write(site, "_authors/jane.md", "---\nname: Jane\n---\nBio.\n");
    TestPosts.write(site, "_notes/n.md", post("Note"));
    TestPosts.write(site, "_faqs/why.md", post("Why"));
    Path listed = dir.resolve("listed");
    TestPosts.write(listed, "_config.yml", "collections: [authors]\n");
    TestPosts.write(listed, "_posts/2021-06-01-first.md", post("First"));
    TestPosts.write(listed, "_authors/jane.md", "---\nname: Jane\n---\nBio.\n");

    PostScanner.Scan scan = scan(site);
    PostScanner.Scan listedScan = scan(listed);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/2021-06-01-first.md", "_recipes/bread.md");
    assertThat(paths(site, scan.skipped(), JEKYLL))
        .containsExactly("_authors/jane.md", "_faqs/why.md", "_notes/n.md");
    assertThat(listedScan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/2021-06-01-first.md");
    assertThat(paths(listed, listedScan.skipped(), JEKYLL)).containsExactly("_authors/jane.md");
  }

  /**
   * Jekyll matches exclude: as File.fnmatch does (* across folders, a folder for all it holds),
   * unless include: names the same pattern.
   */
  @Test
  void jekyllExcludeEntriesAreGlobs() throws Exception {
    TestPosts.write(
        dir,
        "_config.yml",
        "exclude:\n  - \"*-notes.md\"\n  - archive-20??\n  - docs/\n  - keep-*.md\n"
            + "include: [keep-*.md]\n");
    TestPosts.write(dir, "_posts/2021-06-01-first.md", post("First"));
    TestPosts.write(dir, "meeting-notes.md", post("Meeting"));
    TestPosts.write(dir, "team/team-notes.md", post("Team"));
    TestPosts.write(dir, "archive-2019/old.md", post("Old"));
    TestPosts.write(dir, "docs/guide.md", post("Guide"));
    TestPosts.write(dir, "keep-me.md", post("Kept"));
    TestPosts.write(dir, "team/about.md", post("About"));

    PostScanner.Scan scan = scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/2021-06-01-first.md", "keep-me.md", "team/about.md");
    assertThat(paths(dir, scan.skipped(), JEKYLL))
        .containsExactly(
            "archive-2019/old.md", "docs/guide.md", "meeting-notes.md", "team/team-notes.md");
  }

  /**
   * Hexo copies what skip_render matches without rendering it (source/README.md of many blogs),
   * leaves out what exclude matches (micromatch globs below source_dir, ** also for no folder) and
   * what ignore matches (on the whole path); each is counted in the "not published" line.
   */
  @Test
  void hexoSkipRenderExcludeAndIgnoreAreHonoured() throws Exception {
    TestPosts.write(
        dir,
        "_config.yml",
        "source_dir: source\nskip_render: README.md\nexclude:\n  - \"notes/**/*.md\"\n"
            + "  - \"_posts/*.txt.md\"\nignore:\n  - \"**/node_cache\"\n");
    TestPosts.write(dir, "source/_posts/hello.md", post("Hello"));
    TestPosts.write(dir, "source/_posts/copy.txt.md", post("Copy"));
    TestPosts.write(dir, "source/README.md", "# This blog's source\n");
    TestPosts.write(dir, "source/about/README.md", post("About this blog"));
    TestPosts.write(dir, "source/notes/todo.md", post("To do"));
    TestPosts.write(dir, "source/notes/2021/old.md", post("Old"));
    TestPosts.write(dir, "source/about/node_cache/x.md", post("Cached"));
    TestPosts.write(dir, "source/about/index.md", post("About"));

    PostScanner.Scan scan = scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/hello.md", "about/README.md", "about/index.md");
    String reason = LeftOut.notPublished("Hexo", "source");
    assertThat(paths(dir, scan.skipped(), reason))
        .containsExactly(
            "source/README.md",
            "source/_posts/copy.txt.md",
            "source/about/node_cache/x.md",
            "source/notes/2021/old.md",
            "source/notes/todo.md");
    assertThat(LeftOut.summary(scan.skipped())).hasValue("5 Markdown files not read: " + reason);
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
        .containsExactly(Tuple.tuple(site.resolve("source"), Problem.Severity.WARNING));
    assertThat(scan.problems().get(0).message()).startsWith("symbolic link; not followed");
    assertThat(paths(site, scan.skipped(), LeftOut.notPublished("Hexo", "source")))
        .containsExactly("README.md");
  }
}
