package dev.gazette.util;

/** Which way a character is written, by its Unicode bidirectional class. */
public final class TextDirection {
  private TextDirection() {}

  /** Whether {@code cp} is a letter written right to left: Hebrew (R) or Arabic (AL). */
  public static boolean rightToLeft(int cp) {
    byte d = Character.getDirectionality(cp);
    return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
  }

  /** Whether {@code cp} is a letter written left to right (L). */
  public static boolean leftToRight(int cp) {
    return Character.getDirectionality(cp) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
  }
}
