package dev.gazette.api;

import dev.gazette.model.Digest;
import dev.gazette.model.Ordering;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
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
 * @param digest what was rendered (sections, articles, images, cover)
 * @param images what image resolution did
 */
public record DigestResult(
    String title,
    List<Post> posts,
    List<SkippedPost> skipped,
    List<Problem> problems,
    List<OutputFile> outputs,
    Ordering ordering,
    Digest digest,
    ImageCounts images) {
  public DigestResult {
    posts = List.copyOf(posts);
    skipped = List.copyOf(skipped);
    problems = List.copyOf(problems);
    outputs = List.copyOf(outputs);
    java.util.Objects.requireNonNull(ordering, "ordering");
  }

  /** The result of a run that wrote nothing (no post selected, or a failure), for reports. */
  public static DigestResult nothingWritten(
      List<SkippedPost> skipped, List<Problem> problems, Ordering ordering) {
    return new DigestResult(
        null, List.of(), skipped, problems, List.of(), ordering, null, ImageCounts.NONE);
  }
}
