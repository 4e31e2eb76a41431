package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.normalize.NormalizeContext;
import dev.gazette.normalize.PostLinks;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A post's link to another post's file goes to that article in the digest: blog.rust-lang.org links
 * {@code ./rust-vision-doc.md} and Zola's {@code @/inside-rust/….md}, Huxpro's blog {@code
 * 2020-06-19-data-rep-int.md#…}; they were kept as text.
 */
class LinksBetweenPostsTest {
  @TempDir Path dir;

  @Test
  void linksToPostsOfTheDigestGoToTheirArticlesInEpubAndPdf() throws Exception {
    Path content = dir.resolve("site/content");
    TestPosts.write(
        content,
        "inside/2024-01-01-plan.md",
        "+++\n"
            + "title = \"The plan\"\n"
            + "date = 2024-01-01\n"
            + "+++\n\n"
            + "Read [the vision](./2024-01-02-vision.md#goals),"
            + " [again](@/inside/2024-01-02-vision.md), [as a page](2024-01-02-vision.html), [as"
            + " served](./2024-01-02-vision.md.html), [from the"
            + " root](/inside/2024-01-02-vision.html), [the copy](2024-01-03-copy.md) and [a"
            + " missing one](nowhere.md).\n");
    TestPosts.write(
        content,
        "inside/2024-01-02-vision.md",
        "+++\ntitle = \"The vision\"\ndate = 2024-01-02\n+++\n\n"
            + "## Goals\n\nA long way. Back to [the plan](2024-01-01-plan).\n");
    // The same post again: merged into the first as a duplicate, so it is no article of its own.
    TestPosts.write(
        content,
        "inside/2024-01-03-copy.md",
        "+++\ntitle = \"The vision\"\ndate = 2024-01-02\n+++\n\n"
            + "## Goals\n\nA long way. Back to [the plan](2024-01-01-plan).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(content, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String plan = entries.get("OEBPS/a001.xhtml");
    assertThat(plan)
        // #goals is the other post's heading "Goals", which gets an id to be gone to
        .contains("<a href=\"a002.xhtml#a002-h1\" class=\"gazette-post-link\">the vision</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">again</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">as a page</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">as served</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">from the root</a>")
        .contains(" the copy and a missing one.");
    assertThat(entries.get("OEBPS/a002.xhtml"))
        .contains("<h2 id=\"a002-h1\">Goals</h2>")
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">the plan</a>");
    assertThat(result.problems())
        .extracting(Problem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .isEqualTo(
                        "a link to the post inside/2024-01-03-copy.md kept as text: that post is"
                            + " not in the digest"))
        .anySatisfy(m -> assertThat(m).contains("a link to nowhere.md kept as text"));

    try (PDDocument pdf = Loader.loadPDF(new File(result.outputs().get(1).path().toString()))) {
      int planPage = pageWith(pdf, "1 January 2024");
      int visionPage = pageWith(pdf, "A long way.");
      List<Integer> targets = new ArrayList<>();
      for (PDAnnotation a : pdf.getPage(planPage).getAnnotations()) {
        if (a instanceof PDAnnotationLink link) {
          assertThat(link.getAction()).isNotInstanceOf(PDActionURI.class);
          PDDestination d =
              link.getAction() instanceof PDActionGoTo go
                  ? go.getDestination()
                  : link.getDestination();
          if (d instanceof PDPageDestination p) {
            targets.add(pdf.getPages().indexOf(p.getPage()));
          }
        }
      }
      // Three links; one broken over two lines is two areas to click.
      assertThat(targets).hasSizeGreaterThanOrEqualTo(3).containsOnly(visionPage);
    }
  }

  /** Jekyll's {@code post_url} and Hugo's {@code ref} / {@code relref} name a post's file too. */
  @Test
  void jekyllPostUrlAndHugoRefGoToTheirArticles() throws Exception {
    Path posts = dir.resolve("hugo/content/posts");
    TestPosts.write(
        posts,
        "2024-01-01-a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\n\n"
            + "See [b]({% post_url 2024-01-02-b %}), [b again]({{< ref \"2024-01-02-b.md\" >}})"
            + " and [b from the top]({{< relref \"/posts/2024-01-02-b.md\" >}}).\n");
    TestPosts.write(
        posts, "2024-01-02-b.md", "---\ntitle: B\ndate: 2024-01-02\n---\n\nText of b.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out2")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains(
            "See <a href=\"a002.xhtml\" class=\"gazette-post-link\">b</a>, <a href=\"a002.xhtml\""
                + " class=\"gazette-post-link\">b again</a> and <a href=\"a002.xhtml\""
                + " class=\"gazette-post-link\">b from the top</a>.");
    assertThat(result.problems()).isEmpty();
  }

  /**
   * gRPC's blog links {@code ../grpc-rust-client-api-1} from the post beside it: Hugo publishes
   * {@code x.md} at {@code /blog/x/}, so a climb of one folder lands beside it. A bundle's {@code
   * index.md} is at its folder's address already.
   */
  @Test
  void aRelativeLinkFromAPostsPublishedAddressGoesToThePostBesideIt() throws Exception {
    Path blog = dir.resolve("grpc/content/en/blog");
    TestPosts.write(
        blog,
        "client-api-2.md",
        "---\ntitle: Client API, part 2\ndate: 2024-01-02\n---\n\n"
            + "Read [part 1](../client-api-1) and [the principles](../principles/) first.\n");
    TestPosts.write(
        blog, "client-api-1.md", "---\ntitle: Client API, part 1\ndate: 2024-01-01\n---\n\nOne.\n");
    TestPosts.write(
        blog,
        "principles/index.md",
        "---\ntitle: Principles\ndate: 2023-12-01\n---\n\nSee [part 2](../client-api-2/).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out-grpc")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(Epubs.articleHolding(entries, "Read "))
        .contains("class=\"gazette-post-link\">part 1</a>")
        .contains("class=\"gazette-post-link\">the principles</a>");
    assertThat(Epubs.articleHolding(entries, "See "))
        .contains("class=\"gazette-post-link\">part 2</a>");
    assertThat(result.problems()).isEmpty();
  }

  /**
   * Hexo's {@code {% post_link slug title %}} and {@code {% post_path slug %}} name a post by its
   * slug: 135 of them in the archives tried became plain text. They link to the post's article, to
   * a heading in it when the address names one; a slug of no post keeps its text, said.
   */
  @Test
  void hexoPostLinksAndPathsGoToThePostsArticles() throws Exception {
    Path posts = dir.resolve("hexo/source/_posts");
    TestPosts.write(
        posts,
        "acme.md",
        "---\ntitle: ACME\ndate: 2024-01-03\n---\n\n"
            + "See {% post_link configure-iis '配置 IIS' %}, {% post_link openwrt/resize %},"
            + " <a href=\"{% post_path 'configure-iis' %}#安装SSL证书\">the certificate</a> and"
            + " {% post_link gone 'a lost post' %}.\n");
    TestPosts.write(
        posts,
        "configure-iis.md",
        "---\ntitle: 配置 IIS\ndate: 2024-01-01\n---\n\n## 安装SSL证书\n\nText.\n");
    TestPosts.write(
        posts, "openwrt/resize.md", "---\ntitle: Resize\ndate: 2024-01-02\n---\n\nMore.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out-hexo")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String acme = Epubs.articleHolding(entries, "See ");
    String iis = Epubs.fileHolding(entries, "Text.");
    assertThat(acme)
        .contains("<a href=\"" + iis + "\" class=\"gazette-post-link\">配置 IIS</a>")
        .contains("class=\"gazette-post-link\">openwrt/resize</a>")
        .containsPattern(
            "<a href=\"" + iis + "#a\\d+-h1\" class=\"gazette-post-link\">the certificate</a>")
        .contains("and a lost post.");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("a link to gone.md kept as text: the digest has no post of that file");
  }

  /**
   * Nacos's blog links {@code src/content/blog/x.md}, a path from the repository's root (GitHub's
   * file view follows it): the one post whose path ends so. A path two posts end with, or none,
   * stays a link kept as text.
   */
  @Test
  void aPathFromTheRepositorysRootGoesToThePostItEndsAt() throws Exception {
    Path blog = dir.resolve("nacos/src/content/blog");
    TestPosts.write(
        blog,
        "where.md",
        "---\n"
            + "title: Where\n"
            + "date: 2024-01-02\n"
            + "---\n\n"
            + "After [the first part](src/content/blog/what.md) and [its"
            + " note](src/content/blog/what) comes [nothing](src/content/blog/nowhere.md).\n");
    TestPosts.write(blog, "what.md", "---\ntitle: What\ndate: 2024-01-01\n---\n\nWhat.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out-nacos")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(Epubs.articleHolding(entries, "After "))
        .contains("class=\"gazette-post-link\">the first part</a>")
        .contains("class=\"gazette-post-link\">its note</a>");
    assertThat(result.problems())
        .extracting(Problem::toString)
        .singleElement()
        .asString()
        .contains("where.md")
        .contains("src/content/blog/nowhere.md kept as text: the digest has no post of that file");
  }

  /**
   * Homebrew's blog names {@code {% post_url 2022-09-07-homebrew-3.6.0 %}}, a name with a dot and
   * no extension; PingCAP's links its posts as {@code /blog/<file name>} though they lie at the
   * folder's top (22 links became text). A listing's path ({@code /tags/b/}) is no post named b.
   */
  @Test
  void aPostNamedWithADotOrUnderTheSitesOwnFolderIsFound() throws Exception {
    Path posts = dir.resolve("brew/_posts");
    TestPosts.write(
        posts,
        "2024-01-01-a.md",
        "---\ntitle: A\ndate: 2024-01-01\n---\n\n"
            + "Since [3.6.0]({% post_url 2024-01-02-release-3.6.0 %}), see [b](/blog/b),"
            + " [b's part](/blog/b#part) and [the tag](/tags/b/).\n");
    TestPosts.write(
        posts,
        "2024-01-02-release-3.6.0.md",
        "---\ntitle: Release\ndate: 2024-01-02\n---\n\nText.\n");
    TestPosts.write(posts, "b.md", "---\ntitle: B\ndate: 2024-01-03\n---\n\n## Part\n\nB.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out-dot")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a001.xhtml"))
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">3.6.0</a>")
        .contains("<a href=\"a003.xhtml\" class=\"gazette-post-link\">b</a>")
        .contains("<a href=\"a003.xhtml#a003-h1\" class=\"gazette-post-link\">b’s part</a>")
        .contains("the tag")
        .doesNotContain(">the tag</a>");
  }

  /**
   * Engines give a post a dated address unless told otherwise (Jekyll {@code /2012/08/08/name/},
   * Octopress and Pelican {@code /blog/…}, Hexo {@code :year/:month/:day/:title/}, WordPress {@code
   * /2012/08/name/}), which blogs link their posts by, from the site's root or with the blog's own
   * address: each goes to the post of that day and name (its slug, or its file name without the
   * date). Another site's dated address stays a web link; a day and name two posts share is
   * neither's.
   */
  @Test
  void linksToAPostsDatedAddressGoToItsArticle() throws Exception {
    Path site = dir.resolve("dated");
    Files.createDirectories(site);
    Files.writeString(site.resolve("_config.yml"), "title: Dated\nurl: https://example.org\n");
    Path posts = site.resolve("_posts");
    TestPosts.write(
        posts,
        "2012-08-08-memoryview-benchmarks.md",
        "Title: Memoryview Benchmarks\ndate: 2012-08-08 18:50\nslug: memview\n\nFirst.\n");
    TestPosts.write(
        posts,
        "hello.md",
        "---\n"
            + "title: Hello\n"
            + "date: 2019-01-01 23:30\n"
            + "---\n\n"
            + "See [one](/blog/2012/08/08/memoryview-benchmarks/), [by"
            + " slug](/2012/08/08/memview.html), [by"
            + " month](https://www.example.org/2012/08/memview/),"
            + " [elsewhere](https://other.example.net/2012/08/08/memview/) and"
            + " [twice](/2019/01/02/same/).\n");
    TestPosts.write(posts, "2019-01-02-same.md", "---\ntitle: Same 1\n---\n\nOne.\n");
    TestPosts.write(posts, "same/index.md", "---\ntitle: Same 2\ndate: 2019-01-02\n---\n\nTwo.\n");
    TestPosts.write(
        posts,
        "later.md",
        "---\ntitle: Later\ndate: 2019-02-01\n---\n\nBack to [hello](/2019/01/01/hello/).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out-dated")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> text = Epubs.validEntries(epub);
    assertThat(text.get("OEBPS/a002.xhtml"))
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">one</a>")
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">by slug</a>")
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">by month</a>")
        .contains("<a href=\"https://other.example.net/2012/08/08/memview/\">elsewhere</a>")
        .contains("<a href=\"https://example.org/2019/01/02/same/\">twice</a>");
    assertThat(text.get("OEBPS/a005.xhtml"))
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">hello</a>");
  }

  /**
   * Hugo's {@code :slug} in a permalink ({@code /:year/:month/:day/:slug/}) is the title made a
   * path when a post has no slug: Linkerd's blog linked 40 such addresses of its own posts, whose
   * folders are named otherwise ({@code 1003-linkerd-and-open-governance}).
   */
  @Test
  void aDatedAddressNamedByTheTitleGoesToThatPost() throws Exception {
    Path blog = dir.resolve("hugo-dated/content/blog");
    TestPosts.write(
        blog,
        "2019/1003-linkerd-and-open-governance/index.md",
        "---\ntitle: Linkerd's Commitment to Open Governance\ndate: 2019-10-03T00:00:00Z\n---\n\n"
            + "Open.\n");
    Files.write(
        blog.resolve("2019/1003-linkerd-and-open-governance/cover.jpg"),
        dev.gazette.testing.TestImages.jpeg(dev.gazette.testing.TestImages.photo(64, 48)));
    Files.write(
        blog.resolve("2019/1003-linkerd-and-open-governance/diagram.jpg"),
        dev.gazette.testing.TestImages.jpeg(dev.gazette.testing.TestImages.photo(48, 64)));
    // a + in an address's path is a plus, not a space
    Files.write(
        blog.resolve("2019/1003-linkerd-and-open-governance/sum+diff.jpg"),
        dev.gazette.testing.TestImages.jpeg(dev.gazette.testing.TestImages.photo(40, 40)));
    // Hugo publishes a bundle's files beside its page: another post shows them by that address
    TestPosts.write(
        blog,
        "2021/0301-linkerd-210/index.md",
        "---\ntitle: Linkerd 2.10, and extensions\ndate: 2021-03-01T00:00:00Z\nimage:"
            + " /2019/10/03/linkerds-commitment-to-open-governance/cover.jpg\n---\n\nSee"
            + " [governance](/2019/10/03/linkerds-commitment-to-open-governance/) and"
            + " [this](/2021/03/01/linkerd-2.10-and-extensions/).\n\n"
            + "![Governance](/2019/10/03/linkerds-commitment-to-open-governance/diagram.jpg)\n\n"
            + "![Sum](/2019/10/03/linkerds-commitment-to-open-governance/sum+diff.jpg)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out-hugo-dated")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a002.xhtml"))
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">governance</a>")
        .contains("<a href=\"a002.xhtml\" class=\"gazette-post-link\">this</a>")
        .contains("<figure class=\"header-image\"><img src=\"images/")
        .contains("alt=\"Governance\"")
        .contains("alt=\"Sum\"");
  }

  /**
   * WordPress's exporters keep where each post was published ({@code link:
   * http://old.example.org/2012/08/23/name/}); the posts link each other there, on a host that is
   * no longer the blog's (rossmounce.co.uk: 184 such links, none followed in the digest).
   */
  @Test
  void linksToTheHostThePostsWerePublishedOnGoToTheirArticles() throws Exception {
    Path posts = dir.resolve("wp/_posts");
    TestPosts.write(
        posts,
        "2012-08-23-embargo.markdown",
        "---\ntitle: Embargo\ndate: 2012-08-23 16:45:30+00:00\n"
            + "link: http://old.example.org/2012/08/23/the-embargo-is-back/\n"
            + "slug: the-embargo-is-back\n---\n\nFirst.\n");
    TestPosts.write(
        posts,
        "2012-08-24-questions.markdown",
        "---\ntitle: Questions\ndate: 2012-08-24 00:16:08+00:00\n"
            + "link: http://old.example.org/2012/08/24/questions/\n---\n\n"
            + "After [the embargo](http://www.old.example.org/2012/08/23/the-embargo-is-back/),"
            + " [its page](http://old.example.org/about/) and"
            + " [another blog](http://other.example.net/2012/08/23/the-embargo-is-back/).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("out-wp")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a002.xhtml"))
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">the embargo</a>")
        .contains("<a href=\"http://old.example.org/about/\">its page</a>")
        .contains(
            "<a href=\"http://other.example.net/2012/08/23/the-embargo-is-back/\">another"
                + " blog</a>");
  }

  /**
   * Posts whose front matter gives their address (maku77.github.io: {@code url: "p/i6k5xtf/"} and
   * {@code aliases}, 2,721 links as {@code /p/…/}), linked by it from the site's root or the blog's
   * full address; an address two posts claim is neither's.
   */
  @Test
  void linksToAPostsOwnAddressGoToItsArticle() throws Exception {
    Path content = dir.resolve("maku/content");
    Files.createDirectories(content);
    Files.writeString(
        content.getParent().resolve("hugo.toml"),
        "baseURL = \"https://notes.example.org/\"\ntitle = \"Notes\"\n");
    TestPosts.write(
        content,
        "python/history.md",
        "---\ntitle: History\nurl: \"p/i6k5xtf/\"\ndate: 2013-04-07\n"
            + "aliases: [\"/python/column/history.html\"]\n---\n\nA long time ago.\n");
    TestPosts.write(
        content,
        "python/indent.md",
        "---\ntitle: Indent\nurl: \"/p/cmeia2b\"\ndate: 2013-04-21\n---\n\n"
            + "See [the history](/p/i6k5xtf/), [its old page](/python/column/history.html),"
            + " [with a part](/p/i6k5xtf/#start), [the site's](/about/) and [twice](/p/twice/).\n");
    TestPosts.write(
        content, "a.md", "---\ntitle: A\nurl: /p/twice/\ndate: 2013-05-01\n---\n\nOne.\n");
    TestPosts.write(
        content, "b.md", "---\ntitle: B\nurl: /p/twice/\ndate: 2013-05-02\n---\n\nTwo.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(content, dir.resolve("out3")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String indent = Epubs.textEntries(epub).get("OEBPS/a002.xhtml");
    assertThat(indent)
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">the history</a>")
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">its old page</a>")
        .contains("<a href=\"a001.xhtml\" class=\"gazette-post-link\">with a part</a>")
        .contains("<a href=\"https://notes.example.org/about/\">the site’s</a>")
        .contains("<a href=\"https://notes.example.org/p/twice/\">twice</a>");
  }

  /**
   * The Go blog leaves a stub where a post moved ({@code redirect: /blog/debug-status}); 30 links
   * to such stubs became text, said "not in the digest". They go where the site sends readers, a
   * stub to a stub followed too; a stub sending readers off the blog still leaves its text.
   */
  @Test
  void linksToAStubLeftWhereAPostMovedGoToWhereItMoved() throws Exception {
    Path blog = dir.resolve("go/_content/blog");
    TestPosts.write(
        blog,
        "debug-status.md",
        "---\ntitle: Debugging status\ndate: 2010-11-02\n---\n\nWhere the debugger stands.\n");
    TestPosts.write(blog, "debugging-report.md", "---\nredirect: /blog/debug-status\n---\n");
    TestPosts.write(blog, "old-report.md", "---\nredirect: /blog/debugging-report\n---\n");
    TestPosts.write(blog, "elsewhere.md", "---\nredirect: https://example.org/x\n---\n");
    TestPosts.write(
        blog,
        "1year.md",
        "---\ntitle: One year\ndate: 2010-11-10\n---\n\nSee [the report](/blog/debugging-report),"
            + " [the old one](/blog/old-report) and [elsewhere](/blog/elsewhere).\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out4")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String status = Epubs.fileHolding(entries, "<title>Debugging status</title>");
    String year = Epubs.articleHolding(entries, "<title>One year</title>");
    assertThat(year)
        .contains("<a href=\"" + status + "\" class=\"gazette-post-link\">the report</a>")
        .contains("<a href=\"" + status + "\" class=\"gazette-post-link\">the old one</a>")
        .contains(" and elsewhere.");
    assertThat(result.problems())
        .extracting(Problem::message)
        .contains("a link to the post elsewhere.md kept as text: that post is not in the digest");
  }

  /**
   * Vite's Chinese docs link their team page twice in each release post; the team page has nothing
   * to read and is skipped. Each link was said on its own line, both at the body's first line. One
   * line per post gone now counts them, at the first link's line, and no link keeps its line mark.
   */
  @Test
  void linksToASkippedPostAreSaidOnceAtTheFirstLinksLine() throws Exception {
    Path docs = dir.resolve("docs");
    TestPosts.write(
        docs, "team.md", "---\ntitle: Team\nlayout: page\n---\n\n<script>x()</script>\n");
    Path release =
        TestPosts.write(
            docs,
            "blog/vite3.md",
            "---\ntitle: Vite 3\ndate: 2022-07-23\n---\n\n# Vite 3\n\nThanks to the"
                + " [team](/team).\n\nLine.\n\nMore from [our team](../team.md) and [the"
                + " plan](./plan.md).\n");
    TestPosts.write(docs, "blog/plan.md", "---\ntitle: Plan\ndate: 2022-07-01\n---\n\nA plan.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(docs, dir.resolve("out5")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String vite3 = Epubs.articleHolding(entries, "<title>Vite 3</title>");
    assertThat(vite3)
        .contains("Thanks to the team.")
        .contains("More from our team and <a href=")
        .doesNotContain("data-gazette");
    assertThat(result.problems())
        .filteredOn(p -> p.message().contains("team.md"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).isEqualTo(release);
              assertThat(p.line()).isEqualTo(8);
              assertThat(p.message())
                  .isEqualTo(
                      "2 links to the post team.md kept as text: that post is not in the digest");
            });
  }

  /** Normalizing twice changes nothing, links between posts included. */
  @Test
  void normalizingTwiceKeepsLinksBetweenPosts() throws Exception {
    Path src = dir.resolve("blog");
    Path a = TestPosts.write(src, "a.md", "---\ntitle: A\n---\n\nx\n");
    Path b = TestPosts.write(src, "b.md", "---\ntitle: B\n---\n\ny\n");
    Post postA = Post.builder(a, "a.md").bodyLine(4).body(() -> "x").build();
    Post postB = Post.builder(b, "b.md").bodyLine(4).body(() -> "y").build();
    HtmlNormalizer normalizer =
        new HtmlNormalizer(
            HtmlNormalizer.DEFAULT_MAX_DEPTH,
            null,
            PostLinks.of(List.of(postA, postB), java.time.ZoneOffset.UTC));
    String html =
        "<h2 id=\"s\">S</h2><p><a href=\"b.md\">to b</a>, <a href=\"#s\">to S</a>, <a"
            + " class=\"gazette-post-link\" href=\"#s\">written so</a></p>";
    String once =
        normalizer.normalize(
            html, new NormalizeContext(postA, "a001", "A", (p, s, problems) -> Optional.empty()));
    String twice =
        normalizer.normalize(
            once, new NormalizeContext(postA, "a001", "A", (p, s, problems) -> Optional.empty()));
    assertThat(once)
        // the line it is written on stays until ArticleLinks has the digest's articles
        .contains("<a href=\"#a002\" class=\"gazette-post-link\" data-gazette-line=\"4\">to b</a>")
        .contains("<a href=\"#a001-s\">to S</a>")
        .contains("<a href=\"#a001-s\">written so</a>");
    assertThat(twice).isEqualTo(once);
  }

  private static int pageWith(PDDocument pdf, String text) throws Exception {
    PDFTextStripper stripper = new PDFTextStripper();
    int i = 0;
    for (PDPage ignored : pdf.getPages()) {
      stripper.setStartPage(i + 1);
      stripper.setEndPage(i + 1);
      if (stripper.getText(pdf).replaceAll("\\s+", "").contains(text.replaceAll("\\s+", ""))) {
        return i;
      }
      i++;
    }
    throw new AssertionError("no page with " + text + " in " + new PDFTextStripper().getText(pdf));
  }
}
