package dev.gazette.typeset;

import com.ibm.icu.text.Transliterator;
import dev.gazette.util.Cjk;
import java.util.Locale;

/** Guesses the language of a text from its scripts: zh-Hans, zh-Hant, ja or en. */
public final class Languages {
  private static volatile Transliterator toSimplified;

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

  public static boolean isChinese(String lang) {
    return lang.startsWith("zh");
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
    String simplified;
    Transliterator t = simplifier();
    synchronized (t) {
      simplified = t.transliterate(han);
    }
    int changed = 0;
    for (int i = 0, j = 0; i < han.length() && j < simplified.length(); ) {
      int a = han.codePointAt(i);
      int b = simplified.codePointAt(j);
      if (a != b) {
        changed++;
      }
      i += Character.charCount(a);
      j += Character.charCount(b);
    }
    // Simplified text has almost no character that simplifies further; traditional text has many.
    return changed * 20 > han.codePointCount(0, han.length());
  }

  private static Transliterator simplifier() {
    Transliterator t = toSimplified;
    if (t == null) {
      synchronized (Languages.class) {
        t = toSimplified;
        if (t == null) {
          t = Transliterator.getInstance("Traditional-Simplified");
          toSimplified = t;
        }
      }
    }
    return t;
  }
}
