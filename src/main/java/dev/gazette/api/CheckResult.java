package dev.gazette.api;

import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import java.util.List;

/**
 * What {@link Gazette#check} found.
 *
 * @param posts every post read (drafts and unreadable files excluded)
 * @param problems every problem a build would meet, plus posts without a title or a date
 * @param skipped the files left out (drafts, unreadable files) and why
 * @param hints suggestions about settings (a folder whose GMT stamps look like local times)
 */
public record CheckResult(
    List<Post> posts, List<Problem> problems, List<SkippedPost> skipped, List<String> hints) {
  public CheckResult {
    posts = List.copyOf(posts);
    problems = List.copyOf(problems);
    skipped = List.copyOf(skipped);
    hints = List.copyOf(hints);
  }

  public CheckResult(List<Post> posts, List<Problem> problems) {
    this(posts, problems, List.of(), List.of());
  }
}
