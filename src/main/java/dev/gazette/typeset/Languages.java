package dev.gazette.typeset;

import dev.gazette.util.Scripts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
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
    // The traditional test reads the first 4,000 UTF-16 units of Han characters, counted here
    // rather than copied out and read again.
    int hanUnits = 0;
    int hanRead = 0;
    int hanChanged = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int units = Character.charCount(cp);
      i += units;
      Character.UnicodeScript script = Scripts.of(cp); // once per character: isHan, isKana in one
      if (script == Character.UnicodeScript.HAN) {
        han++;
        if (hanUnits < 4000) {
          hanUnits += units;
          hanRead++;
          if (Simplification.changes(cp)) {
            hanChanged++;
          }
        }
      } else if (script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA) {
        kana++;
      } else if (script == Character.UnicodeScript.HANGUL) {
        hangul++;
      } else if (script == Character.UnicodeScript.LATIN) {
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
    return isTraditional(hanRead, hanChanged) ? "zh-Hant" : "zh-Hans";
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

  private static boolean isTraditional(int count, int changed) {
    // Simplified text has almost no character that simplifies further; traditional text has many.
    return count > 0 && changed * 20 > count;
  }

  /**
   * Whether ICU's Traditional-Simplified transform changes a Han character, read from a table made
   * from that transform ({@code traditional-han.txt}, checked against ICU and rewritten by
   * TraditionalHanTableTest). Building the transform took about 0.5 s on every run with Chinese
   * text, a sixth of a one-post build; the table loads in a few milliseconds.
   */
  static final class Simplification {
    static final String RESOURCE = "traditional-han.txt";
    private static final BitSet CHANGES = load();

    private Simplification() {}

    static boolean changes(int cp) {
      return CHANGES.get(cp);
    }

    private static BitSet load() {
      BitSet set = new BitSet(0x40000);
      try (InputStream in = Languages.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int dash = line.indexOf('-');
          int first = Integer.parseInt(dash < 0 ? line.strip() : line.substring(0, dash), 16);
          int last = dash < 0 ? first : Integer.parseInt(line.substring(dash + 1).strip(), 16);
          set.set(first, last + 1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return set;
    }
  }
}
