package dev.gazette.model;

import java.util.List;

/**
 * The posts a request selects, in digest order, with the files left out, the problems met while
 * reading front matter, and the rule that put the posts in order.
 */
public record PostSelection(
    List<Post> posts, List<SkippedPost> skipped, List<Problem> problems, Ordering ordering) {
  public PostSelection {
    posts = List.copyOf(posts);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
    java.util.Objects.requireNonNull(ordering, "ordering");
  }

  /** A selection in date order (undated posts last, by path). */
  public PostSelection(List<Post> posts, List<SkippedPost> skipped, List<Problem> problems) {
    this(posts, skipped, problems, new Ordering(OrderRule.DATE, "publication date"));
  }
}
