package dev.gazette.typeset;

import dev.gazette.util.Cjk;

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
   * names no language of its own; the same string when there is none. One pass over the text, no
   * copies: it runs on every CJK article of both outputs.
   */
  public static String markInXhtml(String xhtml) {
    StringBuilder out = null;
    int copied = 0;
    int at = 0;
    while ((at = xhtml.indexOf("<p", at)) >= 0) {
      int tagEnd = xhtml.indexOf('>', at);
      if (tagEnd < 0) {
        break;
      }
      char next = xhtml.charAt(at + 2);
      int close = xhtml.indexOf("</p>", tagEnd);
      if ((next != '>' && next != ' ') || xhtml.charAt(tagEnd - 1) == '/' || close < 0) {
        at += 2;
        continue;
      }
      if (!hasLang(xhtml, at, tagEnd) && isEnglishMarkup(xhtml, tagEnd + 1, close)) {
        if (out == null) {
          out = new StringBuilder(xhtml.length() + 64);
        }
        out.append(xhtml, copied, tagEnd).append(" lang=\"en\" xml:lang=\"en\"");
        copied = tagEnd;
      }
      at = close + 4;
    }
    return out == null ? xhtml : out.append(xhtml, copied, xhtml.length()).toString();
  }

  /** Whether the tag in {@code xhtml[from, to)} names a language. */
  private static boolean hasLang(String xhtml, int from, int to) {
    for (int i = from; i + 5 <= to; i++) {
      if (xhtml.startsWith("lang=", i)) {
        return true;
      }
    }
    return false;
  }

  /** {@link #isEnglish} of the text in {@code xhtml[from, to)}, its tags and entities skipped. */
  private static boolean isEnglishMarkup(String xhtml, int from, int to) {
    int latin = 0;
    int cjk = 0;
    for (int i = from; i < to; ) {
      char c = xhtml.charAt(i);
      if (c == '<') {
        int end = xhtml.indexOf('>', i);
        i = end < 0 ? to : end + 1;
        continue;
      }
      if (c == '&') {
        int end = xhtml.indexOf(';', i);
        i = end < 0 || end > i + 10 ? i + 1 : end + 1;
        continue;
      }
      int cp = xhtml.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
          latin++;
        }
      } else if (Cjk.isEastAsianWide(cp)) {
        cjk++;
      } else if (Character.isLetter(cp)) {
        latin++;
      }
    }
    return latin >= MIN_LETTERS && (long) cjk * LETTERS_PER_CJK <= latin;
  }
}
