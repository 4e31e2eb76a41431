package dev.gazette.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Ziggy, the data language of Zine's front matter ({@code .title = "x",}) and of its {@code
 * zine.ziggy} site config, into maps, lists, strings, numbers, booleans and nulls. A struct ({@code
 * .{ .a = 1 }}, {@code Site { … }}) and a map ({@code { "k": v }}) become maps; a tagged value
 * ({@code @date("2024-01-02")}, {@code .date("…")}, {@code .simple(.{ … })}) becomes its payload,
 * an enum literal ({@code .red}) its name; {@code \\} lines are one multi-line string. A top level
 * of bare fields is a struct.
 */
public final class Ziggy {
  private final String text;
  private int pos;

  private Ziggy(String text) {
    this.text = text;
  }

  /** The value of a Ziggy document; a top level of {@code .key = value} fields is a map. */
  public static Object parse(String text) {
    Ziggy z = new Ziggy(text);
    z.skip();
    Object value = z.peek() == '.' && z.fieldAhead() ? z.fields('\0') : z.value();
    z.skip();
    if (z.pos < text.length()) {
      throw z.error("unexpected '" + text.charAt(z.pos) + "'");
    }
    return value;
  }

  /** Whether a front matter's text reads as Ziggy: its first line is a {@code .key =} field. */
  static boolean looksLike(String firstLine) {
    return firstLine.strip().matches("\\.[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
  }

  private Object value() {
    skip();
    char c = peek();
    if (c == '"') {
      return string();
    }
    if (c == '\\' && text.startsWith("\\\\", pos)) {
      return multilineString();
    }
    if (c == '[') {
      return list();
    }
    if (c == '{') {
      pos++;
      skip();
      return peek() == '.' ? fields('}') : map(); // { .name = "rss" } is a struct too
    }
    if (c == '@' || c == '.') {
      pos++;
      if (peek() == '{') {
        pos++;
        return fields('}');
      }
      String name = identifier();
      skip();
      if (peek() == '(') {
        pos++;
        skip();
        Object payload = peek() == ')' ? name : value();
        expect(')');
        return payload;
      }
      return name;
    }
    if (Character.isLetter(c) || c == '_') {
      String word = identifier();
      skip();
      if (peek() == '{') { // a named struct: Site { .title = "x" }
        pos++;
        return fields('}');
      }
      return switch (word) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        case "null" -> null;
        default -> throw error("unknown word '" + word + "'");
      };
    }
    if (c == '-' || c == '+' || Character.isDigit(c)) {
      return number();
    }
    throw error(c == '\0' ? "a value is missing" : "unexpected '" + c + "'");
  }

  /** {@code .key = value,} fields up to {@code close} (or the end, for {@code '\0'}). */
  private Map<String, Object> fields(char close) {
    Map<String, Object> fields = new LinkedHashMap<>();
    while (true) {
      skip();
      if (peek() == close) {
        if (close != '\0') {
          pos++;
        }
        return fields;
      }
      expect('.');
      String key = identifier();
      skip();
      expect('=');
      fields.put(key, value());
      if (!comma(close)) {
        expect(close);
        return fields;
      }
    }
  }

  private Map<String, Object> map() {
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      skip();
      if (peek() == '}') {
        pos++;
        return map;
      }
      String key = string();
      skip();
      expect(':');
      map.put(key, value());
      if (!comma('}')) {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> list() {
    pos++;
    List<Object> list = new ArrayList<>();
    while (true) {
      skip();
      if (peek() == ']') {
        pos++;
        return list;
      }
      list.add(value());
      if (!comma(']')) {
        expect(']');
        return list;
      }
    }
  }

  /** Past a comma, true; false when the next thing is {@code close} (or the end, for '\0'). */
  private boolean comma(char close) {
    skip();
    if (peek() == ',') {
      pos++;
      return true;
    }
    if (peek() == close) {
      return false;
    }
    throw error("expected ',' or '" + (close == '\0' ? "end" : close) + "'");
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '\\' && peek() == 'x') {
        // Zig's strings are bytes: \xe2\x80\x9c is one character, in UTF-8
        if (pos + 3 > text.length()) {
          throw error("a \\x escape needs two hex digits");
        }
        try {
          bytes.write(Integer.parseInt(text.substring(pos + 1, pos + 3), 16));
        } catch (NumberFormatException e) {
          throw error("a \\x escape needs two hex digits");
        }
        pos += 3;
        continue;
      }
      if (bytes.size() > 0) {
        sb.append(bytes.toString(java.nio.charset.StandardCharsets.UTF_8));
        bytes.reset();
      }
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\n') {
        break;
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = pos < text.length() ? text.charAt(pos++) : '\0';
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case '\\', '"', '\'' -> sb.append(e);
        case 'u' -> {
          int end = text.indexOf('}', pos);
          if (peek() != '{' || end < 0) {
            throw error("a \\u escape needs {hex}");
          }
          try {
            sb.appendCodePoint(Integer.parseInt(text.substring(pos + 1, end), 16));
          } catch (IllegalArgumentException ex) {
            throw error("bad \\u escape");
          }
          pos = end + 1;
        }
        default -> throw error("unknown escape \\" + e);
      }
    }
    throw error("a string is never closed");
  }

  private String multilineString() {
    StringBuilder sb = new StringBuilder();
    while (text.startsWith("\\\\", pos)) {
      int end = text.indexOf('\n', pos);
      end = end < 0 ? text.length() : end;
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      sb.append(text, pos + 2, end);
      pos = end;
      skip();
    }
    return sb.toString();
  }

  private Object number() {
    int start = pos;
    while (pos < text.length() && "+-._xXoObBeE0123456789abcdefABCDEF".indexOf(peek()) >= 0) {
      pos++;
    }
    String n = text.substring(start, pos).replace("_", "");
    try {
      if (n.matches("[+-]?\\d+")) {
        return Long.parseLong(n);
      }
      if (n.matches("[+-]?0x[0-9a-fA-F]+")) {
        return Long.decode(n);
      }
      return Double.parseDouble(n);
    } catch (NumberFormatException e) {
      throw error("not a number: " + n);
    }
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw error("a name is missing");
    }
    return text.substring(start, pos);
  }

  /** Whether a {@code .name =} field starts here (not an enum literal or a tagged value). */
  private boolean fieldAhead() {
    int save = pos;
    try {
      pos++;
      identifier();
      skip();
      return peek() == '=';
    } catch (IllegalArgumentException e) {
      return false;
    } finally {
      pos = save;
    }
  }

  private void expect(char c) {
    skip();
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  /** Past spaces, line ends and {@code //} comments. */
  private void skip() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("//", pos)) {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end;
      } else {
        return;
      }
    }
  }

  /** The line of the position: messages name it. */
  int line() {
    int line = 1;
    for (int i = 0; i < pos && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private ZiggyException error(String message) {
    return new ZiggyException(line(), message);
  }

  /** Ziggy that does not parse, with its 1-based line in the text read. */
  public static final class ZiggyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int line;

    ZiggyException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
