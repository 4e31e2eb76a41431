package dev.gazette.util;

import java.util.regex.Pattern;

/**
 * A heading's id written at its end, {@code ## Why {#why}} (Pandoc, kramdown's {@code {: #why}},
 * Hugo, Zola, VitePress), which CommonMark leaves as text: the body's headings take it as their id,
 * and a title read from a heading leaves it out.
 */
public final class HeadingIds {
  private HeadingIds() {}

  /** The id attribute ending a heading's text, spaces around it included; the id in group 1. */
  public static final Pattern AT_END =
      Pattern.compile("\\s*\\{:?\\s*#([^\\s{}#]+)(?:\\s+[^{}]*)?\\}\\s*$");

  /** {@code heading} without the id attribute at its end, if it has one. */
  public static String withoutId(String heading) {
    return heading.indexOf('{') < 0 ? heading : AT_END.matcher(heading).replaceFirst("");
  }
}
