package dev.gazette.util;

import com.ibm.icu.lang.UScript;

/**
 * Each code point's script as ICU reads it, named by the JDK's {@link Character.UnicodeScript}
 * (UNKNOWN for a script the running JDK has no name for). ICU's data, not the JDK's: JDK 17 knows
 * Unicode 13, so a CJK Extension H ideograph was no Han character to it, and language detection and
 * CJK line joining read a post differently on JDK 17 and 25. Remembered per code point of the BMP:
 * language detection and CJK line joining ask for every character of every article (the JDK's
 * search of its script ranges was ~3% of a 1,000-post EPUB's samples). Filled on first use of each
 * code point (a full table took ~50 ms to build on a cold JVM); threads racing on an entry write
 * the same byte.
 */
public final class Scripts {
  private static final Character.UnicodeScript[] ALL = Character.UnicodeScript.values();

  /** The JDK's name of each ICU script code. */
  private static final Character.UnicodeScript[] BY_ICU_CODE =
      new Character.UnicodeScript[UScript.CODE_LIMIT];

  /** Ordinal + 1 of each BMP code point's script; 0 until first asked. */
  private static final byte[] BMP = new byte[0x10000];

  static {
    if (ALL.length > 255) {
      throw new ExceptionInInitializerError("more scripts than a byte holds: " + ALL.length);
    }
    for (int code = 0; code < BY_ICU_CODE.length; code++) {
      Character.UnicodeScript script = Character.UnicodeScript.UNKNOWN;
      try {
        script = Character.UnicodeScript.forName(UScript.getShortName(code));
      } catch (IllegalArgumentException e) {
        // a script this JDK has no name for
      }
      BY_ICU_CODE[code] = script;
    }
  }

  private Scripts() {}

  /**
   * The script of {@code cp}.
   *
   * @throws IllegalArgumentException if {@code cp} is no code point, as {@link
   *     Character.UnicodeScript#of} does
   */
  public static Character.UnicodeScript of(int cp) {
    if (cp < 0 || cp >= BMP.length) {
      return fromIcu(cp);
    }
    int known = BMP[cp] & 0xFF;
    if (known == 0) {
      Character.UnicodeScript script = fromIcu(cp);
      BMP[cp] = (byte) (script.ordinal() + 1);
      return script;
    }
    return ALL[known - 1];
  }

  static Character.UnicodeScript fromIcu(int cp) {
    if (!Character.isValidCodePoint(cp)) {
      throw new IllegalArgumentException("not a code point: " + cp);
    }
    int code = UScript.getScript(cp);
    return code >= 0 && code < BY_ICU_CODE.length
        ? BY_ICU_CODE[code]
        : Character.UnicodeScript.UNKNOWN;
  }
}
