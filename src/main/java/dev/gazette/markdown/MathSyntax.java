package dev.gazette.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.util.Cjk;
import java.util.Set;

/**
 * TeX formulas in Markdown, as pandoc reads them ({@code tex_math_dollars}) and as Hexo, Hugo and
 * Jekyll blogs write them for MathJax and KaTeX: {@code $x$} inline, {@code $$x$$} displayed. An
 * inline formula's opening {@code $} has a non-space character right after it, its closing one a
 * non-space character right before it (or a space after plain TeX, as MathJax reads {@code $f(x) =
 * y $}) and no digit after it, and it is the first {@code $} after the opening one, so "$5 and $10"
 * stays text. A {@code $} right after a Latin letter or digit ("US$20") opens nothing, and a
 * formula holds no backtick (a code span after a price is code).
 *
 * <p>The formula's text is taken as written, like a code span's: Markdown's {@code _} and {@code *}
 * inside it are not emphasis. Writers whose Markdown engine had no such rule escaped them ({@code
 * $a\_1$}); in TeX, {@code \_} is a literal underscore nobody means in a formula, so it is read as
 * {@code _} (and {@code \*} as {@code *}).
 *
 * <p>The HTML is pandoc's: {@code <span class="math inline">\(x\)</span>} and {@code <span
 * class="math display">\[x\]</span>}, which the normalizer typesets (HTML bodies written by pandoc
 * carry the same).
 */
final class MathSyntax implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
  private MathSyntax() {}

  static MathSyntax create() {
    return new MathSyntax();
  }

  /** A formula: its TeX, without delimiters. */
  static final class Formula extends Node {
    final String tex;
    final boolean display;

    Formula(BasedSequence chars, String tex, boolean display) {
      super(chars);
      this.tex = tex;
      this.display = display;
    }

    @Override
    public BasedSequence[] getSegments() {
      return EMPTY_SEGMENTS;
    }
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new Factory());
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(options -> new FormulaRenderer());
  }

  private static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "$\\";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
      return new Delimiters();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  /** {@code $…$}, {@code $$…$$}, {@code \\(…\\)} and {@code \\[…\\]}. */
  private static final class Delimiters implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int start = parser.getIndex();
      if (input.charAt(start) == '\\') {
        return backslashes(parser, input, start);
      }
      int end = closing(input, start);
      if (end < 0) {
        return false;
      }
      boolean display = input.charAt(start + 1) == '$';
      return append(parser, input, start, end, display ? 2 : 1, display);
    }
  }

  /**
   * A formula between {@code \\(} and {@code \\)} (inline) or {@code \\[} and {@code \\]}
   * (displayed): MathJax's {@code \(…\)} written for a Markdown engine that takes one backslash
   * away (kramdown, marked), as Karpathy's blog writes its inline math. Any other backslash is left
   * to flexmark.
   */
  private static boolean backslashes(LightInlineParser parser, BasedSequence input, int start) {
    int end = backslashClosing(input, start);
    if (end < 0) {
      return false;
    }
    return append(parser, input, start, end, 3, input.charAt(start + 2) == '[');
  }

  /**
   * The formula between the delimiters at {@code start} and {@code end}, each {@code delimiter}
   * characters long, added to the paragraph; the parser goes on after it.
   */
  private static boolean append(
      LightInlineParser parser,
      BasedSequence input,
      int start,
      int end,
      int delimiter,
      boolean display) {
    String tex = unescapeMarkdown(input.subSequence(start + delimiter, end).toString());
    parser.flushTextNode();
    parser
        .getBlock()
        .appendChild(new Formula(input.subSequence(start, end + delimiter), tex, display));
    parser.setIndex(end + delimiter);
    return true;
  }

  /**
   * Where the formula opened by {@code \\(} or {@code \\[} at {@code start} closes (the index of
   * its closing {@code \\)} or {@code \\]}), or -1.
   */
  static int backslashClosing(CharSequence text, int start) {
    int n = text.length();
    if (start + 3 >= n || text.charAt(start + 1) != '\\') {
      return -1;
    }
    char open = text.charAt(start + 2);
    char close = open == '(' ? ')' : open == '[' ? ']' : 0;
    if (close == 0) {
      return -1;
    }
    for (int i = start + 3; i + 2 < n; i++) {
      char c = text.charAt(i);
      if (c == '\\' && text.charAt(i + 1) == '\\' && text.charAt(i + 2) == close) {
        return text.subSequence(start + 3, i).toString().isBlank() ? -1 : i;
      }
      if (c == '\n' && text.charAt(i + 1) == '\n') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Where the formula opened by the {@code $} at {@code start} of {@code text} closes (the index of
   * its closing delimiter), or -1 when that {@code $} opens none.
   */
  static int closing(CharSequence text, int start) {
    int n = text.length();
    if (start > 0
        && (text.charAt(start - 1) == '$' || isAsciiLetterOrDigit(text.charAt(start - 1)))) {
      return -1; // "US$20", "Impl$$Enhancer$$": and the second $ of a pair judged already
    }
    boolean display = start + 1 < n && text.charAt(start + 1) == '$';
    int end = display ? displayEnd(text, start + 2) : inlineEnd(text, start + 1);
    int after = end + (display ? 2 : 1);
    if (end < 0
        || display && after < n && isAsciiLetterOrDigit(text.charAt(after))
        || after < n && text.charAt(after) == '{' && text.charAt(start + 1) == '{') {
      return -1; // "…$$129db", and the template placeholders of "${len-10}-${len-1}"
    }
    return plausible(text.subSequence(start + (display ? 2 : 1), end).toString()) ? end : -1;
  }

  private static int displayEnd(CharSequence text, int from) {
    for (int i = from; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '$' && text.charAt(i + 1) == '$') {
        return i;
      }
    }
    return -1;
  }

  /** What only TeX writes: a command, a sub- or superscript, an equation. */
  private static final java.util.regex.Pattern PLAIN_TEX =
      java.util.regex.Pattern.compile("\\\\[A-Za-z]|[\\w)\\]}][_^]|=");

  private static int inlineEnd(CharSequence text, int from) {
    int n = text.length();
    if (from >= n || Character.isWhitespace(text.charAt(from))) {
      return -1; // "$ x" is text
    }
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '$') {
        // the first $ closes the formula or none: "$5 and $10" is text, and so is "$5 to $10,
        // and" before a formula that follows
        boolean spaceBefore = Character.isWhitespace(text.charAt(i - 1));
        boolean digitAfter = i + 1 < n && Character.isDigit(text.charAt(i + 1));
        if (spaceBefore && !digitAfter && i > from) {
          // MathJax, which Hexo's and Hugo's themes run, closes "$f(x) = y $" too: a formula
          // whose text is plainly TeX, not a word or a letter running on ("$x = 5 and $y").
          boolean letterAfter = i + 1 < n && isAsciiLetterOrDigit(text.charAt(i + 1));
          return !letterAfter && PLAIN_TEX.matcher(text.subSequence(from, i)).find() ? i : -1;
        }
        return i > from && !spaceBefore && !digitAfter ? i : -1;
      } else if (c == '`' || c == '\n' && i + 1 < n && text.charAt(i + 1) == '\n') {
        return -1; // code spans do not go inside formulas: "$5 … `$x$`" is text and code
      }
    }
    return -1;
  }

  /**
   * Whether {@code tex} looks like a formula rather than text between two dollars that mean
   * something else: hexadecimal addresses ({@code $E000–$FFFF}), shell and PHP variables in prose
   * ({@code $r = "unhex('$hex')"}), a dollar quoted in Chinese ({@code 以「$」开头}). A formula does not
   * end with a dash, a slash, a comma or an opening parenthesis (it may end with {@code +} or
   * {@code <}: {@code $100+$}, {@code $<$}), holds no double quote, and has no CJK character at
   * either edge (CJK inside {@code \text{}} is fine).
   */
  static boolean plausible(String tex) {
    String t = tex.strip();
    if (t.isEmpty() || t.indexOf('"') >= 0 || "–—/,;(".indexOf(t.charAt(t.length() - 1)) >= 0) {
      return false;
    }
    return !Cjk.isCjk(t.codePointAt(0)) && !Cjk.isCjk(t.codePointBefore(t.length()));
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  /**
   * What writers escaped for Markdown engines without math, as TeX wants it: {@code \_} and {@code
   * \*} as {@code _} and {@code *}, {@code \\{} and {@code \\\{} (Markdown's escaped backslash
   * before a brace) as TeX's literal brace {@code \{}, and {@code \(} {@code \)} {@code \[} {@code
   * \]}, which mean nothing inside a formula, as the bracket ({@code \left\(}); TeX's line break
   * before a bracket ({@code \\[2pt]}) stays.
   */
  static String unescapeMarkdown(String tex) {
    if (tex.indexOf('\\') < 0) {
      return tex;
    }
    return tex.replace("\\\\\\{", "\\{")
        .replace("\\\\\\}", "\\}")
        .replace("\\\\{", "\\{")
        .replace("\\\\}", "\\}")
        .replace("\\_", "_")
        .replace("\\*", "*")
        .replaceAll("(?<!\\\\)\\\\([()\\[\\]])", "$1");
  }

  private static final class FormulaRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              Formula.class,
              (node, context, html) -> {
                if (node.display) {
                  html.raw("<span class=\"math display\">").text("\\[" + node.tex + "\\]");
                } else {
                  html.raw("<span class=\"math inline\">").text("\\(" + node.tex + "\\)");
                }
                html.raw("</span>");
              }));
    }
  }
}
