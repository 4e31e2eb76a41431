package dev.gazette.markdown;

import dev.gazette.util.Brackets;
import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown of Franklin.jl, the Julia site generator (Julia's own blog), into the Markdown
 * the parser knows, before it parses the text. CommonMark would show {@code ~~~} blocks of raw HTML
 * as code and print the rest as written.
 *
 * <ul>
 *   <li>{@code ~~~ … ~~~} is raw HTML, inside a line or as a block (its blank lines dropped, so it
 *       stays one HTML block);
 *   <li>{@code @@name … @@} is a block, {@code <div class="name">}, around Markdown; blocks nest;
 *   <li>{@code \newcommand{\name}[2]{… #1 … #2 …}}, in the page or the site's {@code config.md},
 *       defines a command, expanded where it is used; Franklin's own {@code \fig{path}} and {@code
 *       \figalt{alt}{path}} are pictures, {@code \style{css}{text}} is its text, {@code \toc} goes
 *       (the digest has its own contents);
 *   <li>{@code {{name}}} and {@code {{fill name}}} are the page variable's value; other functions
 *       ({@code {{about_the_author}}}) and the commands that run Julia as the site is built ({@code
 *       \output{ex}}) go, said in one line each;
 *   <li>a code block's {@code julia:ex} is its language {@code julia} (the rest names its output);
 *   <li>{@code @def} lines in the body go: they are page variables.
 * </ul>
 *
 * Code blocks and code spans are left as written.
 */
public final class FranklinMarkup {
  /** The page read, and what reading it has set aside and removed so far. */
  private final Page page;

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final List<String> raw = new ArrayList<>();
  private final List<String> marks = new ArrayList<>();
  private final Set<String> removedFunctions = new LinkedHashSet<>();
  private final Set<String> removedCommands = new LinkedHashSet<>();

  private FranklinMarkup(Page page) {
    this.page = page;
    definitions(page.siteCommands(), commands);
  }

  /**
   * What a page's markup may use beyond its text.
   *
   * @param variables the page variables ({@code @def} or {@code +++}), by lower-cased name
   * @param siteCommands the text of the site's {@code config.md}, whose {@code \newcommand}s every
   *     page may use; empty when there is none
   */
  public record Page(Map<String, Object> variables, String siteCommands) {}

  /**
   * Franklin's code fences: backticks only. Its {@code ~~~} holds raw HTML, so CodeFences, which
   * follows {@code ~~~} fences as CommonMark does, cannot tell code here.
   */
  private static final Pattern BACKTICK_FENCE = Pattern.compile("^ {0,3}(`{3,})(.*)$");

  private static final Pattern RAW_LINE = Pattern.compile("^ {0,3}~~~\\s*$");

  private static final Pattern RAW_INLINE = Pattern.compile("~~~([\\s\\S]*?)~~~");

  private static final Pattern DEF_LINE = Pattern.compile("(?m)^@def\\s+[A-Za-z_]\\w*\\s*=.*$");

  private static final Pattern BLOCK_MARK = Pattern.compile("@@([A-Za-z][\\w-]*(?:,[\\w-]+)*)?");

  private static final Pattern FUNCTION = Pattern.compile("\\{\\{\\s*([^{}\\n]*?)\\s*\\}\\}");

  private static final Pattern NEWCOMMAND = Pattern.compile("\\\\newcommand\\{\\\\([A-Za-z]+)\\}");

  private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");

  /** Commands whose output Franklin makes by running Julia as the site is built. */
  private static final Set<String> RUN_WHEN_BUILT =
      Set.of(
          "input",
          "output",
          "show",
          "textoutput",
          "textinput",
          "plotlyfig",
          "literate",
          "tableinput",
          "figalt_run",
          "codeoutput",
          "mdshow",
          "htmlshow",
          "nonumber",
          "reprint");

  /** What stands for raw HTML while the text around it is read. */
  private static final char RAW = '\u0003';

  /** What stands for a block's mark while the text around it is read. */
  private static final char MARK = '\u0004';

  /** A defined command: how many arguments it takes and what it stands for. */
  private record Command(int arguments, String definition) {}

  public static String read(String markdown, Page page, List<String> warnings) {
    return new FranklinMarkup(page).read(markdown, warnings);
  }

  private String read(String markdown, List<String> warnings) {
    StringBuilder out = new StringBuilder(markdown.length());
    StringBuilder prose = new StringBuilder();
    String[] lines = markdown.split("(?<=\n)", -1);
    String fence = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String text = line.stripTrailing();
      if (fence != null) {
        out.append(line);
        if (text.strip().startsWith(fence) && text.strip().replace("`", "").isEmpty()) {
          fence = null;
        }
        continue;
      }
      Matcher open = BACKTICK_FENCE.matcher(text);
      if (open.matches() && !open.group(2).contains("`")) {
        out.append(prose(prose));
        prose.setLength(0);
        fence = open.group(1);
        String info = open.group(2).strip();
        // julia:ex names the block's output; the language is julia
        String language = info.replaceFirst("^([\\w+#.-]+):[\\w-]+$", "$1");
        out.append(text, 0, open.start(2)).append(language).append(line.endsWith("\n") ? "\n" : "");
        continue;
      }
      if (RAW_LINE.matcher(text).matches()) {
        int close = i + 1;
        while (close < lines.length && !RAW_LINE.matcher(lines[close].stripTrailing()).matches()) {
          close++;
        }
        if (close < lines.length) {
          StringBuilder html = new StringBuilder();
          for (int j = i + 1; j < close; j++) {
            if (!lines[j].isBlank()) {
              html.append(lines[j].endsWith("\n") ? lines[j] : lines[j] + "\n");
            }
          }
          raw.add(html.toString());
          prose.append("\n").append(RAW).append(raw.size() - 1).append(RAW).append("\n\n");
          i = close;
          continue;
        }
      }
      prose.append(line);
    }
    out.append(prose(prose));
    String result = blocks(out.toString(), marks);
    for (int i = raw.size() - 1; i >= 0; i--) {
      result = result.replace(RAW + String.valueOf(i) + RAW, functions(raw.get(i)));
    }
    if (!removedFunctions.isEmpty()) {
      warnings.add(
          "Franklin functions removed (the site's Julia makes them): "
              + Listing.firstThree(new ArrayList<>(removedFunctions)));
    }
    if (!removedCommands.isEmpty()) {
      warnings.add(
          "Franklin commands removed (they run Julia as the site is built): "
              + Listing.firstThree(new ArrayList<>(removedCommands)));
    }
    return result;
  }

  /** A run of lines outside code blocks, its code spans kept as written. */
  private String prose(StringBuilder run) {
    if (run.length() == 0) {
      return "";
    }
    return CodeFences.outsideSpans(
        run.toString(),
        (text, spans) -> {
          String s = DEF_LINE.matcher(text).replaceAll("");
          s =
              RAW_INLINE
                  .matcher(s)
                  .replaceAll(
                      m -> {
                        raw.add(m.group(1));
                        return Matcher.quoteReplacement(RAW + String.valueOf(raw.size() - 1) + RAW);
                      });
          s = definitions(s, commands);
          s = commands(s, commands, removedCommands, 0);
          s = functions(s);
          return BLOCK_MARK
              .matcher(s)
              .replaceAll(
                  m -> {
                    marks.add(m.group());
                    return Matcher.quoteReplacement(MARK + String.valueOf(marks.size() - 1) + MARK);
                  });
        });
  }

  /** {@code text} without its {@code \newcommand}s, which go into {@code commands}. */
  private static String definitions(String text, Map<String, Command> commands) {
    if (!text.contains("\\newcommand")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = NEWCOMMAND.matcher(text);
    int at = 0;
    while (m.find(at)) {
      int i = m.end();
      int arguments = 0;
      Matcher count = Pattern.compile("\\[(\\d)\\]").matcher(text).region(i, text.length());
      if (count.lookingAt()) {
        arguments = Integer.parseInt(count.group(1));
        i = count.end();
      }
      Optional<int[]> body = braced(text, i);
      if (body.isEmpty()) {
        out.append(text, at, m.end());
        at = m.end();
        continue;
      }
      commands.put(
          m.group(1), new Command(arguments, text.substring(body.get()[0] + 1, body.get()[1])));
      out.append(text, at, m.start())
          .append(CodeFences.linesOf(text.substring(m.start(), body.get()[1] + 1)));
      at = body.get()[1] + 1;
    }
    return out.append(text.substring(at)).toString();
  }

  /**
   * {@code text} with its commands expanded: those defined, and Franklin's own; a command that runs
   * Julia goes into {@code removed}; any other stays as written (TeX in a formula).
   */
  private static String commands(
      String text, Map<String, Command> commands, Set<String> removed, int depth) {
    if (text.indexOf('\\') < 0 || depth > 8) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = COMMAND.matcher(text);
    int at = 0;
    while (m.find(at)) {
      String name = m.group(1);
      int arguments =
          commands.containsKey(name)
              ? commands.get(name).arguments()
              : switch (name) {
                case "fig", "toc", "tableofcontents" -> name.equals("fig") ? 1 : 0;
                case "figalt", "style" -> 2;
                default -> RUN_WHEN_BUILT.contains(name) ? -1 : -2;
              };
      if (arguments == -2 || (m.start() > 0 && text.charAt(m.start() - 1) == '\\')) {
        out.append(text, at, m.end());
        at = m.end();
        continue;
      }
      List<String> args = new ArrayList<>();
      int end = m.end();
      // a command that runs Julia takes what braces follow it
      int wanted = arguments < 0 ? Integer.MAX_VALUE : arguments;
      while (args.size() < wanted) {
        int next = end;
        while (next < text.length() && text.charAt(next) == ' ') {
          next++;
        }
        Optional<int[]> arg = braced(text, next);
        if (arg.isEmpty()) {
          break;
        }
        args.add(text.substring(arg.get()[0] + 1, arg.get()[1]));
        end = arg.get()[1] + 1;
      }
      if (arguments >= 0 && args.size() < arguments) {
        out.append(text, at, m.end()); // not a use of it: left as written
        at = m.end();
        continue;
      }
      String expansion;
      if (commands.containsKey(name)) {
        expansion = commands.get(name).definition();
        for (int k = args.size(); k >= 1; k--) {
          expansion = expansion.replace("#" + k, args.get(k - 1));
        }
        expansion = commands(expansion, commands, removed, depth + 1);
      } else if (name.equals("fig")) {
        expansion = "![](" + args.get(0).strip() + ")";
      } else if (name.equals("figalt")) {
        expansion = "![" + args.get(0).strip() + "](" + args.get(1).strip() + ")";
      } else if (name.equals("style")) {
        expansion = args.get(1);
      } else if (name.equals("toc") || name.equals("tableofcontents")) {
        expansion = "";
      } else {
        removed.add("\\" + name + (args.isEmpty() ? "" : "{" + args.get(0) + "}"));
        expansion = "";
      }
      out.append(text, at, m.start()).append(expansion);
      at = end;
    }
    return out.append(text.substring(at)).toString();
  }

  /** {@code {{name}}} and {@code {{fill name}}} as the page variable's value; others removed. */
  private String functions(String text) {
    if (!text.contains("{{")) {
      return text;
    }
    return FUNCTION
        .matcher(text)
        .replaceAll(
            m -> {
              String[] words = m.group(1).split("\\s+");
              String name =
                  words.length == 2 && words[0].equals("fill")
                      ? words[1]
                      : words.length == 1 ? words[0] : null;
              Object value =
                  name == null
                      ? null
                      : page.variables().get(name.toLowerCase(java.util.Locale.ROOT));
              if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return Matcher.quoteReplacement(value.toString());
              }
              removedFunctions.add(m.group());
              return "";
            });
  }

  /**
   * {@code text} with its block marks ({@code marks}, each standing as {@link #MARK}, its number,
   * {@link #MARK}) as the tags of the blocks they open and close: all of them when they pair,
   * across code blocks, else none (the marks as written: not Franklin's).
   */
  private static String blocks(String text, List<String> marks) {
    int depth = 0;
    for (String mark : marks) {
      depth += mark.equals("@@") ? -1 : 1;
      if (depth < 0) {
        break;
      }
    }
    boolean pair = depth == 0;
    for (int i = marks.size() - 1; i >= 0; i--) {
      String mark = marks.get(i);
      String tag =
          !pair
              ? mark
              : mark.equals("@@")
                  ? "\n\n</div>\n\n"
                  : "\n\n<div class=\"" + mark.substring(2).replace(',', ' ') + "\">\n\n";
      text = text.replace(MARK + String.valueOf(i) + MARK, tag);
    }
    return text;
  }

  /** The offsets of the braces around the group opening at {@code at}, when one opens there. */
  private static Optional<int[]> braced(String text, int at) {
    if (at >= text.length() || text.charAt(at) != '{') {
      return Optional.empty();
    }
    int close = Brackets.closing(text, at);
    return close < 0 ? Optional.empty() : Optional.of(new int[] {at, close});
  }
}
