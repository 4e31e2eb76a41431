package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexers for languages RSyntaxTextArea has none for, each a handful of patterns: OCaml (ocaml.org's
 * Markdown: 1,296 blocks plain) and Nim (Nim's news posts: 281). A token is a nested block comment,
 * a line comment, a string or character, a type variable, a number or a word; a word is a keyword,
 * a literal ({@code true}), a type (a built-in name, or any capitalized one: OCaml's constructors
 * and modules, Nim's types) or nothing. What no pattern takes stays plain. Thread-safe.
 */
final class PatternLexers {
  private PatternLexers() {}

  /**
   * One language: {@code token} has the named groups {@code open} (a block comment, closed by
   * {@code close} and nested), {@code comment} (optional), {@code string}, {@code variable}
   * (optional), {@code number} and {@code word}.
   */
  record Language(
      Pattern token,
      String open,
      String close,
      Set<String> keywords,
      Set<String> literals,
      Set<String> types) {
    /**
     * Whether {@code token} has the group {@code name}: asking a matcher for one it lacks throws.
     */
    boolean has(String name) {
      return token.pattern().contains("(?<" + name + ">");
    }
  }

  static final Language OCAML =
      new Language(
          Pattern.compile(
              "(?<open>\\(\\*)"
                  + "|(?<string>\"(?:[^\"\\\\]|\\\\.)*\""
                  + "|'(?:[^'\\\\\\n]|\\\\(?:[0-9]{3}|x[0-9a-fA-F]{2}|o[0-7]{3}|[^\\n]))')"
                  + "|(?<variable>'[a-z_][A-Za-z0-9_']*)"
                  + "|(?<number>(?<![\\w'])(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
                  + "|[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][+-]?[0-9_]+)?)[lLn]?)"
                  + "|(?<word>[A-Za-z_][A-Za-z0-9_']*)",
              Pattern.DOTALL),
          "(*",
          "*)",
          Set.of(
              "and",
              "as",
              "assert",
              "asr",
              "begin",
              "class",
              "constraint",
              "do",
              "done",
              "downto",
              "else",
              "end",
              "exception",
              "external",
              "for",
              "fun",
              "function",
              "functor",
              "if",
              "in",
              "include",
              "inherit",
              "initializer",
              "land",
              "lazy",
              "let",
              "lor",
              "lsl",
              "lsr",
              "lxor",
              "match",
              "method",
              "mod",
              "module",
              "mutable",
              "new",
              "nonrec",
              "object",
              "of",
              "open",
              "or",
              "private",
              "rec",
              "sig",
              "struct",
              "then",
              "to",
              "try",
              "type",
              "val",
              "virtual",
              "when",
              "while",
              "with"),
          Set.of("true", "false"),
          Set.of(
              "int",
              "float",
              "string",
              "char",
              "bool",
              "unit",
              "list",
              "array",
              "option",
              "bytes",
              "exn",
              "ref",
              "result",
              "seq",
              "int32",
              "int64",
              "nativeint"));

  static final Language NIM =
      new Language(
          Pattern.compile(
              "(?<open>#\\[)"
                  + "|(?<comment>#[^\\n]*)"
                  + "|(?<string>(?:\\b[A-Za-z_]\\w*)?\"\"\"[\\s\\S]*?\"\"\"(?!\")"
                  + "|\\b[rR]\"(?:[^\"\\n]|\"\")*\""
                  + "|\"(?:[^\"\\\\\\n]|\\\\.)*\""
                  + "|'(?:[^'\\\\\\n]|\\\\(?:x[0-9a-fA-F]{2}|[0-9]{1,3}|[^\\n]))')"
                  + "|(?<number>(?<![\\w])(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+"
                  + "|[0-9][0-9_]*(?:\\.[0-9][0-9_]*)?(?:[eE][+-]?[0-9_]+)?)"
                  + "(?:'?[iIuUfFdD](?:8|16|32|64)?)?)"
                  + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)",
              Pattern.DOTALL),
          "#[",
          "]#",
          Set.of(
              "addr",
              "and",
              "as",
              "asm",
              "bind",
              "block",
              "break",
              "case",
              "cast",
              "concept",
              "const",
              "continue",
              "converter",
              "defer",
              "discard",
              "distinct",
              "div",
              "do",
              "elif",
              "else",
              "end",
              "enum",
              "except",
              "export",
              "finally",
              "for",
              "from",
              "func",
              "if",
              "import",
              "in",
              "include",
              "interface",
              "is",
              "isnot",
              "iterator",
              "let",
              "macro",
              "method",
              "mixin",
              "mod",
              "nil",
              "not",
              "notin",
              "object",
              "of",
              "or",
              "out",
              "proc",
              "ptr",
              "raise",
              "ref",
              "return",
              "shl",
              "shr",
              "static",
              "template",
              "try",
              "tuple",
              "type",
              "using",
              "var",
              "when",
              "while",
              "xor",
              "yield"),
          Set.of("true", "false"),
          Set.of(
              "int",
              "int8",
              "int16",
              "int32",
              "int64",
              "uint",
              "uint8",
              "uint16",
              "uint32",
              "uint64",
              "float",
              "float32",
              "float64",
              "bool",
              "char",
              "string",
              "cstring",
              "seq",
              "array",
              "set",
              "openArray",
              "varargs",
              "pointer",
              "void",
              "auto",
              "typed",
              "untyped",
              "byte",
              "range"));

  /** The highlighted stretches of {@code code} in {@code language}, in order. */
  static List<SyntaxHighlighter.Span> highlight(Language language, String code) {
    // the optional groups, looked up once, not per token
    boolean comments = language.has("comment");
    boolean variables = language.has("variable");
    List<SyntaxHighlighter.Span> spans = new ArrayList<>();
    Matcher m = language.token().matcher(code);
    int at = 0;
    while (at < code.length() && m.find(at)) {
      int end = m.end();
      String cssClass = null;
      if (m.group("open") != null) {
        end = closeOfNested(code, m.start(), language.open(), language.close());
        cssClass = SyntaxHighlighter.COMMENT;
      } else if (comments && m.group("comment") != null) {
        cssClass = SyntaxHighlighter.COMMENT;
      } else if (m.group("string") != null) {
        cssClass = SyntaxHighlighter.STRING;
      } else if (variables && m.group("variable") != null) {
        cssClass = SyntaxHighlighter.VARIABLE;
      } else if (m.group("number") != null) {
        cssClass = SyntaxHighlighter.NUMBER;
      } else {
        String word = m.group("word");
        if (language.keywords().contains(word)) {
          cssClass = SyntaxHighlighter.KEYWORD;
        } else if (language.literals().contains(word)) {
          cssClass = SyntaxHighlighter.NUMBER;
        } else if (language.types().contains(word) || Character.isUpperCase(word.charAt(0))) {
          cssClass = SyntaxHighlighter.TYPE;
        }
      }
      if (cssClass != null) {
        spans.add(new SyntaxHighlighter.Span(m.start(), end, cssClass));
      }
      at = Math.max(end, m.start() + 1);
    }
    return spans;
  }

  /**
   * Where the block comment opened at {@code start} ends, nested ones counted; the end if never.
   */
  private static int closeOfNested(String code, int start, String open, String close) {
    int depth = 0;
    int i = start;
    while (i < code.length()) {
      if (code.startsWith(open, i)) {
        depth++;
        i += open.length();
      } else if (code.startsWith(close, i)) {
        depth--;
        i += close.length();
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return code.length();
  }
}
