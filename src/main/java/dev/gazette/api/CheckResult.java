package dev.gazette.api;

import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import java.util.List;

/**
 * What {@link Gazette#check} found.
 *
 * @param posts every post read (drafts and unreadable files excluded)
 * @param problems every problem a build would meet, plus posts without a title or a date
 */
public record CheckResult(List<Post> posts, List<Problem> problems) {
  public CheckResult {
    posts = List.copyOf(posts);
    problems = List.copyOf(problems);
  }
}
