package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleMarkupTest {
  /** Eleventy and Jekyll sites put inline HTML in titles; the page shows its text. */
  @Test
  void aTitleInInlineHtmlIsReadAsItsText() {
    assertThat(TitleMarkup.text("Notes on <cite>The Long Road</cite>, Second Edition"))
        .isEqualTo("Notes on The Long Road, Second Edition");
    assertThat(TitleMarkup.text("Why <abbr>YAML</abbr> Bites")).isEqualTo("Why YAML Bites");
    assertThat(TitleMarkup.text("Press <kbd>⌘</kbd><kbd>K</kbd> to search"))
        .isEqualTo("Press ⌘K to search");
    assertThat(TitleMarkup.text("The <span class='caps'>CPU</span> Story"))
        .isEqualTo("The CPU Story");
    // An element left open still shows it is markup by its attribute.
    assertThat(TitleMarkup.text("Tea and <abbr title='large language models'>LLMs<abbr>"))
        .isEqualTo("Tea and LLMs");
    assertThat(TitleMarkup.text("Fish &amp; <i>chips</i>")).isEqualTo("Fish & chips");
    assertThat(TitleMarkup.text("<B>Bold</B> move")).isEqualTo("Bold move");
  }

  @Test
  void aLineBreakBetweenWordsIsASpace() {
    assertThat(TitleMarkup.text("主题文档<br>正式发布")).isEqualTo("主题文档 正式发布");
    assertThat(TitleMarkup.text("The <br> element")).isEqualTo("The <br> element");
  }

  /** Documentation titles name tags and components; they are text about the tag. */
  @Test
  void aTitleNamingATagIsLeftAsWritten() {
    for (String title :
        new String[] {
          "<Suspense>",
          "<Fragment> (<>...</>)",
          "Common parts (e.g. <div>)",
          "<title>",
          "The <code> element",
          "Iterating over a Rc<Vec<T>>",
          "<Code>styled</Code> components",
          "Use <em> for stress, not <i>",
          "a < b and c > d",
        }) {
      assertThat(TitleMarkup.text(title)).as(title).isEqualTo(title);
    }
  }

  @Test
  void aLongRunOfBracketsIsScannedOnce() {
    String title = "<i".repeat(200_000);
    assertThat(TitleMarkup.text(title)).isEqualTo(title);
  }
}
