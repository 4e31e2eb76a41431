package dev.gazette.typeset;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;

/** Facts about characters that decide whether a font must draw them. */
public final class Glyphs {
  /** What the PDF draws for a character no font has: WHITE SQUARE, a visible box. */
  public static final int BOX = 0x25A1;

  private Glyphs() {}

  /**
   * Characters that draw nothing and need no glyph: format controls (ZWJ U+200D, ZWSP, LRM U+200E,
   * soft hyphen, BOM, emoji tag characters), variation selectors (VS16 U+FE0F, the ideographic ones
   * U+E0100–U+E01EF), the combining grapheme joiner, whitespace and control characters. A missing
   * one is never worth a warning.
   */
  public static boolean invisible(int cp) {
    // ICU's categories, the same on every JDK (JDK 17 knows no format character after Unicode 13).
    return UCharacter.getType(cp) == UCharacterCategory.FORMAT
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0xE0000 && cp <= 0xE007F)
        || cp == 0x034F
        || cp == 0x180E
        || Character.isWhitespace(cp)
        || Character.isSpaceChar(cp)
        || Character.isISOControl(cp);
  }
}
