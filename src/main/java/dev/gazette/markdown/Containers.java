package dev.gazette.markdown;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the custom containers of markdown-it (VuePress, VitePress), Docusaurus and pandoc's fenced
 * divs, which CommonMark prints as written: {@code ::: tip Title}, {@code :::warning}, {@code
 * :::note[Title]}, {@code ::: {.note}}, each closed by a line of colons. A container keeps its
 * body; its title, when it has one, goes above the body in bold, as an admonition's title does
 * ({@link TemplateTags}), which makes it a sub-heading. Fenced code is left alone. Stateless.
 */
final class Containers {
  private Containers() {}

  private static final Pattern OPEN =
      Pattern.compile(
          "^ {0,3}(:{3,})\\s*(?:\\{[^}]*\\}|([A-Za-z][\\w-]*))\\s*(?:\\[(.*)\\]|(.*?))\\s*(?:\\{[^}]*\\})?\\s*$");
  private static final Pattern CLOSE = Pattern.compile("^ {0,3}(:{3,})\\s*$");
  private static final Pattern MAY_HOLD = Pattern.compile("(?m)^ {0,3}:{3,}");

  static boolean mayHold(String markdown) {
    return markdown.contains(":::") && MAY_HOLD.matcher(markdown).find();
  }

  /** {@code markdown} with its containers' fences replaced by what they mean. */
  static String read(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    Deque<Integer> open = new ArrayDeque<>(); // the colons of each open container
    CodeFences code = new CodeFences();
    for (String line : markdown.split("(?<=\n)", -1)) {
      String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      if (code.isCode(text)) {
        out.append(line);
        continue;
      }
      Matcher close = CLOSE.matcher(text);
      if (close.matches() && !open.isEmpty() && close.group(1).length() >= open.peek()) {
        open.pop();
        out.append('\n');
        continue;
      }
      Matcher o = OPEN.matcher(text);
      if (o.matches() && !close.matches()) {
        open.push(o.group(1).length());
        String title = o.group(3) != null ? o.group(3) : o.group(4);
        out.append('\n');
        if (title != null && !title.isBlank()) {
          out.append("**").append(title.strip()).append("**\n\n");
        }
        continue;
      }
      out.append(line);
    }
    return out.toString();
  }
}
