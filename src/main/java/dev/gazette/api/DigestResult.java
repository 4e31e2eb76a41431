package dev.gazette.api;

import dev.gazette.model.Digest;
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
 * @param digest what was rendered (sections, articles, images, cover), or null when nothing was
 */
public record DigestResult(
    String title, List<Post> posts, List<SkippedPost> skipped, List<Problem> problems, List<OutputFile> outputs,
    Digest digest) {
  public DigestResult(String title, List<Post> posts, List<SkippedPost> skipped, List<Problem> problems,
      List<OutputFile> outputs) {
    this(title, posts, skipped, problems, outputs, null);
  }

  public DigestResult {
    posts = List.copyOf(posts);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
    outputs = List.copyOf(outputs);
  }
}
