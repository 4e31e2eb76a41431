package dev.gazette.typeset;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;

/**
 * Simplifies emoji sequences for a renderer that draws one glyph per code point and composes
 * nothing (OpenHTMLtoPDF with PDFBox: no ligatures from GSUB, so neither ZWJ sequences nor
 * modifiers combine). What is kept is what such a renderer can show faithfully:
 *
 * <ul>
 *   <li>variation selectors (VS16 U+FE0F, VS15, the ideographic U+E0100–U+E01EF) go: they draw
 *       nothing, and a renderer that finds no glyph for them prints a replacement {@code #};
 *   <li>a skin-tone modifier (U+1F3FB–U+1F3FF) after a character goes, leaving the base emoji (👍🏽
 *       → 👍); alone, it stays (it is a colour swatch then);
 *   <li>a zero width joiner after a symbol goes, leaving each part of the sequence side by side
 *       (👨‍💻 → 👨💻, 🏳️‍🌈 → 🏳🌈); a joiner in a script that uses it for shaping stays;
 *   <li>emoji tag characters (U+E0020–U+E007F, subdivision flags such as England's) go, leaving the
 *       black flag;
 *   <li>a keycap (digit, {@code #} or {@code *}, VS16, U+20E3) becomes the circled digit (1️⃣ → ①,
 *       0️⃣ → ⓪) or the bare {@code #}/{@code *}: drawn apart, the keycap frame would stand after
 *       the digit as an empty box;
 *   <li>flags (regional indicator pairs, 🇵🇱) are kept: the emoji face draws each regional
 *       indicator as its letter.
 * </ul>
 *
 * The EPUB keeps the sequences: readers compose them with their own colour fonts.
 */
public final class EmojiSequences {
  private EmojiSequences() {}

  public static String simplify(String text) {
    if (!mayNeedSimplifying(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int previous = -1; // last code point kept
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isVariationSelector(cp) || (cp >= 0xE0020 && cp <= 0xE007F)) {
        continue;
      }
      if (cp >= 0x1F3FB && cp <= 0x1F3FF && previous >= 0 && !Character.isWhitespace(previous)) {
        continue;
      }
      if (cp == 0x200D && previous >= 0 && isSymbol(previous)) {
        continue;
      }
      if (cp == 0x20E3 && (previous == '#' || previous == '*' || isAsciiDigit(previous))) {
        if (isAsciiDigit(previous)) {
          int circled = previous == '0' ? 0x24EA : 0x2460 + (previous - '1');
          out.setLength(out.length() - 1);
          out.appendCodePoint(circled);
          previous = circled;
        }
        continue;
      }
      out.appendCodePoint(cp);
      previous = cp;
    }
    return out.toString();
  }

  private static boolean mayNeedSimplifying(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u200D'
          || c == '\u20E3'
          || (c >= '\uFE00' && c <= '\uFE0F')
          || Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiDigit(int cp) {
    return cp >= '0' && cp <= '9';
  }

  private static boolean isVariationSelector(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
  }

  private static boolean isSymbol(int cp) {
    // ICU's categories: the JDK's are as old as its Unicode (JDK 17's know no Emoji 14).
    int type = UCharacter.getType(cp);
    return type == UCharacterCategory.OTHER_SYMBOL
        || type == UCharacterCategory.MATH_SYMBOL
        // Emoji newer than ICU's Unicode are still unassigned to it.
        || (type == UCharacterCategory.UNASSIGNED && cp >= 0x1F000 && cp <= 0x1FAFF)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }
}
