package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Djot read as the CommonMark it means, then rendered as every post's Markdown is. */
class DjotTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  private String html(String djot) {
    return renderer.toHtml(Djot.read(djot)).strip();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // _ is emphasis and * strong, inside words too; an unmatched mark is text
        "_a_ and *b* and snake_case_name|<p><em>a</em> and <strong>b</strong> and"
            + " snake<em>case</em>name</p>",
        "2 * 3 * 4 and a_ b|<p>2 * 3 * 4 and a_ b</p>",
        "__ and ** stay|<p>__ and ** stay</p>",
        "_This is *regular_ not strong*|<p><em>This is *regular</em> not strong*</p>",
        "x^2^ H~2~O {=mark=} {+in+} {-out-}|<p>x<sup>2</sup> H<sub>2</sub>O <mark>mark</mark>"
            + " <ins>in</ins> <del>out</del></p>",
        "{_explicit_} _}not{_|<p><em>explicit</em> _}not{_</p>",
        // HTML in text is text; raw inline HTML is HTML; other formats go
        "a <b>bold</b> claim|<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>",
        "`<kbd>K</kbd>`{=html} and `\\\\x`{=latex}.|<p><kbd>K</kbd> and .</p>",
        "see <https://gleam.run> & more|<p>see <a href=\"https://gleam.run\">https://gleam.run</a>"
            + " &amp; more</p>",
        // code is as written
        "`a_b_c` and ``x*y*``|<p><code>a_b_c</code> and <code>x*y*</code></p>",
      })
  void inlineMarks(String djot, String expected) {
    assertThat(html(djot)).isEqualTo(expected);
  }

  /** A link's address is as written, a wrapped one joined; a span is its text; escapes. */
  @Test
  void linksSpansAndEscapes() {
    assertThat(html("[the docs](https://x.org/a_b_c/\nd_e) and [big]{.large}"))
        .isEqualTo("<p><a href=\"https://x.org/a_b_c/d_e\">the docs</a>\nand big</p>");
    assertThat(html("a\\ b and \\*not\\*")).isEqualTo("<p>a\u00a0b and *not*</p>");
    // formulas, as Markdown's $…$ and $$…$$ give them
    assertThat(html("Euler: $`e^{i\\pi} < 0` and $$`x_1`"))
        .isEqualTo(
            "<p>Euler: <span class=\"math inline\">\\(e^{i\\pi} &lt; 0\\)</span> and <span"
                + " class=\"math display\">\\[x_1\\]</span></p>");
  }

  /** Djot starts a block only after a blank line; Markdown starts many under a paragraph. */
  @Test
  void blocksStartOnlyAfterABlankLine() {
    assertThat(html("Text\n# not a heading\n- not a list\n> not a quote\n1986. A year\n---"))
        .isEqualTo(
            "<p>Text\n# not a heading\n- not a list\n&gt; not a quote\n1986. A year\n---</p>");
    assertThat(html("## A heading\non two lines\n\nText."))
        .isEqualTo("<h2>A heading on two lines</h2>\n<p>Text.</p>");
    // the next item of the same list needs no blank line; a sublist does (and makes it loose)
    assertThat(html("- one\n- two\n  - three\n\n  - four"))
        .isEqualTo(
            "<ul>\n<li>\n<p>one</p>\n</li>\n<li>\n<p>two\n- three</p>\n<ul>\n<li>four</li>\n"
                + "</ul>\n</li>\n</ul>");
  }

  /**
   * matklad's essays set their points as definition lists: {@code : term}, the definition indented
   * under it, paragraphs and code in it. Under a paragraph, {@code : } is text.
   */
  @Test
  void definitionLists() {
    assertThat(
            html(
                "Against Rust:\n\n: Complexity\n\n  Time is _valuable_.\n  More of it.\n\n"
                    + "  ```rust\n  fn main() {}\n  ```\n\n: Maturity\n\n  Young.\n\nAfter."))
        .isEqualTo(
            "<p>Against Rust:</p>\n"
                + "<dl>\n"
                + "<dt>Complexity</dt>\n"
                + "<dd>\n"
                + "<p>Time is <em>valuable</em>.\n"
                + "More of it.</p>\n"
                + "<pre><code class=\"language-rust\">fn main() {}\n"
                + "</code></pre>\n"
                + "</dd>\n"
                + "<dt>Maturity</dt>\n"
                + "<dd>\n"
                + "<p>Young.</p>\n"
                + "</dd>\n"
                + "</dl>\n"
                + "<p>After.</p>");
    assertThat(html("- a list\n  : not a definition"))
        .isEqualTo("<ul>\n<li>a list\n: not a definition</li>\n</ul>");
    assertThat(html("Text\n: not one either")).isEqualTo("<p>Text\n: not one either</p>");
  }

  /** matklad's {@code {cap="…"}} above a block: its caption, in italics; other attributes go. */
  @Test
  void aCaptionAttributeIsSetAboveItsBlock() {
    assertThat(html("{cap=\"Code with *inline* markup\"}\n```adoc\nx\n```\n\n{.note #a}\nPara."))
        .isEqualTo(
            "<p><em>Code with *inline* markup</em></p>\n<pre><code class=\"language-adoc\">x\n"
                + "</code></pre>\n<p>Para.</p>");
  }

  /** No indented code in Djot: an indented paragraph is a paragraph. */
  @Test
  void indentedTextIsNoCode() {
    assertThat(html("Text.\n\n    Indented _text_."))
        .isEqualTo("<p>Text.</p>\n<p>Indented <em>text</em>.</p>");
    assertThat(html("- item\n\n      more of the item"))
        .isEqualTo("<ul>\n<li>\n<p>item</p>\n<p>more of the item</p>\n</li>\n</ul>");
  }

  /**
   * Gleam's news: HTML in {@code ``` =html} blocks (with blank lines inside), raw LaTeX left out,
   * attributes and div fences gone, code fences as written, one right under a paragraph too.
   */
  @Test
  void rawBlocksFencesAttributesAndDivs() {
    String djot =
        "Sponsors:\n\n``` =html\n<ul class=\"top\">\n  <li>A</li>\n\n  <li>B</li>\n</ul>\n```\n\n"
            + "``` =latex\n\\\\newpage\n```\n\n{#intro .lead}\n::: note\nInside _it_.\n:::\n\n"
            + "Code:\n```gleam\nlet x_y = 1 * 2\n```\n";
    assertThat(html(djot))
        .isEqualTo(
            "<p>Sponsors:</p>\n<ul class=\"top\">\n<li>A</li>\n<li>B</li>\n</ul>\n"
                + "<p>Inside <em>it</em>.</p>\n<p>Code:</p>\n<pre><code class=\"language-gleam\">"
                + "let x_y = 1 * 2\n</code></pre>");
  }
}
