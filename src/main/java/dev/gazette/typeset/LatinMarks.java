package dev.gazette.typeset;

import dev.gazette.util.Cjk;
import java.util.Set;

/**
 * Curly quotes and apostrophes of English text inside a CJK article, drawn with the Latin face.
 *
 * <p>{@code ‘ ’ “ ”} serve Chinese and Japanese as quotation marks, and the CJK faces draw them a
 * full em wide, as those languages want. The same characters in English are an apostrophe or a
 * quotation mark as wide as a letter: set from the CJK face, {@code wouldn’t} and {@code What’s} in
 * an English quote of a Chinese or Japanese post read {@code wouldn’ t} and {@code What’ s}. A mark
 * in English context goes into a {@code span.latin-mark}, which the stylesheets give the Latin face
 * of its role first ({@link Theme}); marks beside CJK text stay as they are.
 *
 * <p>English context, looking at the characters beside the mark in its text: an apostrophe or
 * closing mark follows a letter or digit of a non-CJK script (or sentence punctuation, for {@code
 * ”}), an opening mark comes before one, and the nearest visible character on the other side is not
 * CJK. {@code 他说“Hello”。} keeps both marks wide; {@code He said “no.”} and {@code don’t} get the
 * Latin ones.
 */
public final class LatinMarks {
  public static final String CLASS = "latin-mark";

  private static final String MARKS = "‘’“”";

  /** Elements whose text keeps its marks: code is set in the mono face, which is Latin already. */
  private static final Set<String> SKIPPED =
      Set.of("code", "pre", "kbd", "samp", "script", "style", "svg", "math", "title");

  private LatinMarks() {}

  /** Whether {@code c} is one of the four marks this is about. */
  public static boolean isMark(char c) {
    return MARKS.indexOf(c) >= 0;
  }

  /**
   * Whether the mark at {@code i} of {@code s} stands in English text; the text runs from {@code
   * from} to {@code to} (what lies beyond is another element's, and unknown).
   */
  public static boolean isLatin(CharSequence s, int i, int from, int to) {
    char c = s.charAt(i);
    char before = i > from ? s.charAt(i - 1) : 0;
    char after = i + 1 < to ? s.charAt(i + 1) : 0;
    switch (c) {
      case '’' -> {
        if (latin(before) && latin(after)) {
          return true; // an apostrophe: don’t
        }
        // ’90s, rock ’n’ roll, ’em: a word that lost its first letters
        if (latin(after) && before == ' ') {
          return !cjk(visible(s, i, from, to, -1));
        }
        boolean closing = latin(before) || before == '.' || before == ',' || before == '!';
        return closing && !cjk(visible(s, i, from, to, +1)) && openedInLatin(s, i, '‘', from);
      }
      case '”' -> {
        boolean closing = latin(before) || (before != 0 && ".,!?;:)’".indexOf(before) >= 0);
        return closing && !cjk(visible(s, i, from, to, +1)) && openedInLatin(s, i, '“', from);
      }
      case '‘', '“' -> {
        boolean opening = latin(after) || (c == '“' && after == '‘');
        return opening && !cjk(visible(s, i, from, to, -1)) && closedInLatin(s, i, from, to);
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Whether the quote the opening mark at {@code i} begins ends in English context too: {@code
   * ‘OK’是} keeps both marks wide, not one of each. A quote that does not end in this text counts.
   */
  private static boolean closedInLatin(CharSequence s, int i, int from, int to) {
    char close = s.charAt(i) == '“' ? '”' : '’';
    for (int j = i + 1; j < to; j++) {
      boolean apostrophe = j + 1 < to && latin(s.charAt(j - 1)) && latin(s.charAt(j + 1));
      if (s.charAt(j) == close && !(close == '’' && apostrophe)) {
        return !cjk(visible(s, j, from, to, +1));
      }
    }
    return true;
  }

  /** As {@link #closedInLatin}, from the closing mark at {@code i} back to its opening one. */
  private static boolean openedInLatin(CharSequence s, int i, char open, int from) {
    for (int j = i - 1; j >= from; j--) {
      if (s.charAt(j) == open) {
        return !cjk(visible(s, j, from, s.length(), -1));
      }
    }
    return true;
  }

  /**
   * The article XHTML with each mark in English context wrapped in a {@code span.latin-mark}; the
   * same string when it has none. Text in tags, attribute values, code and the like is left alone.
   */
  public static String wrapInXhtml(String xhtml) {
    if (!hasCandidate(xhtml)) {
      return xhtml;
    }
    StringBuilder out = null;
    int copied = 0;
    int skipped = 0;
    int textFrom = 0;
    int n = xhtml.length();
    int i = 0;
    while (i < n) {
      char c = xhtml.charAt(i);
      if (c == '<') {
        int end = tagEnd(xhtml, i);
        String name = tagName(xhtml, i);
        if (SKIPPED.contains(name)) {
          boolean closing = xhtml.charAt(i + 1) == '/';
          boolean selfClosing = xhtml.charAt(end - 1) == '/';
          if (closing) {
            skipped = Math.max(0, skipped - 1);
          } else if (!selfClosing) {
            skipped++;
          }
        }
        i = end + 1;
        textFrom = i;
        continue;
      }
      if (skipped == 0 && isMark(c)) {
        int textTo = xhtml.indexOf('<', i);
        if (isLatin(xhtml, i, textFrom, textTo < 0 ? n : textTo)) {
          if (out == null) {
            out = new StringBuilder(n + 64);
          }
          out.append(xhtml, copied, i)
              .append("<span class=\"")
              .append(CLASS)
              .append("\">")
              .append(c)
              .append("</span>");
          copied = i + 1;
        }
      }
      i++;
    }
    if (out == null) {
      return xhtml;
    }
    return out.append(xhtml, copied, n).toString();
  }

  /** A mark beside a letter or digit: a cheap test before the scan. */
  private static boolean hasCandidate(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isMark(s.charAt(i))
          && ((i > 0 && latin(s.charAt(i - 1)))
              || (i + 1 < s.length() && latin(s.charAt(i + 1))))) {
        return true;
      }
    }
    return false;
  }

  /** The '>' that ends the tag starting at {@code at}, past quoted attribute values. */
  private static int tagEnd(String s, int at) {
    char quote = 0;
    for (int i = at + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    return s.length() - 1;
  }

  private static String tagName(String s, int at) {
    int i = at + 1;
    if (i < s.length() && s.charAt(i) == '/') {
      i++;
    }
    int start = i;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == ':')) {
      i++;
    }
    return s.substring(start, i).toLowerCase(java.util.Locale.ROOT);
  }

  /** The nearest character that is not a space, {@code step} = -1 before, +1 after; 0 if none. */
  private static char visible(CharSequence s, int i, int from, int to, int step) {
    for (int j = i + step; j >= from && j < to; j += step) {
      char c = s.charAt(j);
      if (!Character.isWhitespace(c) && c != '\u00A0') {
        return c;
      }
    }
    return 0;
  }

  /** A letter or digit of a script that is not CJK (Latin, Greek, Cyrillic, …). */
  private static boolean latin(char c) {
    return c != 0 && Character.isLetterOrDigit(c) && !Cjk.isEastAsianWide(c);
  }

  /**
   * CJK text: wide characters (Han, kana, Hangul, full-width punctuation). The marks themselves,
   * the dash and the ellipsis serve both languages and decide nothing.
   */
  private static boolean cjk(char c) {
    return c != 0 && Cjk.isEastAsianWide(c);
  }
}
