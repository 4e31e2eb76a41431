package dev.gazette.util;

import java.nio.charset.StandardCharsets;

/** Relative links to files Gazette wrote, safe for any file name (spaces, CJK, {@code #}). */
public final class Hrefs {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Hrefs() {}

  /**
   * One path segment, percent-encoded: every byte but RFC 3986's unreserved characters, so {@code
   * 周报 #3.epub} becomes {@code %E5%91%A8%E6%8A%A5%20%233.epub}.
   */
  public static String segment(String name) {
    StringBuilder sb = new StringBuilder(name.length() + 16);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return sb.toString();
  }
}
