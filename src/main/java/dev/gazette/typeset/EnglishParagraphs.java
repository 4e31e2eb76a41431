package dev.gazette.typeset;

import dev.gazette.util.Cjk;

/**
 * Paragraphs of English inside a Chinese or Japanese article: a quote from an English source, or
 * the English half of a bilingual post (Huxpro's blog has four such articles). Each gets {@code
 * lang="en"}, so a screen reader reads it with an English voice, a reading system hyphenates and
 * breaks it as English, and both outputs draw it in the Latin face ({@link Theme}); the PDF sets it
 * as an English article's paragraph ({@code LatinRuns}, {@code pdf.css}).
 */
public final class EnglishParagraphs {
  /** The class of an English paragraph: the Latin face first, and in the PDF, English setting. */
  public static final String CLASS = "latin-block";

  /** Fewer letters than this: a short line ("Codex cloud") stays as it is. */
  private static final int MIN_LETTERS = 40;

  /** At most one CJK character per this many letters: a name or a word, not Chinese text. */
  private static final int LETTERS_PER_CJK = 50;

  private EnglishParagraphs() {}

  /**
   * A CJK article's body XHTML with {@code class="latin-block" lang="en" xml:lang="en"} on each
   * English paragraph that names no language of its own; the same string when there is none. The
   * class, not the language, is what the stylesheets select: a {@code p[lang="en"]} rule also took
   * the article's date line, marked English in an English digest, out of its own face. One pass
   * over the text, no copies: it runs on every CJK article of both outputs.
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
      if (indexIn(xhtml, "lang=", at, tagEnd) < 0 && isEnglishMarkup(xhtml, tagEnd + 1, close)) {
        if (out == null) {
          out = new StringBuilder(xhtml.length() + 64);
        }
        int classValue = indexIn(xhtml, "class=\"", at, tagEnd);
        if (classValue < 0) {
          out.append(xhtml, copied, tagEnd).append(" class=\"").append(CLASS).append('"');
        } else {
          classValue += "class=\"".length();
          out.append(xhtml, copied, classValue).append(CLASS).append(' ');
          out.append(xhtml, classValue, tagEnd);
        }
        out.append(" lang=\"en\" xml:lang=\"en\"");
        copied = tagEnd;
      }
      at = close + 4;
    }
    return out == null ? xhtml : out.append(xhtml, copied, xhtml.length()).toString();
  }

  /** Where {@code needle} starts in {@code xhtml[from, to)} (a tag), or -1. */
  private static int indexIn(String xhtml, String needle, int from, int to) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (xhtml.startsWith(needle, i)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether the text in {@code xhtml[from, to)} (its tags and entities skipped) is English: Latin
   * letters, almost no CJK, long enough to tell.
   */
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
