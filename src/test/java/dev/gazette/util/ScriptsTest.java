package dev.gazette.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptsTest {
  @Test
  void rememberedScriptsAnswerAsTheJdk() {
    // twice: the first pass fills the table, the second reads it
    for (int pass = 0; pass < 2; pass++) {
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 97) {
        assertThat(Scripts.of(cp)).as("U+%04X", cp).isEqualTo(Character.UnicodeScript.of(cp));
      }
    }
  }
}
