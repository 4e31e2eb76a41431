package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text language detection reads from an article is what the regex {@code <[^>]+>} → space over
 * the whole body gave, cut at the same length (the loop replaced it: it ran over every body).
 */
class LanguageTextTest {
  private static String byRegex(String prefix, String xhtml, int max) {
    String text = prefix + xhtml.replaceAll("<[^>]+>", " ");
    return text.length() > max ? text.substring(0, max) : text;
  }

  @Test
  void agreesWithTheRegexOnMarkup() {
    String[] bodies = {
      "",
      "<p>中文<em>强调</em>。</p>\n<p>Second <a href=\"#x\">link</a></p>\n",
      "a <> b < c > d <<e>> f <g",
      "<p>unclosed <b",
      "<img src=\"a.png\" alt=\"x > y\" /><p>after</p>",
      "<>",
      "<<<>>>",
    };
    for (String body : bodies) {
      for (int max : new int[] {0, 1, 5, 12, 20000}) {
        assertThat(ArticleMaker.textStart("标题 ", body, max))
            .as("%s / %d", body, max)
            .isEqualTo(byRegex("标题 ", body, max));
      }
    }
  }

  @Test
  void agreesWithTheRegexOnRandomMarkup() {
    Random random = new Random(16);
    String pieces = "<>/ a中p\n\"=";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sb.append(pieces.charAt(random.nextInt(pieces.length())));
      }
      String body = sb.toString();
      int max = random.nextInt(70);
      assertThat(ArticleMaker.textStart("t ", body, max))
          .as("%s / %d", body, max)
          .isEqualTo(byRegex("t ", body, max));
    }
  }
}
