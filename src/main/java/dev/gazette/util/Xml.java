package dev.gazette.util;

/** Escaping for text and attribute values in XML/XHTML written by hand. */
public final class Xml {
  private Xml() {}

  /** Escapes {@code &}, {@code <}, {@code >} and {@code "}, and drops characters XML forbids. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> {
          if (isXmlChar(cp)) {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    return sb.toString();
  }

  /** True for characters allowed in XML 1.0 documents. */
  public static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
