package dev.gazette.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loop in {@link Whitespace#tightPunctuation} does what its three regexes say, in that order.
 */
class TightPunctuationTest {
  private static final Pattern BEFORE_CLOSING = Pattern.compile("[ \\t]+(?=[，。、；：？！）」』】》〉〕〗〙])");
  private static final Pattern AFTER_OPENING = Pattern.compile("(?<=[（「『【《〈〔〖〘])[ \\t]+");
  private static final Pattern BETWEEN_CLOSING_AND_LETTER =
      Pattern.compile(
          "(?<=[，。、；：？！）」』】》〉〕〗〙])[ \\t]+(?=\\p{IsHan}|\\p{IsHiragana}|\\p{IsKatakana})");

  private static String byRegex(String s) {
    String t = AFTER_OPENING.matcher(BEFORE_CLOSING.matcher(s).replaceAll("")).replaceAll("");
    return BETWEEN_CLOSING_AND_LETTER.matcher(t).replaceAll("");
  }

  @Test
  void agreesWithTheRegexes() {
    for (String s :
        new String[] {
          "",
          " ",
          "\t",
          "a b",
          "你好 ，世界 。",
          "（ 注 ）",
          "（ ）",
          "《 书名 》 ， 下文",
          " 。",
          "（ ",
          "x\t \t，y",
          "「 a 」\u3000」",
          "（\n ）",
          "进制数， 我们。 下一句",
          "完了。  Then English",
          "终于： かな",
          "끝， 다음"
        }) {
      assertThat(Whitespace.tightPunctuation(s)).as("[%s]", s).isEqualTo(byRegex(s));
    }
  }

  @Test
  void agreesWithTheRegexesOnRandomText() {
    String alphabet = " \t\n\u3000ab中かカ다，。、；：？！）」』】》〉〕〗〙（「『【《〈〔〖〘";
    Random random = new Random(16);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(16);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      assertThat(Whitespace.tightPunctuation(s)).as("[%s]", s).isEqualTo(byRegex(s));
    }
  }
}
