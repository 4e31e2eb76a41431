package dev.gazette.typeset;

import dev.gazette.util.Cjk;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraphs of English inside a Chinese or Japanese article: a quote from an English source, or
 * the English half of a bilingual post (Huxpro's blog has four such articles). Each gets {@code
 * lang="en"}, so a screen reader reads it with an English voice, a reading system hyphenates and
 * breaks it as English, and the PDF sets it as an English article's paragraph.
 */
public final class EnglishParagraphs {
  /** Fewer letters than this: a short line ("Codex cloud") stays as it is. */
  private static final int MIN_LETTERS = 40;

  /** At most one CJK character per this many letters: a name or a word, not Chinese text. */
  private static final int LETTERS_PER_CJK = 50;

  private static final Pattern PARAGRAPH =
      Pattern.compile("<p(\\s[^>]*)?>(.*?)</p>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>|&[#\\w]+;");

  private EnglishParagraphs() {}

  /** Whether {@code text} is English (Latin letters, almost no CJK) and long enough to tell. */
  public static boolean isEnglish(String text) {
    int latin = 0;
    int cjk = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Cjk.isEastAsianWide(cp)) {
        cjk++;
      } else if (Character.isLetter(cp)) {
        latin++;
      }
    }
    return latin >= MIN_LETTERS && (long) cjk * LETTERS_PER_CJK <= latin;
  }

  /**
   * A CJK article's body XHTML with {@code lang="en" xml:lang="en"} on each English paragraph that
   * names no language of its own; the same string when there is none.
   */
  public static String markInXhtml(String xhtml) {
    if (!hasLetters(xhtml)) {
      return xhtml;
    }
    Matcher m = PARAGRAPH.matcher(xhtml);
    StringBuilder out = null;
    int copied = 0;
    while (m.find()) {
      String attributes = m.group(1) == null ? "" : m.group(1);
      if (attributes.contains("lang=") || !isEnglish(TAG.matcher(m.group(2)).replaceAll(" "))) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(xhtml.length() + 64);
      }
      int tagEnd = m.start() + 2 + attributes.length();
      out.append(xhtml, copied, tagEnd).append(" lang=\"en\" xml:lang=\"en\"");
      copied = tagEnd;
    }
    return out == null ? xhtml : out.append(xhtml, copied, xhtml.length()).toString();
  }

  /** Enough ASCII letters for one English paragraph: most CJK articles have fewer. */
  private static boolean hasLetters(String s) {
    int letters = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        if (++letters >= MIN_LETTERS * 2) {
          return true; // tags and attributes count too, so ask for twice as many
        }
      }
    }
    return false;
  }
}
