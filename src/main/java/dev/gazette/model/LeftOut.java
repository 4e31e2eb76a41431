package dev.gazette.model;

import dev.gazette.util.Listing;
import java.util.List;
import java.util.Optional;

/** What a run left out on purpose, counted, so nothing is left out without a word. */
public final class LeftOut {
  /** The reason given for a draft (a {@code draft: true} post or a file under {@code _drafts/}). */
  public static final String DRAFT = "draft";

  private LeftOut() {}

  /** How many of the skipped posts are drafts. */
  public static int drafts(List<SkippedPost> skipped) {
    return (int) skipped.stream().filter(s -> s.reason().startsWith(DRAFT)).count();
  }

  /**
   * The reason given for a Markdown file outside {@code content/} of a Hugo or Zola site built from
   * its root (a theme's or a picture folder's README).
   */
  public static final String OUTSIDE_CONTENT = "outside content/ of a Hugo or Zola site";

  /**
   * The reason given for a post with no date when a date range is asked for: a range has no place
   * for it (a book, built without a range, takes it).
   */
  public static final String UNDATED = "undated (no date in the front matter or the file name)";

  /**
   * The reason given for a Hugo translation by file name ({@code post.en.md} beside {@code
   * post.md}): the digest takes each post once, as the untranslated file has it.
   */
  public static final String TRANSLATION = "a translation of a post the digest takes";

  /**
   * The reason given for a section's index file with text of its own in a digest by date: it names
   * its section; a book opens the section with its text.
   */
  public static final String INDEX_TEXT =
      "a section's index page: a digest by date takes posts only (a book opens the section with"
          + " it)";

  /** The reason given for a section's index file in a book when no post of its section is in it. */
  public static final String EMPTY_SECTION = "a section's index page, and no post of its section";

  /** How every reason for a Markdown file a Hexo or Jekyll site does not publish starts. */
  public static final String NOT_PUBLISHED = "not published by ";

  /**
   * The reason given for a Markdown file of a Hexo or Jekyll site built from its root that the
   * generator does not publish (Hexo's {@code scaffolds/}, a theme's README, what its {@code
   * skip_render}, {@code exclude} or {@code ignore} matches, Jekyll's {@code _includes/} or {@code
   * vendor/}).
   *
   * @param generator {@code Hexo} or {@code Jekyll}
   * @param sourceDir Hexo's {@code source_dir}; null for Jekyll, which publishes from the root
   */
  public static String notPublished(String generator, String sourceDir) {
    return NOT_PUBLISHED
        + generator
        + (sourceDir != null
            ? " (its posts and pages are in "
                + sourceDir
                + "/, outside _ folders but _posts/, unless _config.yml skips them)"
            : " (_ folders but _posts/ and output collections, vendor/, what _config.yml"
                + " excludes)");
  }

  /**
   * {@code 13 drafts left out; --drafts includes them}, and how many files outside a site's {@code
   * content/} or not published by a Hexo or Jekyll site were not read; empty when none was left
   * out.
   */
  public static Optional<String> summary(List<SkippedPost> skipped) {
    int n = drafts(skipped);
    long outside = skipped.stream().filter(s -> s.reason().equals(OUTSIDE_CONTENT)).count();
    List<String> parts = new java.util.ArrayList<>();
    if (n > 0) {
      parts.add(n + (n == 1 ? " draft" : " drafts") + " left out; --drafts includes them");
    }
    if (outside > 0) {
      parts.add(
          outside
              + (outside == 1 ? " Markdown file" : " Markdown files")
              + " outside content/ not read (a Hugo or Zola site's posts are in content/)");
    }
    List<SkippedPost> undated = skipped.stream().filter(s -> s.reason().equals(UNDATED)).toList();
    if (!undated.isEmpty()) {
      List<String> names = undated.stream().map(s -> s.file().getFileName().toString()).toList();
      parts.add(
          undated.size()
              + (undated.size() == 1 ? " post" : " posts")
              + " with no date left out of the date range ("
              + Listing.firstThree(names)
              + "): give each a front matter date or a YYYY-MM-DD- file name, or build without"
              + " a date range to take every post");
    }
    List<String> translations =
        skipped.stream()
            .filter(s -> s.reason().equals(TRANSLATION))
            .map(s -> s.file().getFileName().toString())
            .toList();
    if (!translations.isEmpty()) {
      parts.add(
          translations.size()
              + (translations.size() == 1 ? " translation" : " translations")
              + " left out ("
              + Listing.firstThree(translations)
              + "): each post is taken once, from the file without a language in its name");
    }
    List<String> indexes =
        skipped.stream()
            .filter(s -> s.reason().equals(INDEX_TEXT))
            // "_index.md" alone names none: its folder does
            .map(s -> s.file().getParent().getFileName() + "/" + s.file().getFileName())
            .toList();
    if (!indexes.isEmpty()) {
      parts.add(
          indexes.size()
              + (indexes.size() == 1 ? " section index page's" : " section index pages'")
              + " text left out ("
              + Listing.firstThree(indexes)
              + "): a digest by date takes posts; a book (no date range, --order path or weight)"
              + " opens each section with its index page");
    }
    skipped.stream()
        .map(SkippedPost::reason)
        .filter(r -> r.startsWith(NOT_PUBLISHED))
        .distinct()
        .forEach(
            reason -> {
              long count = skipped.stream().filter(s -> s.reason().equals(reason)).count();
              parts.add(
                  count
                      + (count == 1 ? " Markdown file" : " Markdown files")
                      + " not read: "
                      + reason);
            });
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }
}
