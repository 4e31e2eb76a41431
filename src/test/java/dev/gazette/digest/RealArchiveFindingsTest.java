package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.source.PostReader;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects seen on real public archives (h19-archives, 3 December 2026), each reproduced with a post
 * of our own words. These tests FAIL on main at ef838d5: each one states what a reader of the real
 * archive should have got. The archive, post and line are in each test's comment (the archives are
 * under /work/archives, outside the repo).
 */
class RealArchiveFindingsTest {
  @TempDir Path dir;

  private final ArticleMaker maker =
      new ArticleMaker(
          new MarkdownRenderer(), new HtmlNormalizer(), (post, src, problems) -> Optional.empty());

  private ArticleMaker.Outcome make(String body) {
    Path file = TestPosts.write(dir, "p.md", "---\ntitle: T\n---\n" + body);
    Post post = Post.builder(file, "p.md").bodyLine(4).body(() -> body).build();
    return maker.make(post, "a1");
  }

  /**
   * zh-hugo-darjun (Hugo): 87 of the 126 posts in content/post skipped with "invalid YAML front
   * matter: found character '\t(TAB)' that cannot start any token", e.g.
   * content/post/2020-01-17-go-dailylib-cobra.md:4 ({@code subtitle: <TAB>"…"}) and
   * 2018-05-22-redis-sds.md:2 ({@code layout:<TAB><TAB>post}). YAML 1.2 allows tabs as separation
   * inside a line; Hugo and Hexo read these posts.
   */
  @Test
  void aTabAfterAKeyIsSeparationNotIndentation() throws Exception {
    Path file =
        TestPosts.write(
            dir,
            "tabs.md",
            "---\nlayout:\t\tpost\ntitle:\t\"每日一库之 标志\"\nsubtitle: \t\"一个副标题\"\n"
                + "date:\t\t2020-01-17T22:13:05\ntags:\n    - Go\n---\n\n正文。\n");
    List<Problem> problems = new ArrayList<>();

    Post post = new PostReader(ZoneId.of("UTC")).read(file, "tabs.md", problems);

    assertThat(post.title()).isEqualTo("每日一库之 标志");
    assertThat(post.tags()).containsExactly("Go");
  }

  /**
   * rust-inside (Zola): stage0-redesign/index.md:37-108 writes {@code # Motivation {#motivation}}
   * (heading ids, also kramdown and Hugo syntax). The PDF shows "Motivation {#motivation}" as the
   * heading (page 1152, /work/archives/_runs/png/rust-p1152-1152.png) and the post's four links to
   * these ids become text ("no such place in the post").
   */
  @Test
  void aHeadingIdAttributeGivesTheIdAndIsNotShown() {
    ArticleMaker.Outcome o =
        make("\nYou can [skip this part](#why).\n\n## Why it matters {#why}\n\nBecause.\n");

    String body = o.article().bodyXhtml();
    assertThat(body).doesNotContain("{#why}");
    assertThat(body).containsPattern("<a [^>]*href=\"#[^\"]*why\"");
    assertThat(o.problems()).extracting(Problem::message).noneMatch(m -> m.contains("no such"));
  }

  /**
   * rust-inside: ffi-unwind-longjmp.md:27 links {@code [1](#longjmp-unwind)} to {@code <a
   * name="longjmp-unwind">1</a>} at line 200; the link becomes text with "a link to #longjmp-unwind
   * kept as text: no such place in the post", though the place is there.
   */
  @Test
  void anAnchorNamedWithNameIsAPlaceInThePost() {
    ArticleMaker.Outcome o =
        make(
            "\nThis needs a note<sup>[1](#first-note)</sup>.\n\nMore text.\n\n"
                + "<a name=\"first-note\">1</a>: the note itself.\n");

    assertThat(o.problems()).extracting(Problem::message).noneMatch(m -> m.contains("no such"));
    assertThat(o.article().bodyXhtml()).containsPattern("<a [^>]*href=\"#[^\"]*first-note\"");
  }

  /**
   * rust-inside: compiler-team-ambitions-2022.md:150 and compiler-team-2022-midyear-report.md:56
   * link 14 times each to headings such as {@code ### I-unsound issues (🦀)} by Zola's id {@code
   * #i-unsound-issues-crab} (Zola's slugs spell an emoji by its name); the build says "no such
   * place in the post" and the 28 links become text, though the headings are there.
   */
  @Test
  void aZolaHeadingIdThatSpellsAnEmojiFindsItsHeading() {
    ArticleMaker.Outcome o =
        make("\nSee [faster builds](#faster-builds-crab).\n\n## Faster builds (🦀)\n\nSoon.\n");

    assertThat(o.problems()).extracting(Problem::message).noneMatch(m -> m.contains("no such"));
  }

  /**
   * rust-inside: every post names its writers in Zola's {@code authors = ["…"]} (e.g.
   * program-management-update-2026-06.md:4); the meta line under the title shows only the date (PDF
   * text "Program management update — June 2026 / 14 July 2026"), where a Jekyll post's {@code
   * author: parkr} shows "24 June 2024 04:56 · parkr · release".
   */
  @Test
  void zolaAuthorsListIsShownUnderTheTitleLikeAJekyllAuthor() throws Exception {
    Path src = dir.resolve("blog");
    TestPosts.write(
        src,
        "notes.md",
        "+++\n"
            + "title = \"Team notes\"\n"
            + "date = 2026-07-14\n"
            + "authors = [\"Ada Example\"]\n"
            + "+++\n\n"
            + "Text.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    String chapters =
        String.join(
            "\n",
            Epubs.textEntries(result.outputs().get(0).path()).entrySet().stream()
                .filter(e -> e.getKey().matches(".*/a\\d+\\.xhtml"))
                .map(java.util.Map.Entry::getValue)
                .toList());
    assertThat(chapters).containsPattern("class=\"meta\"[^>]*>[^\\n]*Ada Example");
  }

  /**
   * jekyll-news: 2013-07-25-jekyll-1-0-4-released.markdown:19 {@code [1349]: {{ site.repository
   * }}/issues/1349}. The directive is removed, the rest "/issues/1349" is then sent to the site's
   * url, so the digest links https://jekyllrb.com/issues/1349 (no such page) instead of the
   * repository named in _config.yml; 30 such links in the 102 posts, no warning says so.
   */
  @Test
  void aLinkWhoseAddressStartedWithARemovedDirectiveDoesNotGoToTheBlog() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_config.yml",
        "title: Example\n"
            + "url: https://blog.example.org\n"
            + "repository: https://git.example.org/me/tool\n");
    TestPosts.write(
        site,
        "_posts/2024-01-02-release.md",
        "---\ntitle: Release\n---\n\nThanks for [the patch][42].\n\n"
            + "[42]: {{ site.repository }}/issues/42\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("_posts"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    String all = String.join("\n", Epubs.textEntries(result.outputs().get(0).path()).values());
    assertThat(all).doesNotContain("href=\"https://blog.example.org/issues/42\"");
  }

  /**
   * rust-inside: intro-rustc-self-profile/index.md:140 {@code [![Image of flamegraph output][flame
   * graph img]][flame graph img]} prints "[", the picture, then "]flame graph img" as a link (page
   * 155, /work/archives/_runs/png/rust-p155-0155.png); 9 such pictures in 3 posts. flexmark 0.64.8
   * itself reads a reference image inside a full reference link so (plain Parser: "[<img …/>]<a
   * …>w</a>"); CommonMark makes it a linked picture.
   */
  @Test
  void aReferenceImageInsideAReferenceLinkIsALinkedPicture() {
    ArticleMaker.Outcome o =
        make(
            "\nSee the chart:\n\n[![The chart][chart]][home]\n\n"
                + "[chart]: https://example.org/chart.png\n[home]: https://example.org/\n");

    String body = o.article().bodyXhtml();
    assertThat(body).doesNotContain(">home</a>").doesNotContainPattern("<p>\\[<");
  }

  /**
   * zh-hugo-darjun built from content/post (the folder of posts): the title, author and site
   * address come from ../../config.toml, but all 207 pictures written {@code /img/…} are "not found
   * beside the post, in its asset folder, or in source/ or static/" although they are in
   * ../../static/img/. The site root whose config is read could lend its static/ folder too.
   */
  @Test
  void aHugoPostFolderFindsItsPicturesInTheSitesStaticFolder() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    java.nio.file.Files.createDirectories(site.resolve("static/img"));
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        site.resolve("static/img/chart.png").toFile());
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n\n![图](/img/chart.png)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content/post"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("/img/"));
  }

  /**
   * zh-hugo-darjun: built from the Hugo site root (so that {@code /img/…} is found in static/),
   * static/img/README.md became an article "blog-img" in a section "static", and the contents reads
   * "content › post › …" (Hugo's folders, not the blog's sections).
   */
  @Test
  void aHugoSitesStaticFolderHoldsNoPosts() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n");
    TestPosts.write(site, "static/img/README.md", "# blog-img\nblog img\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.posts()).extracting(Post::title).containsExactly("你好");
  }
}
