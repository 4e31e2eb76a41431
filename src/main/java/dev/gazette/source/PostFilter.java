package dev.gazette.source;

import dev.gazette.model.Post;
import java.util.List;
import java.util.function.Predicate;

/** Which posts pass the category and tag filters (names compared without regard to case). */
public final class PostFilter {
  private PostFilter() {}

  /**
   * @param categories a post must have one of these (any post when empty)
   * @param tags a post must have one of these (any post when empty)
   * @param excludeCategories a post with one of these is left out
   * @param excludeTags a post with one of these is left out
   */
  public static Predicate<Post> of(
      List<String> categories,
      List<String> tags,
      List<String> excludeCategories,
      List<String> excludeTags) {
    Predicate<Post> p =
        post ->
            post.categories().stream().noneMatch(c -> containsIgnoreCase(excludeCategories, c))
                && post.tags().stream().noneMatch(t -> containsIgnoreCase(excludeTags, t));
    if (!categories.isEmpty()) {
      p =
          p.and(
              post -> post.categories().stream().anyMatch(c -> containsIgnoreCase(categories, c)));
    }
    if (!tags.isEmpty()) {
      p = p.and(post -> post.tags().stream().anyMatch(t -> containsIgnoreCase(tags, t)));
    }
    return p;
  }

  private static boolean containsIgnoreCase(List<String> list, String value) {
    return list.stream().anyMatch(v -> v.equalsIgnoreCase(value));
  }
}
