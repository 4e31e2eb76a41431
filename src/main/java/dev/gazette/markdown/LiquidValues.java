package dev.gazette.markdown;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The value of a Liquid expression as Jekyll computes it, for the expressions posts use beside
 * their text: {@code site.data.releases | where: "version", "3.3.12" | first}, {@code
 * release.url.gz}, {@code page.title}, {@code "a" | append: tag}. Paths walk maps and lists ({@code
 * .first}, {@code .last}, {@code .size}, {@code [0]}, {@code ["key"]}, {@code [name]}); the common
 * filters apply. What Gazette cannot compute (an unknown name or filter, a loop's variable) has no
 * value ({@code null}), so the caller keeps its rule for directives it cannot render. Stateless.
 */
public final class LiquidValues {
  private LiquidValues() {}

  /**
   * The value of {@code expression}; {@code variables} gives a name's value (a map, a list, a
   * string, a number, a boolean), null for none. Null when any part is unknown.
   */
  public static Object evaluate(String expression, Function<String, Object> variables) {
    try {
      Reader r = new Reader(expression, variables);
      Object value = r.filtered();
      r.skipSpace();
      return r.at < expression.length() ? null : value;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /** A value as Liquid writes it: null for no value and for maps, whose text no post means. */
  public static String text(Object value) {
    if (value == null || value instanceof Map<?, ?>) {
      return null;
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder(); // Liquid joins a list's items
      for (Object item : list) {
        String t = text(item);
        if (t == null) {
          return null;
        }
        sb.append(t);
      }
      return sb.toString();
    }
    return value.toString();
  }

  private static final class Reader {
    final String s;
    final Function<String, Object> variables;
    int at;

    Reader(String s, Function<String, Object> variables) {
      this.s = s;
      this.variables = variables;
    }

    /** {@code value | filter: arg, arg | filter} */
    Object filtered() {
      Object value = primary();
      skipSpace();
      while (at < s.length() && s.charAt(at) == '|') {
        at++;
        skipSpace();
        String filter = name();
        skipSpace();
        List<Object> args = new ArrayList<>();
        if (at < s.length() && s.charAt(at) == ':') {
          at++;
          do {
            skipSpace();
            if (at < s.length() && s.charAt(at) == ',') {
              at++;
              skipSpace();
            }
            args.add(primary());
            skipSpace();
          } while (at < s.length() && s.charAt(at) == ',');
        }
        value = apply(filter, value, args);
        skipSpace();
      }
      return value;
    }

    /** A literal or a path. */
    Object primary() {
      skipSpace();
      char c = s.charAt(at);
      if (c == '"' || c == '\'') {
        int end = s.indexOf(c, at + 1);
        if (end < 0) {
          throw new IllegalArgumentException("open string");
        }
        String text = s.substring(at + 1, end);
        at = end + 1;
        return text;
      }
      if (Character.isDigit(c) || c == '-') {
        int start = at++;
        while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
          at++;
        }
        String number = s.substring(start, at);
        return number.contains(".") ? (Object) Double.valueOf(number) : Long.valueOf(number);
      }
      String root = name();
      Object value =
          switch (root) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "nil", "null" -> throw new IllegalArgumentException("nil");
            default -> variables.apply(root);
          };
      while (at < s.length() && (s.charAt(at) == '.' || s.charAt(at) == '[')) {
        if (value == null) {
          throw new IllegalArgumentException("no value");
        }
        if (s.charAt(at) == '.') {
          at++;
          value = member(value, name());
        } else {
          at++;
          Object key = filtered();
          skipSpace();
          if (s.charAt(at) != ']') {
            throw new IllegalArgumentException("open index");
          }
          at++;
          value = key instanceof Number n ? item(value, n.intValue()) : member(value, text(key));
        }
      }
      if (value == null) {
        throw new IllegalArgumentException("unknown: " + root);
      }
      return value;
    }

    String name() {
      int start = at;
      while (at < s.length()
          && (Character.isLetterOrDigit(s.charAt(at))
              || s.charAt(at) == '_'
              || s.charAt(at) == '-'
              || s.charAt(at) == '?')) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("name expected");
      }
      return s.substring(start, at);
    }

    void skipSpace() {
      while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
        at++;
      }
    }
  }

  private static Object member(Object value, String key) {
    if (key == null) {
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      Object v = map.get(key);
      if (v != null || map.containsKey(key)) {
        return v;
      }
    }
    return switch (key) {
      case "first" -> value instanceof List<?> l ? (l.isEmpty() ? null : l.get(0)) : null;
      case "last" -> value instanceof List<?> l ? (l.isEmpty() ? null : l.get(l.size() - 1)) : null;
      case "size" -> size(value);
      default -> null;
    };
  }

  private static Object item(Object value, int index) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    int i = index < 0 ? list.size() + index : index;
    return i >= 0 && i < list.size() ? list.get(i) : null;
  }

  private static Object size(Object value) {
    if (value instanceof List<?> l) {
      return (long) l.size();
    }
    if (value instanceof Map<?, ?> m) {
      return (long) m.size();
    }
    return value instanceof String t ? (long) t.length() : null;
  }

  private static Object apply(String filter, Object value, List<Object> args) {
    Object result =
        switch (filter) {
          case "where" -> where(value, args);
          case "first" -> member(value, "first");
          case "last" -> member(value, "last");
          case "size" -> size(value);
          case "reverse" -> reverse(value);
          case "sort" -> sort(value, args.isEmpty() ? null : text(args.get(0)));
          case "downcase" -> string(value).toLowerCase(Locale.ROOT);
          case "upcase" -> string(value).toUpperCase(Locale.ROOT);
          case "capitalize" -> capitalize(string(value));
          case "strip" -> string(value).strip();
          case "append" -> string(value) + string(arg(args, 0));
          case "prepend" -> string(arg(args, 0)) + string(value);
          case "remove" -> string(value).replace(string(arg(args, 0)), "");
          case "replace" -> string(value).replace(string(arg(args, 0)), string(arg(args, 1)));
          case "default" -> isBlank(value) ? arg(args, 0) : value;
          case "join" ->
              value instanceof List<?> l
                  ? join(l, args.isEmpty() ? " " : string(args.get(0)))
                  : null;
          case "slice" -> slice(value, args);
          // Ruby's split: trailing empty strings dropped, an empty separator splits characters
          case "split" ->
              List.of(
                  string(value)
                      .split(
                          string(arg(args, 0)).isEmpty()
                              ? ""
                              : java.util.regex.Pattern.quote(string(arg(args, 0)))));
          case "escape", "xml_escape", "uri_escape", "url_encode" ->
              value; // the text is escaped later
          default -> throw new IllegalArgumentException("unknown filter: " + filter);
        };
    if (result == null) {
      throw new IllegalArgumentException("no value from " + filter);
    }
    return result;
  }

  private static Object arg(List<Object> args, int i) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("missing argument");
    }
    return args.get(i);
  }

  private static String string(Object value) {
    String t = text(value);
    if (t == null) {
      throw new IllegalArgumentException("not text");
    }
    return t;
  }

  private static boolean isBlank(Object value) {
    return value == null
        || Boolean.FALSE.equals(value)
        || (value instanceof String t && t.isEmpty())
        || (value instanceof List<?> l && l.isEmpty());
  }

  private static String capitalize(String t) {
    return t.isEmpty() ? t : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }

  /** Jekyll's {@code where: "key", value}: the items whose key's text is the value's. */
  private static Object where(Object value, List<Object> args) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    String key = string(arg(args, 0));
    String wanted = string(arg(args, 1));
    List<Object> found = new ArrayList<>();
    for (Object item : list) {
      if (item instanceof Map<?, ?> m && wanted.equals(text(m.get(key)))) {
        found.add(item);
      }
    }
    return found;
  }

  private static Object reverse(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<Object> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  /** Liquid's {@code sort}, by the items' text or by one key's; a stable sort. */
  private static Object sort(Object value, String key) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<Object> copy = new ArrayList<>(list);
    Function<Object, String> by =
        key == null ? LiquidValues::text : o -> o instanceof Map<?, ?> m ? text(m.get(key)) : null;
    for (Object o : copy) {
      if (by.apply(o) == null) {
        return null; // items without the key: Jekyll orders them by rules Gazette does not copy
      }
    }
    copy.sort((a, b) -> by.apply(a).compareTo(by.apply(b)));
    return copy;
  }

  private static String join(List<?> list, String separator) {
    List<String> parts = new ArrayList<>();
    for (Object o : list) {
      String t = text(o);
      if (t == null) {
        return null;
      }
      parts.add(t);
    }
    return String.join(separator, parts);
  }

  private static Object slice(Object value, List<Object> args) {
    if (!(arg(args, 0) instanceof Number offset)) {
      return null;
    }
    int length = args.size() > 1 && args.get(1) instanceof Number n ? n.intValue() : 1;
    if (value instanceof List<?> list) {
      int from = Math.max(0, Math.min(list.size(), offset.intValue()));
      return new ArrayList<>(list.subList(from, Math.min(list.size(), from + Math.max(0, length))));
    }
    String t = string(value);
    int from = Math.max(0, Math.min(t.length(), offset.intValue()));
    return t.substring(from, Math.min(t.length(), from + Math.max(0, length)));
  }
}
