package dev.gazette.source;

/** A post that cannot be read; {@link #line()} is 1-based, 0 when the whole file is at fault. */
public final class PostFormatException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int line;

  public PostFormatException(int line, String message) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
