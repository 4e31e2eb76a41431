package dev.gazette.normalize;

import java.text.Normalizer;

/**
 * Reads CJK compatibility ideographs in running text as the unified ideographs they are canonically
 * equal to ({@code 敏} U+FA41 is {@code 敏} U+654F), as Unicode's normalization form C does: they
 * come from converters that keep a legacy character set's duplicates, and neither the bundled
 * Chinese faces nor a reader's search know them (divinerapier's blog: "no font can draw 敏
 * (U+FA41)", a box in the PDF). The dozen in the block that are ideographs of their own ({@code 﨎}
 * U+FA0E) have no equal and stay. Said in one line per post; code is left as written.
 */
final class CompatibilityIdeographs extends CharacterReading {
  @Override
  boolean mayStart(char c) {
    return (c >= '\uF900' && c <= '\uFAFF') || c == '\uD87E'; // U+2F800–U+2FBFF's high half
  }

  @Override
  String readAs(int cp) {
    String c = new String(Character.toChars(cp));
    return isCompatibilityIdeograph(cp) ? Normalizer.normalize(c, Normalizer.Form.NFC) : c;
  }

  @Override
  String shown(int cp) {
    return new String(Character.toChars(cp)) + String.format(" U+%04X", cp); // they look alike
  }

  @Override
  String message(int count, String pairs) {
    return count
        + (count == 1
            ? " CJK compatibility ideograph read as the unified ideograph it equals ("
            : " CJK compatibility ideographs read as the unified ideographs they equal (")
        + pairs
        + "): the fonts draw those";
  }

  /** The compatibility blocks: U+F900–U+FAFF, and the supplement U+2F800–U+2FA1F. */
  static boolean isCompatibilityIdeograph(int cp) {
    return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
