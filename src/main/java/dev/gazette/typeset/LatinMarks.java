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
 * <p>English context, read in the mark's own text (a text node, or the text between two tags): an
 * apostrophe between two letters of a non-CJK script ({@code don’t}, {@code Ελλάδα’s}) or before
 * one after a space ({@code ’90s}); a quote whose words have no CJK and whose surroundings are not
 * CJK, one side at least being there to see ({@code He said “no.”}). {@code 他说“好的”}, {@code “Hello
 * World”这样} and a link's whole text {@code <a>“Pwned”</a>} keep their marks wide, both marks of a
 * pair alike.
 */
public final class LatinMarks {
  public static final String CLASS = "latin-mark";

  /** Elements whose text keeps its marks: code is set in the mono face, which is Latin already. */
  private static final Set<String> SKIPPED =
      Set.of("code", "pre", "kbd", "samp", "script", "style", "svg", "math", "title");

  private LatinMarks() {}

  /** Whether {@code c} is one of the four marks this is about. */
  public static boolean isMark(char c) {
    return c >= '‘' && c <= '”' && c != '‚' && c != '‛';
  }

  /**
   * Whether the mark at {@code i} of {@code s} stands in English text; the text runs from {@code
   * from} to {@code to} (what lies beyond is another element's, and unknown: a quote whose other
   * mark or whose surroundings lie there is left as it is, so both marks of a pair agree).
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
        if (latin(after) && before == ' ') {
          return known(visible(s, i, from, to, -1)); // ’90s, rock ’n’ roll: letters left out
        }
        int open = opening(s, i, '‘', from);
        if (open >= 0) {
          return pairIsLatin(s, open, i, from, to);
        }
        // games’ rules: a possessive, or a quote opened in another element's text
        return latin(before) && known(visible(s, i, from, to, +1));
      }
      case '”' -> {
        int open = opening(s, i, '“', from);
        return open >= 0 && pairIsLatin(s, open, i, from, to);
      }
      case '‘', '“' -> {
        int close = closing(s, i, to);
        return close >= 0 && pairIsLatin(s, i, close, from, to);
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * A quote is English when what it holds has letters and no CJK, and what stands around it is not
   * CJK, one side at least known: {@code he said “no.”}, not {@code 推荐“Pwned”网站} nor a link's whole
   * text {@code <a>“Pwned”</a>}, whose surroundings are another element's.
   */
  private static boolean pairIsLatin(CharSequence s, int open, int close, int from, int to) {
    boolean letters = false;
    for (int j = open + 1; j < close; j++) {
      char c = s.charAt(j);
      if (cjk(c)) {
        return false;
      }
      letters |= latin(c);
    }
    char outBefore = visible(s, open, from, to, -1);
    char outAfter = visible(s, close, from, to, +1);
    return letters && !cjk(outBefore) && !cjk(outAfter) && (outBefore != 0 || outAfter != 0);
  }

  /** The closing mark of the quote the mark at {@code i} opens, or -1; apostrophes skipped. */
  private static int closing(CharSequence s, int i, int to) {
    char close = s.charAt(i) == '“' ? '”' : '’';
    for (int j = i + 1; j < to; j++) {
      boolean apostrophe = j + 1 < to && latin(s.charAt(j - 1)) && latin(s.charAt(j + 1));
      if (s.charAt(j) == close && !(close == '’' && apostrophe)) {
        return j;
      }
    }
    return -1;
  }

  /** The nearest {@code open} mark before {@code i}, or -1. */
  private static int opening(CharSequence s, int i, char open, int from) {
    for (int j = i - 1; j >= from; j--) {
      if (s.charAt(j) == open) {
        return j;
      }
    }
    return -1;
  }

  /** A visible character that is there and not CJK. */
  private static boolean known(char c) {
    return c != 0 && !cjk(c);
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
