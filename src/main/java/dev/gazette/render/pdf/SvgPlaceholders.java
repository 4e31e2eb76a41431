package dev.gazette.render.pdf;

import dev.gazette.typeset.Languages;
import dev.gazette.util.Xml;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an SVG picture cannot be drawn in the PDF (Batik refused it, see {@link SvgCheck}), the PDF
 * shows a short note pointing to the EPUB, which keeps the drawing, instead of a silent gap.
 */
final class SvgPlaceholders {
  private static final Pattern SVG_IMG =
      Pattern.compile("<img\\b[^>]*\\bsrc=\"(images/(?:math-)?[0-9a-f]{16}\\.svg)\"[^>]*/>");
  private static final Pattern ALT = Pattern.compile("\\balt=\"([^\"]*)\"");

  private SvgPlaceholders() {}

  /** Replaces the pictures whose {@code src} is in {@code undrawable}. */
  static String replace(String articleHtml, String lang, Set<String> undrawable) {
    if (undrawable.isEmpty() || !articleHtml.contains(".svg\"")) {
      return articleHtml;
    }
    String note = Languages.isCjk(lang) ? "矢量图，见 EPUB 版" : "vector drawing, see the EPUB edition";
    Matcher m = SVG_IMG.matcher(articleHtml);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      if (!undrawable.contains(m.group(1))) {
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
        continue;
      }
      Matcher alt = ALT.matcher(m.group());
      String label =
          alt.find() && !alt.group(1).isBlank()
              ? alt.group(1) + " — " + Xml.escape(note)
              : Xml.escape(note);
      m.appendReplacement(
          sb,
          Matcher.quoteReplacement(
              "<span class=\"figure-note image-missing\">[" + label + "]</span>"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
