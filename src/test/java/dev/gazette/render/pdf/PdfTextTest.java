package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.typeset.Glyphs;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class PdfTextTest {
  /**
   * Every character no font has becomes the box in the text, whatever the JDK knows of it: the
   * renderer drew its replacement for 𠮷 (U+20BB7, which every JDK knows) but dropped an Extension
   * H ideograph (U+31350) on JDK 17 and replaced it on JDK 25, breaking lines differently.
   */
  @Test
  void everyMissingCharacterBecomesTheBox() {
    Document doc = Jsoup.parse("<p>吉\uD842\uDFB7与\uD884\uDF50，<code>x\uD842\uDFB7</code></p>");
    PdfText.boxMissingCharacters(doc.body(), Set.of(0x20BB7, 0x31350));
    String box = Character.toString(Glyphs.BOX);
    assertThat(doc.body().text()).isEqualTo("吉" + box + "与" + box + "，x" + box);
  }

  @Test
  void textWithNothingMissingIsLeftAlone() {
    Document doc = Jsoup.parse("<p>吉\uD842\uDFB7</p>");
    PdfText.boxMissingCharacters(doc.body(), Set.of());
    assertThat(doc.body().text()).isEqualTo("吉\uD842\uDFB7");
  }
}
