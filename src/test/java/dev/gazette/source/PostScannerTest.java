package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Front matter is read in parallel; what a scan returns must still be in path order, every time.
 */
class PostScannerTest {
  @TempDir Path dir;

  @Test
  void postsSkippedFilesAndProblemsComeInPathOrder() throws Exception {
    List<String> expectedPosts = new ArrayList<>();
    List<String> expectedBroken = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String name = String.format(Locale.ROOT, "%s/post-%02d.md", i % 3 == 0 ? "b" : "a", i);
      if (i % 7 == 0) {
        TestPosts.write(dir, name, "---\ntitle: [unclosed\ndate: 2021-06-01\n---\n正文\n");
        expectedBroken.add(name);
      } else if (i % 11 == 0) {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: [never closed\n---\n");
        expectedBroken.add(name);
      } else {
        TestPosts.write(
            dir,
            name,
            TestPosts.hexo("第" + i + "篇", "2021-06-" + (1 + i % 28) + " 10:00:00", "正文。"));
        expectedPosts.add(name);
      }
    }
    expectedPosts.sort(null);
    expectedBroken.sort(null);

    for (int run = 0; run < 3; run++) {
      PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);
      assertThat(scan.posts())
          .extracting(Post::relativePath)
          .containsExactlyElementsOf(expectedPosts);
      assertThat(scan.skipped())
          .extracting(s -> dir.relativize(s.file()).toString().replace('\\', '/'))
          .containsExactlyElementsOf(expectedBroken);
      assertThat(scan.problems())
          .extracting(p -> dir.relativize(p.file()).toString().replace('\\', '/'))
          .containsExactlyElementsOf(expectedBroken);
      assertThat(scan.problems())
          .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR));
    }
  }

  @Test
  void linksSkippedWhileWalkingAreReportedInPathOrderWithBrokenPosts() throws Exception {
    TestPosts.write(dir, "a/post-1.md", "---\ntitle: [unclosed\n---\n");
    Path outside = Files.createTempFile("outside", ".md");
    try {
      Files.createSymbolicLink(dir.resolve("a/post-2.md"), outside);
      TestPosts.write(dir, "b/post-3.md", "---\ntitle: [unclosed\n---\n");

      PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

      List<String> expected = List.of("a/post-1.md", "a/post-2.md", "b/post-3.md");
      assertThat(scan.skipped())
          .extracting(s -> dir.relativize(s.file()).toString().replace('\\', '/'))
          .containsExactlyElementsOf(expected);
      assertThat(scan.problems())
          .extracting(p -> dir.relativize(p.file()).toString().replace('\\', '/'))
          .containsExactlyElementsOf(expected);
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void aPostWhoseFrontMatterIsLongerThanTheReadBufferIsReadWhole() throws Exception {
    StringBuilder fm = new StringBuilder("---\ntitle: '长前言'\ndate: 2021-06-01 10:00:00\ntags:\n");
    for (int i = 0; i < 300; i++) {
      fm.append(" - 标签").append(i).append('\n');
    }
    fm.append("---\n正文第一段。\n");
    TestPosts.write(dir, "long.md", fm.toString());

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);
    assertThat(scan.problems()).isEmpty();
    Post post = scan.posts().get(0);
    assertThat(post.tags()).hasSize(300).endsWith("标签299");
    assertThat(post.body()).isEqualTo("正文第一段。\n");
  }

  /**
   * A Hexo site's root: its posts and pages are in source/, outside _ folders but _posts/;
   * scaffolds/ (templates with {{ date }}), themes/ and the site's README are not published and are
   * each listed, not read as posts.
   */
  @Test
  void aHexoSiteRootReadsOnlyWhatHexoPublishes() throws Exception {
    TestPosts.write(dir, "_config.yml", "title: 一个博客\nsource_dir: src\nnew_post_name: :title.md\n");
    TestPosts.write(dir, "README.md", "# How to deploy\n");
    TestPosts.write(dir, "scaffolds/post.md", "---\ntitle: {{ title }}\ndate: {{ date }}\n---\n");
    TestPosts.write(dir, "themes/landscape/README.md", "# Landscape\n");
    TestPosts.write(dir, "src/_posts/java/first.md", TestPosts.hexo("第一篇", "2021-06-01", "正文。"));
    TestPosts.write(dir, "src/about/index.md", TestPosts.hexo("关于", "2021-06-02", "正文。"));
    TestPosts.write(dir, "src/_data/notes.md", "# Data\n");
    TestPosts.write(dir, "src/_posts/_partial.md", "# Partial\n");
    TestPosts.write(dir, "src/_drafts/later.md", TestPosts.hexo("草稿", "2021-06-03", "正文。"));

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/java/first.md", "about/index.md");
    assertThat(scan.problems()).isEmpty();
    String reason = LeftOut.notPublished("Hexo", "src");
    assertThat(scan.skipped())
        .filteredOn(s -> s.reason().equals(reason))
        .extracting(s -> dir.relativize(s.file()).toString().replace('\\', '/'))
        .containsExactly(
            "README.md",
            "scaffolds/post.md",
            "src/_data/notes.md",
            "src/_posts/_partial.md",
            "themes/landscape/README.md");
    // Drafts keep their own reason and line: --drafts reads them, as in any folder.
    assertThat(LeftOut.summary(scan.skipped()))
        .hasValue(
            "1 draft left out; --drafts includes them; 5 Markdown files not read: not published"
                + " by Hexo (its posts and pages are in src/, outside _ folders but _posts/,"
                + " unless _config.yml skips them)");
    assertThat(new PostScanner(ZoneId.of("UTC"), true).scan(dir).posts())
        .extracting(Post::relativePath)
        .containsExactly("_drafts/later.md", "_posts/java/first.md", "about/index.md");
  }

  /** Without source_dir or any Hexo key, scaffolds/ or source/_posts/ still tell a Hexo site. */
  @Test
  void aHexoSiteIsKnownByItsFoldersToo() throws Exception {
    TestPosts.write(dir, "_config.yml", "title: A blog\n");
    TestPosts.write(dir, "source/_posts/first.md", TestPosts.hexo("First", "2021-06-01", "Text."));
    TestPosts.write(dir, "themes/plain/README.md", "# A theme\n");

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts()).extracting(Post::relativePath).containsExactly("_posts/first.md");
    assertThat(scan.skipped())
        .extracting(s -> s.reason())
        .containsExactly(LeftOut.notPublished("Hexo", "source"));
  }

  /** A key YAML reads as null (null: or ~:) is no Hexo key and does not stop the scan. */
  @Test
  void aNullKeyInTheSiteConfigIsNoHexoKey() throws Exception {
    TestPosts.write(dir, "_config.yml", "title: A blog\nnull: stray\nsource_dir: src\n");
    TestPosts.write(dir, "src/_posts/first.md", TestPosts.hexo("First", "2021-06-01", "Text."));
    TestPosts.write(dir, "README.md", "# How to deploy\n");

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts()).extracting(Post::relativePath).containsExactly("_posts/first.md");
    assertThat(scan.skipped())
        .extracting(s -> s.reason())
        .containsExactly(LeftOut.notPublished("Hexo", "src"));
  }

  /**
   * A Jekyll site's root: _posts/, pages and collections are read; _includes/, _site/ (the built
   * site, which copies Markdown files), vendor/ (installed gems' READMEs) and what exclude: names
   * are not.
   */
  @Test
  void aJekyllSiteRootReadsOnlyWhatJekyllPublishes() throws Exception {
    TestPosts.write(
        dir,
        "_config.yml",
        "title: A blog\ncollections:\n  recipes:\n    output: true\nexclude: [notes/]\n");
    TestPosts.write(dir, "_posts/2021-06-01-first.md", TestPosts.hexo("First", "2021-06-01", "A."));
    TestPosts.write(dir, "_recipes/bread.md", TestPosts.hexo("Bread", "2021-06-02", "Flour."));
    TestPosts.write(dir, "about.md", TestPosts.hexo("About", "2021-06-03", "Me."));
    TestPosts.write(dir, "_includes/footer.md", "Made with Jekyll.\n");
    TestPosts.write(dir, "_site/about.md", "# Copied\n");
    TestPosts.write(dir, "vendor/bundle/ruby/gems/kramdown/README.md", "# kramdown\n");
    TestPosts.write(dir, "notes/todo.md", "# To do\n");

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("_posts/2021-06-01-first.md", "_recipes/bread.md", "about.md");
    assertThat(scan.skipped())
        .filteredOn(s -> s.reason().equals(LeftOut.notPublished("Jekyll", null)))
        .extracting(s -> dir.relativize(s.file()).toString().replace('\\', '/'))
        .containsExactly(
            "_includes/footer.md",
            "_site/about.md",
            "notes/todo.md",
            "vendor/bundle/ruby/gems/kramdown/README.md");
  }

  /** A folder of posts with a _config.yml but no site folders is read whole, as before. */
  @Test
  void aFolderOfPostsIsNoSiteRoot() throws Exception {
    TestPosts.write(dir, "_config.yml", "title: News\n");
    TestPosts.write(dir, "2021/first.md", TestPosts.hexo("First", "2021-06-01", "A."));
    TestPosts.write(dir, "themes.md", TestPosts.hexo("Themes", "2021-06-02", "B."));

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts())
        .extracting(Post::relativePath)
        .containsExactly("2021/first.md", "themes.md");
    assertThat(scan.skipped()).isEmpty();
  }

  /**
   * A date YAML reads as a mapping ({{ date }} of a template) is quoted as written in the file, at
   * its line, not as the mapping it became ({{date=null}=null}).
   */
  @Test
  void aBadDateIsQuotedAsWrittenAtItsLine() throws Exception {
    Path post =
        TestPosts.write(dir, "post.md", "---\ntitle: A post\ndate: {{ date }}\n---\nText.\n");
    Path named =
        TestPosts.write(dir, "2021-06-01-named.md", "---\ntitle: B\n\ndate:  {{date}} \n---\nB.\n");

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(scan.posts()).extracting(Post::relativePath).containsExactly("2021-06-01-named.md");
    assertThat(scan.problems())
        .extracting(p -> p.file(), p -> p.line(), p -> p.severity(), p -> p.message())
        .containsExactly(
            Tuple.tuple(
                named,
                4,
                Problem.Severity.WARNING,
                "date: not a date: '{{date}}'; using the date in the file name"),
            Tuple.tuple(
                post, 3, Problem.Severity.ERROR, "date: not a date: '{{ date }}'; post skipped"));
  }

  /** A long templated date line is quoted by its first 60 characters, as any other value. */
  @Test
  void aLongBadDateIsQuotedCut() throws Exception {
    String template = "{{ page.last_modified_at | default: page.created_at | date_to_xmlschema }}";
    Path post =
        TestPosts.write(dir, "post.md", "---\ntitle: A post\ndate: " + template + "\n---\nA.\n");

    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC")).scan(dir);

    assertThat(template).hasSizeGreaterThan(60);
    assertThat(scan.problems())
        .extracting(p -> p.file(), p -> p.message())
        .containsExactly(
            Tuple.tuple(
                post, "date: not a date: '" + template.substring(0, 60) + "…'; post skipped"));
  }
}
