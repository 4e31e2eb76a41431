package dev.gazette.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Reads the plain YAML most front matter is written in, without snakeyaml: top-level {@code key:
 * value} lines whose values are one-line scalars (plain, {@code 'single'} or {@code "double"}
 * quoted without escapes), block lists of such scalars ({@code - item}) and one-line flow lists
 * ({@code [a, b]}), blank lines and whole-line comments. Anything else (nested maps, multi-line or
 * block scalars, anchors, tags, escapes, a trailing comment, a repeated key, a number that is not a
 * small integer, a character YAML does not print) gives {@code null} and snakeyaml reads the text,
 * with its errors and their lines. What it returns equals what snakeyaml returns for the same text
 * ({@code PlainYamlTest} compares them on every front matter in the tests, the samples and random
 * ones). Plain scalars are typed by snakeyaml's own resolver, so {@code true}, {@code null} or
 * {@code 3} mean what they mean there.
 *
 * <p>Why: snakeyaml was ~6% of a 1,000-post build's samples, and on a cold JVM (every run of the
 * command) its scanner, parser and composer run interpreted until compiled.
 */
final class PlainYaml {
  private final ScalarResolver resolver;

  PlainYaml(ScalarResolver resolver) {
    this.resolver = resolver;
  }

  /** Signals text this reader leaves to snakeyaml. */
  private static final class NotPlain extends Exception {
    NotPlain() {
      super(null, null, false, false);
    }
  }

  private static final NotPlain NOT_PLAIN = new NotPlain();

  /** The mapping the text holds, or null when it is not in the plain subset. */
  Map<Object, Object> read(String text) {
    try {
      return mapping(text);
    } catch (NotPlain e) {
      return null;
    }
  }

  private Map<Object, Object> mapping(String text) throws NotPlain {
    requirePrintable(text);
    Map<Object, Object> map = new LinkedHashMap<>();
    List<Object> list = null; // the block list being read, after a key with no value
    int listIndent = -1;
    String pendingKey = null; // a key with no value yet: null, or a block list
    for (String line : text.split("\n", -1)) {
      int indent = indentOf(line);
      if (indent == line.length() || line.charAt(indent) == '#') {
        continue; // blank line or whole-line comment
      }
      if (line.startsWith("- ", indent)
          || (line.length() == indent + 1 && line.charAt(indent) == '-')) {
        if (pendingKey == null && list == null) {
          throw NOT_PLAIN;
        }
        if (list == null) {
          list = new ArrayList<>();
          listIndent = indent;
          map.put(pendingKey, list);
          pendingKey = null;
        } else if (indent != listIndent) {
          throw NOT_PLAIN;
        }
        list.add(scalar(line.substring(indent + 1), false));
        continue;
      }
      if (indent > 0) {
        throw NOT_PLAIN; // a nested map or a continued scalar
      }
      list = null;
      if (pendingKey != null) {
        map.put(pendingKey, null);
        pendingKey = null;
      }
      int colon = keyEnd(line);
      String key = line.substring(0, colon);
      if (resolver.resolve(key, true) != Tag.STR || map.containsKey(key)) {
        throw NOT_PLAIN;
      }
      String rest = line.substring(colon + 1);
      if (trim(rest).isEmpty()) {
        pendingKey = key;
        map.put(key, null); // keeps its place in the order; replaced by a list if one follows
      } else {
        map.put(key, value(rest));
      }
    }
    return map;
  }

  /** Longer keys go to snakeyaml (YAML caps implicit keys at 1,024 characters). */
  private static final int MAX_KEY = 128;

  /** A key: letters, digits, {@code _} and {@code -}, starting with a letter or {@code _}. */
  private static int keyEnd(String line) throws NotPlain {
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '_'
              || (i > 0 && ((c >= '0' && c <= '9') || c == '-'));
      if (!ok) {
        break;
      }
      i++;
    }
    if (i == 0
        || i > MAX_KEY
        || i >= line.length()
        || line.charAt(i) != ':'
        || (i + 1 < line.length() && line.charAt(i + 1) != ' ')) {
      throw NOT_PLAIN;
    }
    return i;
  }

  private Object value(String rest) throws NotPlain {
    String v = trim(rest);
    if (v.startsWith("[")) {
      return flowList(v);
    }
    return scalar(rest, false);
  }

  /** {@code [a, b]} on one line, of plain or quoted scalars; {@code []} is an empty list. */
  private List<Object> flowList(String v) throws NotPlain {
    if (!v.endsWith("]")) {
      throw NOT_PLAIN;
    }
    String inner = v.substring(1, v.length() - 1);
    List<Object> items = new ArrayList<>();
    if (trim(inner).isEmpty()) {
      return items;
    }
    for (String item : inner.split(",", -1)) {
      if (trim(item).isEmpty()) {
        throw NOT_PLAIN;
      }
      items.add(scalar(item, true));
    }
    return items;
  }

  /** A one-line scalar: quoted, or plain and typed by the resolver. */
  private Object scalar(String raw, boolean inFlow) throws NotPlain {
    String s = trim(raw);
    if (s.isEmpty()) {
      throw NOT_PLAIN;
    }
    char first = s.charAt(0);
    if (first == '\'' || first == '"') {
      return quoted(s, first);
    }
    if ("-?:,[]{}#&*!|>%@`".indexOf(first) >= 0
        || s.endsWith(":")
        || s.contains(": ")
        || s.contains(" #")
        || (inFlow
            && (s.indexOf('[') >= 0
                || s.indexOf(']') >= 0
                || s.indexOf('{') >= 0
                || s.indexOf('}') >= 0
                || s.indexOf(':') >= 0
                || s.indexOf('"') >= 0
                || s.indexOf('\'') >= 0
                || s.indexOf('#') >= 0))) {
      throw NOT_PLAIN;
    }
    Tag tag = resolver.resolve(s, true);
    if (tag == Tag.STR) {
      return s;
    }
    if (tag == Tag.NULL) {
      return null;
    }
    if (tag == Tag.BOOL) {
      return Boolean.valueOf(s);
    }
    if (tag == Tag.INT && s.matches("-?[1-9][0-9]{0,8}|0")) {
      return Integer.valueOf(s);
    }
    throw NOT_PLAIN;
  }

  /** {@code 'it''s'} or {@code "text"} (no escapes), with nothing after the closing quote. */
  private static String quoted(String s, char quote) throws NotPlain {
    if (s.length() < 2 || s.charAt(s.length() - 1) != quote) {
      throw NOT_PLAIN;
    }
    String inner = s.substring(1, s.length() - 1);
    if (quote == '"') {
      if (inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) {
        throw NOT_PLAIN;
      }
      return inner;
    }
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\'') {
        if (i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
          i++;
        } else {
          throw NOT_PLAIN;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** Strips YAML's spaces only (Java's strip() would also take U+3000, which YAML keeps). */
  private static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Only characters YAML prints and reads the same everywhere: no tab, no control character, no
   * line separator other than {@code \n}, no byte-order mark, surrogates only in pairs.
   */
  private static void requirePrintable(String text) throws NotPlain {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c >= 0x20 && c <= 0x7E)) {
        continue;
      }
      if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c >= 0xFFFE) {
        throw NOT_PLAIN;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw NOT_PLAIN;
      }
    }
  }
}
