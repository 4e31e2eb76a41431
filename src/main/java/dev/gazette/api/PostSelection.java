package dev.gazette.api;

import dev.gazette.model.Post;
import java.util.List;

/**
 * The posts a request selects, in digest order, with the files left out and the problems met
 * while reading front matter.
 */
public record PostSelection(List<Post> posts, List<SkippedPost> skipped, List<Problem> problems) {
  public PostSelection {
    posts = List.copyOf(posts);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
  }
}
