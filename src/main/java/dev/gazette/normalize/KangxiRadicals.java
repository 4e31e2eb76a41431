package dev.gazette.normalize;

import java.text.Normalizer;

/**
 * Reads Kangxi radicals in running text as the characters they stand for ({@code ⼈} U+2F08 is
 * {@code 人}): text copied out of a PDF brings them, drawn alike but another character. A reader's
 * search for 人 misses them, and in the PDF one such character made every 人 of the digest extract as
 * ⼈ (the font draws both with one glyph, and the text layer names a glyph by one character: Yihui
 * Xie's blog, 9,402 of them). Said in one line per post; code is left as written.
 */
final class KangxiRadicals extends CharacterReading {
  private static final char FIRST = '\u2F00';
  private static final char LAST = '\u2FD5';

  @Override
  boolean mayStart(char c) {
    return c >= FIRST && c <= LAST;
  }

  @Override
  String readAs(int cp) {
    String c = new String(Character.toChars(cp));
    return cp >= FIRST && cp <= LAST ? Normalizer.normalize(c, Normalizer.Form.NFKC) : c;
  }

  @Override
  String message(int count, String pairs) {
    return count
        + (count == 1
            ? " Kangxi radical read as the character it stands for ("
            : " Kangxi radicals read as the characters they stand for (")
        + pairs
        + "): text copied from a PDF";
  }
}
