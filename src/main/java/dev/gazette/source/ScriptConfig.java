package dev.gazette.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site config of a generator whose config is a script: VitePress's {@code
 * .vitepress/config.ts}, VuePress's {@code .vuepress/config.js}, {@code docusaurus.config.js}.
 * Nothing is run: the object the script exports ({@code export default defineConfig({…})}, or
 * {@code defineConfigWithTheme<T>({…})}, VuePress's {@code defineUserConfig}, {@code module.exports
 * = {…}}, Docusaurus' {@code const config = {…}}) is read for its own properties written as plain
 * strings ({@code title: 'Vue.js'}, {@code lang: 'zh-CN'}); a value the script computes ({@code
 * url: siteURL}) and everything nested deeper (a theme's or a locale's titles) are left out.
 */
final class ScriptConfig {
  private ScriptConfig() {}

  /** Where the exported object opens, at its brace. */
  private static final Pattern EXPORTED_OBJECT =
      Pattern.compile(
          "(?:define\\w*Config\\w*\\s*(?:<[^>(]*>)?\\s*\\(\\s*|export\\s+default\\s+"
              + "|module\\.exports\\s*=\\s*"
              + "|const\\s+config\\s*(?::\\s*[\\w.<>]+\\s*)?=\\s*)\\{");

  private static final Pattern KEY = Pattern.compile("[A-Za-z_$][\\w$]*");

  /** Whether {@code fileName} is such a config, by its name. */
  static boolean isScript(String fileName) {
    return fileName.matches(".*\\.(?:js|mjs|cjs|ts|mts|cts)");
  }

  /** The exported object's own plain-string properties, in order; empty when none is found. */
  static Map<String, Object> read(String script) {
    Map<String, Object> values = new LinkedHashMap<>();
    Matcher open = EXPORTED_OBJECT.matcher(script);
    if (!open.find()) {
      return values;
    }
    Matcher name = KEY.matcher(script); // a property's name, where one starts
    int depth = 0;
    String key = null; // a property name just read at the object's own level, before its colon
    boolean afterColon = false;
    for (int i = open.end() - 1; i < script.length(); i++) {
      char c = script.charAt(i);
      if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '/') {
        i = end(script.indexOf('\n', i), script) - 1;
        continue;
      }
      if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
        int close = script.indexOf("*/", i + 2);
        i = close < 0 ? script.length() : close + 1;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int close = closing(script, i);
        String text = script.substring(i + 1, Math.max(i + 1, close));
        if (depth == 1 && afterColon && key != null && !(c == '`' && text.contains("${"))) {
          values.putIfAbsent(key, unescape(text));
        } else if (depth == 1 && !afterColon) {
          key = unescape(text); // a quoted name: 'title': …
          i = close;
          continue;
        }
        key = null;
        afterColon = false;
        i = close;
        continue;
      }
      switch (c) {
        case '{', '[', '(' -> {
          depth++;
          key = null;
          afterColon = false;
        }
        case '}', ']', ')' -> {
          depth--;
          if (depth == 0) {
            return values;
          }
        }
        case ':' -> afterColon = depth == 1 && key != null;
        case ',' -> {
          key = null;
          afterColon = false;
        }
        default -> {
          if (depth == 1 && !afterColon && name.region(i, script.length()).lookingAt()) {
            key = name.group();
            i = name.end() - 1;
          } else if (depth == 1 && afterColon && !Character.isWhitespace(c)) {
            key = null; // a value the script computes
            afterColon = false;
          }
        }
      }
    }
    return values;
  }

  private static int end(int at, String s) {
    return at < 0 ? s.length() : at;
  }

  /** The index of the quote closing the string that opens at {@code open}, or the text's end. */
  private static int closing(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      } else if (c == '\n' && quote != '`') {
        return i; // an unclosed string ends with its line
      }
    }
    return s.length();
  }

  private static String unescape(String text) {
    return text.replaceAll("\\\\(.)", "$1");
  }
}
