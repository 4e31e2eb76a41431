package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadingsTest {
  @Test
  void htmlHeadingsAreFoundAsBefore() {
    assertThat(Headings.firstHeading("<p>x</p>\n<h2 class=\"t\">The <em>real</em> title</h2>"))
        .hasValue("The real title");
    assertThat(Headings.firstHeading("<h1><h2>Inner</h2></h1>")).hasValue("Inner");
    assertThat(Headings.firstHeading("<h1>never closed")).isEmpty();
  }

  @Test
  void aLineOfUnclosedHeadingTagsIsReadOnce() {
    // Was a lazy regex retried from each of the 400,000 tags: hours of backtracking.
    assertThat(Headings.firstHeading("<h1>".repeat(400_000))).isEmpty();
    assertThat(Headings.firstHeading("<h1".repeat(400_000))).isEmpty();
    assertThat(Headings.firstHeading("<h1>".repeat(400_000) + "Found</h1>")).hasValue("Found");
  }
}
