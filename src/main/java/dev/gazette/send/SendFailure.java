package dev.gazette.send;

/** Why a message did not reach the SMTP server, in one line that never holds the password. */
public final class SendFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** No connection: refused, unknown host, timeout, TLS failed or not offered. */
    CONNECT,
    /** The server refused the login, or wants one and none was given. */
    LOGIN,
    /** The server refused the message or a recipient. */
    REFUSED
  }

  private final Kind kind;

  public SendFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
