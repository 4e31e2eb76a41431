package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChaptersTest {
  @Test
  void textWithoutHeadingsIsOneChapterUnderTheOpeningTitle() {
    Chapters.Split split = Chapters.split("<p>Just text.</p>", "notes", 1);
    assertThat(split.title()).isNull();
    assertThat(split.parts()).extracting(Chapters.Part::title).containsExactly("notes");
  }

  @Test
  void chaptersStartAtTheHighestHeadingLevelLeftAfterTheTitle() {
    String html =
        "<h1>Book</h1><p>Intro.</p><h3>One</h3><p>a</p><h4>One.1</h4><p>b</p><h3>Two</h3><p>c</p>";
    Chapters.Split one = Chapters.split(html, "file", 1);
    assertThat(one.title()).isEqualTo("Book");
    assertThat(one.parts()).extracting(Chapters.Part::title).containsExactly("Book", "One", "Two");
    assertThat(one.parts().get(1).html()).contains("One.1");

    Chapters.Split two = Chapters.split(html, "file", 2);
    assertThat(two.parts())
        .extracting(p -> p.depth() + " " + p.title())
        .containsExactly("0 Book", "0 One", "1 One.1", "0 Two");
  }

  @Test
  void twoTopHeadingsAreChaptersNotATitle() {
    Chapters.Split split = Chapters.split("<h1>A</h1><p>x</p><h1>B</h1><p>y</p>", "file", 1);
    assertThat(split.title()).isNull();
    assertThat(split.parts()).extracting(Chapters.Part::title).containsExactly("A", "B");
  }
}
