package dev.gazette.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows fenced code blocks through a Markdown text read line by line, for the steps that rewrite
 * lines before the text is parsed and must leave code as written ({@link RawHtmlTags}, {@link
 * Containers}). One per text: it remembers the fence that is open.
 */
final class CodeFences {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private String open;

  /** Whether {@code line} belongs to fenced code, its opening and closing fences included. */
  boolean isCode(String line) {
    Matcher f = FENCE.matcher(line);
    if (open != null) {
      if (f.find()
          && f.group(1).charAt(0) == open.charAt(0)
          && f.group(1).length() >= open.length()) {
        open = null;
      }
      return true;
    }
    if (f.find()) {
      open = f.group(1);
      return true;
    }
    return false;
  }
}
