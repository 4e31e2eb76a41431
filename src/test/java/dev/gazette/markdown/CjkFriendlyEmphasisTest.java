package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CjkFriendlyEmphasisTest {
  private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // closing run after full-width punctuation, a Han character after it
        "**注意：**如果|<strong>注意：</strong>如果",
        "*重点。*然后|<em>重点。</em>然后",
        "前面**（括号）**后面|前面<strong>（括号）</strong>后面",
        // curly quotes are not CJK, but a CJK character on the outer side lets the run face it
        "他说的**“引号”**后面|他说的<strong>“引号”</strong>后面",
        "**注意——**然后|<strong>注意——</strong>然后",
        "日本語の**「重要」**です|日本語の<strong>「重要」</strong>です",
        "**용어(term)**를|<strong>용어(term)</strong>를",
        // what stays literal under the amendment too
        "中文_下划线_不变|中文_下划线_不变",
        "__注意__如果|__注意__如果",
        "__注意：__如果|__注意：__如果",
        "注意 **如果|注意 **如果",
      })
  void emphasisBesideCjkText(String markdown, String html) {
    assertThat(RENDERER.toHtml(markdown)).isEqualTo("<p>" + html + "</p>\n");
  }

  private static final Parser COMMONMARK = Parser.builder(new MutableDataSet()).build();
  private static final Parser CJK_FRIENDLY =
      Parser.builder(
              new MutableDataSet().set(Parser.EXTENSIONS, List.of(CjkFriendlyEmphasis.create())))
          .build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().build();

  @Provide
  Arbitrary<String> textWithoutCjk() {
    // delimiters, letters, spaces, ASCII and Unicode punctuation; curly quotes, the dash, the
    // ellipsis and the middle dot are used in Chinese too, but are not East Asian wide
    return Arbitraries.strings().withChars("ab é1*_*_ \n.,!\"'()[]-“”—…·«»").ofMaxLength(24);
  }

  /** Where no CJK character is beside a run, emphasis is exactly flexmark's CommonMark. */
  @Property
  void latinTextParsesAsCommonMark(@ForAll("textWithoutCjk") String markdown) {
    assertThat(HTML.render(CJK_FRIENDLY.parse(markdown)))
        .isEqualTo(HTML.render(COMMONMARK.parse(markdown)));
  }
}
