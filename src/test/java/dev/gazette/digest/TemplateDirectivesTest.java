package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import dev.gazette.util.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template directives carry content or go, with one warning per kind and post. */
class TemplateDirectivesTest {
  @TempDir Path dir;

  private final ArticleMaker maker =
      new ArticleMaker(
          new MarkdownRenderer(), new HtmlNormalizer(), (post, src, problems) -> Optional.empty());

  /** The article of the post {@code relative} under {@code root}, its body at line 4. */
  /** An offline build's problems and the text of its EPUB, which EPUBCheck has passed. */
  private record Built(java.util.List<Problem> problems, String text) {}

  private Built buildEpub(Path source) throws Exception {
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(source, dir.resolve("out")).offline(true).formats(Format.EPUB));
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    return new Built(result.problems(), String.join("\n", Epubs.textEntries(epub).values()));
  }

  private ArticleMaker.Outcome make(Path root, String relative, String body) throws Exception {
    Path file = TestPosts.write(root, relative, "---\ntitle: T\n---\n" + body);
    return maker.make(
        Post.builder(file, relative)
            .bodyLine(4)
            .fields(java.util.Map.of("title", "T"))
            .body(() -> body)
            .build(),
        "a1");
  }

  @Test
  void removedDirectivesAreSaidInOneLinePerPostAtTheBodyLine() throws Exception {
    String body =
        "\nRepo {{ site.repository }}, issue {{ issue }} and {{ issue }}.\n\n"
            + "{% include footer.html %}\n\n{{< instagram 123 >}}\n\n```\n{{ kept }}\n```\n";
    ArticleMaker.Outcome o = make(dir.resolve("src"), "p.md", body);

    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {% include footer.html %}"
                + " (not found in _includes/ in the source folder), {{< instagram >}}, {{"
                + " site.repository }}, {{ issue }} ×2");
    assertThat(o.problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(4));
    String text = o.article().bodyXhtml();
    assertThat(text.replaceAll("(?s)<pre>.*?</pre>", "")).doesNotContain("{{", "{%", "}}", "%}");
    assertThat(text).contains("{{ kept }}");
  }

  @Test
  void directivesInAnHtmlBodyGoTooButCodeKeepsThem() throws Exception {
    // A Jekyll post whose body is HTML (Huxpro's blog): Liquid ran over it all the same.
    String body =
        "<!-- Chinese Version -->\n<div class=\"zh post-container\">\n"
            + "{% capture about_zh %}{% include posts/x/zh.md %}{% endcapture %}\n"
            + "{{ about_zh | markdownify }}\n</div>\n"
            + "<p>Bound with <code>{{ myVar }}</code>:</p>\n"
            + "<pre>{% raw %}{{ hero.name }}{% endraw %}</pre>\n<p>See the {{ page.title }}.</p>\n";
    ArticleMaker.Outcome o = make(dir.resolve("src"), "h.md", body);

    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directive {% include posts/x/zh.md %} (not found in _includes/ in the "
                + "source folder) removed: Gazette cannot render it");
    String text = o.article().bodyXhtml();
    assertThat(text)
        .doesNotContain("capture", "markdownify", "page.title")
        .contains("See the T.")
        .contains("<code>{{ myVar }}</code>")
        .contains("{% raw %}{{ hero.name }}{% endraw %}");
  }

  /**
   * Huxpro's bilingual post ({@code 2017-07-12-upgrading-eleme-to-pwa.markdown}) is only a capture
   * of two includes from {@code _includes/posts/}, each output with {@code markdownify} inside a
   * {@code div}; the digest printed its title and nothing else.
   */
  @Test
  void jekyllIncludesAreReadFromTheIncludesFolder() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_includes/posts/pwa/zh.md",
        "\n> 本文首发于 [某刊](https://example.org/zh)。\n\n## 一、缘起\n\n正文第一段。\n");
    TestPosts.write(
        site, "_includes/note.html", "<aside class=\"note\">{{ include.content }}</aside>\n");
    TestPosts.write(
        site,
        "_includes/nav.html",
        "<nav>{% for item in include.nav %}<a href=\"{{ item.url }}\">x</a>{% endfor %}</nav>\n");
    TestPosts.write(site, "_includes/tip.md", "Tip: {{ include.content }}\n");
    TestPosts.write(site, "_includes/loop.md", "Again {% include loop.md %}\n");
    TestPosts.write(site, "_posts/shared/snippet.md", "A *relative* snippet.\n");
    Files.writeString(dir.resolve("secret.md"), "SECRET\n");
    String body =
        "\n<div class=\"zh post-container\">\n"
            + "    {% capture about_zh %}{% include posts/pwa/zh.md %}{% endcapture %}\n"
            + "    {{ about_zh | markdownify }}\n</div>\n\n"
            + "{% include note.html content=\"A note & more.\" %}\n\n"
            + "{% capture tip %}A **captured** tip.{% endcapture %}"
            + "{% include tip.md content=tip %}\n\n"
            + "{% include note.html content=unknown_variable %}\n\n"
            + "{% include nav.html nav=page.nav %}\n\n"
            + "{% include_relative shared/snippet.md %}\n\n"
            + "{% include ../../secret.md %}\n\n"
            + "{% include loop.md %}\n\n"
            + "```liquid\n{% include posts/pwa/zh.md %}\n```\n";
    ArticleMaker.Outcome o = make(site, "_posts/2017-07-12-pwa.md", body);

    String text = o.article().bodyXhtml();
    assertThat(text)
        .contains("<blockquote>", "href=\"https://example.org/zh\"", "一、缘起</h2>", "<p>正文第一段。</p>")
        .contains("A note &amp; more.", "Tip: A <strong>captured</strong> tip.")
        .contains("A <em>relative</em> snippet.")
        .contains("{% include posts/pwa/zh.md %}") // the code block keeps it
        .doesNotContain("SECRET", "<nav", "markdownify", "about_zh", "unknown_variable");
    assertThat(text.replaceAll("(?s)<pre>.*?</pre>", "")).doesNotContain("{%", "{{");
    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {% include "
                + "../../secret.md %} (not found in _includes/ in the source folder), {% include "
                + "loop.md %} (it includes itself), {% include %}");
  }

  /**
   * What a review of the includes found: a quoted parameter holding inline code, a parameter output
   * with markdownify, and one file included in a loop of many (its cost grew as its count to the
   * power of the depth).
   */
  @Test
  void includeParametersAndCountsHoldUp() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "_includes/note.md", "`inner` {{ include.content }} {{ page.x }}\n");
    TestPosts.write(
        site,
        "_includes/notice.md",
        "<div class=\"notice\">\n{{ include.content | markdownify }}\n</div>\n");
    TestPosts.write(site, "_includes/leaf.md", "leaf {% include leaf2.md %}\n");
    TestPosts.write(site, "_includes/leaf2.md", "x\n");
    TestPosts.write(site, "_includes/many.md", "{% include leaf.md %} ".repeat(80) + "\n");
    String body =
        "\nRun {% include note.md content=\"the `make` step\" %}\n\n"
            + "{% include notice.md content=\"A **bold** notice.\" %}\n\n"
            + "{% include many.md %}\n";

    ArticleMaker.Outcome o = make(site, "_posts/p.md", body);

    assertThat(o.article().bodyXhtml())
        .contains("<code>inner</code> the <code>make</code> step")
        .contains("<p>A <strong>bold</strong> notice.</p>");
    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {{ page.x }}, {% "
                + "include leaf2.md %} (more than 100 includes in one post), {% include leaf.md %} "
                + "(more than 100 includes in one post) ×31");
  }

  /** The same in a body written in HTML: markdownify makes the Markdown HTML there. */
  @Test
  void markdownifyInAnHtmlBodyMakesHtml() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_includes/posts/pwa/en.md",
        "\n> First published in [a magazine](https://example.org).\n\n## Why\n\nBody.\n");
    String body =
        "<!-- English Version -->\n<div class=\"en post-container\">\n"
            + "    {% capture about_en %}{% include posts/pwa/en.md %}{% endcapture %}\n"
            + "    {{ about_en | markdownify }}\n</div>\n";
    ArticleMaker.Outcome o = make(site, "_posts/2017-07-12-pwa.md", body);

    assertThat(o.problems()).isEmpty();
    assertThat(o.article().bodyXhtml())
        .contains("<blockquote>", "href=\"https://example.org\"", "Why</h2>", "<p>Body.</p>")
        .doesNotContain("&gt;", "##", "](");
  }

  @Test
  void codeIncludesStayInsideTheSourceFolder() throws Exception {
    Files.writeString(dir.resolve("secret.go"), "package secret // SECRET\n");
    Path src = dir.resolve("src");
    TestPosts.write(src, "blog/code/ok.go", "package ok // INCLUDED\n");
    String body = "{{code \"code/ok.go\"}}\n\n{{code \"../../secret.go\"}}\n";
    ArticleMaker.Outcome o = make(src, "blog/p.md", body);

    assertThat(o.article().bodyXhtml()).contains("INCLUDED").doesNotContain("SECRET");
    assertThat(o.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("../../secret.go", "not found in the source folder");
  }

  @Test
  void goBlogPostWithImagesCodeAndSvgMakesAValidEpub() throws Exception {
    Path src = dir.resolve("blog");
    TestPosts.write(
        src,
        "intro/diagram.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\">"
            + "<defs><clipPath id=\"cp0|1==\"><rect width=\"40\" height=\"20\"/></clipPath></defs>"
            + "<rect id=\"9r\" width=\"40\" height=\"20\" clip-path=\"url(#cp0|1==)\"/>"
            + "<use href=\"#9r\"/></svg>");
    TestPosts.write(src, "intro/main.go", "package main\n\nfunc main() {} // HELLO\n");
    TestPosts.write(
        src,
        "intro.md",
        "---\ntitle: Introducing things\ndate: 2021-07-02T10:00:00Z\n---\n\n"
            + "Text about {{ site.name }}.\n\n{{image \"intro/diagram.svg\"}}\n\n"
            + "{{code \"intro/main.go\"}}\n\n{{raw `\n\tindented code\n`}}\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String all = String.join("\n", Epubs.textEntries(epub).values());
    assertThat(all).contains("HELLO", "indented code", ".svg").doesNotContain("{{", "==");
  }

  /**
   * A Zola blog (etak64n-blog, Japanese) writes its pictures, link cards and quoted sources as the
   * site's own shortcodes: {@code {{ img(src=…) }}} 57 times in 5 posts, {@code {{ link(url=…) }}},
   * {@code {% ref(url=…, title=…) %}quote{% end %}}. All were removed, with the pictures. They are
   * read by name and arguments, as Hugo's are; one Gazette cannot read still goes, with a warning.
   */
  @Test
  void zolaShortcodesGivePicturesLinksAndQuotes() throws Exception {
    Path src = dir.resolve("content");
    Files.createDirectories(src.resolve("articles/clerk"));
    Files.write(
        src.resolve("articles/clerk/settings.png"),
        dev.gazette.testing.TestImages.png(dev.gazette.testing.TestImages.photo(40, 30)));
    TestPosts.write(
        src,
        "articles/clerk/index.md",
        "+++\ntitle = \"Clerk settings\"\ndate = 2025-09-01\n+++\n\n"
            + "The settings page:\n\n"
            + "{{ img(src=\"settings.png\", alt=\"Clerk settings (sign-in)\", percent=0.6) }}\n\n"
            + "{{ link(url=\"https://example.org/docs\", title=\"Clerk docs\") }}\n\n"
            + "{% ref(url=\"https://example.org/wiki/2A03\", title=\"2A03 - a wiki\n\") %}\n"
            + "It lacks decimal mode.\n{% end %}\n\n"
            + "{{ counter(start=3) }}\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("template directive {{ counter(…) }} removed: Gazette cannot render it");
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String all = Epubs.xhtmlText(epub);
    assertThat(all)
        .contains(
            "alt=\"Clerk settings (sign-in)\"",
            "<a href=\"https://example.org/docs\">Clerk docs</a>",
            "<blockquote>",
            "It lacks decimal mode.",
            "<a href=\"https://example.org/wiki/2A03\">2A03 - a wiki</a>")
        .doesNotContain("{{", "{%", "image-missing");
    assertThat(Epubs.entries(epub)).anySatisfy(e -> assertThat(e.getName()).contains("images/"));
  }

  /**
   * divinerapier's Zola blog writes its formulas with its theme's KaTeX shortcodes, inline and as
   * blocks: the 6 inline ones were removed, the 49 blocks printed as raw TeX.
   */
  @Test
  void zolasKatexShortcodesAreFormulas() throws Exception {
    Path src = dir.resolve("content");
    TestPosts.write(
        src,
        "vectors.md",
        "+++\ntitle = \"Vectors\"\ndate = 2025-09-01\n+++\n\n"
            + "Written {{ katex(body=\"\\vec{a}\") }} or {{ katex(body=\"a_1\") }}.\n\n"
            + "{% katex(block=true) %}\n\\vec{a}\\times\\vec{b}\n{% end %}\n\n"
            // a blank line inside, and a line of "=" that Markdown would read as a heading's rule
            + "{% katex(block=true) %}\n\n\\tag*{(8)} x\n=\n\ny\n{% end %}\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.problems()).isEmpty();
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.xhtmlText(epub))
        .contains("alt=\"\\vec{a}\"", "alt=\"a_1\"", "alt=\"\\vec{a}\\times\\vec{b}\"")
        .containsPattern("alt=\"\\\\tag\\*\\{\\(8\\)\\} x\\s+=\\s+y\"")
        .doesNotContain("katex", "{{", "{%", "$$");
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
    assertThat(all).contains("href=\"https://git.example.org/me/tool/issues/42\"");
    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("site."));
  }

  /**
   * Ruby's news (www.ruby-lang.org): every release post takes its download addresses and checksums
   * from {@code _data/releases.yml} through an {@code assign}, some posts twice with one name, and
   * links its advisories with {@code {% link zh_cn/news/_posts/….md %}} from the site's folder.
   * Gazette printed {@code <>} and empty checksums, and kept the links as text.
   */
  @Test
  void liquidAssignsReadTheSitesDataAndLinkTagsFindPostsFromTheSiteFolder() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_config.yml",
        "title: Example\nurl: https://lang.example.org\nmirror:\n  primary:\n"
            + "    host: dl.example.org\n");
    TestPosts.write(
        site,
        "_data/releases.yml",
        "- version: 2.1.0\n  url:\n    gz: https://dl.example.org/tool-2.1.0.tar.gz\n"
            + "  sha256:\n    gz: aa11\n"
            + "- version: 2.0.9\n  url:\n    gz: https://dl.example.org/tool-2.0.9.tar.gz\n"
            + "  sha256:\n    gz: bb22\n");
    TestPosts.write(
        site,
        "en/news/_posts/2024-01-01-advisory.md",
        "---\ntitle: Advisory\n---\n\nA flaw in the parser.\n");
    String release =
        "---\ntitle: Tool 2.1.0 and 2.0.9 released\n---\n\n"
            + "Fixes [the advisory]({% link en/news/_posts/2024-01-01-advisory.md %}).\n\n"
            + "{% assign release = site.data.releases | where: \"version\", \"2.1.0\" | first %}\n"
            + "* <{{ release.url.gz }}>\n\n      SHA256: {{ release.sha256.gz }}\n\n"
            + "{% assign release = site.data.releases | where: \"version\", \"2.0.9\" | first %}\n"
            + "* <{{ release.url.gz }}>\n\n      SHA256: {{ release.sha256.gz }}\n\n"
            + "{% assign release = site.data.releases | where: \"version\", \"9.9\" | first %}\n"
            + "Gone: {{ release.version }}. Mirror: {{ site.mirror.primary.host }}; "
            + "{{ page.title | upcase }}.\n";
    TestPosts.write(site, "en/news/_posts/2024-01-02-released.md", release);
    Built result = buildEpub(site.resolve("en/news/_posts"));
    assertThat(result.text())
        .contains("href=\"https://dl.example.org/tool-2.1.0.tar.gz\"", "SHA256: aa11")
        .contains("href=\"https://dl.example.org/tool-2.0.9.tar.gz\"", "SHA256: bb22")
        .contains("Mirror: dl.example.org;", "TOOL 2.1.0 AND 2.0.9 RELEASED.")
        .contains("gazette-post-link")
        .doesNotContain("&lt;&gt;", "{{", "{%");
    // The third release is not in the data: what it would have given goes, with a word.
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {% assign %}, "
                + "{{ release.version }}");
  }

  /**
   * Crystal's success stories include a testimonial whose name comes from the site's table of
   * authors, indexed by the include's parameter: {@code {{ site.data.authors[include.handle].name
   * }}}, removed 10 times.
   */
  @Test
  void anIncludedFileIndexesTheSitesDataByItsParameter() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "_config.yml", "title: Example\n");
    TestPosts.write(site, "_data/authors.yml", "ann:\n  name: Ann Example\n");
    TestPosts.write(
        site,
        "_includes/quote.html",
        "<p>{{ site.data.authors[include.handle].name }}, {{ include.role }}</p>\n");
    TestPosts.write(
        site,
        "_posts/2024-01-02-story.md",
        "---\ntitle: A story\n---\n\nWords.\n\n"
            + "{% include quote.html handle=\"ann\" role=\"engineer\" %}\n\n"
            + "{% include quote.html handle=\"nobody\" role=\"guest\" %}\n");
    Built result = buildEpub(site.resolve("_posts"));
    assertThat(result.text()).contains("<p>Ann Example, engineer</p>").doesNotContain("{{");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directive {{ site.data.authors[\"nobody\"].name }} removed: Gazette cannot"
                + " render it");
  }

  /**
   * The Jekyll project's release notes link its changelog, a page of the {@code docs} collection,
   * with {@code {% link _docs/history.md %}#v3-9-3}: kept as text, as no post. It goes to the
   * page's {@code permalink} on the site; a page without one to its collection's pattern, or to
   * Jekyll's default place for it. A link to a file the site does not have stays text, said as
   * before.
   */
  @Test
  void jekyllLinkTagsToPagesGoToTheirAddressesOnTheSite() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "_config.yml",
        "title: Example\nurl: https://tool.example.org\ncollections:\n  docs:\n"
            + "    permalink: /:collection/:path/\n  tutorials:\n    output: true\n");
    TestPosts.write(
        site, "_docs/history.md", "---\ntitle: History\npermalink: /changes/\n---\n\n## 2.1.0\n");
    TestPosts.write(site, "_docs/install/ubuntu.md", "---\ntitle: Ubuntu\n---\n\nSteps.\n");
    TestPosts.write(site, "_tutorials/first-site.md", "---\ntitle: First\n---\n\nSteps.\n");
    TestPosts.write(site, "community/index.md", "---\ntitle: Community\n---\n\nHello.\n");
    TestPosts.write(
        site,
        "_posts/2024-01-02-released.md",
        "---\ntitle: Tool 2.1.0 released\n---\n\n"
            + "See [the changelog]({% link _docs/history.md %}#v2-1-0),"
            + " [Ubuntu]({% link _docs/install/ubuntu.md %}),"
            + " [a tutorial]({% link _tutorials/first-site.md %}),"
            + " [the community]({% link community/index.md %})"
            + " and [nothing]({% link _docs/missing.md %}).\n");
    Built result = buildEpub(site.resolve("_posts"));
    assertThat(result.text())
        .contains(
            "href=\"https://tool.example.org/changes/#v2-1-0\"",
            "href=\"https://tool.example.org/docs/install/ubuntu/\"",
            "href=\"https://tool.example.org/tutorials/first-site.html\"",
            "href=\"https://tool.example.org/community/\"")
        .doesNotContain("missing.md\"");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "a link to @/_docs/missing.md kept as text: the digest has no post of that file",
            "4 links to @/_docs/history.md#v2-1-0, @/_docs/install/ubuntu.md,"
                + " @/_tutorials/first-site.md, … (no post of the digest) go to those pages on the"
                + " site");
  }

  /**
   * Eleventy gives a post's front matter to its templates by name: chriskrycho.com's notes link by
   * {@code [Mozi]({{link}})} and its book reviews cite {@code <cite>{{book.title}}</cite>}; the
   * digest lost 30 link targets and the books' titles in 80 posts. A note's {@code link} is the
   * page it is about, which Gazette reads as the post's own address: the text linking to it stays a
   * web link, not one to the article the reader is in. A folder's {@code .11tydata.json} gives the
   * notes on a book its title and author.
   */
  @Test
  void aPostsOwnFrontMatterIsOutputByItsNames() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "notes/2024-12-06-survey.md",
        """
        ---
        title: A survey
        link: https://survey.example.org/2024
        book:
          title: "Ten Tongues in Ten Weeks"
          author: Ada Quill
        ---

        Take the [survey]({{link}}). I read <cite>{{book.title}}</cite> by {{ book.author }}.
        Unknown: {{ missing }}.
        """);
    // a folder's data file (Eleventy's directory data) gives its pages values too; theirs win
    TestPosts.write(
        site,
        "notes/Quiet Rivers/Quiet Rivers.11tydata.json",
        "{\"book\": {\"title\": \"Quiet Rivers\", \"author\": \"Bo Lind\"}, \"link\": \"x\"}");
    TestPosts.write(
        site,
        "notes/Quiet Rivers/2024-12-07-notes.md",
        "---\ntitle: Notes\nlink: https://rivers.example.org/\n---\n\n"
            + "From <cite>{{ book.title }}</cite> ({{ book.author }}, [shop]({{ link }})).\n");
    Built result = buildEpub(site.resolve("notes"));
    assertThat(result.text())
        .contains("<a href=\"https://survey.example.org/2024\">survey</a>")
        .contains("<cite>Ten Tongues in Ten Weeks</cite> by Ada Quill.")
        .contains(
            "From <cite>Quiet Rivers</cite> (Bo Lind, "
                + "<a href=\"https://rivers.example.org/\">shop</a>).")
        .doesNotContain("{{");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("template directive {{ missing }} removed: Gazette cannot render it");
  }

  /**
   * LLVM's Blogger posts link their own headings to the post's page, by its {@code url}: those go
   * to the article, as before; only a link post's {@code link} is a page of its own.
   */
  @Test
  void aLinkToThePostsOwnPageByItsUrlGoesToTheArticle() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://blog.example.org/\"\n");
    TestPosts.write(
        site,
        "content/posts/2024-12-08-parts.md",
        "---\ntitle: Parts\nurl: /2024/12/parts.html\n---\n\n"
            + "## [Part one](https://blog.example.org/2024/12/parts.html)\n\nText.\n");
    Built result = buildEpub(site.resolve("content"));
    assertThat(result.text()).contains("class=\"gazette-post-link\">Part one</a>");
  }

  /** Flink's blog starts 537 links with {@code {{< param DocsBaseUrl >}}}, a site param. */
  @Test
  void hugoParamIsThePostsValueElseTheSitesParam() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "config.toml",
        "baseURL = \"https://blog.example.org\"\n"
            + "[params]\n"
            + "  DocsBaseUrl = \"//docs.example.org/\"\n"
            + "  StableVersion = \"1.20.0\"\n");
    TestPosts.write(
        site.resolve("content"),
        "posts/release.md",
        "---\ntitle: Release\ndate: 2024-01-02\nstableVersion: 1.19.1\n---\n\n"
            + "Read [the guide]({{< param DocsBaseUrl >}}stable/guide.html) for "
            + "{{< param StableVersion >}}; {{< param \"NoSuchParam\" >}}.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    String all = String.join("\n", Epubs.textEntries(result.outputs().get(0).path()).values());
    assertThat(all)
        .contains("href=\"https://docs.example.org/stable/guide.html\"")
        .contains("for 1.19.1;");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("template directive {{< param >}} removed: Gazette cannot render it");
  }

  @Test
  void aLinkStartingWithASiteValueTheConfigDoesNotGiveIsKeptAsText() throws Exception {
    String body = "\nThanks for [the patch][42].\n\n[42]: {{ site.repository }}/issues/42\n";
    ArticleMaker.Outcome o = make(dir.resolve("src"), "p.md", body);

    assertThat(o.article().bodyXhtml()).doesNotContain("href=").contains("the patch");
    // One line says it: the link step does not warn again about the unusable address.
    assertThat(o.problems())
        .extracting(Problem::message)
        .singleElement()
        .asString()
        .contains("{{ site.repository }} (not in the site config; its link kept as text)")
        .doesNotContain(Urls.UNKNOWN_SITE_VALUE);
  }

  /**
   * zh-hugo-ouuan: layouts/shortcodes/img.html is {@code <img src="/post_img/{{
   * $.Page.File.BaseFileName }}/{{ .Get 0 }}.{{ .Get 1 }}">}, and the post CF603E.md writes {@code
   * {{% img solve png %}}} for static/post_img/CF603E/solve.png. Gazette read it as a Liquid tag
   * inside the braces, removed it and left "{}" in the text.
   */
  @Test
  void aSitesOwnPictureShortcodeIsReadFromItsTemplate() throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve("layouts/shortcodes"));
    Files.createDirectories(site.resolve("static/shots/flow-notes"));
    Files.writeString(site.resolve("config.toml"), "baseURL = \"https://blog.example.org\"\n");
    Files.writeString(
        site.resolve("layouts/shortcodes/shot.html"),
        "{{/* a picture of the post's folder under static/shots */}}\n"
            + "<img src=\"/shots/{{ $.Page.File.BaseFileName }}/{{ .Get 0 }}.{{ .Get 1 }}\""
            + " alt=\"{{ .Get 0 }}\">\n");
    Files.writeString(
        site.resolve("layouts/shortcodes/gallery.html"),
        "{{ range .Params }}<img src=\"{{ . }}\">{{ end }}\n");
    Files.write(
        site.resolve("static/shots/flow-notes/graph.png"),
        dev.gazette.testing.TestImages.png(dev.gazette.testing.TestImages.photo(40, 30)));
    TestPosts.write(
        site.resolve("content"),
        "post/flow-notes.md",
        "---\ntitle: Flow notes\ndate: 2024-01-02\n---\n\nThe graph:\n\n{{% shot graph png %}}\n\n"
            + "{{< gallery a.png b.png >}}\n\n{{< music server=\"netease\" id=\"1\" >}}\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {{< gallery >}}, {{< "
                + "music >}}");
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String all = Epubs.xhtmlText(epub);
    assertThat(all).contains("alt=\"graph\"").doesNotContain("{}", "{{", "image-missing");
    assertThat(Epubs.entries(epub)).anySatisfy(e -> assertThat(e.getName()).contains("images/"));
  }

  /**
   * Wesley Moore's Zola site: {@code templates/shortcodes/video.html} draws {@code <video src="{{
   * config.base_url }}/{{ video }}" poster="{{ config.base_url }}/{{ video }}.{{ poster }}">}, the
   * poster's type set to "jpg" when the post gives none. 8 videos and a recording were removed.
   */
  @Test
  void aZolaSitesOwnPlayerShortcodeIsReadFromItsTemplate() throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve("templates/shortcodes"));
    Files.writeString(
        site.resolve("config.toml"),
        "title = \"Notes\"\nbase_url = \"https://notes.example.org\"\n");
    Files.writeString(
        site.resolve("templates/shortcodes/video.html"),
        "{% if poster %}\n{% else %}\n  {% set poster = \"jpg\" %}\n{% endif %}\n<figure>\n"
            + "  <video controls src=\"{{ config.base_url }}/{{ video }}\""
            + " poster=\"{{ config.base_url }}/{{ video }}.{{ poster }}\"></video>\n"
            + "  <figcaption>{{ caption }}</figcaption>\n</figure>\n");
    Files.writeString(
        site.resolve("templates/shortcodes/audio.html"),
        "<audio controls src=\"{{ config.base_url }}/{{ src }}\"></audio>\n");
    Files.writeString(
        site.resolve("templates/shortcodes/stars.html"),
        "<img src=\"{{ get_url(path=\"stars.png\") }}\">\n");
    TestPosts.write(
        site.resolve("content"),
        "posts/demo/index.md",
        "+++\ntitle = \"Demo\"\ndate = 2024-01-02\n+++\n\nIt runs:\n\n"
            + "{{ video(video=\"posts/demo/run.mp4\", caption=\"The demo running.\") }}\n\n"
            + "The fan: {{ audio(src=\"posts/demo/fan.mp3\") }}\n\n{{ stars(n=5) }}\n");
    Files.write(
        site.resolve("content/posts/demo/run.mp4.jpg"),
        dev.gazette.testing.TestImages.jpeg(dev.gazette.testing.TestImages.photo(40, 30)));
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly("template directive {{ stars(…) }} removed: Gazette cannot render it");
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String all = Epubs.xhtmlText(epub);
    assertThat(all)
        .contains(
            "<a href=\"https://notes.example.org/posts/demo/run.mp4\">The demo running.</a>",
            "<a href=\"https://notes.example.org/posts/demo/fan.mp3\">",
            "class=\"video-poster\"")
        .doesNotContain("{{", "image-missing");
  }

  /**
   * babysteps' {@code layouts/shortcodes/baseurl.html} is {@code {{ .Page.Site.BaseURL }}}, and its
   * posts link {@code [reuse]: {{< baseurl >}}/blog/2016/09/29/reuse/}: 100 such shortcodes were
   * removed, each link left without its address.
   */
  @Test
  void aSitesBaseUrlShortcodeIsTheSitesAddress() throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve("layouts/shortcodes"));
    Files.writeString(
        site.resolve("config.toml"),
        "title = \"Notes\"\nbaseURL = \"https://notes.example.org/steps/\"\n");
    Files.writeString(
        site.resolve("layouts/shortcodes/baseurl.html"), "{{ .Page.Site.BaseURL }}\n");
    TestPosts.write(
        site.resolve("content"),
        "blog/2016-09-24-impls.markdown",
        "---\ntitle: Impls\ndate: 2016-09-24\n---\n\nImpls first.\n");
    TestPosts.write(
        site.resolve("content"),
        "blog/2016-09-29-reuse.markdown",
        "---\ntitle: Reuse\ndate: 2016-09-29\n---\n\nAfter [the impls][ii] and [the"
            + " site]({{< baseurl >}}/about/).\n\n[ii]: {{< baseurl >}}/blog/2016/09/24/impls/\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub).get("OEBPS/a002.xhtml"))
        .contains("href=\"a001.xhtml\"", "href=\"https://notes.example.org/steps/about/\"")
        .doesNotContain("{{", "baseurl");
  }

  @Test
  void themeShortcodesGiveLinksAndNotesAndWarnWhenDropped() throws Exception {
    String body =
        "\n{{< link href=\"https://example.org/a\" content=\"Page A\" card=true >}}\n\n"
            + "{{< music url=\"https://example.org/s.mp3\" name=\"Tune\" >}}\n\n"
            + "{{< music server=\"tencent\" type=\"playlist\" id=\"9\" >}}\n\n"
            + "{{< gh-repo-card repo=\"not a repo\" >}}\n";
    ArticleMaker.Outcome o = make(dir.resolve("src"), "p.md", body);

    assertThat(o.article().bodyXhtml())
        .contains("<a href=\"https://example.org/a\">Page A</a>", ">Tune</a>");
    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly(
            "template directives removed (Gazette cannot render them): {{< music >}}, {{< "
                + "gh-repo-card >}}");
  }

  /**
   * Hugo runs only its shortcodes in a post: a Liquid tag a sentence is about shows as written
   * (coderzh's post on moving from Jekyll: "{% highlight ruby %} 变成了 {{< highlight ruby >}}" had
   * lost both), while a leftover alone on its line or as a link's address goes, said, as on a
   * Jekyll site, and Hugo's shortcodes still run.
   */
  @Test
  void aHugoPostShowsTheLiquidItWritesAbout() throws Exception {
    String post =
        "---\ntitle: Moving\ndate: 2024-01-01\n---\n\n"
            + "{% toc %}\n\n"
            + "1. {% highlight ruby %} became {{\\< highlight ruby >}} in Hugo.\n"
            + "2. Use {{ .Site.Title }} in templates.\n\n"
            + "See [the docs]({{ site.docs }}/x) and {{< youtube w7Ft2ymGmfc >}}.\n";
    Path hugo = dir.resolve("hugo");
    TestPosts.write(hugo, "hugo.toml", "title = 'Notes'\nbaseURL = 'https://notes.example.org/'\n");
    TestPosts.write(hugo, "content/posts/moving.md", post);
    Built built = buildEpub(hugo.resolve("content/posts"));
    assertThat(built.text())
        .contains("{% highlight ruby %} became {{&lt; highlight ruby &gt;}} in Hugo.")
        .contains("Use {{ .Site.Title }} in templates.")
        .contains("See the docs and")
        .contains("https://www.youtube.com/watch?v=w7Ft2ymGmfc")
        .doesNotContain("{% toc %}", "site.docs");
    assertThat(built.problems())
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("{% toc %}"))
        .noneMatch(m -> m.contains("highlight") || m.contains(".Site.Title"));

    // the same post on a Jekyll site: Liquid runs, and what it cannot render goes
    Path jekyll = dir.resolve("jekyll");
    TestPosts.write(jekyll, "_config.yml", "title: Notes\n");
    TestPosts.write(jekyll, "_posts/2024-01-01-moving.md", post);
    Files.walk(dir.resolve("out"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    assertThat(buildEpub(jekyll.resolve("_posts")).text())
        .doesNotContain("{% highlight ruby %}", "{{ .Site.Title }}");
  }

  /**
   * A loop over a list the post computes is its body once per item: the Jekyll project's release
   * notes make the link definitions of their issue numbers so ({@code [#1037][]} showed as written
   * in 4 posts, 25 times); a loop that cannot be computed is removed and said, as before.
   */
  @Test
  void aLoopOverAComputedListIsUnrolled() throws Exception {
    ArticleMaker withSite =
        new ArticleMaker(
            new MarkdownRenderer(),
            new HtmlNormalizer(),
            (post, src, problems) -> Optional.empty(),
            java.util.Map.of("repository", "https://github.com/jekyll/jekyll"));
    String body =
        "\nFixes ([#1037][]) and ([#1040][]).\n\n"
            + "{% assign issue_numbers = \"1037|1040\" | split: \"|\" %}\n"
            + "{% for issue in issue_numbers %}\n"
            + "[#{{ issue }}]: {{ site.repository }}/issues/{{ issue }}\n"
            + "{% endfor %}\n\n"
            + "{% for post in site.posts %}{{ post.title }}{% endfor %}\n";
    Path file = TestPosts.write(dir.resolve("loops"), "p.md", "---\ntitle: T\n---\n" + body);
    ArticleMaker.Outcome o =
        withSite.make(
            Post.builder(file, "p.md")
                .bodyLine(4)
                .fields(java.util.Map.of("title", "T"))
                .body(() -> body)
                .build(),
            "a1");
    assertThat(o.article().bodyXhtml())
        .contains(
            "<a href=\"https://github.com/jekyll/jekyll/issues/1037\">#1037</a>",
            "<a href=\"https://github.com/jekyll/jekyll/issues/1040\">#1040</a>")
        .doesNotContain("[#1037]", "post.title");
    assertThat(o.problems())
        .extracting(Problem::message)
        .containsExactly("template directive {{ post.title }} removed: Gazette cannot render it");
  }
}
