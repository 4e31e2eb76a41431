package dev.gazette.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the first heading of a Markdown or HTML body, to title a post whose front matter has none. */
final class Headings {
  private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
  private static final Pattern HTML_HEADING = Pattern.compile("(?is)<h[1-6][^>]*>(.*?)</h[1-6]>");

  private Headings() {}

  static Optional<String> firstHeading(String body) {
    String[] lines = body.split("\\R", -1);
    boolean inFence = false;
    String previous = "";
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
      Matcher m = ATX.matcher(line);
      if (m.matches()) {
        return clean(m.group(1));
      }
      if (!previous.isBlank() && SETEXT_UNDERLINE.matcher(line).matches() && !previous.strip().startsWith("<")) {
        return clean(previous);
      }
      Matcher h = HTML_HEADING.matcher(line);
      if (h.find()) {
        return clean(h.group(1).replaceAll("<[^>]+>", ""));
      }
      previous = line;
    }
    return Optional.empty();
  }

  private static Optional<String> clean(String s) {
    String t = s.replaceAll("[*_`]", "").strip();
    return t.isEmpty() ? Optional.empty() : Optional.of(t);
  }
}
