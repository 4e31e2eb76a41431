package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The key duplicate stories are matched by keeps what the regex {@code [^\p{L}\p{N}]} removal kept
 * (the loop replaced it: it ran over every article's whole text).
 */
class DuplicatesSqueezeTest {
  private static String byRegex(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  @Test
  void agreesWithTheRegexOnNewsText() {
    for (String s :
        new String[] {
          "",
          "习近平：推动“一带一路”高质量发展！",
          "Rust 1.75 — async fn in traits (RFC 3185)",
          "Ⅻ ½ ² ٣ 〇 𝟘 🙂 ‍ ﬁ İstanbul ǅ ʰ",
          "a\u0301 e\u0308 \u200b\u00ad tab\tnl\n",
          "\ud800 lone \udc00 surrogates"
        }) {
      assertThat(Duplicates.squeeze(s)).as(s).isEqualTo(byRegex(s));
    }
  }

  @Test
  void agreesWithTheRegexOnRandomCodePoints() {
    Random random = new Random(16);
    for (int n = 0; n < 2_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        int c =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(0x80);
              case 1 -> random.nextInt(0x3000);
              case 2 -> 0x3000 + random.nextInt(0xD000);
              default -> random.nextInt(Character.MAX_CODE_POINT + 1);
            };
        sb.appendCodePoint(c);
      }
      String s = sb.toString();
      assertThat(Duplicates.squeeze(s)).as("%s", s.codePoints().toArray()).isEqualTo(byRegex(s));
    }
  }

  @Test
  void agreesWithTheRegexOnEveryCodePointOfTheBmpAndBeyond() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += cp < 0x10000 ? 1 : 13) {
      String s = new StringBuilder().appendCodePoint(cp).toString();
      assertThat(Duplicates.squeeze(s)).as("U+%04X", cp).isEqualTo(byRegex(s));
    }
  }
}
