package dev.gazette.markdown;

import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what MDX (Docusaurus, Next.js, Astro, react.dev) writes into Markdown, before the template
 * and Markdown steps see the text: no reader shows it, and some of it means something a digest can
 * keep.
 *
 * <ul>
 *   <li>An {@code import} or {@code export} block (a paragraph starting so) is the page's script
 *       and goes; a default import of a picture ({@code import logo from "./logo.png"}) names that
 *       file for the attributes below.
 *   <li>A comment, <code>{/* … *&#47;}</code>, goes; at the end of a heading it is the heading's id
 *       (react.dev's <code>## Hooks {/*hooks*&#47;}</code>), written as {@code {#hooks}}.
 *   <li>An attribute computed by a script ({@code width={500}}, {@code src={logo}}, {@code
 *       style={{display: 'flex'}}}) is written as HTML when it is a literal or an imported file,
 *       and goes otherwise (a style, said nowhere: the digest has its own; anything else, said in
 *       one line). {@code className} is {@code class}, and the picture components {@code <Image>}
 *       and {@code <Img>} (next/image, astro:assets) are {@code <img>}.
 * </ul>
 *
 * Fenced code and code spans are left as written. Lines are kept, so warnings point at the line the
 * writer wrote.
 */
public final class MdxSyntax {
  private MdxSyntax() {}

  private static final Pattern MAY_HOLD = Pattern.compile("\\{/\\*|=\\{|(?m)^(?:import|export)\\s");

  private static final Pattern ESM_START =
      Pattern.compile(
          "^(?:import\\s+(?:[\\w$*{}\\s,]+\\s+from\\s+)?[\"']"
              + "|export\\s+(?:const|let|var|default|function|async|class|\\{|\\*))");

  private static final Pattern DEFAULT_IMPORT =
      Pattern.compile(
          "import\\s+([A-Za-z_$][\\w$]*)\\s*(?:,\\s*\\{[^}]*\\}\\s*)?from\\s+[\"']([^\"']+)[\"']");

  private static final Pattern HEADING_ID =
      Pattern.compile("(?m)^( {0,3}#{1,6}\\s.*?)\\s*\\{/\\*\\s*([\\w.:-]+)\\s*\\*/\\}[ \\t]*$");

  private static final Pattern COMMENT = Pattern.compile("\\{/\\*[\\s\\S]*?\\*/\\}");

  private static final Pattern TAG_START = Pattern.compile("<([A-Za-z][\\w.-]*)(?=[\\s/>])");

  private static final Pattern LITERAL =
      Pattern.compile(
          "\\s*(?:\"([^\"]*)\"|'([^']*)'|`([^`$]*)`|(-?\\d+(?:\\.\\d+)?|true|false))\\s*");

  private static final Pattern IDENTIFIER = Pattern.compile("\\s*([A-Za-z_$][\\w$]*)\\s*");

  /** Whether {@code markdown} may hold MDX syntax: most bodies do not, and are not read again. */
  public static boolean mayHold(String markdown) {
    return MAY_HOLD.matcher(markdown).find();
  }

  /** {@code markdown} with its MDX read as above; {@code warnings} gets at most one line. */
  public static String read(String markdown, List<String> warnings) {
    Map<String, String> imports = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    String out =
        CodeFences.rewriteProse(
            markdown,
            prose -> {
              String s = withoutEsm(prose, imports);
              s = HEADING_ID.matcher(s).replaceAll("$1 {#$2}");
              s = COMMENT.matcher(s).replaceAll(m -> CodeFences.linesOf(m.group()));
              return tags(s, imports, dropped);
            });
    if (!dropped.isEmpty()) {
      warnings.add(
          (dropped.size() == 1 ? "an attribute" : dropped.size() + " attributes")
              + " computed by the site's scripts removed: "
              + Listing.firstThree(dropped));
    }
    return out;
  }

  /** The text without its import and export blocks, each line of them left empty. */
  private static String withoutEsm(String s, Map<String, String> imports) {
    StringBuilder out = new StringBuilder(s.length());
    boolean paragraphStart = true;
    boolean inEsm = false;
    for (String line : s.split("(?<=\n)", -1)) {
      boolean blank = line.isBlank();
      if (paragraphStart && !blank && ESM_START.matcher(line).find()) {
        inEsm = true;
      }
      if (inEsm && !blank) {
        Matcher m = DEFAULT_IMPORT.matcher(line);
        if (m.find()) {
          imports.put(m.group(1), m.group(2));
        }
        out.append(line.endsWith("\n") ? "\n" : "");
      } else {
        out.append(line);
      }
      if (blank) {
        inEsm = false;
      }
      paragraphStart = blank;
    }
    return out.toString();
  }

  /** The tags of {@code s} with their computed attributes written as HTML or removed. */
  private static String tags(String s, Map<String, String> imports, List<String> dropped) {
    if (!s.contains("={") && !s.contains("className=") && !s.contains("<Im")) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    Matcher m = TAG_START.matcher(s);
    int done = 0;
    while (m.find(done)) {
      int end = tagEnd(s, m.end());
      if (end < 0) {
        break;
      }
      out.append(s, done, m.start());
      out.append(tag(m.group(1), s.substring(m.end(), end), imports, dropped));
      done = end;
    }
    out.append(s, done, s.length());
    return out.toString();
  }

  /** Where the tag whose attributes start at {@code from} ends (after its {@code >}), or -1. */
  private static int tagEnd(String s, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'' || (c == '`' && depth > 0)) {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (c == '<' && depth == 0) {
        return -1;
      } else if (c == '>' && depth == 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * An attribute given an expression, {@code width={500}} (the name in group 1); a quoted value is
   * matched whole, so that {@code value="config={…}"} is a value, not an expression.
   */
  private static final Pattern ATTRIBUTE_EXPRESSION =
      Pattern.compile("\"[^\"]*\"|'[^']*'|(?<=\\s)([\\w:.-]+)=\\{");

  /** One tag, {@code rest} being what follows its name up to and with its {@code >}. */
  private static String tag(
      String name, String rest, Map<String, String> imports, List<String> dropped) {
    StringBuilder attrs = new StringBuilder(rest.length());
    Matcher m = ATTRIBUTE_EXPRESSION.matcher(rest);
    int done = 0;
    while (m.find(done)) {
      if (m.group(1) == null) { // a quoted value, as written
        attrs.append(rest, done, m.end());
        done = m.end();
        continue;
      }
      int close = closingBrace(rest, m.end());
      if (close < 0) {
        break;
      }
      attrs.append(rest, done, m.start());
      String attribute = m.group(1);
      String expression = rest.substring(m.end(), close);
      String value = value(expression, imports);
      if (value != null) {
        attrs.append(attribute).append("=\"").append(value.replace("\"", "&quot;")).append('"');
      } else if (!attribute.equals("style")) {
        dropped.add(
            attribute
                + "={"
                + (expression.length() > 30 ? expression.substring(0, 30) + "…" : expression)
                + "}");
      }
      done = close + 1;
    }
    attrs.append(rest, done, rest.length());
    String written = attrs.toString().replaceAll("(\\s)className=", "$1class=");
    boolean picture = (name.equals("Image") || name.equals("Img")) && written.contains("src=");
    return "<" + (picture ? "img" : name) + written;
  }

  /** The index of the brace closing the expression that starts at {@code from}, or -1. */
  private static int closingBrace(String s, int from) {
    int depth = 1;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'' || c == '`') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** What an attribute's expression is in HTML: a literal, or an imported file; null otherwise. */
  private static String value(String expression, Map<String, String> imports) {
    Matcher literal = LITERAL.matcher(expression);
    if (literal.matches()) {
      for (int g = 1; g <= 4; g++) {
        if (literal.group(g) != null) {
          return literal.group(g);
        }
      }
    }
    Matcher name = IDENTIFIER.matcher(expression);
    if (name.matches() && imports.containsKey(name.group(1))) {
      return imports.get(name.group(1));
    }
    return null;
  }
}
