package dev.gazette.api;

import dev.gazette.model.Format;
import dev.gazette.model.Post;

/**
 * Hears how a build is going, e.g. to show progress. Every method has an empty default; methods may
 * be called from several threads at once (articles are made in parallel), so implementations must
 * be thread-safe. A listener must not throw.
 */
public interface GazetteListener {
  /** A listener that ignores everything. */
  GazetteListener NONE = new GazetteListener() {};

  /** The source was scanned and front matter read: {@code selected} posts will be converted. */
  default void postsRead(int selected) {}

  /** One more post was converted (or skipped); {@code done} of {@code total}. */
  default void articleMade(Post post, int done, int total) {}

  /** Rendering of one output format starts. */
  default void renderingStarted(Format format) {}

  /** One output file was written. */
  default void outputWritten(OutputFile output) {}
}
