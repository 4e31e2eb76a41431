package dev.gazette.util;

/** Character classes for CJK text handling. */
public final class Cjk {
  private Cjk() {}

  /**
   * True for characters of scripts written without spaces between words (Han, kana, bopomofo) and
   * for the full-width punctuation used with them.
   */
  public static boolean isCjk(int cp) {
    Character.UnicodeScript script = Scripts.of(cp);
    if (script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.BOPOMOFO) {
      return true;
    }
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || block == Character.UnicodeBlock.VERTICAL_FORMS
        || (cp >= 0x2018 && cp <= 0x201F) // curly quotes, used as Chinese quotation marks
        || cp == 0x2026
        || cp == 0x2014
        || cp == 0x00B7;
  }

  /**
   * True for what the CJK-friendly emphasis amendment to CommonMark calls a CJK character: East
   * Asian Width wide, full-width or half-width (Han, kana, Hangul, Yi, bopomofo and the full-width
   * punctuation beside them), emoji left out. Unlike {@link #isCjk}, curly quotes, the ellipsis and
   * the dash are not: their width is ambiguous, and English uses them too.
   */
  public static boolean isEastAsianWide(int cp) {
    switch (Scripts.of(cp)) {
      case HAN, HIRAGANA, KATAKANA, BOPOMOFO, HANGUL, YI, TANGUT, NUSHU, KHITAN_SMALL_SCRIPT:
        return true;
      default:
        break;
    }
    Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
    return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
        || block == Character.UnicodeBlock.VERTICAL_FORMS
        || block == Character.UnicodeBlock.SMALL_FORM_VARIANTS
        || block == Character.UnicodeBlock.HIRAGANA
        || block == Character.UnicodeBlock.KATAKANA
        || block == Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS
        || block == Character.UnicodeBlock.BOPOMOFO
        || block == Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO
        || block == Character.UnicodeBlock.KANBUN
        || block == Character.UnicodeBlock.CJK_STROKES
        || block == Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT
        || block == Character.UnicodeBlock.KANGXI_RADICALS
        || block == Character.UnicodeBlock.IDEOGRAPHIC_DESCRIPTION_CHARACTERS
        || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
        || block == Character.UnicodeBlock.CJK_COMPATIBILITY
        || block == Character.UnicodeBlock.YI_RADICALS
        || block == Character.UnicodeBlock.IDEOGRAPHIC_SYMBOLS_AND_PUNCTUATION;
  }

  /**
   * True for a letter of Chinese, Japanese or Korean: Han, kana or Hangul (no punctuation, no
   * bopomofo). What a table cell breaks between and what a text must hold to be read as CJK.
   */
  public static boolean isCjkLetter(int cp) {
    Character.UnicodeScript s = Scripts.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA
        || s == Character.UnicodeScript.HANGUL;
  }

  public static boolean isHan(int cp) {
    return Scripts.of(cp) == Character.UnicodeScript.HAN;
  }

  public static boolean isKana(int cp) {
    Character.UnicodeScript s = Scripts.of(cp);
    return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
  }
}
