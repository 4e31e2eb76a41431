package dev.gazette.markdown;

import dev.gazette.util.Xml;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WordPress shortcodes its exporters (Jekyll's importer, exitwp, wordpress-export-to-markdown)
 * leave in posts, written as they would have shown on the blog: {@code [caption]} a figure with its
 * caption, {@code [youtube]}, {@code [vimeo]}, {@code [embed]}, {@code [video]} and {@code [audio]}
 * their players (which the normalizer makes links), {@code [sourcecode language="x"]}, {@code
 * [code]} and {@code [python]…[/python]} code, WordPress.com's {@code $latex x^2$} and {@code
 * [latex]} formulas. {@code [gallery]} names the blog's attachments, not pictures of the post: it
 * is removed and said. Code blocks and spans are left as written. Shortcode names are matched as
 * WordPress matches them, case and all, and never where Markdown makes a link: {@code [Gallery
 * Animate CSS](https://…)} is a link (a FEX weekly lost its text to the gallery rule).
 */
public final class WordPressShortcodes {
  private WordPressShortcodes() {}

  private static final Pattern MARKERS =
      Pattern.compile(
          "\\[/(caption|embed|sourcecode|code|latex)\\]|\\[(gallery|youtube|vimeo|video|audio)\\b|\\$latex\\s");

  private static final Pattern CAPTION =
      Pattern.compile("(?is)\\[caption\\b([^\\]]*)\\](.*?)\\[/caption\\]");

  private static final Pattern PLAYER =
      Pattern.compile(
          "\\[(youtube|vimeo)[\\s=]+\"?(https?://[^\\s\\]\"]+)\"?[^\\]]*\\](?![(\\[:])");

  private static final Pattern EMBED =
      Pattern.compile("(?is)\\[embed\\b[^\\]]*\\]\\s*(https?://[^\\s\\[]+)\\s*\\[/embed\\]");

  private static final Pattern MEDIA =
      Pattern.compile("\\[(video|audio)\\b([^\\]]*)\\](?![(\\[:])(?:\\s*\\[/\\1\\])?");

  private static final Pattern GALLERY = Pattern.compile("\\[gallery\\b[^\\]]*\\](?![(\\[:])");

  private static final Pattern CODE =
      Pattern.compile(
          "(?is)\\[(sourcecode|code|python|java|javascript|js|php|bash|shell|sh|cpp|c|csharp|ruby"
              + "|sql|xml|html|css|perl|plain|text)\\b([^\\]]*)\\]\\n?(.*?)\\[/\\1\\]");

  private static final Pattern LATEX =
      Pattern.compile("(?s)\\$latex\\s+(.+?)\\$|(?is)\\[latex\\](.+?)\\[/latex\\]");

  private static final Pattern ATTR =
      Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");

  private static final Pattern HTML_IMG = Pattern.compile("(?is)<img\\b[^>]*>");

  private static final Pattern LINKED_HTML_IMG =
      Pattern.compile("(?is)<a\\b[^>]*>\\s*(<img\\b[^>]*>)\\s*</a>");

  private static final Pattern MD_IMG =
      Pattern.compile("!\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  private static final Pattern LINKED_MD_IMG =
      Pattern.compile("\\[\\s*(!\\[[^\\]]*\\]\\([^)]*\\))\\s*\\]\\([^)]*\\)");

  private static final Pattern MD_LINK =
      Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");

  private static final Pattern STRONG = Pattern.compile("\\*\\*(\\S(?:[^*]*\\S)?)\\*\\*");

  private static final Pattern EMPHASIS =
      Pattern.compile("(?<![\\w*])[*_](\\S(?:[^*_]*\\S)?)[*_](?![\\w*])");

  /** Whether {@code text} may hold a shortcode: most posts have none of the markers. */
  public static boolean mayHold(String text) {
    return text.indexOf('[') >= 0 && MARKERS.matcher(text).find() || text.contains("$latex ");
  }

  /**
   * {@code text} (Markdown or HTML) with its shortcodes written out; {@code warnings} gets a line
   * for what was removed.
   */
  public static String read(String text, List<String> warnings) {
    int[] galleries = {0};
    String out =
        CodeFences.rewriteProse(
            text,
            prose -> {
              String s = CODE.matcher(prose).replaceAll(m -> Matcher.quoteReplacement(code(m)));
              s = CAPTION.matcher(s).replaceAll(m -> Matcher.quoteReplacement(figure(m)));
              s = PLAYER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(player(m.group(2))));
              s = EMBED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(player(m.group(1))));
              s = MEDIA.matcher(s).replaceAll(m -> Matcher.quoteReplacement(media(m)));
              s =
                  LATEX
                      .matcher(s)
                      .replaceAll(
                          m ->
                              Matcher.quoteReplacement(
                                  "$"
                                      + (m.group(1) != null ? m.group(1) : m.group(2)).strip()
                                      + "$"));
              Matcher g = GALLERY.matcher(s);
              StringBuilder sb = new StringBuilder();
              while (g.find()) {
                galleries[0]++;
                g.appendReplacement(sb, "");
              }
              return g.appendTail(sb).toString();
            });
    if (galleries[0] > 0) {
      warnings.add(
          "WordPress [gallery] removed"
              + (galleries[0] > 1 ? " (" + galleries[0] + " times)" : "")
              + ": it names the blog's attachments, which the post does not hold");
    }
    return out;
  }

  /** A figure of the caption's picture, captioned by its {@code caption} or the text after it. */
  private static String figure(java.util.regex.MatchResult m) {
    String attrs = m.group(1);
    String inner = m.group(2).strip();
    String img = null;
    String rest = inner;
    Matcher linked = LINKED_HTML_IMG.matcher(inner);
    Matcher html = HTML_IMG.matcher(inner);
    Matcher linkedMd = LINKED_MD_IMG.matcher(inner);
    if (linked.find()) {
      img = linked.group(1);
      rest = inner.substring(0, linked.start()) + inner.substring(linked.end());
    } else if (html.find()) {
      img = html.group();
      rest = inner.substring(0, html.start()) + inner.substring(html.end());
    } else {
      String md = inner;
      int start = -1;
      int end = -1;
      if (linkedMd.find()) {
        md = linkedMd.group(1);
        start = linkedMd.start();
        end = linkedMd.end();
      }
      Matcher image = MD_IMG.matcher(md);
      if (image.find()) {
        img =
            "<img src=\""
                + Xml.escape(image.group(2))
                + "\" alt=\""
                + Xml.escape(image.group(1))
                + "\"/>";
        if (start < 0) {
          start = image.start();
          end = image.end();
        }
        rest = inner.substring(0, start) + inner.substring(end);
      }
    }
    if (img == null) {
      return inner; // no picture: the caption's text stays
    }
    String caption = attr(attrs, "caption");
    caption = caption != null ? caption : rest.strip();
    caption =
        MD_LINK
            .matcher(caption)
            .replaceAll(
                l ->
                    Matcher.quoteReplacement(
                        "<a href=\"" + Xml.escape(l.group(2)) + "\">" + l.group(1) + "</a>"));
    // the caption stands in an HTML block, where Markdown is not read
    caption = STRONG.matcher(caption).replaceAll("<strong>$1</strong>");
    caption = EMPHASIS.matcher(caption).replaceAll("<em>$1</em>");
    return "\n\n<figure>"
        + img
        + (caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>")
        + "</figure>\n\n";
  }

  private static String player(String url) {
    return "\n\n<iframe src=\"" + Xml.escape(url) + "\"></iframe>\n\n";
  }

  private static String media(java.util.regex.MatchResult m) {
    String attrs = m.group(2);
    String src = attr(attrs, "src");
    for (String format : List.of("mp4", "m4v", "webm", "ogv", "mp3", "m4a", "ogg", "wav")) {
      src = src != null ? src : attr(attrs, format);
    }
    if (src == null) {
      return m.group();
    }
    String tag = m.group(1).toLowerCase(Locale.ROOT);
    return "\n\n<"
        + tag
        + " src=\""
        + Xml.escape(src)
        + "\" controls=\"controls\"></"
        + tag
        + ">\n\n";
  }

  /** Code as a block: WordPress kept its characters escaped as HTML, read once here. */
  private static String code(java.util.regex.MatchResult m) {
    String tag = m.group(1).toLowerCase(Locale.ROOT);
    String lang = attr(m.group(2), "language");
    lang = lang != null ? lang : attr(m.group(2), "lang");
    if (lang == null && !tag.equals("sourcecode") && !tag.equals("code")) {
      lang = tag;
    }
    String code = org.jsoup.parser.Parser.unescapeEntities(m.group(3), false);
    return "\n\n<pre><code"
        + (lang == null || lang.isBlank()
            ? ""
            : " class=\"language-" + Xml.escape(lang.strip()) + "\"")
        + ">"
        + Xml.escape(code.replaceAll("\\n+$", ""))
        + "</code></pre>\n\n";
  }

  private static String attr(String attrs, String name) {
    Matcher a = ATTR.matcher(attrs);
    while (a.find()) {
      if (a.group(1).equalsIgnoreCase(name)) {
        return a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
      }
    }
    return null;
  }
}
