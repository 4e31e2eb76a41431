package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Grouping;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.render.Labels;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts articles (already in date order) into sections. Sections keep that order inside; articles
 * without a day or a category go to a last section of their own, or make one untitled section when
 * no article has one.
 */
public final class SectionGrouper {
  private final Grouping grouping;
  private final ZoneId zone;
  private final Labels labels;

  public SectionGrouper(Grouping grouping, ZoneId zone, Labels labels) {
    this.grouping = grouping;
    this.zone = zone;
    this.labels = labels;
  }

  public List<Section> group(List<Article> articles) {
    return switch (grouping) {
      case NONE -> List.of(new Section("s01", null, articles, List.of()));
      case DAY -> byDay(articles);
      case CATEGORY -> byCategory(articles);
    };
  }

  private List<Section> byDay(List<Article> articles) {
    Map<LocalDate, List<Article>> days = new TreeMap<>();
    List<Article> undated = new ArrayList<>();
    for (Article a : articles) {
      a.post()
          .date()
          .ifPresentOrElse(
              d -> days.computeIfAbsent(d.day(zone), k -> new ArrayList<>()).add(a),
              () -> undated.add(a));
    }
    Map<String, List<Article>> titled = new LinkedHashMap<>();
    days.forEach((day, list) -> titled.put(labels.dayWithWeekday(day), list));
    return sections(titled, labels.undated(), undated);
  }

  private List<Section> byCategory(List<Article> articles) {
    // Categories differing only in case are one section, titled as first seen.
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, List<Article>> byKey = new LinkedHashMap<>();
    List<Article> none = new ArrayList<>();
    for (Article a : articles) {
      String category = firstCategory(a.post());
      if (category == null) {
        none.add(a);
        continue;
      }
      String key = category.toLowerCase(Locale.ROOT);
      titles.putIfAbsent(key, category);
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
    }
    Map<String, List<Article>> titled = new LinkedHashMap<>();
    byKey.forEach((key, list) -> titled.put(titles.get(key), list));
    return sections(titled, labels.uncategorized(), none);
  }

  private static String firstCategory(Post post) {
    return post.categories().stream()
        .map(String::strip)
        .filter(c -> !c.isEmpty())
        .findFirst()
        .orElse(null);
  }

  /**
   * The titled sections, then the rest under {@code restTitle}; when no article has a title to
   * group by (a blog without categories), one untitled section, as {@link Grouping#NONE} gives: a
   * single "Other" heading over every article named nothing.
   */
  private static List<Section> sections(
      Map<String, List<Article>> titled, String restTitle, List<Article> rest) {
    if (titled.isEmpty()) {
      return List.of(new Section(id(1), null, rest, List.of()));
    }
    List<Section> sections = new ArrayList<>();
    titled.forEach(
        (title, list) ->
            sections.add(new Section(id(sections.size() + 1), title, list, List.of())));
    if (!rest.isEmpty()) {
      sections.add(new Section(id(sections.size() + 1), restTitle, rest, List.of()));
    }
    return sections;
  }

  private static String id(int n) {
    return Section.idFor(n);
  }
}
