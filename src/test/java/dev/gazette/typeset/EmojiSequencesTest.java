package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a PDF that composes nothing shows of each kind of emoji sequence. */
class EmojiSequencesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "VS16 after a symbol | ❤\uFE0F ok | ❤ ok",
        "VS15 text presentation | ☀\uFE0E | ☀",
        "skin tone after a base | 👍\uD83C\uDFFD! | 👍!",
        "lone skin tone stays | a \uD83C\uDFFD | a \uD83C\uDFFD",
        "ZWJ sequence keeps its parts | 👨\u200D💻 | 👨💻",
        "ZWJ family | 👨\u200D👩\u200D👧 | 👨👩👧",
        "rainbow flag | 🏳\uFE0F\u200D🌈 | 🏳🌈",
        "woman running, toned | 🏃\uD83C\uDFFD\u200D♀\uFE0F | 🏃♀",
        "keycap digit | 1\uFE0F\u20E3 2\u20E3 0\uFE0F\u20E3 | ① ② ⓪",
        "keycap hash | #\uFE0F\u20E3 | #",
        "flag pair stays | 🇵🇱 | 🇵🇱",
        "subdivision flag tags |"
            + " 🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F | 🏴",
        "ideographic variation selector | 葛\uDB40\uDD00 | 葛",
        "ZWJ in a shaping script stays | क्\u200Dष | क्\u200Dष",
        "plain text untouched | Łódź 中文 | Łódź 中文",
      })
  void simplifies(String name, String input, String expected) {
    assertThat(EmojiSequences.simplify(input)).isEqualTo(expected);
    assertThat(EmojiSequences.simplify(expected)).as("idempotent").isEqualTo(expected);
  }
}
