package dev.gazette.assets;

import dev.gazette.typeset.FontRole;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Puts one of the digest's font roles first in every {@code font-family} of an SVG, so the PDF
 * draws the drawing's labels with the bundled faces and their fallbacks instead of whatever fonts
 * the JVM finds (or none: a Chinese label drawn in a JVM font without CJK is a row of boxes). The
 * author's families stay after it, for readers that show the SVG with their own fonts (an EPUB
 * shows it as a picture, which cannot use the book's fonts).
 *
 * <p>A monospace family becomes {@code 'Gazette Mono'}, a serif one {@code 'Gazette Body'}, any
 * other {@code 'Gazette Accent'} (the sans face of captions, like most chart labels); the root
 * element gets {@code 'Gazette Accent'} when it names none, for text that sets no family. Single
 * quotes, so the value sits in an attribute unescaped; a value that already starts with a Gazette
 * family is left alone (sanitizing twice changes nothing).
 */
final class SvgFontFamilies {
  private static final Pattern DECLARATION =
      Pattern.compile("(?i)(font-family\\s*:\\s*)([^;}\"]*(?:\"[^\"]*\"[^;}\"]*)*)");
  private static final Pattern MONO =
      Pattern.compile("(?i)mono|courier|consolas|menlo|monaco|inconsolata|fixed");
  private static final Pattern SERIF =
      Pattern.compile("(?i)(?<!sans-)serif|times|georgia|garamond|song|ming|宋|明|仿宋|楷|kai");

  private SvgFontFamilies() {}

  static void apply(Element svg) {
    for (Element el : svg.getAllElements()) {
      if (el.hasAttr("font-family")) {
        el.attr("font-family", withRole(el.attr("font-family")));
      }
      if (el.hasAttr("style")) {
        el.attr("style", inDeclarations(el.attr("style")));
      }
      if (el.normalName().endsWith("style")) {
        for (DataNode d : el.dataNodes()) {
          d.setWholeData(inDeclarations(d.getWholeData()));
        }
        for (TextNode t : el.textNodes()) {
          t.text(inDeclarations(t.getWholeText()));
        }
      }
    }
    if (!svg.hasAttr("font-family")) {
      svg.attr("font-family", quoted(FontRole.ACCENT) + ", sans-serif");
    }
  }

  private static String inDeclarations(String css) {
    Matcher m = DECLARATION.matcher(css);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + withRole(m.group(2))));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** {@code Helvetica, Arial} -> {@code 'Gazette Accent', Helvetica, Arial}. */
  static String withRole(String families) {
    String value = families.strip();
    String bare = value.replace("\"", "").replace("'", "");
    if (bare.startsWith("Gazette ") || value.isEmpty() || bare.equalsIgnoreCase("inherit")) {
      return value;
    }
    String first = bare.split(",")[0].toLowerCase(Locale.ROOT);
    FontRole role =
        MONO.matcher(first).find()
            ? FontRole.MONO
            : SERIF.matcher(first).find() ? FontRole.BODY : FontRole.ACCENT;
    return quoted(role) + ", " + value;
  }

  private static String quoted(FontRole role) {
    return "'" + role.cssFamily() + "'";
  }
}
