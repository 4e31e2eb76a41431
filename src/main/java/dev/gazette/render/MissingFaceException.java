package dev.gazette.render;

/**
 * A stylesheet asks for a font family the digest has no face for (a {@code --css} rule naming a
 * family that is neither the theme's nor a generic one): the PDF cannot draw that text. The message
 * says which family and what to name instead.
 */
public final class MissingFaceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingFaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
