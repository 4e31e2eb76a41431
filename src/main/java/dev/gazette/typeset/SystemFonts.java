package dev.gazette.typeset;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Font stacks of faces that ship with the common systems (Windows, macOS, iOS, Android, Linux
 * desktops), Latin and CJK. The HTML edition uses them instead of embedding the digest's fonts: a
 * web page should not make its readers download 20 MB of CJK glyphs.
 */
public final class SystemFonts {
  static final String SERIF =
      "\"Iowan Old Style\", \"Palatino Linotype\", Georgia, \"Noto Serif\", \"Songti SC\","
          + " \"Noto Serif CJK SC\", \"Source Han Serif SC\", SimSun, serif";
  static final String SANS =
      "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, \"Noto Sans\","
          + " \"PingFang SC\", \"Hiragino Sans GB\", \"Microsoft YaHei\", \"Noto Sans CJK SC\","
          + " sans-serif";
  static final String MONO =
      "ui-monospace, SFMono-Regular, Menlo, Consolas, \"Liberation Mono\", \"Noto Sans Mono\","
          + " monospace";

  private static final Pattern FONT_FAMILY = Pattern.compile("(?i)(font-family\\s*:\\s*)([^;}]+)");

  private SystemFonts() {}

  /**
   * Replaces every {@code font-family} list that names a role's family ({@code "Gazette Body",
   * serif}) with the system stack of that role's kind; other lists ({@code inherit}) stay.
   *
   * @param serif whether the theme draws a role with a serif face
   */
  public static String replaceFamilies(String css, Predicate<FontRole> serif) {
    Matcher m = FONT_FAMILY.matcher(css);
    StringBuilder out = new StringBuilder(css.length() + 1024);
    while (m.find()) {
      String value = m.group(2);
      FontRole role = firstRole(value);
      if (role != null) {
        String stack =
            role == FontRole.MONO || role == FontRole.MONO_BOLD
                ? MONO
                : serif.test(role) ? SERIF : SANS;
        value = stack + (value.endsWith(" ") ? " " : "");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The role whose family comes first in a {@code font-family} list, or null. */
  private static FontRole firstRole(String value) {
    FontRole first = null;
    int at = Integer.MAX_VALUE;
    for (FontRole role : FontRole.values()) {
      int i = value.indexOf("\"" + role.cssFamily() + "\"");
      if (i >= 0 && i < at) {
        first = role;
        at = i;
      }
    }
    return first;
  }
}
