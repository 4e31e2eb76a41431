package dev.gazette.source;

import dev.gazette.model.Post;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A section's index file ({@code index.md}, {@code _index.md}) names its section; many also open it
 * with text of their own: the Hexo docs' "Overview", Tokio's tutorial, Linkerd's "Tasks", the
 * introduction of a book. A book takes that text as the first article of its section. Home pages
 * whose body is only the site's listings (a Liquid or Go template loop, includes, links) have no
 * text of their own and stay titles.
 */
final class IndexPages {
  /** A paragraph needs this many letters (an ideograph counts two) to be text of its own. */
  static final int MIN_LETTERS = 20;

  private static final Pattern COMMENTS =
      Pattern.compile("<!--.*?-->|\\{/\\*.*?\\*/\\}|\\{#.*?#\\}", Pattern.DOTALL);
  private static final Pattern TEMPLATE_TAGS =
      Pattern.compile("\\{%.*?%\\}|\\{\\{.*?\\}\\}", Pattern.DOTALL);
  private static final Pattern HTML_TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern HEADING_LINES = Pattern.compile("(?m)^\\s{0,3}#.*$");
  private static final Pattern LINK_TARGETS = Pattern.compile("\\]\\([^)]*\\)");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

  private IndexPages() {}

  /** Whether the body has a paragraph of text of its own, outside headings and templates. */
  static boolean hasText(Post index) {
    String body = index.body().replace("\r\n", "\n");
    body = COMMENTS.matcher(body).replaceAll("");
    body = TEMPLATE_TAGS.matcher(body).replaceAll("");
    body = HTML_TAGS.matcher(body).replaceAll("");
    body = HEADING_LINES.matcher(body).replaceAll("");
    body = LINK_TARGETS.matcher(body).replaceAll("]");
    for (String paragraph : BLANK_LINES.split(body)) {
      if (letters(paragraph) >= MIN_LETTERS) {
        return true;
      }
    }
    return false;
  }

  private static int letters(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isIdeographic(c)) {
        n += 2;
      } else if (Character.isLetter(c)) {
        n++;
      }
    }
    return n;
  }

  /**
   * The posts with each index page at the start of its section: before the first post in its folder
   * or below it (the root's index first of all). An index page whose section kept no post is left
   * out, returned in {@code unplaced}.
   */
  static List<Post> placed(List<Post> posts, List<Post> indexes, List<Post> unplaced) {
    List<Post> result = new ArrayList<>(posts);
    // Deepest folders first, so a folder's index lands before its sub-folders' ones.
    List<Post> byDepth = new ArrayList<>(indexes);
    byDepth.sort(
        java.util.Comparator.comparingInt((Post p) -> -depth(p.relativePath()))
            .thenComparing(Post::relativePath));
    for (Post index : byDepth) {
      String folder = ContentFiles.folderOf(index.relativePath());
      String prefix = folder.isEmpty() ? "" : folder + "/";
      int at = -1;
      for (int i = 0; i < result.size(); i++) {
        if (result.get(i).relativePath().startsWith(prefix)) {
          at = i;
          break;
        }
      }
      if (at < 0) {
        unplaced.add(index);
      } else {
        result.add(at, index);
      }
    }
    return result;
  }

  private static int depth(String relativePath) {
    return (int) relativePath.chars().filter(c -> c == '/').count();
  }
}
