package dev.gazette.util;

/**
 * {@link Character.UnicodeScript#of}, remembered per code point of the BMP: the JDK searches its
 * script ranges for every call, and language detection and CJK line joining ask for every character
 * of every article (the search was ~3% of a 1,000-post EPUB's samples). Filled on first use of each
 * code point (a full table took ~50 ms to build on a cold JVM); threads racing on an entry write
 * the same byte.
 */
public final class Scripts {
  private static final Character.UnicodeScript[] ALL = Character.UnicodeScript.values();

  /** Ordinal + 1 of each BMP code point's script; 0 until first asked. */
  private static final byte[] BMP = new byte[0x10000];

  static {
    if (ALL.length > 255) {
      throw new ExceptionInInitializerError("more scripts than a byte holds: " + ALL.length);
    }
  }

  private Scripts() {}

  public static Character.UnicodeScript of(int cp) {
    if (cp < 0 || cp >= BMP.length) {
      return Character.UnicodeScript.of(cp);
    }
    int known = BMP[cp] & 0xFF;
    if (known == 0) {
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      BMP[cp] = (byte) (script.ordinal() + 1);
      return script;
    }
    return ALL[known - 1];
  }
}
