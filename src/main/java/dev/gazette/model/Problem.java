package dev.gazette.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with the input, reported instead of thrown: a post that was skipped, a value that
 * was ignored, an image that could not be used.
 *
 * @param severity {@link Severity#ERROR} when something was left out, {@link Severity#WARNING} when
 *     it was repaired or worked around
 * @param file the file concerned, or {@code null}
 * @param line 1-based line in {@code file}, or 0 when unknown
 * @param message what is wrong, in one sentence
 */
public record Problem(Severity severity, Path file, int line, String message) {
  /** How bad a problem is. */
  public enum Severity {
    WARNING,
    ERROR
  }

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

  /**
   * {@code file:line: severity: message}, the way compilers print it, on one line: control
   * characters in a file name or message (a post named {@code "a.md\nerror: …"}) are shown as
   * escapes, so input can never forge a line of Gazette's output.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(oneLine(file.toString()));
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    sb.append(severity == Severity.ERROR ? "error: " : "warning: ").append(oneLine(message));
    return sb.toString();
  }

  private static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c == '\n') {
                sb.append("\\n");
              } else if (c == '\r') {
                sb.append("\\r");
              } else if (c == '\t') {
                sb.append("\\t");
              } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x202E) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }
}
