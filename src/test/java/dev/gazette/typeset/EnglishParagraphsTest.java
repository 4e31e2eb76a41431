package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paragraphs of a CJK article are English, and how they are marked. */
class EnglishParagraphsTest {
  private static final String ENGLISH =
      "I love the PRPL pattern because it gives you a high-level abstraction of how to build.";

  @Test
  void englishParagraphsGetTheirClassAndLangAndOthersStayAsTheyAre() {
    String xhtml =
        "<p>这是一段中文，里面有 English words。</p>\n"
            + "<blockquote>\n<p>"
            + ENGLISH
            + "</p>\n"
            + "</blockquote>\n"
            + "<p class=\"x\"><a"
            + " href=\"https://example.org/a-very-long-address-with-many-letters-in-it\">链接</a></p>\n"
            + "<pre><code>"
            + ENGLISH
            + "</code></pre>\n"
            + "<p lang=\"fr\">"
            + ENGLISH
            + "</p>\n"
            + "<p>Short line.</p>\n"
            + "<p>"
            + ENGLISH
            + " 中文</p>\n"
            + "<p class=\"q\"><em>"
            + ENGLISH.replace("a high", "a &amp; high")
            + "</em></p>\n";
    assertThat(EnglishParagraphs.markInXhtml(xhtml))
        .isEqualTo(
            xhtml
                .replace(
                    "<blockquote>\n<p>",
                    "<blockquote>\n<p class=\"latin-block\" lang=\"en\" xml:lang=\"en\">")
                .replace(
                    "<p class=\"q\"><em>",
                    "<p class=\"latin-block q\" lang=\"en\" xml:lang=\"en\"><em>"));
  }

  @Test
  void textWithoutEnglishParagraphsIsReturnedAsIs() {
    String xhtml = "<p>任天堂是一家游戏公司，总部位于京都。</p>\n<figure><img src=\"a.png\" alt=\"\" /></figure>\n";
    assertThat(EnglishParagraphs.markInXhtml(xhtml)).isSameAs(xhtml);
  }
}
