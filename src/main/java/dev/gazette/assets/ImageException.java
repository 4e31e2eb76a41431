package dev.gazette.assets;

/**
 * An image could not be obtained or used; the message is the reason, short enough for a warning.
 */
public final class ImageException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageException(String reason) {
    super(reason);
  }

  public ImageException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
