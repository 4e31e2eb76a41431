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

  private static final String HAN_OR_KANA = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}";
  private static final Pattern AFTER_OPENING_QUOTE =
      Pattern.compile(
          "(?<=[" + HAN_OR_KANA + "][“‘])[ \\t]+|(?<=[“‘])[ \\t]+(?=[" + HAN_OR_KANA + "])");
  private static final Pattern BEFORE_CLOSING_QUOTE =
      Pattern.compile(
          "(?<=["
              + HAN_OR_KANA
              + "])[ \\t]+(?=[”’])|[ \\t]+(?=[”’]["
              + HAN_OR_KANA
              + "，。、；：？！）」』】》〉〕〗〙])");

  private static String byRegex(String s) {
    String t = AFTER_OPENING.matcher(BEFORE_CLOSING.matcher(s).replaceAll("")).replaceAll("");
    t = BETWEEN_CLOSING_AND_LETTER.matcher(t).replaceAll("");
    return BEFORE_CLOSING_QUOTE
        .matcher(AFTER_OPENING_QUOTE.matcher(t).replaceAll(""))
        .replaceAll("");
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
          "说服自己“ 代码可以工作 ”，那也",
          "以“ a”开头的比“ z ” 更多",
          "he said “ yes ” and ‘ no ’",
          "“ 开头",
          "끝， 다음"
        }) {
      assertThat(Whitespace.tightPunctuation(s)).as("[%s]", s).isEqualTo(byRegex(s));
    }
  }

  @Test
  void agreesWithTheRegexesOnRandomText() {
    String alphabet = " \t\n\u3000ab中かカ다，。、；：？！）」』】》〉〕〗〙（「『【《〈〔〖〘“”‘’";
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
