package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shiki's notation comments, which VitePress sites write in code to mark lines: {@code // [!code
 * ++]} (an added line), {@code [!code --]} (a removed one), {@code [!code hl]} or {@code
 * highlight}, {@code focus}, {@code error}, {@code warning} (lines to look at), {@code [!code
 * word:await]} (a word to look at), each with an optional count of lines ({@code [!code ++:3]}).
 * The site draws the marks and hides the comments; printed as written, they read as code. Here the
 * comments go, and each line keeps its mark as the element {@link CodeHighlight} wraps it in:
 * {@code ins}, {@code del} or {@code mark}. A word mark only emphasises: it goes without a mark of
 * its own.
 */
final class CodeLineMarks {
  private CodeLineMarks() {}

  /** The code's text without the notation, and each line's element ({@code null}: none). */
  record Marked(String text, List<String> lineElements) {}

  /** A line ending in a notation comment, in the comment syntaxes Shiki reads. */
  private static final Pattern NOTATION =
      Pattern.compile(
          "[ \\t]*(?://|/\\*|<!--|#|--|%{1,2}|;{1,2}|\"|')[ \\t]*\\[!code ([^\\]\\s:]+)"
              + "(?::([^\\]\\s]*))?\\][ \\t]*(?:\\*/|-->)?[ \\t]*$");

  static boolean mayHold(String code) {
    return code.contains("[!code ");
  }

  /** {@code code} read line by line; a line left empty by its comment goes. */
  static Marked read(String code) {
    String[] lines = code.split("\n", -1);
    StringBuilder text = new StringBuilder(code.length());
    List<String> elements = new ArrayList<>();
    String carried = null; // a count's mark, for the lines after the notation's
    int carriedLines = 0;
    for (String written : lines) {
      String line = written;
      String element = null;
      Matcher m = NOTATION.matcher(line);
      if (m.find()) {
        String kind = m.group(1);
        element = elementOf(kind);
        int count = count(kind, m.group(2));
        line = line.substring(0, m.start());
        if (line.isBlank()) {
          // the comment was the whole line, which goes: it marks the lines after it (Shiki 3)
          carried = element;
          carriedLines = element == null ? 0 : count;
          continue;
        }
        if (count > 1 && element != null) {
          carried = element;
          carriedLines = count - 1;
        }
      } else if (carriedLines > 0) {
        element = carried;
        carriedLines--;
      }
      if (!elements.isEmpty()) {
        text.append('\n');
      }
      text.append(line);
      elements.add(element);
    }
    return new Marked(text.toString(), elements);
  }

  private static String elementOf(String kind) {
    return switch (kind) {
      case "++" -> "ins";
      case "--" -> "del";
      case "hl", "highlight", "focus", "error", "warning" -> "mark";
      default -> null; // word, and notations Shiki adds later
    };
  }

  /** How many lines a notation marks: {@code [!code ++:3]}; a word's own count is not lines. */
  private static int count(String kind, String argument) {
    if (argument == null || kind.equals("word") || !argument.matches("\\d{1,4}")) {
      return 1;
    }
    return Integer.parseInt(argument);
  }
}
