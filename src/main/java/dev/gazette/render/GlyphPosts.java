package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Names the posts holding characters no font can draw, so a missing-glyph warning says where. */
public final class GlyphPosts {
  private static final int SHOWN = 5;

  private GlyphPosts() {}

  /** {@code " (in a.md, b.md and 3 more)"}, or "" when no article holds them. */
  public static String in(Digest digest, Set<Integer> codePoints) {
    Set<String> posts = new LinkedHashSet<>();
    for (Article a : digest.articles()) {
      String text = a.title() + a.bodyXhtml();
      if (text.codePoints().anyMatch(codePoints::contains)) {
        posts.add(a.post().relativePath());
      }
    }
    if (posts.isEmpty()) {
      return "";
    }
    List<String> list = List.copyOf(posts);
    String shown = String.join(", ", list.subList(0, Math.min(SHOWN, list.size())));
    return " (in "
        + shown
        + (list.size() > SHOWN ? " and " + (list.size() - SHOWN) + " more" : "")
        + ")";
  }
}
