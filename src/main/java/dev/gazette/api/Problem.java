package dev.gazette.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with the input, reported instead of thrown: a post that was skipped, a value
 * that was ignored, an image that could not be used.
 *
 * @param severity {@link Severity#ERROR} when something was left out, {@link Severity#WARNING} when
 *     it was repaired or worked around
 * @param file the file concerned, or {@code null}
 * @param line 1-based line in {@code file}, or 0 when unknown
 * @param message what is wrong, in one sentence
 */
public record Problem(Severity severity, Path file, int line, String message) {
  /** How bad a problem is. */
  public enum Severity { WARNING, ERROR }

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Problem warning(Path file, int line, String message) {
    return new Problem(Severity.WARNING, file, line, message);
  }

  public static Problem error(Path file, int line, String message) {
    return new Problem(Severity.ERROR, file, line, message);
  }

  /** {@code file:line: severity: message}, the way compilers print it. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    sb.append(severity == Severity.ERROR ? "error: " : "warning: ").append(message);
    return sb.toString();
  }
}
