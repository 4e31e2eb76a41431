package dev.gazette.source;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a front-matter title written with inline HTML ({@code My Review of <cite>Real
 * Essentialism</cite>}) as its text, the way a Jekyll or Eleventy page shows it; a title that only
 * names a tag ({@code <Suspense>}, {@code Common components (e.g. <div>)}) is left as written.
 */
final class TitleMarkup {
  /** A start or end tag; attributes bounded and free of angle brackets, so a scan stays linear. */
  private static final Pattern TAG =
      Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]{0,20})(\\s[^<>]{0,500})?/?>");

  /** Elements a title's text can hold; a title naming any other tag is text about that tag. */
  private static final Set<String> PHRASING =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i",
          "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
          "u", "var", "wbr");

  private TitleMarkup() {}

  /**
   * The title's text when it is written in inline HTML, else the title unchanged. It is HTML when
   * every tag is a phrasing element and one of them shows it is markup: an end tag closing an
   * element opened before it, a start tag with attributes, or a {@code <br>} between two words (a
   * theme's "个人主页<br>
   * 正式开源"). "The {@code <code>} element" stays as written.
   */
  static String text(String title) {
    if (title.indexOf('<') < 0) {
      return title;
    }
    Matcher m = TAG.matcher(title);
    Set<String> opened = new HashSet<>();
    boolean markup = false;
    while (m.find()) {
      String name = m.group(2).toLowerCase(Locale.ROOT);
      if (!PHRASING.contains(name) || !m.group(2).equals(name) && !isUpper(m.group(2))) {
        return title;
      }
      if (m.group(1).isEmpty()) {
        opened.add(name);
        markup |= m.group(3) != null && !m.group(3).isBlank();
        markup |= name.equals("br") && between(title, m.start(), m.end());
      } else {
        markup |= opened.contains(name);
      }
    }
    if (!markup) {
      return title;
    }
    Document doc = Jsoup.parseBodyFragment(title);
    doc.select("br").after(" ");
    String text = doc.body().text().strip();
    return text.isEmpty() ? title : text;
  }

  private static boolean isUpper(String name) {
    return name.equals(name.toUpperCase(Locale.ROOT));
  }

  /** Whether a tag at [start, end) has a letter or a mark glued to it on both sides. */
  private static boolean between(String s, int start, int end) {
    return start > 0
        && end < s.length()
        && !Character.isWhitespace(s.codePointBefore(start))
        && !Character.isWhitespace(s.codePointAt(end));
  }
}
