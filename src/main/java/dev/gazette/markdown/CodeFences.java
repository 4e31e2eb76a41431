package dev.gazette.markdown;

import dev.gazette.util.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows fenced code blocks through a Markdown text read line by line, for the steps that rewrite
 * lines before the text is parsed and must leave code as written ({@link RawHtmlTags}, {@link
 * Containers}, {@link MdxSyntax}, {@link ObsidianSyntax}). One per text: it remembers the fence
 * that is open.
 */
final class CodeFences {
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

  private static final Pattern CODE_SPAN = Pattern.compile("(`+)[^`\\n][\\s\\S]*?\\1");

  /** What stands in for a code span while the text around it is rewritten. */
  private static final char SPAN = '\u0002';

  /**
   * {@code markdown} with {@code prose} applied to each run of lines outside fenced code, its code
   * spans set aside: {@code prose} sees them as markers and they come back as written. {@code
   * prose} must keep the markers it is given.
   */
  static String rewriteProse(String markdown, UnaryOperator<String> prose) {
    return rewriteProse(markdown, (text, spans) -> prose.apply(text));
  }

  /**
   * As {@link #rewriteProse(String, UnaryOperator)}, {@code prose} also given the code spans its
   * markers stand for (marker {@code i} is {@link #spanMarker}{@code (i)}): it may replace a marker
   * by what the span means.
   */
  static String rewriteProse(String markdown, BiFunction<String, List<String>, String> prose) {
    StringBuilder out = new StringBuilder(markdown.length());
    StringBuilder run = new StringBuilder();
    CodeFences code = new CodeFences();
    for (String line : markdown.split("(?<=\n)", -1)) {
      String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
      if (code.isCode(text)) {
        out.append(outsideSpans(run.toString(), prose));
        run.setLength(0);
        out.append(line);
      } else {
        run.append(line);
      }
    }
    return out.append(outsideSpans(run.toString(), prose)).toString();
  }

  /**
   * {@code code} as a fenced block in {@code lang} (none when null or empty), without line breaks
   * around it: the fence is a run of backticks longer than any in the code, so the code cannot end
   * it.
   */
  static String block(String lang, String code) {
    int longest = 0;
    Matcher ticks = BACKTICKS.matcher(code);
    while (ticks.find()) {
      longest = Math.max(longest, ticks.group().length());
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    return fence
        + (lang == null ? "" : lang)
        + "\n"
        + TRAILING_BREAKS.matcher(code).replaceAll("")
        + "\n"
        + fence;
  }

  /**
   * A code block's title (a file name, a tab's label) as the caption above it: a paragraph of its
   * own class, which the stylesheets set small, without indent and kept with the code; a blank line
   * must follow it, which ends it as HTML.
   */
  static String caption(String title) {
    return "<p class=\""
        + CODE_CAPTION
        + "\">"
        + Xml.escape(title.strip().replaceAll("\\s*\\n\\s*", " "))
        + "</p>";
  }

  /** The class of a code block's caption ({@link #caption}). */
  static final String CODE_CAPTION = "code-caption";

  private static final Pattern BACKTICKS = Pattern.compile("`+");
  private static final Pattern TRAILING_BREAKS = Pattern.compile("\\n+$");

  /** What stands in for text taken out: its line breaks, so later lines keep their numbers. */
  static String linesOf(String removed) {
    return "\n".repeat((int) removed.chars().filter(c -> c == '\n').count());
  }

  /** What stands for the {@code i}-th code span of a run of prose. */
  static String spanMarker(int i) {
    return SPAN + String.valueOf(i) + SPAN;
  }

  /**
   * {@code text} (prose, outside fenced code) with {@code prose} applied to it, its code spans set
   * aside as markers, as {@link #rewriteProse(String, BiFunction)} does for each run.
   */
  static String outsideSpans(String text, BiFunction<String, List<String>, String> prose) {
    if (text.isEmpty()) {
      return text;
    }
    List<String> spans = new ArrayList<>();
    String s =
        CODE_SPAN
            .matcher(text)
            .replaceAll(
                m -> {
                  spans.add(m.group());
                  return Matcher.quoteReplacement(spanMarker(spans.size() - 1));
                });
    s = prose.apply(s, spans);
    for (int i = spans.size() - 1; i >= 0; i--) {
      s = s.replace(spanMarker(i), spans.get(i));
    }
    return s;
  }

  /**
   * HTML whose text CommonMark leaves as written (its HTML block of type 1): {@code <pre>}, {@code
   * <script>}, {@code <style>}, {@code <textarea>}, up to the line that closes it.
   */
  private static final Pattern VERBATIM_HTML =
      Pattern.compile("(?i)^ {0,3}<(pre|script|style|textarea)(?=[\\s>]|$)");

  private String open;

  /** The closing tag of the verbatim HTML block open, or null. */
  private String verbatimEnd;

  /** Whether the lines so far left a fence (or a verbatim HTML block) open. */
  boolean isOpen() {
    return open != null || verbatimEnd != null;
  }

  /**
   * Whether {@code line} belongs to fenced code, its opening and closing fences included, or to a
   * {@code <pre>} (or script, style, textarea) block.
   */
  boolean isCode(String line) {
    if (open == null) {
      if (verbatimEnd != null) {
        if (line.toLowerCase(Locale.ROOT).contains(verbatimEnd)) {
          verbatimEnd = null;
        }
        return true;
      }
      Matcher html = VERBATIM_HTML.matcher(line);
      if (html.find()) {
        verbatimEnd = "</" + html.group(1).toLowerCase(Locale.ROOT) + ">";
        return isCode(line); // the same line may close it
      }
    }
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
