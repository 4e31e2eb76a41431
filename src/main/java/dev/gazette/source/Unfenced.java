package dev.gazette.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter that does not open with {@code ---} or {@code +++}, as other engines write it:
 *
 * <ul>
 *   <li>Hugo's JSON: an object from a line {@code {} to a line {@code }};
 *   <li>Hexo's JSON: the object's members between two {@code ;;;} lines;
 *   <li>Hexo's YAML without the opening fence, closed by a {@code ---} line (Hexo reads both);
 *   <li>the {@code Key: value} lines Pelican, MultiMarkdown and Python-Markdown's meta extension
 *       read at the top of a file, up to its first blank line (values are text; an indented line
 *       goes on the value above).
 * </ul>
 *
 * A file that only looks like one of these is a post without front matter: the key lines must name
 * a title or a date, every line before the end must be one of the convention's, and JSON must open
 * with a quoted key. Nothing is read from such a file but its first lines, and its body starts at
 * its top, as before.
 */
final class Unfenced {
  private Unfenced() {}

  /**
   * Pelican's and MultiMarkdown's key: a letter or digit first, no colon; spaces for the latter.
   */
  private static final Pattern META_KEY =
      Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_ -]{0,39}?)[ \\t]*:(?:[ \\t]+(.*)|[ \\t]*)$");

  /** A key that makes the lines front matter: a post's title or date. */
  private static final Pattern DECIDING_KEY =
      Pattern.compile("(?i)title|date|" + String.join("|", PostReader.DATE_KEYS));

  /**
   * The front matter starting at {@code first}, the first non-blank line of the file (line {@code
   * firstLine}), the others read from {@code lines}; none when there is none.
   */
  static FrontMatter read(String first, int firstLine, FrontMatter.LineReader lines, int maxChars)
      throws IOException, PostFormatException {
    String opening = first.strip();
    if (opening.equals(";;;")) {
      return json(lines, firstLine, maxChars, ";;;");
    }
    if (opening.equals("{")) {
      return json(lines, firstLine, maxChars, "}");
    }
    if (Franklin.isDef(first)) {
      return franklinDefs(first, firstLine, lines, maxChars);
    }
    if (!META_KEY.matcher(first).matches()) {
      return FrontMatter.none();
    }
    return keyLines(first, firstLine, lines, maxChars);
  }

  /**
   * JSON front matter, up to the line {@code closing}; none when the line after the opening is not
   * a quoted key (an MDX expression, a code sample) or the closing line never comes.
   */
  private static FrontMatter json(
      FrontMatter.LineReader lines, int openLine, int maxChars, String closing)
      throws IOException, PostFormatException {
    StringBuilder members = new StringBuilder();
    List<String> rawLines = new ArrayList<>();
    int lineNo = openLine;
    String line;
    while ((line = lines.next()) != null) {
      lineNo++;
      if (rawLines.isEmpty() && line.isBlank()) {
        return FrontMatter.none();
      }
      if (rawLines.isEmpty() && !line.strip().startsWith("\"")) {
        return FrontMatter.none();
      }
      if (line.strip().equals(closing) && line.startsWith(closing)) {
        Map<String, Object> raw = FrontMatter.parseJson("{\n" + members + "}", openLine);
        FrontMatter.requireBounded(raw, openLine);
        return FrontMatter.of(
            raw, rawLines, JSON_KEY, openLine, lineNo + 1, lines.offset(), List.of());
      }
      if (members.length() + line.length() > maxChars) {
        return FrontMatter.none();
      }
      rawLines.add(line);
      members.append(line).append('\n');
    }
    return FrontMatter.none();
  }

  /**
   * Franklin's {@code @def name = value} lines, blank lines between them, a value running on over
   * the lines its triple-quoted string keeps open; the body starts at the first other line.
   */
  private static FrontMatter franklinDefs(
      String first, int firstLine, FrontMatter.LineReader lines, int maxChars)
      throws IOException, PostFormatException {
    List<String> defs = new ArrayList<>(List.of(first));
    String statement = first; // the assignment being read, its lines joined
    int chars = first.length();
    long bodyOffset = lines.offset();
    int defLines = 1; // the lines up to the last one that ends an assignment
    String line;
    while ((line = lines.next()) != null) {
      boolean inValue = Franklin.open(statement);
      if (!inValue && !line.isBlank() && !Franklin.isDef(line)) {
        break;
      }
      chars += line.length() + 1;
      if (chars > maxChars) {
        throw new PostFormatException(
            firstLine,
            "front matter is larger than " + dev.gazette.model.Limits.describeBytes(maxChars));
      }
      defs.add(line);
      if (inValue) {
        statement = statement + "\n" + line;
      } else if (!line.isBlank()) {
        statement = line;
      }
      if (!line.isBlank() && !Franklin.open(statement)) {
        bodyOffset = lines.offset();
        defLines = defs.size();
      }
    }
    if (Franklin.open(statement)) {
      defLines = defs.size(); // never closed: parse names the line
    }
    List<String> read = defs.subList(0, defLines);
    return FrontMatter.franklin(
        Franklin.parse(read, firstLine), read, firstLine - 1, firstLine + defLines, bodyOffset);
  }

  private static final Pattern JSON_KEY = Pattern.compile("^\\s*(\"[^\"]*\")\\s*:");

  /**
   * Key lines: Hexo's YAML when a {@code ---} line closes them, else Pelican's and MultiMarkdown's
   * block, up to the first blank line.
   */
  private static FrontMatter keyLines(
      String first, int firstLine, FrontMatter.LineReader lines, int maxChars)
      throws IOException, PostFormatException {
    List<String> block = new ArrayList<>(List.of(first));
    int chars = first.length();
    int blank = -1; // index in block of the first blank line
    long afterBlank = -1;
    boolean closed = false;
    long afterClosing = -1;
    String line;
    while ((line = lines.next()) != null) {
      String s = line.strip();
      if (FrontMatter.closesYaml(s)) {
        closed = true;
        afterClosing = lines.offset();
        break;
      }
      if (blank < 0 && line.isBlank()) {
        blank = block.size();
        afterBlank = lines.offset();
      }
      chars += line.length() + 1;
      if (!yamlLike(line) || chars > maxChars) {
        break; // the text of a post: only the lines before its first blank line may be metadata
      }
      block.add(line);
    }
    if (closed && names(block, FrontMatter.YAML_KEY)) {
      FrontMatter yaml = hexoYaml(block, firstLine, afterClosing, maxChars);
      if (yaml != null) {
        return yaml;
      }
    }
    List<String> meta = blank < 0 ? (line == null ? block : List.of()) : block.subList(0, blank);
    if (meta.isEmpty() || !metadataLines(meta) || !names(meta, META_KEY)) {
      return FrontMatter.none();
    }
    long bodyOffset = blank < 0 ? lines.offset() : afterBlank;
    int bodyLine = firstLine + meta.size() + (blank < 0 ? 0 : 1);
    return FrontMatter.of(
        metadata(meta), meta, META_KEY, firstLine - 1, bodyLine, bodyOffset, List.of());
  }

  /** Hexo's YAML without its opening fence; null when the lines are no YAML after all. */
  private static FrontMatter hexoYaml(
      List<String> block, int firstLine, long bodyOffset, int maxChars) {
    String text = String.join("\n", block) + "\n";
    List<String> repeated = new ArrayList<>();
    try {
      Map<String, Object> raw = FrontMatter.parseYaml(text, firstLine - 1, maxChars, repeated);
      return FrontMatter.of(
          raw,
          block,
          FrontMatter.YAML_KEY,
          firstLine - 1,
          firstLine + block.size() + 1,
          bodyOffset,
          repeated);
    } catch (PostFormatException e) {
      return null; // key-like lines and a rule, not front matter: the post's own text
    }
  }

  /** Whether a line may belong to YAML: a key, a list item, an indented line, a comment, blank. */
  private static boolean yamlLike(String line) {
    return line.isBlank()
        || Character.isWhitespace(line.charAt(0))
        || line.startsWith("- ")
        || line.equals("-")
        || line.startsWith("#")
        || FrontMatter.YAML_KEY.matcher(line).find()
        || META_KEY.matcher(line).matches();
  }

  /** Whether each line is a key line or, after the first, an indented continuation. */
  private static boolean metadataLines(List<String> meta) {
    for (int i = 0; i < meta.size(); i++) {
      String line = meta.get(i);
      boolean continuation = i > 0 && Character.isWhitespace(line.charAt(0));
      if (!continuation && !META_KEY.matcher(line).matches()) {
        return false;
      }
    }
    return true;
  }

  /** Whether a line of {@code lines} gives a title or a date by {@code keys}. */
  private static boolean names(List<String> lines, Pattern keys) {
    for (String line : lines) {
      Matcher m = keys.matcher(line);
      if (!Character.isWhitespace(line.isEmpty() ? ' ' : line.charAt(0))
          && m.find()
          && DECIDING_KEY.matcher(m.group(1).strip()).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The values of metadata lines as text, by key as written (the first of a key given twice, as
   * Pelican keeps it); an indented line goes on the value above, after a space.
   */
  private static Map<String, Object> metadata(List<String> meta) {
    Map<String, Object> values = new LinkedHashMap<>();
    String key = null;
    for (String line : meta) {
      Matcher m = META_KEY.matcher(line);
      if (!Character.isWhitespace(line.charAt(0)) && m.matches()) {
        key = m.group(1).strip();
        String value = m.group(2) == null ? "" : m.group(2).strip();
        if (values.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(m.group(1).strip()))) {
          values.put(key, value);
        } else {
          key = null;
        }
      } else if (key != null) {
        String before = values.get(key).toString();
        String more = line.strip();
        values.put(key, before.isEmpty() ? more : before + " " + more);
      }
    }
    return values;
  }
}
