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

  /** An Obsidian note opens with its text; its sections' headings do not title it. */
  @Test
  void belowMarkdownTextOnlyALevelOneHeadingTitles() {
    assertThat(Headings.firstHeading("An operation is commutative.\n\n## In logic\n\nText.\n"))
        .isEmpty();
    assertThat(Headings.firstHeading("Some text.\n\nIn logic\n--------\n")).isEmpty();
    assertThat(Headings.firstHeading("Some text.\n\n## Part\n\n# The title\n"))
        .hasValue("The title");
    assertThat(Headings.firstHeading("Some text.\n\nThe title\n=========\n")).hasValue("The title");
    assertThat(Headings.firstHeading("Some text.\n\n#\tTabbed title\n")).hasValue("Tabbed title");
    // A picture or HTML above the heading is no text: the heading still titles the post.
    assertThat(Headings.firstHeading("![cover](a.png)\n\n## Weekly 12\n")).hasValue("Weekly 12");
    assertThat(Headings.firstHeading("<img src=\"a.png\">\n\n### Weekly 12\n"))
        .hasValue("Weekly 12");
  }

  /** VitePress docs title pages by their first heading, which ends in its id: not the title's. */
  @Test
  void anIdWrittenAtTheHeadingsEndIsNoPartOfTheTitle() {
    assertThat(Headings.firstHeading("# 破坏性变更 {#breaking-changes}\n\nText.\n")).hasValue("破坏性变更");
    assertThat(Headings.firstHeading("Why {: #why_not}\n===\n")).hasValue("Why");
    assertThat(Headings.firstHeading("## Kramdown {: #k_1 .big}\n")).hasValue("Kramdown");
    assertThat(Headings.firstHeading("# Sets {1, 2}\n")).hasValue("Sets {1, 2}");
    assertThat(Headings.firstHeading("<h1>Go {#go}</h1>")).hasValue("Go");
  }
}
