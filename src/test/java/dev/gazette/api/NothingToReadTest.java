package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files with nothing to read are left out with a line each, not made into articles of a title
 * alone. A Jekyll archive (lil-log) held only such files once its posts had moved: 36 stubs of a
 * {@code <meta http-equiv="refresh">} and 25 tag pages of front matter, which made a digest of 61
 * empty articles and no warning.
 */
class NothingToReadTest {
  @TempDir Path dir;

  @Test
  void stubsSitePagesAndEmptiedBodiesAreLeftOutWithTheirReason() throws Exception {
    TestPosts.write(
        dir,
        "_posts/2017-06-21-an-overview.md",
        "<meta http-equiv=\"Refresh\" content=\"0; url='https://example.org/posts/overview/'\""
            + " />\n");
    TestPosts.write(
        dir,
        "_posts/2017-06-22-moved-too.md",
        "<!-- moved -->\n<META HTTP-EQUIV=refresh CONTENT=\"0;URL=https://example.org/b/\">\n");
    TestPosts.write(
        dir,
        "_posts/2017-06-23-old.md",
        "---\ntitle: Old\nredirect_to: https://example.org/new/\n---\n");
    TestPosts.write(
        dir, "tag/attention.md", "---\nlayout: tagpage\ntitle: \"Tag: attention\"\n---\n\n");
    TestPosts.write(dir, "releases/latest.md", "+++\ntemplate = \"latest.html\"\n+++\n");
    TestPosts.write(
        dir,
        "_posts/2017-06-24-widget.md",
        "---\ntitle: Widget\n---\n\n<script>document.write('hello')</script>\n");
    TestPosts.write(
        dir,
        "_posts/2017-06-25-real.md",
        "---\ntitle: A real post\n---\n\nAttention, in a few words, is a weighted average.\n");

    DigestResult result = build();

    assertThat(result.posts()).extracting(p -> p.title()).containsExactly("A real post");
    Map<String, String> skipped =
        result.skipped().stream()
            .collect(
                Collectors.toMap(
                    s -> dir.relativize(s.file()).toString().replace('\\', '/'),
                    SkippedPost::reason));
    assertThat(skipped)
        .containsOnlyKeys(
            "_posts/2017-06-21-an-overview.md",
            "_posts/2017-06-22-moved-too.md",
            "_posts/2017-06-23-old.md",
            "tag/attention.md",
            "releases/latest.md",
            "_posts/2017-06-24-widget.md");
    assertThat(skipped.get("releases/latest.md"))
        .isEqualTo(
            "nothing to read: front matter and template 'latest.html' only (a site page?); post"
                + " skipped");
    assertThat(skipped.get("_posts/2017-06-21-an-overview.md"))
        .isEqualTo(
            "nothing to read: the post only sends readers to https://example.org/posts/overview/"
                + " (a stub left where it moved); post skipped");
    assertThat(skipped.get("_posts/2017-06-22-moved-too.md"))
        .contains("sends readers to https://example.org/b/ ");
    assertThat(skipped.get("_posts/2017-06-23-old.md"))
        .contains("sends readers to https://example.org/new/ ");
    assertThat(skipped.get("tag/attention.md"))
        .isEqualTo(
            "nothing to read: front matter and layout 'tagpage' only (a site page?); post skipped");
    assertThat(skipped.get("_posts/2017-06-24-widget.md"))
        .startsWith("nothing to read: no text, picture or table is left");
    assertThat(result.problems())
        .filteredOn(p -> p.message().startsWith("nothing to read"))
        .hasSize(6)
        .allSatisfy(p -> assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING))
        .anySatisfy(
            p -> {
              assertThat(p.file()).endsWith(Path.of("2017-06-21-an-overview.md"));
              assertThat(p.line()).isEqualTo(1);
            })
        .anySatisfy(
            p -> {
              assertThat(p.file()).endsWith(Path.of("2017-06-24-widget.md"));
              assertThat(p.line()).isEqualTo(4);
            });

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String text = String.join("", Epubs.textEntries(epub).values());
    assertThat(text).contains("weighted average").doesNotContain("Tag: attention", "Widget");
  }

  /**
   * zh-hugo-darjun: content/search/placeholder.md is 0 bytes. It was an error ("empty file") while
   * a file of white space was a warning; both are files with nothing to read.
   */
  @Test
  void anEmptyFileIsAWarningLikeABlankOne() throws Exception {
    TestPosts.write(dir, "search/placeholder.md", "");
    TestPosts.write(dir, "search/blank.md", "  \n\n");
    TestPosts.write(dir, "post.md", "---\ntitle: A post\n---\n\nSome words.\n");

    DigestResult result = build();

    assertThat(result.problems())
        .extracting(p -> dir.relativize(p.file()) + ":" + p.line() + " " + p.severity())
        .containsExactlyInAnyOrder("search/placeholder.md:1 WARNING", "search/blank.md:1 WARNING");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactlyInAnyOrder(
            "nothing to read: the file is empty (0 bytes); post skipped",
            "nothing to read: the file is blank; post skipped");
    assertThat(result.posts()).extracting(p -> p.title()).containsExactly("A post");
  }

  @Test
  void aSourceOfStubsOnlySaysItsPostsMadeNoArticle() {
    TestPosts.write(
        dir,
        "_posts/2017-06-21-an-overview.md",
        "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/posts/overview/\">\n");

    assertThatThrownBy(this::build)
        .isInstanceOf(GazetteException.class)
        .hasMessage("none of the 1 post in " + dir + " made an article (each is reported above)")
        .satisfies(
            e ->
                assertThat(((GazetteException) e).problems())
                    .extracting(Problem::message)
                    .containsExactly(
                        "nothing to read: the post only sends readers to"
                            + " https://example.org/posts/overview/ (a stub left where it moved);"
                            + " post skipped"));
  }

  /**
   * OCaml's planet lists 382 of its 832 posts as front matter alone: a title, a summary, the
   * address of the post on its author's blog. They were skipped as site pages; they are the
   * planet's entries, and show their summary and the address to read them at.
   */
  @Test
  void frontMatterNamingWhereThePostWasPublishedIsALinkEntry() throws Exception {
    TestPosts.write(
        dir,
        "planet/ann/first-steps.md",
        "---\ntitle: First steps\ndescription: What I learned in a week of <b>OCaml</b>.\n"
            + "url: https://ann.example.org/blog/first-steps\ndate: 2024-01-21\n---\n");
    TestPosts.write(
        dir,
        "planet/bo/notes.md",
        "---\ntitle: Notes\nurl: https://bo.example.net/notes.html\ndate: 2024-01-22\n---\n");
    TestPosts.write(dir, "about.md", "---\ntitle: About\nurl: /about/\ndate: 2024-01-23\n---\n");

    DigestResult result = build();

    assertThat(result.posts())
        .extracting(p -> p.title())
        .containsExactlyInAnyOrder("First steps", "Notes");
    assertThat(result.skipped())
        .extracting(SkippedPost::reason)
        .containsExactly("nothing to read: front matter only (a site page?); post skipped");
    Map<String, String> entries = Epubs.validEntries(result.outputs().get(0).path());
    assertThat(Epubs.articleHolding(entries, "First steps"))
        .contains(
            "<p>What I learned in a week of &lt;b&gt;OCaml&lt;/b&gt;.</p>",
            "<p><a href=\"https://ann.example.org/blog/first-steps\">"
                + "https://ann.example.org/blog/first-steps</a></p>");
    assertThat(Epubs.articleHolding(entries, "Notes"))
        .contains(
            "<a href=\"https://bo.example.net/notes.html\">https://bo.example.net/notes.html</a>");
  }

  private DigestResult build() throws GazetteException {
    return TestBuilds.build(
        TestBuilds.utc(dir, dir.resolve("out")).name("d").formats(Format.EPUB).offline(true));
  }
}
