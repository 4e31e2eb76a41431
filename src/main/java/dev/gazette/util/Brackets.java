package dev.gazette.util;

/** Brackets in markup text, where a backslash escapes the character after it. */
public final class Brackets {
  private Brackets() {}

  /**
   * The index of the bracket that closes the one at {@code open} ({@code (}, {@code [} or {@code
   * {}), pairs nested inside it skipped and escaped brackets not counted; -1 when none closes it.
   */
  public static int closing(CharSequence text, int open) {
    char opening = text.charAt(open);
    char closing =
        switch (opening) {
          case '(' -> ')';
          case '[' -> ']';
          case '{' -> '}';
          default -> throw new IllegalArgumentException("not a bracket: " + opening);
        };
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == opening) {
        depth++;
      } else if (c == closing && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
