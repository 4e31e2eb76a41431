package dev.gazette.model;

import java.util.List;
import java.util.Optional;

/** What a run left out on purpose, counted, so nothing is left out without a word. */
public final class LeftOut {
  /** The reason given for a draft (a {@code draft: true} post or a file under {@code _drafts/}). */
  public static final String DRAFT = "draft";

  private LeftOut() {}

  /** How many of the skipped posts are drafts. */
  public static int drafts(List<SkippedPost> skipped) {
    return (int) skipped.stream().filter(s -> s.reason().startsWith(DRAFT)).count();
  }

  /** {@code 13 drafts left out; --drafts includes them}, or empty when no draft was left out. */
  public static Optional<String> summary(List<SkippedPost> skipped) {
    int n = drafts(skipped);
    return n == 0
        ? Optional.empty()
        : Optional.of(n + (n == 1 ? " draft" : " drafts") + " left out; --drafts includes them");
  }
}
