package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Post;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;

/**
 * Finds the same story published twice (two feeds, two folders): the same title on the same day, or
 * the same text. The first in digest order is kept, with the categories and tags of all its copies;
 * the others are reported and left out.
 */
public final class Duplicates {
  /** Bodies shorter than this (in letters) are too generic to call two posts the same story. */
  static final int MIN_TEXT_FOR_BODY_MATCH = 30;

  private Duplicates() {}

  /** One left-out copy: its file, the file of the article it was merged into, and why. */
  public record Duplicate(Path file, Path keptFile, String keptPath, String why) {}

  /** The articles to keep, and the copies merged into them. */
  public record Result(List<Article> articles, List<Duplicate> duplicates) {}

  public static Result merge(List<Article> articles, ZoneId zone) {
    Map<String, Integer> byTitleAndDay = new HashMap<>();
    Map<String, Integer> byText = new HashMap<>();
    List<Article> kept = new ArrayList<>();
    List<List<Post>> copies = new ArrayList<>();
    List<Duplicate> duplicates = new ArrayList<>();
    // Parsing every body is the costly part: done in parallel, kept in article order.
    List<Optional<String>> textKeys =
        articles.parallelStream().map(a -> textKey(a.bodyXhtml())).toList();
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      Optional<String> titleKey = a.post().date().map(d -> squeeze(a.title()) + "|" + d.day(zone));
      Optional<String> textKey = textKeys.get(i);
      Integer same = titleKey.map(byTitleAndDay::get).orElse(null);
      String why = "same title and day";
      if (same == null && textKey.isPresent()) {
        same = byText.get(textKey.get());
        why = "same text";
      }
      if (same != null) {
        Article first = kept.get(same);
        copies.get(same).add(a.post());
        duplicates.add(
            new Duplicate(a.post().file(), first.post().file(), first.post().relativePath(), why));
        continue;
      }
      int index = kept.size();
      kept.add(a);
      copies.add(new ArrayList<>(List.of(a.post())));
      titleKey.ifPresent(k -> byTitleAndDay.put(k, index));
      textKey.ifPresent(k -> byText.put(k, index));
    }
    List<Article> merged = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      merged.add(
          copies.get(i).size() == 1 ? kept.get(i) : withLabelsOf(kept.get(i), copies.get(i)));
    }
    return new Result(merged, duplicates);
  }

  private static Article withLabelsOf(Article article, List<Post> posts) {
    LinkedHashSet<String> categories = new LinkedHashSet<>();
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    for (Post p : posts) {
      categories.addAll(p.categories());
      tags.addAll(p.tags());
    }
    Post post = article.post();
    Post.Builder b =
        Post.builder(post.file(), post.relativePath())
            .bodyLine(post.bodyLine())
            .declaredTitle(post.title())
            .categories(List.copyOf(categories))
            .tags(List.copyOf(tags))
            .draft(post.draft())
            .fields(post.fields())
            .body(post::body);
    post.date().ifPresent(b::date);
    return new Article(
        article.id(),
        b.build(),
        article.title(),
        article.lang(),
        article.bodyXhtml(),
        article.assets());
  }

  /** Letters and digits only, lower-cased: punctuation and spacing differ between feeds. */
  static String squeeze(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder kept = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      if (letterOrNumber(c)) {
        kept.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return kept.toString();
  }

  /** {@code \p{L}} or {@code \p{N}}, without a regex: this runs over every article's whole text. */
  private static boolean letterOrNumber(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c >= 0x4E00 && c <= 0x9FEF) {
      return true; // CJK Unified Ideographs (all assigned since Unicode 10): most of a Chinese text
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** The squeezed text itself is the key: equal strings are equal stories, no digest needed. */
  private static Optional<String> textKey(String xhtml) {
    String text = squeeze(Jsoup.parseBodyFragment(xhtml).text());
    return text.codePointCount(0, text.length()) < MIN_TEXT_FOR_BODY_MATCH
        ? Optional.empty()
        : Optional.of(text);
  }
}
