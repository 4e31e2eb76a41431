package dev.gazette.model;

import java.util.List;
import java.util.Objects;

/**
 * A group of articles in a digest (a day, a category, a folder). A digest without grouping has one
 * section with no title.
 *
 * @param id identifier unique within the digest, e.g. {@code s01}
 * @param title heading of the section, or {@code null} for the implicit section
 * @param articles articles directly in this section, in reading order
 * @param subsections nested sections, read after {@code articles}
 */
public record Section(String id, String title, List<Article> articles, List<Section> subsections) {
  public Section {
    Objects.requireNonNull(id, "id");
    articles = List.copyOf(articles);
    subsections = List.copyOf(subsections);
  }

  /** Every article of this section and its subsections, in reading order. */
  public List<Article> allArticles() {
    if (subsections.isEmpty()) {
      return articles;
    }
    var all = new java.util.ArrayList<>(articles);
    subsections.forEach(s -> all.addAll(s.allArticles()));
    return all;
  }

  /** The id of the {@code number}th section, e.g. {@code s03}. */
  public static String idFor(int number) {
    return String.format(java.util.Locale.ROOT, "s%02d", number);
  }

  /**
   * Whether the section's first article is its own introduction (a chapter's text before its first
   * sub-chapter, under the chapter's title): contents show it once, as the section's title.
   */
  public boolean opensWithIntro() {
    return title != null && !articles.isEmpty() && title.equals(articles.get(0).title());
  }

  /** The articles to list under the section's title: its introduction is the title itself. */
  public List<Article> listedArticles() {
    return opensWithIntro() ? articles.subList(1, articles.size()) : articles;
  }
}
