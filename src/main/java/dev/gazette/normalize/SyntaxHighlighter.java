package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.text.Segment;
import org.fife.ui.rsyntaxtextarea.Token;
import org.fife.ui.rsyntaxtextarea.TokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CPlusPlusTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSSTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CSharpTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.CTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ClojureTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DartTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DelphiTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.DockerTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.FortranTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.GroovyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.HTMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.IniTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JavaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.JsonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.KotlinTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LatexTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LessTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LispTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.LuaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.MakefileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PHPTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PerlTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PropertiesFileTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ProtoTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.PythonTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RubyTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.RustTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.SQLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.ScalaTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TclTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.TypeScriptTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.UnixShellTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.VisualBasicTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.WindowsBatchTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.XMLTokenMaker;
import org.fife.ui.rsyntaxtextarea.modes.YamlTokenMaker;

/**
 * Splits source code into highlighted tokens, by language name as written after a Markdown fence
 * ({@code rust}, {@code rs}, {@code sh}, …). The lexers are RSyntaxTextArea's (JFlex-generated, one
 * per language, BSD licence); this class maps their token types onto a small set of classes that
 * both outputs style the same way, and adds what the library lacks: unified diffs, TOML values, and
 * Rust lifetimes (which its Rust lexer reads as character literals). Thread-safe: a lexer is made
 * per call.
 */
final class SyntaxHighlighter {
  /**
   * A highlighted stretch {@code [start, end)} of the code, drawn in CSS class {@code cssClass}.
   */
  record Span(int start, int end, String cssClass) {}

  /** Keyword. */
  static final String KEYWORD = "hl-k";

  /** Built-in or declared type. */
  static final String TYPE = "hl-t";

  /** Function or built-in function name. */
  static final String FUNCTION = "hl-f";

  /** String or character literal, regular expression. */
  static final String STRING = "hl-s";

  /** Number or boolean literal. */
  static final String NUMBER = "hl-n";

  /** Comment. */
  static final String COMMENT = "hl-c";

  /** Annotation, attribute, preprocessor line, section header. */
  static final String META = "hl-m";

  /** Variable ({@code $HOME}, {@code @field}) or lifetime. */
  static final String VARIABLE = "hl-v";

  /** Markup tag name and delimiters. */
  static final String TAG = "hl-g";

  /** Markup attribute name. */
  static final String ATTRIBUTE = "hl-a";

  /** Diff: added line. */
  static final String INSERTED = "hl-i";

  /** Diff: removed line. */
  static final String DELETED = "hl-d";

  /** Diff: file and hunk headers. */
  static final String HEADER = "hl-h";

  private static final Map<String, Supplier<TokenMaker>> LEXERS = new HashMap<>();

  static {
    lexer(RustTokenMaker::new, "rust", "rs");
    lexer(JavaTokenMaker::new, "java");
    lexer(KotlinTokenMaker::new, "kotlin", "kt", "kts");
    lexer(PythonTokenMaker::new, "python", "py", "python3", "py3", "gyp");
    lexer(JavaScriptTokenMaker::new, "javascript", "js", "jsx", "mjs", "cjs", "node");
    lexer(TypeScriptTokenMaker::new, "typescript", "ts", "tsx", "mts");
    lexer(GoTokenMaker::new, "go", "golang");
    lexer(CTokenMaker::new, "c", "h");
    lexer(CPlusPlusTokenMaker::new, "cpp", "c++", "cc", "cxx", "hpp", "hxx", "h++", "cuda");
    lexer(CSharpTokenMaker::new, "csharp", "cs", "c#");
    lexer(
        UnixShellTokenMaker::new,
        "sh",
        "bash",
        "shell",
        "zsh",
        "ksh",
        "shellscript",
        "shell-script");
    lexer(JsonTokenMaker::new, "json", "jsonc", "json5", "geojson");
    lexer(YamlTokenMaker::new, "yaml", "yml");
    lexer(IniTokenMaker::new, "toml", "ini", "cfg", "conf");
    lexer(HTMLTokenMaker::new, "html", "htm", "xhtml", "vue");
    lexer(XMLTokenMaker::new, "xml", "svg", "xsl", "xslt", "plist", "rss", "atom", "pom");
    lexer(CSSTokenMaker::new, "css", "scss");
    lexer(SQLTokenMaker::new, "sql", "mysql", "postgresql", "postgres", "psql", "sqlite", "plsql");
    // Crystal's syntax is Ruby's
    lexer(RubyTokenMaker::new, "ruby", "rb", "crystal", "cr");
    lexer(PHPTokenMaker::new, "php");
    lexer(PerlTokenMaker::new, "perl", "pl");
    lexer(LuaTokenMaker::new, "lua");
    lexer(ScalaTokenMaker::new, "scala", "sc");
    lexer(GroovyTokenMaker::new, "groovy", "gradle");
    lexer(DartTokenMaker::new, "dart", "dartpad");
    lexer(DockerTokenMaker::new, "dockerfile", "docker");
    lexer(MakefileTokenMaker::new, "makefile", "make", "mk");
    lexer(LispTokenMaker::new, "lisp", "scheme", "elisp", "emacs-lisp", "common-lisp", "racket");
    lexer(ClojureTokenMaker::new, "clojure", "clj", "cljs", "edn");
    lexer(PropertiesFileTokenMaker::new, "properties");
    lexer(ProtoTokenMaker::new, "protobuf", "proto");
    lexer(WindowsBatchTokenMaker::new, "bat", "batch", "cmd");
    lexer(LatexTokenMaker::new, "latex", "tex");
    lexer(DTokenMaker::new, "d");
    lexer(DelphiTokenMaker::new, "delphi", "pascal");
    lexer(FortranTokenMaker::new, "fortran", "f90", "f95");
    lexer(VisualBasicTokenMaker::new, "vb", "vbnet", "vba");
    lexer(TclTokenMaker::new, "tcl");
    lexer(LessTokenMaker::new, "less");
  }

  /** Languages highlighted by {@link PatternLexers}. */
  private static final Map<String, PatternLexers.Language> PATTERN_LEXERS =
      Map.of(
          "ocaml", PatternLexers.OCAML,
          "ml", PatternLexers.OCAML,
          "mli", PatternLexers.OCAML,
          "nim", PatternLexers.NIM,
          "nimrod", PatternLexers.NIM,
          "nims", PatternLexers.NIM);

  private static final Pattern RUST_LIFETIME = Pattern.compile("'[A-Za-z_][A-Za-z0-9_]*(?!['\\w])");
  private static final Pattern TOML_STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern TOML_NUMBER =
      Pattern.compile("[+-]?(?:\\d[\\d_]*(?:\\.\\d[\\d_]*)?(?:[eE][+-]?\\d+)?|0x[0-9a-fA-F_]+)");
  private static final Pattern TOML_BOOLEAN = Pattern.compile("true|false");

  private SyntaxHighlighter() {}

  private static void lexer(Supplier<TokenMaker> maker, String... names) {
    for (String name : names) {
      LEXERS.put(name, maker);
    }
  }

  /** True if {@code language} (any case) is one this class highlights. */
  static boolean knows(String language) {
    String key = language.toLowerCase(Locale.ROOT);
    return LEXERS.containsKey(key)
        || PATTERN_LEXERS.containsKey(key)
        || SESSIONS.contains(key)
        || key.equals("diff")
        || key.equals("patch");
  }

  /**
   * The highlighted stretches of {@code code}, in order and not overlapping; text outside them is
   * plain. Empty for a language this class does not know.
   */
  static List<Span> highlight(String language, String code) {
    String key = language.toLowerCase(Locale.ROOT);
    if (key.equals("diff") || key.equals("patch")) {
      return diff(code);
    }
    if (PATTERN_LEXERS.containsKey(key)) {
      return PatternLexers.highlight(PATTERN_LEXERS.get(key), code);
    }
    if (SESSIONS.contains(key)) {
      return session(code);
    }
    Supplier<TokenMaker> maker = LEXERS.get(key);
    if (maker == null) {
      return List.of();
    }
    TokenMaker lexer = maker.get();
    boolean rust = lexer instanceof RustTokenMaker;
    boolean toml = key.equals("toml");
    List<Span> spans = new ArrayList<>();
    int state = Token.NULL;
    int lineStart = 0;
    while (lineStart <= code.length()) {
      int newline = code.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? code.length() : newline;
      String line = code.substring(lineStart, lineEnd);
      List<Span> lifetimes = new ArrayList<>();
      String lexed = rust ? hideLifetimes(line, lifetimes) : line;
      char[] chars = lexed.toCharArray();
      Segment segment = new Segment(chars, 0, chars.length);
      for (Token t = lexer.getTokenList(segment, state, 0);
          t != null && t.isPaintable();
          t = t.getNextToken()) {
        String cssClass = classOf(t.getType());
        if (toml && cssClass == null && t.getType() == Token.IDENTIFIER) {
          cssClass = tomlValueClass(t.getLexeme());
        }
        if (cssClass != null) {
          add(spans, lineStart + t.getOffset(), lineStart + t.getEndOffset(), cssClass);
        }
      }
      for (Span lifetime : lifetimes) {
        replace(spans, lineStart + lifetime.start(), lineStart + lifetime.end(), VARIABLE);
      }
      state = lexer.getLastTokenTypeOnLine(segment, state);
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return spans;
  }

  /** Names of a terminal session: commands after a prompt, and what they print. */
  private static final java.util.Set<String> SESSIONS =
      java.util.Set.of("console", "shell-session", "sh-session", "shellsession", "terminal");

  /** A shell prompt: {@code $ }, {@code user@host:~/src$ }, {@code (venv) $ }. */
  private static final Pattern PROMPT =
      Pattern.compile("^\\s*(?:\\([\\w.-]+\\)\\s*)?[\\w.@~:/-]*\\$ ");

  /**
   * A terminal session ({@code console}: 310 blocks in this stop's archives, all plain): each
   * command after its prompt is highlighted as shell, the prompt as meta, and lines a command's
   * {@code \\} continues are commands too; what the commands print stays plain, as a shell lexer
   * would colour it as code.
   */
  private static List<Span> session(String code) {
    List<Span> spans = new ArrayList<>();
    boolean continued = false;
    int lineStart = 0;
    while (lineStart < code.length()) {
      int newline = code.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? code.length() : newline;
      String line = code.substring(lineStart, lineEnd);
      Matcher prompt = PROMPT.matcher(line);
      int command = continued ? 0 : prompt.lookingAt() ? prompt.end() : -1;
      if (command >= 0) {
        add(spans, lineStart, lineStart + command, META);
        for (Span s : highlight("sh", line.substring(command))) {
          add(spans, lineStart + command + s.start(), lineStart + command + s.end(), s.cssClass());
        }
      }
      continued = command >= 0 && line.stripTrailing().endsWith("\\");
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return spans;
  }

  /** Rust lifetimes become identifiers of the same length, so the lexer does not see quotes. */
  private static String hideLifetimes(String line, List<Span> lifetimes) {
    Matcher m = RUST_LIFETIME.matcher(line);
    StringBuilder sb = new StringBuilder(line);
    while (m.find()) {
      if (m.start() > 0 && line.charAt(m.start() - 1) == '\\') {
        continue;
      }
      sb.setCharAt(m.start(), '_');
      lifetimes.add(new Span(m.start(), m.end(), VARIABLE));
    }
    return sb.toString();
  }

  private static String tomlValueClass(String lexeme) {
    String v = lexeme.strip();
    if (TOML_STRING.matcher(v).matches()) {
      return STRING;
    }
    if (TOML_NUMBER.matcher(v).matches() || TOML_BOOLEAN.matcher(v).matches()) {
      return NUMBER;
    }
    return null;
  }

  /** Adds a span, merging it into the previous one when they touch and share a class. */
  private static void add(List<Span> spans, int start, int end, String cssClass) {
    if (start >= end) {
      return;
    }
    if (!spans.isEmpty()) {
      Span last = spans.get(spans.size() - 1);
      if (last.end() == start && last.cssClass().equals(cssClass)) {
        spans.set(spans.size() - 1, new Span(last.start(), end, cssClass));
        return;
      }
    }
    spans.add(new Span(start, end, cssClass));
  }

  /** Gives {@code [start, end)} its own class, cutting any span that overlaps it. */
  private static void replace(List<Span> spans, int start, int end, String cssClass) {
    List<Span> out = new ArrayList<>();
    boolean placed = false;
    for (Span s : spans) {
      if (s.end() <= start || s.start() >= end) {
        if (!placed && s.start() >= end) {
          out.add(new Span(start, end, cssClass));
          placed = true;
        }
        out.add(s);
        continue;
      }
      if (s.start() < start) {
        out.add(new Span(s.start(), start, s.cssClass()));
      }
      if (!placed) {
        out.add(new Span(start, end, cssClass));
        placed = true;
      }
      if (s.end() > end) {
        out.add(new Span(end, s.end(), s.cssClass()));
      }
    }
    if (!placed) {
      out.add(new Span(start, end, cssClass));
    }
    spans.clear();
    spans.addAll(out);
  }

  /** Unified and git diffs, line by line. */
  private static List<Span> diff(String code) {
    List<Span> spans = new ArrayList<>();
    int lineStart = 0;
    while (lineStart < code.length()) {
      int newline = code.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? code.length() : newline;
      String line = code.substring(lineStart, lineEnd);
      String cssClass = null;
      if (line.startsWith("+++ ")
          || line.startsWith("--- ")
          || line.startsWith("@@")
          || line.startsWith("diff ")
          || line.startsWith("index ")) {
        cssClass = HEADER;
      } else if (line.startsWith("+")) {
        cssClass = INSERTED;
      } else if (line.startsWith("-")) {
        cssClass = DELETED;
      }
      if (cssClass != null) {
        add(spans, lineStart, lineEnd, cssClass);
      }
      if (newline < 0) {
        break;
      }
      lineStart = newline + 1;
    }
    return spans;
  }

  /** Our class for one of RSyntaxTextArea's token types, or null for plain text. */
  private static String classOf(int type) {
    return switch (type) {
      case Token.RESERVED_WORD, Token.RESERVED_WORD_2 -> KEYWORD;
      case Token.DATA_TYPE -> TYPE;
      case Token.FUNCTION -> FUNCTION;
      case Token.LITERAL_STRING_DOUBLE_QUOTE,
          Token.LITERAL_CHAR,
          Token.LITERAL_BACKQUOTE,
          Token.REGEX,
          Token.MARKUP_TAG_ATTRIBUTE_VALUE,
          Token.MARKUP_CDATA ->
          STRING;
      case Token.LITERAL_NUMBER_DECIMAL_INT,
          Token.LITERAL_NUMBER_FLOAT,
          Token.LITERAL_NUMBER_HEXADECIMAL,
          Token.LITERAL_BOOLEAN ->
          NUMBER;
      case Token.COMMENT_EOL,
          Token.COMMENT_MULTILINE,
          Token.COMMENT_DOCUMENTATION,
          Token.COMMENT_KEYWORD,
          Token.COMMENT_MARKUP,
          Token.MARKUP_COMMENT ->
          COMMENT;
      case Token.ANNOTATION,
          Token.PREPROCESSOR,
          Token.MARKUP_DTD,
          Token.MARKUP_PROCESSING_INSTRUCTION,
          Token.MARKUP_ENTITY_REFERENCE ->
          META;
      case Token.VARIABLE -> VARIABLE;
      case Token.MARKUP_TAG_NAME, Token.MARKUP_TAG_DELIMITER -> TAG;
      case Token.MARKUP_TAG_ATTRIBUTE -> ATTRIBUTE;
      default -> null;
    };
  }

  /** The language named by a {@code language-…} class, if any. */
  static Optional<String> languageOf(String classNames) {
    for (String c : classNames.split("\\s+")) {
      if (c.startsWith("language-") && c.length() > "language-".length()) {
        return Optional.of(c.substring("language-".length()));
      }
    }
    return Optional.empty();
  }
}
