package dev.gazette.api;

import dev.gazette.model.OrderRule;
import dev.gazette.model.Ordering;
import dev.gazette.model.Post;
import java.util.List;

/**
 * What a build did.
 *
 * @param title the digest title
 * @param posts the posts in the digest, in reading order
 * @param skipped files left out, with the reason
 * @param problems every warning and error met on the way
 * @param outputs the files written
 * @param ordering the rule that put the posts in order
 */
public record DigestResult(String title, List<Post> posts, List<SkippedPost> skipped, List<Problem> problems,
    List<OutputFile> outputs, Ordering ordering) {
  public DigestResult {
    posts = List.copyOf(posts);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
    outputs = List.copyOf(outputs);
    java.util.Objects.requireNonNull(ordering, "ordering");
  }

  /** A result in date order. */
  public DigestResult(
      String title, List<Post> posts, List<SkippedPost> skipped, List<Problem> problems, List<OutputFile> outputs) {
    this(title, posts, skipped, problems, outputs, new Ordering(OrderRule.DATE, "publication date"));
  }
}
