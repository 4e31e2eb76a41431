package dev.gazette.source;

/**
 * Turns into spaces the tabs that YAML front matter uses as separation after a block indicator
 * ({@code key:<TAB>value}, {@code -<TAB>item}), which YAML 1.2 allows and Hugo and Hexo read, but
 * which snakeyaml-engine refuses ("found character '\t(TAB)' that cannot start any token").
 * zh-hugo-darjun wrote 87 of its 126 posts so ({@code date:<TAB><TAB>2020-01-17T22:13:05}).
 *
 * <p>Only the whitespace right after {@code -} and after a key's {@code :} in block context
 * changes: that whitespace is never part of a value, so no value changes. Tabs inside values
 * (quoted, plain, block scalars {@code |} {@code >}, flow collections, which snakeyaml reads as
 * they are) and tabs used as indentation (a YAML error, left for snakeyaml to report with its line)
 * are kept, but for a line of whitespace only, blank in any reader. Each tab becomes one space, so
 * lines and columns of errors stay where they were.
 */
final class YamlTabs {
  private YamlTabs() {}

  /** {@code text} with separating tabs as spaces; the same string when it holds no tab. */
  static String separationAsSpaces(String text) {
    if (text.indexOf('\t') < 0) {
      return text;
    }
    char[] out = text.toCharArray();
    Scan scan = new Scan();
    int start = 0;
    while (start <= out.length) {
      int end = start;
      while (end < out.length && out[end] != '\n') {
        end++;
      }
      scan.line(out, start, end);
      start = end + 1;
    }
    return new String(out);
  }

  /** What the lines read so far leave open. */
  private static final class Scan {
    /** Indentation of the line that opened a block scalar, or -1 outside one. */
    int blockScalarParent = -1;

    /** The quote of a quoted scalar that goes on to the next line, or 0. */
    char openQuote;

    /** Flow collections ({@code [}, {@code {}) still open. */
    int flowDepth;

    void line(char[] s, int from, int to) {
      if (blank(s, from, to)) {
        // A blank line is blank whatever its whitespace: chriskrycho.com's front matter has a
        // tab and two spaces after a folded scalar, which js-yaml reads and snakeyaml refused.
        for (int i = from; i < to; i++) {
          s[i] = ' ';
        }
        return;
      }
      int indent = from;
      while (indent < to && s[indent] == ' ') {
        indent++;
      }
      if (blockScalarParent >= 0) {
        if (blank(s, from, to) || indent - from > blockScalarParent) {
          return; // the scalar's own text, kept as written
        }
        blockScalarParent = -1;
      }
      int i = from;
      if (openQuote != 0) {
        i = afterQuoted(s, from, to, openQuote);
        if (i < 0) {
          return;
        }
        openQuote = 0;
      }
      if (flowDepth > 0) {
        flow(s, i, to);
        return;
      }
      if (i != from) {
        return; // the rest of a line that closed a quoted scalar: a comment at most
      }
      i = indent;
      if (i >= to || s[i] == '\t' || s[i] == '#') {
        return; // blank, indented with a tab (snakeyaml's error), or a comment
      }
      while (s[i] == '-' && (i + 1 == to || s[i + 1] == ' ' || s[i + 1] == '\t')) {
        i = spaces(s, i + 1, to);
        if (i >= to) {
          return;
        }
      }
      int colon = keyColon(s, i, to);
      if (colon >= 0) {
        i = spaces(s, colon + 1, to);
        if (i >= to) {
          return;
        }
      }
      value(s, i, to, indent - from);
    }

    /** Where the node at {@code i} leaves the scan open: block scalar, quote or flow. */
    private void value(char[] s, int i, int to, int indent) {
      char c = s[i];
      if (c == '|' || c == '>') {
        blockScalarParent = indent;
      } else if (c == '"' || c == '\'') {
        if (afterQuoted(s, i + 1, to, c) < 0) {
          openQuote = c;
        }
      } else if (c == '[' || c == '{') {
        flow(s, i, to);
      }
    }

    /** Follows brackets and quotes of a flow collection to the end of the line. */
    private void flow(char[] s, int i, int to) {
      while (i < to) {
        char c = s[i];
        if (c == '"' || c == '\'') {
          i = afterQuoted(s, i + 1, to, c);
          if (i < 0) {
            openQuote = c;
            return;
          }
          continue;
        }
        if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n')) {
          return; // a comment
        }
        if (c == '[' || c == '{') {
          flowDepth++;
        } else if ((c == ']' || c == '}') && flowDepth > 0) {
          flowDepth--;
        }
        i++;
      }
    }
  }

  /**
   * The {@code :} that ends a key starting at {@code i} ({@code key:} followed by a space, a tab or
   * the end of the line), or -1 when the line holds no key there.
   */
  private static int keyColon(char[] s, int i, int to) {
    if (s[i] == '"' || s[i] == '\'') {
      int j = afterQuoted(s, i + 1, to, s[i]);
      while (j >= 0 && j < to && (s[j] == ' ' || s[j] == '\t')) {
        j++;
      }
      return j >= 0 && j < to && s[j] == ':' && separated(s, j + 1, to) ? j : -1;
    }
    if ("[]{}#&*!|>%@`,?:".indexOf(s[i]) >= 0) {
      return -1;
    }
    for (int j = i; j < to; j++) {
      if (s[j] == '#' && (s[j - 1] == ' ' || s[j - 1] == '\t')) {
        return -1; // a comment starts before any key ends
      }
      if (s[j] == ':' && separated(s, j + 1, to)) {
        return j;
      }
    }
    return -1;
  }

  private static boolean separated(char[] s, int i, int to) {
    return i == to || s[i] == ' ' || s[i] == '\t';
  }

  /** Turns the spaces and tabs from {@code i} into spaces; returns where they end. */
  private static int spaces(char[] s, int i, int to) {
    while (i < to && (s[i] == ' ' || s[i] == '\t')) {
      s[i++] = ' ';
    }
    return i;
  }

  /**
   * Just past the closing {@code quote} of a scalar whose text starts at {@code i}, or -1 when it
   * does not close on this line. {@code "} knows {@code \} escapes; {@code '} doubles itself.
   */
  private static int afterQuoted(char[] s, int i, int to, char quote) {
    while (i < to) {
      char c = s[i];
      if (quote == '"' && c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        if (quote == '\'' && i + 1 < to && s[i + 1] == '\'') {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return -1;
  }

  private static boolean blank(char[] s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s[i] != ' ' && s[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
