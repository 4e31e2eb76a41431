package dev.gazette.typeset;

import com.ibm.icu.text.Transliterator;
import dev.gazette.util.Cjk;
import java.util.Locale;

/** Guesses the language of a text from its scripts: zh-Hans, zh-Hant, ja or en. */
public final class Languages {
  private Languages() {}

  /** BCP 47 tag of the text's language. */
  public static String detect(String text) {
    int han = 0;
    int kana = 0;
    int hangul = 0;
    int latin = 0;
    StringBuilder hanChars = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Cjk.isHan(cp)) {
        han++;
        if (hanChars.length() < 4000) {
          hanChars.appendCodePoint(cp);
        }
      } else if (Cjk.isKana(cp)) {
        kana++;
      } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL) {
        hangul++;
      } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
        latin++;
      }
    }
    int cjk = han + kana;
    // A CJK character carries about as much as a four-letter word.
    if (cjk * 4 < latin || cjk == 0) {
      return hangul * 4 > latin ? "ko" : "en";
    }
    if (kana * 10 > cjk) {
      return "ja";
    }
    return isTraditional(hanChars.toString()) ? "zh-Hant" : "zh-Hans";
  }

  /** The tag to put in EPUB {@code dc:language} for a text language. */
  public static String publicationLanguage(String lang) {
    return switch (lang) {
      case "zh-Hans" -> "zh-CN";
      case "zh-Hant" -> "zh-TW";
      default -> lang;
    };
  }

  public static boolean isCjk(String lang) {
    return lang.startsWith("zh") || lang.startsWith("ja") || lang.startsWith("ko");
  }

  public static Locale locale(String lang) {
    return Locale.forLanguageTag(lang);
  }

  private static boolean isTraditional(String han) {
    if (han.isEmpty()) {
      return false;
    }
    int changed = 0;
    int count = 0;
    for (int i = 0; i < han.length(); ) {
      int cp = han.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      if (Simplification.changes(cp)) {
        changed++;
      }
    }
    // Simplified text has almost no character that simplifies further; traditional text has many.
    return changed * 20 > count;
  }

  /**
   * Whether ICU's Traditional-Simplified transform changes a character, remembered per code point.
   * Running the transform over every article's text was half the time of a 1,000-post EPUB build
   * (and serialized the parallel article stage on its lock); an archive uses a few thousand
   * distinct characters, so each is transformed once.
   */
  private static final class Simplification {
    private static final byte UNKNOWN = 0;
    private static final byte SAME = 1;
    private static final byte CHANGES = 2;

    /**
     * By code point up to the end of plane 3 (all Han); racy reads only cause a repeated lookup.
     */
    private static final byte[] KNOWN = new byte[0x40000];

    private static final Transliterator TO_SIMPLIFIED =
        Transliterator.getInstance("Traditional-Simplified");

    static boolean changes(int cp) {
      if (cp >= KNOWN.length) {
        return transform(cp);
      }
      byte known = KNOWN[cp];
      if (known == UNKNOWN) {
        known = transform(cp) ? CHANGES : SAME;
        KNOWN[cp] = known;
      }
      return known == CHANGES;
    }

    private static boolean transform(int cp) {
      String c = new String(Character.toChars(cp));
      synchronized (TO_SIMPLIFIED) {
        return !TO_SIMPLIFIED.transliterate(c).equals(c);
      }
    }
  }
}
