package dev.gazette.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label markdown-it's sites write at the end of a fence's info, {@code ```js [vite.config.js]}:
 * VitePress names the tabs of a code group so ({@code [npm]}, {@code [pnpm]}) and the files a block
 * belongs to. A digest has no tabs, so the label becomes the block's caption ({@link
 * CodeFences#caption}), as Hugo's code titles do ({@link TemplateTags}), and leaves the fence.
 * Lines of fenced code are left alone. Stateless.
 */
final class CodeLabels {
  private CodeLabels() {}

  /**
   * An opening fence whose info ends in one bracketed label; React's {@code [[1, 4, "<App />"]]}
   * (lines to highlight) is not one.
   */
  private static final Pattern LABELED_FENCE =
      Pattern.compile("^(\\s*)(`{3,}|~{3,})([^`\\[\\]]*?)\\s*\\[([^\\[\\]]+)\\]\\s*$");

  private static final Pattern MAY_HOLD =
      Pattern.compile("(?m)^\\s*(?:`{3,}|~{3,})[^`\\[\\]\\n]*\\[[^\\[\\]\\n]+\\][ \\t]*$");

  static boolean mayHold(String markdown) {
    return (markdown.contains("```") || markdown.contains("~~~"))
        && MAY_HOLD.matcher(markdown).find();
  }

  /** {@code markdown} with each labeled fence's label a caption above it. */
  static String read(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length() + 64);
    CodeFences code = new CodeFences();
    boolean blankBefore = true;
    for (String line : markdown.split("(?<=\n)", -1)) {
      String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      boolean wasOpen = code.isOpen();
      boolean opens = code.isCode(text) && !wasOpen && code.isOpen();
      Matcher m = opens ? LABELED_FENCE.matcher(text) : null;
      if (m != null && m.matches() && !m.group(4).isBlank()) {
        String indent = m.group(1);
        out.append(blankBefore ? "" : "\n")
            .append(indent)
            .append(CodeFences.caption(m.group(4)))
            .append("\n\n")
            .append(indent)
            .append(m.group(2))
            .append(m.group(3).strip())
            .append(line.endsWith("\n") ? "\n" : "");
      } else {
        out.append(line);
      }
      blankBefore = text.isBlank();
    }
    return out.toString();
  }
}
