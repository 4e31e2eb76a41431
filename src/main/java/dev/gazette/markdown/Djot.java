package dev.gazette.markdown;

import dev.gazette.util.Brackets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Djot ({@code .djot}, John MacFarlane's light markup after CommonMark; Gleam's website writes its
 * news in it) as the CommonMark it means, for the Markdown pipeline. Where the two read the same
 * text differently, the text is rewritten to Djot's reading:
 *
 * <ul>
 *   <li>{@code _x_} is emphasis and {@code *x*} strong (not emphasis), inside words too; {@code
 *       ^x^}, {@code ~x~}, {@code {=x=}}, {@code {+x+}}, {@code {-x-}} are superscript, subscript,
 *       highlight, insertion and deletion; an unmatched mark is text.
 *   <li>A block starts only after a blank line: a paragraph's next line that Markdown would start a
 *       heading, list, quote or fence with stays text, and a heading goes on until a blank line.
 *       Indented lines are never code.
 *   <li>HTML in text is text; {@code ``` =html} blocks and {@code `<b>`{=html}} are HTML, raw
 *       content for other formats is left out, as Djot's HTML leaves it.
 *   <li>Attributes ({@code {#id .class}}) and div fences ({@code :::}) go; the content stays; a
 *       block's caption attribute ({@code {cap="…"}}) is set above it in italics. A span {@code
 *       [text]{.class}} is its text. A link's address may be wrapped over lines.
 *   <li>{@code $`x`} and {@code $$`x`} are formulas, inline and displayed.
 *   <li>{@code : term} and the blocks indented under it are a definition list.
 * </ul>
 *
 * Links, pictures, reference definitions, footnotes, code, lists, quotes and tables are written as
 * in Markdown and pass through; so do Djot's symbols ({@code :smile:}), shown as written.
 */
public final class Djot {
  private Djot() {}

  private static final Pattern FENCE = Pattern.compile("^(\\s*)(`{3,}|~{3,})\\s*(=\\S+)?(.*)$");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^(\\s*)([-+*]|\\d{1,9}[.)]|\\(\\d{1,9}\\)|:(?= {3}\\S))(?:[ \\t]+|$)");

  /** Djot's definition list item: {@code : term}, its definition indented under it. */
  private static final Pattern DEFINITION_ITEM = Pattern.compile("^( *): (?!:)(\\S.*)$");

  private static final Pattern HEADING = Pattern.compile("^\\s*#{1,6}(?:[ \\t]+|$)");
  private static final Pattern ATTRIBUTES_LINE = Pattern.compile("^\\s*\\{[^{}]*\\}\\s*$");
  private static final Pattern DIV_FENCE = Pattern.compile("^\\s*:{3,}.*$");
  private static final Pattern DEFINITION = Pattern.compile("^\\s*\\[\\^?[^\\]]+\\]:");
  private static final Pattern THEMATIC_BREAK =
      Pattern.compile("^\\s*(?:(?:\\*\\s*){3,}|(?:-\\s*){3,})$");
  private static final Pattern QUOTE = Pattern.compile("^((?:\\s*>(?:[ \\t]|$))+)");

  /** Djot's text as CommonMark, each line where it was (a wrapped address joins its lines). */
  public static String read(String djot) {
    String[] lines = definitionLists(djot.split("\n", -1));
    StringBuilder out = new StringBuilder(djot.length() + 64);
    Run run = new Run(out);
    String fence = null; // the open fence's backticks or tildes
    boolean raw = false; // an open fence of raw content
    boolean html = false; // raw HTML, kept
    boolean inParagraph = false; // the previous line continues a paragraph or heading
    boolean heading = false;
    String paragraphQuote = ""; // the quote marks of the paragraph's first line
    List<ListItem> items = new ArrayList<>(); // the open list items, outermost first
    for (String line : lines) {
      if (fence != null) {
        String stripped = line.strip();
        char fenceChar = fence.charAt(0);
        boolean closes =
            stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fenceChar);
        if (!raw) {
          out.append(line).append('\n');
        } else if (closes) {
          out.append('\n');
        } else if (html && !line.isBlank()) {
          out.append(line.stripLeading()).append('\n'); // a blank line would end Markdown's HTML
        }
        fence = closes ? null : fence;
        continue;
      }
      if (line.isBlank()) {
        run.flush();
        out.append(line).append('\n');
        inParagraph = false;
        heading = false;
        continue;
      }
      Matcher q = QUOTE.matcher(line);
      String quote = q.find() ? q.group(1) : "";
      if (inParagraph && !quote.isEmpty() && !quote.equals(paragraphQuote)) {
        quote = ""; // a > under a paragraph outside that quote is text
      }
      String body = line.substring(quote.length());
      Matcher item = LIST_ITEM.matcher(body);
      boolean isItem = item.find();
      if (inParagraph && DIV_FENCE.matcher(body).matches()) {
        run.flush(); // a div's closing fence ends the paragraph in it
        out.append('\n');
        inParagraph = false;
        heading = false;
        continue;
      }
      if (inParagraph) {
        ListItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        if (isItem && !heading && last != null && last.kind.equals(kind(item))) {
          run.flush(); // the next item of the same list
          run.add(quote + body.substring(0, item.end()), body.substring(item.end()), false);
        } else if (heading) {
          run.append(" " + body.strip().replaceFirst("^#{1,6}(?:[ \\t]+|$)", ""));
        } else {
          run.add(quote + leading(body), body.stripLeading(), true);
        }
        continue;
      }
      run.flush();
      int indent = leading(body).length();
      while (!items.isEmpty() && indent < items.get(items.size() - 1).contentIndent) {
        items.remove(items.size() - 1);
      }
      // no indented code in Djot: more indent than the list item's text is the same block
      int keep = Math.min(indent, items.isEmpty() ? 0 : items.get(items.size() - 1).contentIndent);
      String indented = quote + " ".repeat(keep);
      Matcher f = FENCE.matcher(body);
      if (f.matches()) {
        fence = f.group(2);
        raw = f.group(3) != null;
        html = raw && f.group(3).equalsIgnoreCase("=html");
        out.append(raw ? "" : indented + fence + f.group(4)).append('\n');
        continue;
      }
      if (ATTRIBUTES_LINE.matcher(body).matches() || DIV_FENCE.matcher(body).matches()) {
        String caption = caption(body);
        // a caption in italics, as Gazette sets a code file's title: bold would be a sub-heading
        out.append(caption.isEmpty() ? "" : indented + "*" + caption + "*").append('\n');
        continue;
      }
      if (THEMATIC_BREAK.matcher(body).matches()) {
        out.append(indented).append("* * *\n");
        continue;
      }
      if (DEFINITION.matcher(body).find() && !body.stripLeading().startsWith("[^")) {
        out.append(indented).append(body.stripLeading()).append('\n'); // its address as written
        continue;
      }
      if (isItem) {
        items.add(new ListItem(kind(item), item.end()));
        run.add(quote + body.substring(0, item.end()), body.substring(item.end()), false);
      } else if (HEADING.matcher(body).find()) {
        heading = true;
        Matcher h = HEADING.matcher(body);
        h.find();
        run.add(indented + body.substring(indent, h.end()), body.substring(h.end()), false);
      } else {
        run.add(indented, body.stripLeading(), false);
      }
      inParagraph = true;
      paragraphQuote = quote;
    }
    run.flush();
    out.setLength(out.length() - 1); // the split's last line had no newline after it
    return out.toString();
  }

  /** A block attribute naming a caption: {@code cap}, {@code caption} or {@code title}. */
  private static final Pattern CAPTION_ATTRIBUTE =
      Pattern.compile("(?:^|[\\s{])(?:cap|caption|title)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * The caption a block's attributes give ({@code {cap="Code with inline markup"}}: matklad's site
   * shows it above the block, 53 times), as Markdown text; empty for none.
   */
  static String caption(String attributes) {
    Matcher m = CAPTION_ATTRIBUTE.matcher(attributes);
    if (!m.find() || m.group(1).isBlank()) {
      return "";
    }
    return m.group(1)
        .replaceAll("\\\\(.)", "$1")
        .strip()
        .replaceAll("([\\\\`*_\\[\\]<>~^{}$])", "\\\\$1");
  }

  /**
   * Djot's definition list items as Markdown's (Hugo's Goldmark, kramdown, pandoc): {@code : term}
   * and the blocks indented under it become the term's line and {@code : definition}, its other
   * lines indented to the definition's text. matklad's blog sets its essays' points so (53 items in
   * 10 posts), which read ": Complexity" before. Lines stay where they were.
   */
  static String[] definitionLists(String[] lines) {
    String[] out = lines.clone();
    boolean blankBefore = true;
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher f = FENCE.matcher(line);
      if (fence != null) {
        fence =
            f.matches() && line.strip().startsWith(fence) && f.group(4).isBlank() ? null : fence;
        continue;
      }
      if (f.matches()) {
        fence = f.group(2);
        continue;
      }
      Matcher d = DEFINITION_ITEM.matcher(line);
      if (!blankBefore || !d.matches()) {
        blankBefore = line.isBlank();
        continue;
      }
      String indent = d.group(1);
      int content = indent.length() + 2;
      out[i] = indent + d.group(2); // the term
      int j = i + 1;
      while (j < lines.length && !lines[j].isBlank()) {
        j++; // the term's other lines
      }
      boolean first = true;
      for (; j < lines.length; j++) {
        String next = lines[j];
        if (next.isBlank()) {
          continue;
        }
        if (leading(next).length() < content) {
          break;
        }
        out[j] = indent + (first ? ":   " : "    ") + next.substring(content);
        first = false;
      }
      i = j - 1;
      blankBefore = lines[i].isBlank();
    }
    return out;
  }

  /**
   * An open list item: its marker's kind and indent ({@code -@0}, {@code 1.@2}; items of one list
   * share them) and the column its text starts at, which its other blocks are indented to.
   */
  private record ListItem(String kind, int contentIndent) {}

  /** A list marker's kind and indent: items of one list share both. */
  private static String kind(Matcher item) {
    String marker = item.group(2);
    char c = marker.charAt(marker.length() - 1);
    String type = Character.isDigit(marker.charAt(0)) || marker.startsWith("(") ? "1" + c : marker;
    return type + "@" + item.group(1).length();
  }

  private static String leading(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(0, i);
  }

  /**
   * What Markdown would start a block with, where Djot goes on with the paragraph (a definition's
   * {@code : } too, in the Markdown this becomes). A code fence stays one: Gleam's news writes some
   * right under a paragraph, which its renderer shows as one line of code, where the author meant
   * the block.
   */
  private static final Pattern MARKDOWN_BLOCK_START =
      Pattern.compile(
          "^(?:#{1,6}(?:\\s|$)|>|[-+*](?:\\s|$)|\\d{1,9}[.)](?:\\s|$)|=+\\s*$|-+\\s*$|:[ \\t])");

  /** A paragraph's line (its inline marks read) made to stay text in Markdown. */
  private static String escapeBlockStart(String line) {
    if (!MARKDOWN_BLOCK_START.matcher(line).find()) {
      return line;
    }
    if (Character.isDigit(line.charAt(0))) {
      int mark = 0;
      while (Character.isDigit(line.charAt(mark))) {
        mark++;
      }
      return line.substring(0, mark) + "\\" + line.substring(mark);
    }
    return "\\" + line;
  }

  /**
   * The lines of one block: each line's block marks ({@code > }, {@code - }, {@code ## }) and its
   * text, whose inline marks are read together (emphasis may go on over a line's end).
   */
  private static final class Run {
    private final StringBuilder out;
    private final List<String> prefixes = new ArrayList<>();
    private final List<Boolean> continuing = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Run(StringBuilder out) {
      this.out = out;
    }

    /** A line: its block marks, its text, and whether it goes on with the paragraph before. */
    void add(String prefix, String line, boolean continues) {
      if (!prefixes.isEmpty()) {
        text.append('\n');
      }
      prefixes.add(prefix);
      continuing.add(continues);
      text.append(line);
    }

    /** More text for the last line (a heading's next line: Markdown's heading is one line). */
    void append(String more) {
      text.append(more);
    }

    void flush() {
      if (prefixes.isEmpty()) {
        return;
      }
      String[] lines = Inline.convert(text.toString()).split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        boolean known = i < prefixes.size();
        String line = known && continuing.get(i) ? escapeBlockStart(lines[i]) : lines[i];
        out.append(known ? prefixes.get(i) : "").append(line).append('\n');
      }
      prefixes.clear();
      continuing.clear();
      text.setLength(0);
    }
  }

  /** Djot's inline marks as CommonMark and HTML tags. */
  static final class Inline {
    private Inline() {}

    /** Tags of the marks, by their character. */
    private static final String MARKS = "_*^~=+-";

    private static final String[] TAGS = {"em", "strong", "sup", "sub", "mark", "ins", "del"};

    private static final Pattern ATTRIBUTES =
        Pattern.compile(
            "\\{(?:\\s*(?:[#.][\\w-]+|%[^%]*%|[\\w-]+=(?:\"[^\"]*\"|[^\\s}]+)))+\\s*\\}");

    private static final Pattern AUTOLINK =
        Pattern.compile("<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\\s<>]*|[^\\s<>@]+@[^\\s<>@]+)>");

    /** A piece of output: text, or a mark that may open or close a container. */
    private static final class Piece {
      String text;
      final char mark; // 0 for text
      final boolean canOpen;
      final boolean canClose;
      final boolean explicit;

      Piece(String text) {
        this(text, (char) 0, false, false, false);
      }

      Piece(String text, char mark, boolean canOpen, boolean canClose, boolean explicit) {
        this.text = text;
        this.mark = mark;
        this.canOpen = canOpen;
        this.canClose = canClose;
        this.explicit = explicit;
      }
    }

    static String convert(String s) {
      List<Piece> pieces = new ArrayList<>();
      List<Integer> brackets = new ArrayList<>(); // pieces of open [
      StringBuilder plain = new StringBuilder();
      int n = s.length();
      int i = 0;
      while (i < n) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < n) {
          char next = s.charAt(i + 1);
          if (next == ' ') {
            plain.append("&nbsp;");
          } else if (next == '\n' || isAsciiPunctuation(next)) {
            plain.append('\\').append(next);
          } else {
            plain.append("\\\\");
            i++;
            continue;
          }
          i += 2;
          continue;
        }
        boolean display = s.startsWith("$$`", i);
        if (c == '`' || display || s.startsWith("$`", i)) {
          int start = display ? i + 2 : c == '$' ? i + 1 : i;
          int ticks = run(s, start, '`');
          int close = closingTicks(s, start + ticks, ticks);
          if (close < 0) {
            plain.append(s, i, start + ticks);
            i = start + ticks;
            continue;
          }
          String code = s.substring(start, close + ticks);
          int after = close + ticks;
          if (after < n && s.startsWith("{=", after) && s.indexOf('}', after) > 0) {
            int end = s.indexOf('}', after);
            String format = s.substring(after + 2, end).strip();
            if (format.equalsIgnoreCase("html")) {
              plain.append(s, start + ticks, close); // raw HTML, as written
            }
            i = end + 1;
            continue;
          }
          if (c == '$') {
            String tex = s.substring(start + ticks, close).strip();
            plain.append(display ? "$$" + tex + "$$" : "$" + tex + "$"); // Markdown's formulas
          } else {
            plain.append(code);
          }
          i = after;
          continue;
        }
        if (c == '<') {
          Matcher a = AUTOLINK.matcher(s).region(i, n);
          if (a.lookingAt()) {
            plain.append(a.group());
            i = a.end();
          } else {
            plain.append("&lt;");
            i++;
          }
          continue;
        }
        if (c == '&') {
          plain.append("&amp;");
          i++;
          continue;
        }
        if (c == '[' && i + 1 < n && s.charAt(i + 1) == '^') {
          int end = s.indexOf(']', i);
          if (end > 0 && s.substring(i, end).indexOf('\n') < 0) {
            plain.append(s, i, end + 1); // a footnote's mark
            i = end + 1;
            continue;
          }
        }
        if (c == '[') {
          flush(plain, pieces);
          brackets.add(pieces.size());
          pieces.add(new Piece("["));
          i++;
          continue;
        }
        if (c == ']' && !brackets.isEmpty()) {
          int open = brackets.remove(brackets.size() - 1);
          if (i + 1 < n && s.charAt(i + 1) == '(') {
            int end = Brackets.closing(s, i + 1);
            if (end > 0) {
              // the address as written, a wrapped one joined: Djot drops its line ends
              String address = s.substring(i + 1, end + 1);
              long breaks = address.chars().filter(ch -> ch == '\n').count();
              plain.append(']').append(address.replace("\n", "")).append("\n".repeat((int) breaks));
              i = end + 1;
              continue;
            }
          } else if (i + 1 < n && s.charAt(i + 1) == '[') {
            int end = s.indexOf(']', i + 1);
            if (end > 0) {
              plain.append(s, i, end + 1); // a reference's label as written
              i = end + 1;
              continue;
            }
          } else if (i + 1 < n && s.charAt(i + 1) == '{') {
            Matcher a = ATTRIBUTES.matcher(s).region(i + 1, n);
            if (a.lookingAt()) {
              pieces.get(open).text = ""; // a span: its text, its attributes gone
              i = a.end();
              continue;
            }
          }
          plain.append(']');
          i++;
          continue;
        }
        if (c == '{') {
          if (i + 1 < n && MARKS.indexOf(s.charAt(i + 1)) >= 0 && !isSpace(s, i + 2)) {
            flush(plain, pieces);
            pieces.add(new Piece("{" + s.charAt(i + 1), s.charAt(i + 1), true, false, true));
            i += 2;
            continue;
          }
          Matcher a = ATTRIBUTES.matcher(s).region(i, n);
          if (i > 0 && !Character.isWhitespace(s.charAt(i - 1)) && a.lookingAt()) {
            i = a.end(); // attributes of what they follow: gone
            continue;
          }
        }
        if (MARKS.indexOf(c) >= 0 && i + 1 < n && s.charAt(i + 1) == '}' && i > 0) {
          flush(plain, pieces);
          pieces.add(new Piece(c + "}", c, false, true, true));
          i += 2;
          continue;
        }
        if (c == '_' || c == '*' || c == '^' || c == '~') {
          flush(plain, pieces);
          boolean canOpen = !isSpace(s, i + 1);
          boolean canClose = i > 0 && !Character.isWhitespace(s.charAt(i - 1));
          pieces.add(new Piece(String.valueOf(c), c, canOpen, canClose, false));
          i++;
          continue;
        }
        plain.append(c);
        i++;
      }
      flush(plain, pieces);
      return render(pieces);
    }

    /** Pairs openers with closers, Djot's way: the first opener closed wins, those inside go. */
    private static String render(List<Piece> pieces) {
      String[] open = new String[pieces.size()];
      String[] close = new String[pieces.size()];
      List<Integer> stack = new ArrayList<>();
      for (int k = 0; k < pieces.size(); k++) {
        Piece p = pieces.get(k);
        if (p.mark == 0) {
          continue;
        }
        int match = -1;
        if (p.canClose) {
          for (int j = stack.size() - 1; j >= 0; j--) {
            Piece o = pieces.get(stack.get(j));
            if (o.mark == p.mark && o.explicit == p.explicit && stack.get(j) != k - 1) {
              match = j;
              break;
            }
          }
        }
        if (match >= 0) {
          int opener = stack.get(match);
          String tag = TAGS[MARKS.indexOf(p.mark)];
          open[opener] = "<" + tag + ">";
          close[k] = "</" + tag + ">";
          stack.subList(match, stack.size()).clear();
        } else if (p.canOpen) { // {= {+ {- open only explicitly: no bare piece of theirs is made
          stack.add(k);
        }
      }
      StringBuilder out = new StringBuilder();
      for (int k = 0; k < pieces.size(); k++) {
        Piece p = pieces.get(k);
        if (open[k] != null) {
          out.append(open[k]);
        } else if (close[k] != null) {
          out.append(close[k]);
        } else if (p.mark != 0) {
          out.append(
              p.text
                  .replace("_", "\\_")
                  .replace("*", "\\*")
                  .replace("^", "\\^")
                  .replace("~", "\\~"));
        } else {
          out.append(p.text);
        }
      }
      return out.toString();
    }

    private static void flush(StringBuilder plain, List<Piece> pieces) {
      if (plain.length() > 0) {
        pieces.add(new Piece(plain.toString()));
        plain.setLength(0);
      }
    }

    private static boolean isSpace(String s, int i) {
      return i >= s.length() || Character.isWhitespace(s.charAt(i));
    }

    private static boolean isAsciiPunctuation(char c) {
      return c < 128 && !Character.isLetterOrDigit(c) && c > ' ' && c != 127;
    }

    private static int run(String s, int i, char c) {
      int j = i;
      while (j < s.length() && s.charAt(j) == c) {
        j++;
      }
      return j - i;
    }

    /**
     * Where a run of exactly {@code ticks} backticks starts at or after {@code from}; -1 if none.
     */
    private static int closingTicks(String s, int from, int ticks) {
      int i = from;
      while (i < s.length()) {
        if (s.charAt(i) == '`') {
          int r = run(s, i, '`');
          if (r == ticks) {
            return i;
          }
          i += r;
        } else {
          i++;
        }
      }
      return -1;
    }
  }
}
