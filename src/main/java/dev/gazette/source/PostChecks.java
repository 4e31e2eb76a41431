package dev.gazette.source;

import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that only {@code gazette check} makes: things a build tolerates but an author wants to
 * know.
 */
public final class PostChecks {
  private PostChecks() {}

  public static List<Problem> problems(Post post) {
    List<Problem> problems = new ArrayList<>();
    if (post.date().isEmpty() && !post.draft()) {
      problems.add(
          Problem.warning(
              post.file(),
              1,
              "no date (front matter 'date', a YYYY-MM-DD- file name prefix or a dated 'path'"
                  + " or 'permalink'); left out of every dated digest"));
    }
    if (post.declaredTitle().isEmpty()) {
      boolean heading;
      try {
        heading = Headings.firstHeading(post.body()).isPresent();
      } catch (UncheckedIOException e) {
        heading = true; // the build reports unreadable bodies itself
      }
      if (!heading) {
        problems.add(
            Problem.warning(
                post.file(),
                1,
                "no title (front matter 'title' or a heading); the title '"
                    + post.title()
                    + (Post.isBundleText(post.file())
                        ? "' is made from its folder's name"
                        : "' is made from the file name")));
      }
    }
    return problems;
  }
}
