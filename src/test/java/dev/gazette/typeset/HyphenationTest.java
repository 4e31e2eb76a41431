package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HyphenationTest {
  static final Hyphenation EN = Hyphenation.forLanguage("en").orElseThrow();

  /** Shows soft hyphens as "-" for readable expectations. */
  static String shown(String s) {
    return s.replace(Hyphenation.SOFT_HYPHEN, '-');
  }

  @ParameterizedTest
  @CsvSource({
    "hyphenation, hy-phen-ation",
    "typesetting, type-set-ting",
    "justification, jus-ti-fi-ca-tion",
    "associate, as-so-ciate",
    "present, present",
    "Constitution, Con-sti-tu-tion",
    "the, the",
    "cat, cat",
  })
  void wordsBreakWhereTeXBreaksThem(String word, String expected) {
    assertThat(shown(EN.hyphenate(word))).isEqualTo(expected);
  }

  @Test
  void technicalWordsStayWhole() {
    String text =
        "Visit https://example.com/documentation or mail someone@example.com; JavaScript and"
            + " NASA and covid19 and file_names.txt and v2.3.1 stay whole, but considerable"
            + " improvements do not.";
    String result = shown(EN.hyphenateText(text));
    assertThat(result)
        .contains(
            "https://example.com/documentation",
            "someone@example.com",
            "JavaScript",
            "NASA",
            "covid19",
            "file_names.txt",
            "v2.3.1",
            "con-sid-er-able",
            "im-prove-ments");
  }

  @Test
  void hyphenatingTwiceChangesNothingAndRemovingSoftHyphensGivesTheText() {
    String text = "Typographers dislike rivers: irregular vertical channels of white space.";
    String once = EN.hyphenateText(text);
    assertThat(once).isNotEqualTo(text);
    assertThat(EN.hyphenateText(once)).isEqualTo(once);
    assertThat(once.replace(String.valueOf(Hyphenation.SOFT_HYPHEN), "")).isEqualTo(text);
  }

  @Test
  void onlyLanguagesWithPatternsHaveAHyphenation() {
    assertThat(Hyphenation.forLanguage("en-GB")).containsSame(EN);
    assertThat(Hyphenation.forLanguage("zh-Hans")).isEmpty();
  }
}
