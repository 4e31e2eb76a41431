package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which curly quotes and apostrophes belong to English text inside a CJK article. */
class LatinMarksTest {
  /** The text with each mark in English context put in brackets: {@code don[’]t}. */
  private static String marked(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean latin = LatinMarks.isMark(c) && LatinMarks.isLatin(text, i, 0, text.length());
      sb.append(latin ? "[" + c + "]" : String.valueOf(c));
    }
    return sb.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "He said the games wouldn’t be built-in. | He said the games wouldn[’]t be built-in.",
        "What’s more, he told me: “it’s ‘done’.” | What[’]s more, he told me: [“]it[’]s"
            + " [‘]done[’].[”]",
        "他说“好的”，然后‘走了’。 | 他说“好的”，然后‘走了’。",
        "还有“Hello World”这样的引语 | 还有“Hello World”这样的引语",
        "我们说“排版”的时候 | 我们说“排版”的时候",
        "English words like don’t 和 it’s，还有 | English words like don[’]t 和 it[’]s，还有",
        "The ’90s were “fun.” | The [’]90s were [“]fun.[”]",
        "Rock ’n’ roll | Rock [’]n[’] roll",
        "Ελλάδα’s “Σ” | Ελλάδα[’]s [“]Σ[”]",
        "用 iPhone’s 相机 | 用 iPhone[’]s 相机",
        "‘OK’是 | ‘OK’是",
        "“DNA 相亲会”。参加 | “DNA 相亲会”。参加",
        "推荐“Pwned”网站 | 推荐“Pwned”网站",
        "“It’s done,” he said. | [“]It[’]s done,[”] he said.",
        "the games’ rules | the games[’] rules",
      })
  void englishMarksAreFoundAndChineseOnesLeft(String text, String expected) {
    assertThat(marked(text)).isEqualTo(expected);
  }

  @Test
  void xhtmlGetsSpansOnlyInItsText() {
    String span = "<span class=\"latin-mark\">’</span>";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("<p>don’t</p>", "<p>don" + span + "t</p>");
    cases.put("<p>他说“好的”</p>", "<p>他说“好的”</p>");
    cases.put("<p><code>it’s</code> and it’s</p>", "<p><code>it’s</code> and it" + span + "s</p>");
    cases.put("<pre><code>don’t\n</code></pre><p>x</p>", "<pre><code>don’t\n</code></pre><p>x</p>");
    cases.put(
        "<img alt=\"it’s\" src=\"a.png\" /><p>it’s</p>",
        "<img alt=\"it’s\" src=\"a.png\" /><p>it" + span + "s</p>");
    // The letter before it is another element's: unknown, left as it is.
    cases.put("<p><a href=\"x\">Hux</a>’s blog</p>", "<p><a href=\"x\">Hux</a>’s blog</p>");
    // A link's whole text: what stands around the quote is another element's, unknown.
    cases.put(
        "<p>推荐<a href=\"x\">“Have I Been Pwned”</a>。</p>",
        "<p>推荐<a href=\"x\">“Have I Been Pwned”</a>。</p>");
    cases.forEach((in, out) -> assertThat(LatinMarks.wrapInXhtml(in)).as(in).isEqualTo(out));
  }
}
