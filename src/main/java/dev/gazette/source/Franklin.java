package dev.gazette.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page variables of Franklin.jl, the Julia site generator (Julia's own blog): {@code @def title
 * = "x"} lines at the top of a page, or the same assignments between {@code +++} lines, which TOML
 * cannot read ({@code rss_pubdate = Date(2025, 10, 8)}). Values are Julia: a string ({@code "…"},
 * {@code """…"""}), {@code Date(y, m, d)} and {@code DateTime(y, m, d, h, min, s)} as ISO text,
 * {@code true}, {@code false}, a number, a vector or tuple of these; Franklin runs any other
 * expression, Gazette keeps it as written, except that {@code get(ENV, "X", "default")} (a site
 * config's address) gives its default.
 *
 * <p>Franklin's names for what other engines call the date, the description and the language
 * ({@code rss_pubdate}, {@code rss_description} or {@code rss}, {@code pagelang}) also give those
 * keys, at their lines, unless the page gives them itself; its site config's {@code website_title}
 * and {@code website_url} give {@code title} and {@code url}.
 */
public final class Franklin {
  private Franklin() {}

  /** Franklin's site config: its page variables, then the commands every page may use. */
  static final String SITE_CONFIG = "config.md";

  /** Largest site config read. */
  private static final long MAX_CONFIG_BYTES = 1 << 20;

  /**
   * The text of the site's {@code config.md} when {@code siteRoot} is a Franklin site's folder (its
   * {@code config.md} opens with {@code +++} or {@code @def}); null for any other folder, or none.
   */
  public static String siteConfigText(java.nio.file.Path siteRoot) {
    if (siteRoot == null) {
      return null;
    }
    java.nio.file.Path file = siteRoot.resolve(SITE_CONFIG);
    try {
      if (!java.nio.file.Files.isRegularFile(file)
          || java.nio.file.Files.size(file) > MAX_CONFIG_BYTES) {
        return null;
      }
      String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
      String first = text.strip().lines().findFirst().orElse("").strip();
      return first.equals("+++") || isDef(first) ? text : null;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return null; // unreadable: the pages go without its commands
    }
  }

  /** A page variable's line: {@code @def name = value}, or {@code name = value} inside +++. */
  static final Pattern KEY = Pattern.compile("^(?:@def\\s+)?([A-Za-z_]\\w*)\\s*=");

  private static final Pattern DEF = Pattern.compile("^@def\\s+[A-Za-z_]\\w*\\s*=");

  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(?:@def\\s+)?([A-Za-z_]\\w*)\\s*=\\s*(\\S.*)$", Pattern.DOTALL);

  private static final Pattern DATE =
      Pattern.compile("(Date(?:Time)?)\\(\\s*(\\d{4}(?:\\s*,\\s*\\d{1,2}){0,5})\\s*\\)");

  private static final Pattern DATE_OF_TEXT =
      Pattern.compile("Date(?:Time)?\\(\\s*\"([^\"]*)\"\\s*\\)");

  private static final Pattern ENV_DEFAULT =
      Pattern.compile("get\\(\\s*ENV\\s*,\\s*\"[^\"]*\"\\s*,\\s*(\"[^\"]*\")\\s*\\)");

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  /** The common keys Franklin's own names give, each taken by the first name the page has. */
  private static final Map<String, List<String>> COMMON_NAMES =
      Map.of(
          "date", List.of("rss_pubdate"),
          "description", List.of("rss_description", "rss"),
          "lang", List.of("pagelang"),
          "title", List.of("website_title"),
          "url", List.of("website_url"));

  /** Whether {@code line} opens Franklin's {@code @def} lines. */
  static boolean isDef(String line) {
    return DEF.matcher(line).find();
  }

  /**
   * Whether the lines of a {@code +++} block that TOML refused are Franklin's: all Julia
   * assignments, comments or blank, one of them a call or a tuple TOML cannot read ({@code
   * Date(2025, 10, 8)}, {@code get(ENV, …)}). Other TOML errors (a key given twice, a bad escape)
   * stay errors.
   */
  static boolean looksLike(List<String> lines) {
    List<Statement> statements = statements(lines);
    return !statements.isEmpty()
        && statements.stream().allMatch(s -> s.name() != null)
        && statements.stream().anyMatch(s -> callsJulia(s.value()));
  }

  /** A Julia function's name, called: {@code Date(}, {@code get(}. */
  private static final Pattern CALL = Pattern.compile("(?:[A-Za-z_][\\w.]*)?\\(");

  /**
   * Whether a value calls a Julia function ({@code Date(…)}, {@code get(ENV, …)}) or holds tuples
   * ({@code meta = [("property", "og:video", "…")]}, two posts of Julia's blog), after any brackets
   * that open it (skipped by hand: a regex loop over 10,000 of them overflows the stack).
   */
  private static boolean callsJulia(String value) {
    int i = 0;
    while (i < value.length()
        && (value.charAt(i) == '[' || Character.isWhitespace(value.charAt(i)))) {
      i++;
    }
    return CALL.matcher(value).region(i, value.length()).lookingAt();
  }

  /**
   * A page variable's assignment: its name (null for a line that is none), value text and the index
   * of its first line.
   */
  private record Statement(String name, String value, int line) {}

  /**
   * The assignments of {@code lines}: one per {@code name = value}, a value running on over the
   * lines a triple-quoted string or a bracket keeps open; the first line that is none ends them.
   */
  private static List<Statement> statements(List<String> lines) {
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(s);
      if (!m.matches()) {
        out.add(new Statement(null, null, i));
        return out;
      }
      StringBuilder value = new StringBuilder(m.group(2));
      int first = i;
      while (open(value.toString()) && i + 1 < lines.size()) {
        value.append('\n').append(lines.get(++i));
      }
      out.add(new Statement(m.group(1), value.toString().strip(), first));
    }
    return out;
  }

  /** Whether a value's text leaves a triple-quoted string or a bracket open. */
  static boolean open(String value) {
    int triple = 0;
    for (int at = value.indexOf("\"\"\""); at >= 0; at = value.indexOf("\"\"\"", at + 3)) {
      triple++;
    }
    if (triple % 2 == 1) {
      return true;
    }
    if (triple > 0) {
      return false;
    }
    return outsideStrings(value, (i, c, depth) -> true) > 0;
  }

  /** What {@link #outsideStrings} is shown: a character's index, the character, its depth. */
  private interface Outside {
    /** Whether to go on. */
    boolean at(int index, char c, int depth);
  }

  /**
   * Shows {@code at} each character of a value outside its strings, with the depth of brackets
   * around it, until it says stop; returns the depth at the end.
   */
  private static int outsideStrings(String value, Outside at) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ']' || c == ')') {
          depth--;
        }
        if (!at.at(i, c, depth)) {
          break;
        }
        if (c == '[' || c == '(') {
          depth++;
        }
      }
    }
    return depth;
  }

  /**
   * The page variables of {@code lines} (the lines of {@code @def} assignments, or the inside of a
   * {@code +++} block), with the common keys their Franklin names give.
   *
   * @throws PostFormatException at its line, for a line that is no assignment or a string left open
   */
  static Map<String, Object> parse(List<String> lines, int firstLine) throws PostFormatException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Statement s : statements(lines)) {
      if (s.name() == null) {
        throw new PostFormatException(
            firstLine + s.line(), "invalid Franklin page variable: not a 'name = value' line");
      }
      if (open(s.value())) {
        throw new PostFormatException(
            firstLine + s.line(),
            "invalid Franklin page variable: the value of '" + s.name() + "' is never closed");
      }
      Object value = value(s.value());
      if (value != null) {
        out.put(s.name(), value);
      }
    }
    return out;
  }

  /**
   * {@code byKey} with each common key its Franklin name gives, unless it has the key: a front
   * matter's values, and the lines of its keys ({@code FrontMatter} adds them, for Julia and TOML).
   */
  static <V> Map<String, V> withCommonNames(Map<String, V> byKey) {
    COMMON_NAMES.forEach(
        (common, names) -> {
          if (!byKey.containsKey(common)) {
            names.stream()
                .filter(byKey::containsKey)
                .findFirst()
                .ifPresent(n -> byKey.put(common, byKey.get(n)));
          }
        });
    return byKey;
  }

  /** A Julia value as front matter reads it; null for {@code nothing}. */
  static Object value(String text) {
    return value(text, 0);
  }

  /** Vectors nested deeper than this are kept as written: nobody's page variable is that deep. */
  private static final int MAX_DEPTH = 16;

  private static Object value(String text, int depth) {
    String v = withoutComment(text.strip());
    if (v.startsWith("\"\"\"") && v.endsWith("\"\"\"") && v.length() >= 6) {
      return v.substring(3, v.length() - 3).strip();
    }
    if (v.startsWith("\"")
        && v.endsWith("\"")
        && v.length() >= 2
        && !v.substring(1, v.length() - 1).matches("(?s).*(?<!\\\\)\".*")) {
      return unescape(v.substring(1, v.length() - 1));
    }
    switch (v) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "nothing":
        return null;
      default:
        break;
    }
    if (NUMBER.matcher(v).matches()) {
      return v.contains(".") || v.contains("e") || v.contains("E")
          ? (Object) Double.valueOf(v)
          : (Object) Long.valueOf(v);
    }
    Matcher date = DATE.matcher(v);
    if (date.matches()) {
      return date(date.group(1), date.group(2)).orElse(v);
    }
    Matcher dateText = DATE_OF_TEXT.matcher(v);
    if (dateText.matches()) {
      return dateText.group(1);
    }
    Matcher env = ENV_DEFAULT.matcher(v);
    if (env.matches()) {
      return value(env.group(1), depth);
    }
    if (depth < MAX_DEPTH
        && ((v.startsWith("[") && v.endsWith("]")) || (v.startsWith("(") && v.endsWith(")")))) {
      List<Object> items = new ArrayList<>();
      for (String item : items(v.substring(1, v.length() - 1))) {
        Object o = value(item, depth + 1);
        if (o != null) {
          items.add(o);
        }
      }
      return items;
    }
    return v; // an expression Franklin would run: kept as written
  }

  /** A {@code Date} or {@code DateTime} of numbers as ISO text, when it is a real day. */
  private static java.util.Optional<String> date(String kind, String numbers) {
    int[] n =
        java.util.Arrays.stream(numbers.split(","))
            .map(String::strip)
            .mapToInt(Integer::parseInt)
            .toArray();
    try {
      LocalDate day = LocalDate.of(n[0], n.length > 1 ? n[1] : 1, n.length > 2 ? n[2] : 1);
      if (kind.equals("Date")) {
        return java.util.Optional.of(day.toString());
      }
      LocalDateTime t =
          day.atTime(n.length > 3 ? n[3] : 0, n.length > 4 ? n[4] : 0, n.length > 5 ? n[5] : 0);
      return java.util.Optional.of(t.toString());
    } catch (DateTimeException e) {
      return java.util.Optional.empty(); // kept as written: the date reader names it
    }
  }

  /** A value without a {@code #} comment after it (not one inside a string). */
  private static String withoutComment(String v) {
    int[] hash = {-1};
    outsideStrings(
        v,
        (i, c, depth) -> {
          hash[0] = c == '#' ? i : -1;
          return c != '#';
        });
    return hash[0] < 0 ? v : v.substring(0, hash[0]).strip();
  }

  /**
   * The items of a vector's or tuple's inside, split at the commas outside strings and brackets.
   */
  private static List<String> items(String inside) {
    List<String> out = new ArrayList<>();
    int[] start = {0};
    outsideStrings(
        inside,
        (i, c, depth) -> {
          if (c == ',' && depth == 0) {
            out.add(inside.substring(start[0], i));
            start[0] = i + 1;
          }
          return true;
        });
    if (!inside.substring(start[0]).isBlank()) {
      out.add(inside.substring(start[0]));
    }
    return out;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        out.append(
            switch (n) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> n; // \" \\ \$
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
