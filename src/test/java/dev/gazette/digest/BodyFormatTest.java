package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.BodyFormat;
import dev.gazette.model.Post;
import dev.gazette.normalize.HtmlNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A .md body is Markdown with raw HTML, unless the whole body is made of HTML blocks. */
class BodyFormatTest {
  private final List<String> imagesAsked = new ArrayList<>();
  private final ArticleMaker maker =
      new ArticleMaker(
          new MarkdownRenderer(),
          new HtmlNormalizer(),
          (post, src, problems) -> {
            imagesAsked.add(src);
            return Optional.empty();
          });

  private Article make(String body) {
    Post post = Post.builder(Path.of("p.md"), "p.md").declaredTitle("T").body(() -> body).build();
    ArticleMaker.Outcome o = maker.make(post, "a1");
    assertThat(o.article()).as("article of %s", body).isNotNull();
    return o.article();
  }

  @Test
  void markdownStartingWithAnInlineTagIsMarkdown() {
    String body =
        "<span style=\"color:red\">Note:</span> this is **bold** and [a"
            + " link](https://example.org/x).\n"
            + "\n"
            + "![](/images/x.jpg)\n"
            + "\n"
            + "- one\n"
            + "- two\n";
    assertThat(ArticleMaker.formatOf(body)).isEqualTo(BodyFormat.MARKDOWN);
    String xhtml = make(body).bodyXhtml();
    assertThat(xhtml)
        .contains("<strong>bold</strong>")
        .contains("href=\"https://example.org/x\"")
        .contains("<li>one</li>")
        .doesNotContain("**")
        .doesNotContain("](");
    assertThat(imagesAsked).containsExactly("/images/x.jpg");
  }

  @Test
  void markdownStartingWithABlockTagIsMarkdownWhenMarkdownFollows() {
    String body =
        "<div align=\"center\"><img src=\"a.png\" alt=\"logo\"></div>\n"
            + "\n"
            + "## Why\n"
            + "\n"
            + "Because *it* matters.\n";
    assertThat(ArticleMaker.formatOf(body)).isEqualTo(BodyFormat.MARKDOWN);
    assertThat(make(body).bodyXhtml()).contains("<em>it</em>").doesNotContain("## Why");
  }

  @Test
  void newsBotBodyWithBlankAndIndentedLinesIsHtml() {
    String body =
        "\n<div>   \n"
            + "<p style=\"text-align:left;\">\n"
            + "第一段，市委季度工作会议今天下午举行。\n"
            + "</p>\n"
            + "\n"
            + "    <p>\n"
            + "        第二段缩进写成，不是代码。\n"
            + "    </p>\n"
            + "\n"
            + "        <p>第三段 * 不是列表 *，_也不是强调_。</p>\n"
            + "\n"
            + "<p style=\"text-align:center;\">\n"
            + "<img src=\"https://example.org/news/2021/07/02/20210702203200577.jpg\">\n"
            + "</p>\n"
            + "</div>\n";
    assertThat(ArticleMaker.formatOf(body)).isEqualTo(BodyFormat.HTML);
    String xhtml = make(body).bodyXhtml();
    assertThat(xhtml)
        .doesNotContain("<pre")
        .doesNotContain("<code")
        .contains("第二段缩进写成，不是代码。")
        .contains("* 不是列表 *，_也不是强调_");
    assertThat(imagesAsked).hasSize(1);
  }

  @Test
  void htmlBlocksWithCommentsAndInlineImagesBetweenThemAreHtml() {
    String body =
        "<!-- feed item -->\n<h2>标题</h2>\n\n<p>一</p>\n<img src=\"https://example.org/a.jpg\">\n"
            + "<table><tr><td>x</td></tr></table>\n";
    assertThat(ArticleMaker.formatOf(body)).isEqualTo(BodyFormat.HTML);
  }

  @Test
  void mixedPostsAreMarkdown() {
    // HTML blocks, then loose Markdown text.
    assertThat(ArticleMaker.formatOf("<p>Intro in HTML.</p>\n\nThen **Markdown**.\n"))
        .isEqualTo(BodyFormat.MARKDOWN);
    // HTML blocks only, but with a Markdown image inside (an unclosed div swallowing the rest).
    assertThat(ArticleMaker.formatOf("<div class=\"x\">\n\n![pic](/a.png)\n\ntext\n"))
        .isEqualTo(BodyFormat.MARKDOWN);
    // A fence holding HTML is Markdown.
    assertThat(ArticleMaker.formatOf("```html\n<div>x</div>\n```\n"))
        .isEqualTo(BodyFormat.MARKDOWN);
    // Plain text and inline-only HTML are Markdown.
    assertThat(ArticleMaker.formatOf("Just text.")).isEqualTo(BodyFormat.MARKDOWN);
    assertThat(ArticleMaker.formatOf("<span>x</span> <b>y</b>")).isEqualTo(BodyFormat.MARKDOWN);
    // Markdown syntax inside code of an HTML body does not make it Markdown.
    assertThat(
            ArticleMaker.formatOf(
                "<p>See:</p>\n<pre><code>[a](b)\n# not a heading\n</code></pre>\n"))
        .isEqualTo(BodyFormat.HTML);
  }

  @Test
  void mixedPostRendersBothItsHtmlAndItsMarkdown() {
    String xhtml =
        make("<p>Intro in <b>HTML</b>.</p>\n\n"
                + "Then **Markdown** with `code`.\n\n"
                + "    indented code\n")
            .bodyXhtml();
    assertThat(xhtml)
        .contains("<b>HTML</b>")
        .contains("<strong>Markdown</strong>")
        .contains("<pre")
        .contains("indented code");
  }

  @Test
  void rawTagsBrowsersAcceptAreHtmlInMarkdownToo() {
    String xhtml = make("<img src=x.png alt=it's>\n\nText `<b class=a'b>` kept.\n").bodyXhtml();
    assertThat(imagesAsked).containsExactly("x.png");
    assertThat(xhtml).doesNotContain("&lt;img").contains("<code>&lt;b class=a'b&gt;</code>");
  }

  @Test
  void imageAndLinkProblemsCarryTheLineTheyAreWrittenOn() {
    ArticleMaker warning =
        new ArticleMaker(
            new MarkdownRenderer(),
            new HtmlNormalizer(),
            (post, src, problems) -> {
              problems.accept("image '" + src + "' not found");
              return Optional.empty();
            });
    String body =
        "\nFirst paragraph.\n\n![a](pics/missing.png)\n\n[bad](http://%20http://x.org/)\n";
    Post post =
        Post.builder(Path.of("p.md"), "p.md")
            .declaredTitle("T")
            .bodyLine(5)
            .body(() -> body)
            .build();
    List<dev.gazette.model.Problem> problems = warning.make(post, "a1").problems();
    assertThat(problems)
        .extracting(p -> p.line() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "8: image 'pics/missing.png' not found",
            "10: link 'http://%20http://x.org/' is not a valid URL; its text is kept without the"
                + " link");
  }

  /**
   * A short address is found where it is written as one (tokio's blog: {@code [io-uring](E)} on
   * line 23 was said on line 9, the E of "Embark", and {@code [x]: #} on the body's first line).
   */
  @Test
  void aShortAddressIsFoundWhereItIsWrittenAsOne() {
    String body =
        "\nEmbark and #hash in text.\n\nAdd [io-uring](E) and [the release][r].\n"
            + "\n## A heading\n\n[r]: #\n";
    Post post =
        Post.builder(Path.of("p.md"), "p.md")
            .declaredTitle("T")
            .bodyLine(5)
            .body(() -> body)
            .build();
    ArticleMaker maker =
        new ArticleMaker(
            new MarkdownRenderer(), new HtmlNormalizer(), (p, src, problems) -> Optional.empty());
    assertThat(maker.make(post, "a1").problems())
        .extracting(p -> p.line() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "8: a link to E kept as text: only web and mail addresses can be followed from the"
                + " digest",
            "12: a link to # (no address: a script of the page handled the click) kept as text");
  }
}
