package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptsTest {
  @Test
  void rememberedScriptsAnswerAsIcu() {
    // twice: the first pass fills the table, the second reads it
    for (int pass = 0; pass < 2; pass++) {
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 97) {
        assertThat(Scripts.of(cp)).as("U+%04X", cp).isEqualTo(Scripts.fromIcu(cp));
      }
    }
  }

  /** Characters every JDK knows get the JDK's script (ICU and the JDK agree on them). */
  @Test
  void oldCharactersHaveTheirUsualScripts() {
    assertThat(Scripts.of('a')).isEqualTo(Character.UnicodeScript.LATIN);
    assertThat(Scripts.of('中')).isEqualTo(Character.UnicodeScript.HAN);
    assertThat(Scripts.of('か')).isEqualTo(Character.UnicodeScript.HIRAGANA);
    assertThat(Scripts.of('한')).isEqualTo(Character.UnicodeScript.HANGUL);
    assertThat(Scripts.of('，')).isEqualTo(Character.UnicodeScript.COMMON);
    assertThat(Scripts.of(0x0301)).isEqualTo(Character.UnicodeScript.INHERITED);
    assertThat(Scripts.of(0x20BB7)).as("𠮷, Extension B").isEqualTo(Character.UnicodeScript.HAN);
    assertThat(Scripts.of(0xE000)).isEqualTo(Character.UnicodeScript.UNKNOWN);
    assertThatThrownBy(() -> Scripts.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Scripts.of(0x110000)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Characters of Unicode 14-16, which JDK 17 (Unicode 13) calls UNKNOWN: the same script on every
   * JDK.
   */
  @Test
  void newerCharactersHaveTheirScriptOnEveryJdk() {
    assertThat(Scripts.of(0x31350)).as("Extension H").isEqualTo(Character.UnicodeScript.HAN);
    assertThat(Scripts.of(0x2EBF0)).as("Extension I").isEqualTo(Character.UnicodeScript.HAN);
    assertThat(Scripts.of(0x1FAE3)).as("🫣").isEqualTo(Character.UnicodeScript.COMMON);
  }
}
