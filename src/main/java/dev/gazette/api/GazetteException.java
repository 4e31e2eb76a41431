package dev.gazette.api;

import dev.gazette.model.PostSelection;
import dev.gazette.model.Problem;
import java.util.List;
import java.util.Optional;

/** The one exception Gazette throws; {@link #reason()} says what kind of failure it is. */
public final class GazetteException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a run failed. Each maps to one CLI exit code. */
  public enum Reason {
    /** The request itself is wrong (bad option, missing folder, unusable font). */
    INVALID_REQUEST,
    /** The selection holds no post. */
    NO_POSTS,
    /** Input problems in strict mode. */
    STRICT_PROBLEMS,
    /** Reading or writing failed. */
    IO,
    /** {@code send}: the file fails the preflight (too large for the service, not a valid EPUB). */
    UNFIT_FILE,
    /** {@code send}: the SMTP server cannot be reached (refused, unknown, timeout, TLS). */
    SMTP_CONNECT,
    /** {@code send}: the SMTP server refused the login, or wants one. */
    SMTP_LOGIN,
    /** {@code send}: the SMTP server refused the message. */
    SMTP_REFUSED
  }

  private final Reason reason;
  private final transient List<Problem> problems;
  private final transient PostSelection selection;

  public GazetteException(Reason reason, String message) {
    this(reason, message, List.of(), null);
  }

  public GazetteException(Reason reason, String message, Throwable cause) {
    this(reason, message, List.of(), cause);
  }

  public GazetteException(Reason reason, String message, List<Problem> problems, Throwable cause) {
    this(reason, message, problems, cause, null);
  }

  /** A {@link Reason#NO_POSTS} failure with the selection that left no post. */
  public GazetteException(String message, List<Problem> problems, PostSelection selection) {
    this(Reason.NO_POSTS, message, problems, null, selection);
  }

  private GazetteException(
      Reason reason,
      String message,
      List<Problem> problems,
      Throwable cause,
      PostSelection selection) {
    super(message, cause);
    this.reason = reason;
    this.problems = List.copyOf(problems);
    this.selection = selection;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * The input problems behind a {@link Reason#STRICT_PROBLEMS} failure, or why no post was left
   * ({@link Reason#NO_POSTS}).
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * For {@link Reason#NO_POSTS} from a build: what the scan found (the posts left out and the order
   * rule), so a caller can report it without scanning again.
   */
  public Optional<PostSelection> selection() {
    return Optional.ofNullable(selection);
  }
}
