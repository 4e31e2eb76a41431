package dev.gazette.source;

import dev.gazette.util.HeadingIds;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first heading of a Markdown or HTML body, to title a post whose front matter has none.
 */
final class Headings {
  private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");

  /**
   * An opening heading tag; attributes are bounded so a line of {@code <h1<h1<h1…} stays linear.
   */
  private static final Pattern HTML_HEADING_OPEN =
      Pattern.compile("(?i)<h[1-6](?:\\s[^>]{0,1000})?>");

  private static final Pattern HTML_HEADING_CLOSE = Pattern.compile("(?i)</h[1-6]\\s*>");

  /** A level-1 ATX heading's opening: {@code #} and a space or a tab, up to three spaces in. */
  private static final Pattern LEVEL_ONE = Pattern.compile(" {0,3}#[ \t]");

  private Headings() {}

  /**
   * The first heading; below a line of Markdown text, only a level-1 one: a note that opens with a
   * paragraph and has a {@code ## In logic} further down is not titled "In logic" (an Obsidian
   * note's title is its file name).
   */
  static Optional<String> firstHeading(String body) {
    String[] lines = body.split("\\R", -1);
    boolean inFence = false;
    String previous = "";
    boolean textBefore = false; // Markdown text before the previous line
    for (String line : lines) {
      String t = line.strip();
      if (t.startsWith("```") || t.startsWith("~~~")) {
        inFence = !inFence;
        previous = "";
        continue;
      }
      if (inFence) {
        continue;
      }
      boolean text = textBefore || isText(previous);
      Matcher m = ATX.matcher(line);
      if (m.matches()) {
        if (!text || LEVEL_ONE.matcher(line).lookingAt()) {
          return clean(m.group(1));
        }
        textBefore = text;
        previous = line;
        continue;
      }
      if (!previous.isBlank()
          && SETEXT_UNDERLINE.matcher(line).matches()
          && !previous.strip().startsWith("<")
          && (!textBefore || line.strip().startsWith("="))) {
        return clean(previous);
      }
      Optional<String> html = htmlHeading(line);
      if (html.isPresent()) {
        return html;
      }
      textBefore = text;
      previous = line;
    }
    return Optional.empty();
  }

  /**
   * The text of the first {@code <hN>…</hN>} on a line. Looks for one closing tag after the first
   * opening one: a lazy {@code <h1>(.*?)</h1>} regex retried from every opening tag takes hours on
   * a line of 100,000 unclosed {@code <h1>}s.
   */
  private static Optional<String> htmlHeading(String line) {
    Matcher open = HTML_HEADING_OPEN.matcher(line);
    if (!open.find()) {
      return Optional.empty();
    }
    Matcher close = HTML_HEADING_CLOSE.matcher(line);
    if (!close.find(open.end())) {
      return Optional.empty();
    }
    String inner = line.substring(open.end(), close.start());
    // Another heading opened before this one closed: the innermost is the one that closes.
    Matcher nested = HTML_HEADING_OPEN.matcher(inner);
    int start = 0;
    while (nested.find()) {
      start = nested.end();
    }
    return clean(inner.substring(start).replaceAll("<[^>]*>", ""));
  }

  /** A line of Markdown text: not blank, not HTML, not a picture alone. */
  private static boolean isText(String line) {
    String t = line.strip();
    return !t.isEmpty() && !t.startsWith("<") && !t.startsWith("![") && !t.startsWith("[![");
  }

  private static Optional<String> clean(String s) {
    String t = HeadingIds.withoutId(s).replaceAll("[*_`]", "").strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
