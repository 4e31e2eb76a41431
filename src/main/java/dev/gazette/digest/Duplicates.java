package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Post;
import dev.gazette.util.InOrder;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Finds the same story published twice (two feeds, two folders): the same declared title on the
 * same day, or the same text. The first in digest order is kept, with the categories and tags of
 * all its copies; the others are reported and left out.
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
    // Reading every body is the costly part: done on all cores, kept in article order.
    List<Optional<String>> textKeys = InOrder.map(articles, a -> textKey(a.bodyXhtml()));
    for (int i = 0; i < articles.size(); i++) {
      Article a = articles.get(i);
      // Only a title the post declares says which story it is: the first heading ("Overview") or
      // a name made from the file ("Index" before bundles were named by their folder) is shared by
      // different posts of one day, and merging those would drop a whole post.
      // A title of punctuation or emoji only squeezes to nothing and names no story either.
      String title = a.post().declaredTitle().isEmpty() ? "" : squeeze(a.title());
      Optional<String> titleKey =
          title.isEmpty() ? Optional.empty() : a.post().date().map(d -> title + "|" + d.day(zone));
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
  static Optional<String> textKey(String xhtml) {
    String text = squeezedText(xhtml);
    if (text == null) {
      text = squeeze(Jsoup.parseBodyFragment(xhtml).text());
    }
    return text.codePointCount(0, text.length()) < MIN_TEXT_FOR_BODY_MATCH
        ? Optional.empty()
        : Optional.of(text);
  }

  /** Elements whose content the HTML parser does not read as markup, or does not count as text. */
  private static final Set<String> NOT_PLAIN =
      Set.of(
          "script",
          "style",
          "textarea",
          "title",
          "xmp",
          "iframe",
          "noembed",
          "noframes",
          "plaintext",
          "noscript",
          "template");

  /**
   * {@code squeeze} of the text the HTML parser reads from {@code xhtml}, found in one scan without
   * a parse (a parse of every body was most of this step's time), or null when only a parse gives
   * it exactly: comments, CDATA, markup that is not a plain tag, elements with raw or hidden text
   * ({@link #NOT_PLAIN}), character references other than XHTML's own and plain numeric ones, and a
   * capital sigma (whose lower case depends on the letters around it, which markup can change).
   * Tags are dropped: what the parser puts between blocks is spacing, which {@code squeeze} drops.
   * The normalizer's XHTML always takes this path; its output is read back by the parser as written
   * ({@code HtmlNormalizer.normalize}), so nothing is moved around as misnested markup would be.
   */
  static String squeezedText(String xhtml) {
    StringBuilder kept = new StringBuilder(xhtml.length() / 2);
    int n = xhtml.length();
    for (int i = 0; i < n; ) {
      char c = xhtml.charAt(i);
      int cp;
      if (c == '<') {
        i = afterTag(xhtml, i);
        if (i < 0) {
          return null;
        }
        continue;
      } else if (c == '&') {
        int semi = xhtml.indexOf(';', i);
        cp = semi < 0 ? -1 : reference(xhtml.substring(i + 1, semi));
        if (cp < 0) {
          return null;
        }
        i = semi + 1;
      } else if (c >= 0x4E00 && c <= 0x9FEF) {
        kept.append(c); // a Han character: no case, always kept; most of a Chinese text
        i++;
        continue;
      } else if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
          kept.append((char) (c + ('a' - 'A')));
        } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
          kept.append(c);
        }
        i++;
        continue;
      } else {
        cp = xhtml.codePointAt(i);
        i += Character.charCount(cp);
      }
      if (cp == 'Σ') {
        return null;
      }
      // Character.toLowerCase is String.toLowerCase(Locale.ROOT) but for the sigma (above) and
      // U+0130, whose extra combining dot is not a letter.
      int lower = Character.toLowerCase(cp);
      if (letterOrNumber(lower)) {
        kept.appendCodePoint(lower);
      }
    }
    return kept.toString();
  }

  /**
   * The index after the plain start or end tag at {@code lt}, or -1 (see {@link #squeezedText}).
   */
  private static int afterTag(String s, int lt) {
    int i = lt + 1;
    if (i < s.length() && s.charAt(i) == '/') {
      i++;
    }
    int nameStart = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-')) {
      i++;
    }
    if (i == nameStart || !isAsciiLetter(s.charAt(nameStart))) {
      return -1;
    }
    if (NOT_PLAIN.contains(s.substring(nameStart, i).toLowerCase(Locale.ROOT))) {
      return -1;
    }
    char before = ' ';
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if ((c == '"' || c == '\'') && before == '=') {
        i = s.indexOf(c, i + 1);
        if (i < 0) {
          return -1;
        }
      }
      if (!Character.isWhitespace(c)) {
        before = c;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The code point of the reference {@code &name;}, or -1 when the parser could read it otherwise:
   * a named one other than XHTML's escapes, or a number the parser replaces (0, surrogates, beyond
   * Unicode, and 0x80-0x9F, which it reads as windows-1252).
   */
  private static int reference(String name) {
    switch (name) {
      case "amp":
        return '&';
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        break;
    }
    if (name.length() < 2 || name.length() > 8 || name.charAt(0) != '#') {
      return -1;
    }
    boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
    String digits = name.substring(hex ? 2 : 1);
    int cp;
    try {
      cp =
          digits.isEmpty() || digits.charAt(0) == '+'
              ? -1
              : Integer.parseInt(digits, hex ? 16 : 10);
    } catch (NumberFormatException e) {
      return -1;
    }
    boolean replaced =
        cp <= 0
            || (cp >= 0x80 && cp <= 0x9F)
            || (cp >= 0xD800 && cp <= 0xDFFF)
            || cp > Character.MAX_CODE_POINT;
    return replaced ? -1 : cp;
  }
}
