package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Characters land in the font subset of the face the stylesheet gives their element. */
class FontUsageTest {
  static final String CSS =
      """
      body { font-family: "Gazette Body", serif; }
      h1, h2 { font-family: "Gazette Heading", sans-serif; }
      em { font-family: "Gazette Accent", sans-serif; }
      .latin em { font-family: inherit; }
      .issue { font-family: "Gazette Heading"; font-weight: normal; }
      .toc a::after { content: "页"; font-family: "Gazette Heading"; }
      @page { @bottom-center { font-family: "Gazette Accent"; } }
      """;

  @Test
  void rolesFollowTheStylesheet() {
    FontUsage usage =
        new FontUsage(CSS)
            .add(
                Jsoup.parse(
                    """
                    <h1>题</h1><p class="issue">周</p><p>正<strong>粗</strong><em>斜</em></p>
                    <div class="latin"><p><em>英</em></p></div>\
                    <table><tr><th>表</th><td>格</td></tr></table>
                    <nav class="toc"><a>目</a></nav>
                    """));
    assertThat(usage.codePoints(FontRole.HEADING))
        .contains((int) '题', (int) '周')
        .doesNotContain((int) '正');
    assertThat(usage.codePoints(FontRole.BODY))
        .contains((int) '正', (int) '英', (int) '格', (int) '目')
        .doesNotContain((int) '粗', (int) '斜');
    assertThat(usage.codePoints(FontRole.BODY_BOLD)).contains((int) '粗', (int) '表');
    assertThat(usage.codePoints(FontRole.ACCENT)).contains((int) '斜').doesNotContain((int) '英');
    // generated content may be drawn in any face
    assertThat(usage.codePoints(FontRole.BODY)).contains((int) '页');
  }

  @Test
  void onlyRulesThatSetAFontAreKept() {
    assertThat(FontUsage.fontRules(CSS))
        .extracting(FontUsage.FontRule::selector)
        .containsExactly("body", "h1", "h2", "em", ".latin em", ".issue");
  }
}
