package dev.gazette.digest;

import dev.gazette.model.Post;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a post whose article came out empty is left out of the digest. Real archives hold files with
 * nothing to read: the stubs a blog leaves where its posts moved (a bare {@code <meta
 * http-equiv="refresh">}, or jekyll-redirect-from's {@code redirect_to}), and a theme's tag or
 * archive pages (front matter and a layout name). Each made an article of a title alone, in the
 * contents and the PDF, without a word; a digest of one such archive was 61 empty articles.
 */
final class NothingToRead {
  private NothingToRead() {}

  /**
   * {@code <meta http-equiv="refresh" content="0; url=…">}, the quotes around the address optional.
   */
  private static final Pattern META_REFRESH =
      Pattern.compile(
          "<meta\\b[^>]*?http-equiv\\s*=\\s*[\"']?refresh[\"']?[^>]*>", Pattern.CASE_INSENSITIVE);

  private static final Pattern REFRESH_URL =
      Pattern.compile(
          "content\\s*=\\s*(?:\"[^\"]*?url\\s*=\\s*'?([^'\"\\s>]+)|'[^']*?url\\s*=\\s*\"?([^'\"\\s>]+))",
          Pattern.CASE_INSENSITIVE);

  /** A body of one heading, Markdown or HTML, which the article takes as its title. */
  private static final Pattern TITLE_ALONE =
      Pattern.compile("(?i)#{1,6}[ \\t][^\\n]*|<h([1-6])[^>]*>[^<\\n]+</h\\1>");

  /**
   * The warning for a post whose article shows nothing, saying what its file holds instead.
   *
   * @param body the post's body as written
   */
  static String reason(Post post, String body) {
    Optional<String> movedTo =
        post.field("redirect_to").or(() -> post.field("redirect")).or(() -> refreshTarget(body));
    if (movedTo.isPresent()) {
      return "nothing to read: the post only sends readers to "
          + movedTo.get()
          + " (a stub left where it moved); post skipped";
    }
    if (body.isEmpty() && post.bodyLine() <= 1) {
      return "nothing to read: the file is empty (0 bytes); post skipped";
    }
    if (body.isBlank() && post.bodyLine() <= 1) {
      return "nothing to read: the file is blank; post skipped";
    }
    if (body.isBlank()) {
      // Jekyll's and Hexo's layout, Zola's and Hugo's template: the page is the theme's.
      String layout =
          post.field("layout")
              .map(l -> " and layout '" + l + "'")
              .or(() -> post.field("template").map(t -> " and template '" + t + "'"))
              .orElse("");
      return "nothing to read: front matter" + layout + " only (a site page?); post skipped";
    }
    if (TITLE_ALONE.matcher(body.strip()).matches()) {
      return "nothing to read: the post is a heading alone, which became its title; post skipped";
    }
    return "nothing to read: no text, picture or table is left once scripts, styles, template"
        + " directives and empty elements are taken out; post skipped";
  }

  /** The address of a {@code <meta http-equiv="refresh">} in {@code body}, if it has one. */
  static Optional<String> refreshTarget(String body) {
    Matcher meta = META_REFRESH.matcher(body);
    if (!meta.find()) {
      return Optional.empty();
    }
    Matcher url = REFRESH_URL.matcher(meta.group());
    if (!url.find()) {
      return Optional.of("another page");
    }
    return Optional.of(url.group(1) != null ? url.group(1) : url.group(2));
  }
}
