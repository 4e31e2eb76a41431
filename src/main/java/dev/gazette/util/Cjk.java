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

  public static boolean isHan(int cp) {
    return Scripts.of(cp) == Character.UnicodeScript.HAN;
  }

  public static boolean isKana(int cp) {
    Character.UnicodeScript s = Scripts.of(cp);
    return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
  }
}
