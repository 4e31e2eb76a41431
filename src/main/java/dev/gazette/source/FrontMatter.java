package dev.gazette.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gazette.model.Post;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.DuplicateKeyException;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The front matter of a post, read without reading the body: the reader stops at the closing fence.
 * YAML ({@code ---}) and TOML ({@code +++}) are recognized, Zine's {@link Ziggy} ({@code .title =
 * "x",} inside {@code ---}), and the conventions without such a fence ({@link Unfenced}: JSON,
 * Hexo's YAML without its opening line, Pelican's and MultiMarkdown's {@code Key: value} lines); a
 * byte-order mark, blank lines before the front matter and any line ending are tolerated. Keys are
 * lower-cased.
 *
 * @param fields the values by lower-cased key, in file order
 * @param keyLines 1-based line of each key
 * @param written the text after each key on its line, as written ({@code {{ date }}}, which YAML
 *     reads as a mapping), for messages that quote the file
 * @param bodyLine 1-based line where the body starts
 * @param bodyOffset offset in characters of the decoded file (a BOM counts as one) where the body
 *     starts
 * @param warnings things that were repaired (e.g. two keys differing only in case)
 * @param markup what the body is written in, as the front matter tells: Franklin's for {@code @def}
 *     lines and Julia between {@code +++} lines
 */
public record FrontMatter(
    Map<String, Object> fields,
    Map<String, Integer> keyLines,
    Map<String, String> written,
    int bodyLine,
    long bodyOffset,
    List<String> warnings,
    Post.Markup markup) {

  /** Largest front matter read, in characters; a fence left open must not pull in a whole file. */
  static final int MAX_CHARS = 256 * 1024;

  static final Pattern YAML_KEY =
      Pattern.compile("^([^\\s#:'\"][^:]*?|'[^']*'|\"[^\"]*\")\\s*:(\\s|$)");
  private static final Pattern TOML_KEY =
      Pattern.compile("^\\s*([A-Za-z0-9_\\-]+|\"[^\"]*\")\\s*=");
  private static final Pattern ZIGGY_KEY = Pattern.compile("^\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*=");
  private static final Pattern KEY_QUOTES = Pattern.compile("^['\"]|['\"]$");

  /**
   * Made on the first TOML front matter: a {@code TomlMapper} is a Jackson {@code ObjectMapper},
   * ~460 classes to load and initialise, which a digest of YAML posts never needs (a measurable
   * part of a one-post build's start). {@link SiteConfig} reads a site's TOML config with it too.
   */
  static final class Toml {
    static final TomlMapper MAPPER = new TomlMapper();
  }

  /**
   * Immutable and shared: building settings (and their schema) per post was a visible cost at
   * 10,000 posts.
   */
  private static final LoadSettings YAML_SETTINGS = yamlSettings(MAX_CHARS);

  /** Most front matter, read without snakeyaml; typed by the same schema. */
  private static final PlainYaml PLAIN_YAML =
      new PlainYaml(YAML_SETTINGS.getSchema().getScalarResolver());

  private static LoadSettings yamlSettings(int maxChars) {
    return yamlSettings(maxChars, false);
  }

  private static LoadSettings yamlSettings(int maxChars, boolean duplicateKeys) {
    return LoadSettings.builder()
        .setAllowDuplicateKeys(duplicateKeys)
        .setMaxAliasesForCollections(50)
        .setAllowRecursiveKeys(false)
        .setCodePointLimit(Math.max(maxChars, 1024))
        .build();
  }

  /** An empty front matter for a post that has none. */
  static FrontMatter none() {
    return new FrontMatter(Map.of(), Map.of(), Map.of(), 1, 0, List.of(), Post.Markup.MARKDOWN);
  }

  /**
   * Reads the front matter from the start of a post. The reader is left somewhere after the closing
   * fence; callers use {@link #bodyOffset()} to find the body later.
   */
  public static FrontMatter read(Reader in) throws IOException, PostFormatException {
    return read(in, MAX_CHARS);
  }

  /** As {@link #read(Reader)}, with a front matter of at most {@code maxChars} characters. */
  public static FrontMatter read(Reader in, int maxChars) throws IOException, PostFormatException {
    LineReader lines = new LineReader(in);
    String line;
    int lineNo = 0;
    // The opening fence, after optional blank lines (and a BOM, removed by LineReader).
    while (true) {
      line = lines.next();
      lineNo++;
      if (line == null) {
        return none();
      }
      if (!line.isBlank()) {
        break;
      }
    }
    String fence = line.strip();
    boolean yaml = fence.equals("---");
    boolean toml = fence.equals("+++");
    if (!yaml && !toml) {
      return Unfenced.read(line, lineNo, lines, maxChars);
    }
    int openLine = lineNo;
    StringBuilder text = new StringBuilder();
    List<String> rawLines = new ArrayList<>();
    while (true) {
      line = lines.next();
      lineNo++;
      if (line == null) {
        throw new PostFormatException(
            openLine, "front matter opened with '" + fence + "' is never closed");
      }
      String s = line.strip();
      if ((yaml && closesYaml(s)) || (toml && s.equals("+++"))) {
        break;
      }
      if (text.length() + line.length() > maxChars) {
        throw new PostFormatException(
            openLine,
            "front matter is larger than "
                + dev.gazette.model.Limits.describeBytes(maxChars)
                + " (is the closing '"
                + fence
                + "' missing?)");
      }
      rawLines.add(line);
      text.append(line).append('\n');
    }
    int bodyLine = lineNo + 1;
    long bodyOffset = lines.offset();
    List<String> repeated = new ArrayList<>();
    if (yaml
        && rawLines.stream()
            .filter(l -> !l.isBlank())
            .findFirst()
            .filter(Ziggy::looksLike)
            .isPresent()) {
      Map<String, Object> raw = parseZiggy(text.toString(), openLine);
      return of(raw, rawLines, ZIGGY_KEY, openLine, bodyLine, bodyOffset, repeated);
    }
    if (yaml && looksLikeToml(rawLines)) {
      // Gleam's website reads TOML between --- lines (title = "…", then an [author] table)
      try {
        return of(
            parseToml(text.toString(), openLine),
            rawLines,
            TOML_KEY,
            openLine,
            bodyLine,
            bodyOffset,
            repeated);
      } catch (PostFormatException e) {
        // not TOML after all: YAML's reading, and its message, below
      }
    }
    if (toml) {
      try {
        Map<String, Object> raw = parseToml(text.toString(), openLine);
        // Franklin's +++ may be TOML too: its names for the date and the others still count
        return withFranklinNames(
            raw, rawLines, TOML_KEY, openLine, bodyLine, bodyOffset, Post.Markup.MARKDOWN);
      } catch (PostFormatException e) {
        if (!Franklin.looksLike(rawLines)) {
          throw e;
        }
        // Julia's, not TOML: Franklin's page variables (rss_pubdate = Date(2025, 10, 8))
        return franklin(
            Franklin.parse(rawLines, openLine + 1), rawLines, openLine, bodyLine, bodyOffset);
      }
    }
    Map<String, Object> raw = parseYaml(text.toString(), openLine, maxChars, repeated);
    return of(raw, rawLines, YAML_KEY, openLine, bodyLine, bodyOffset, repeated);
  }

  /**
   * Whether front matter between {@code ---} lines is TOML: its first key is set with {@code =} and
   * no line sets one with YAML's {@code key:}.
   */
  private static boolean looksLikeToml(List<String> rawLines) {
    String first =
        rawLines.stream()
            .filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
            .findFirst()
            .orElse("");
    return TOML_KEY.matcher(first).find()
        && rawLines.stream()
            .noneMatch(l -> YAML_KEY.matcher(l).find() && !TOML_KEY.matcher(l).find());
  }

  /**
   * Whether a stripped line closes YAML front matter: {@code ---} or {@code ...}, or a longer row
   * of dashes, which Hexo and Hugo take too (LLVM's blog closes a post's front matter with 64
   * dashes, a post Gazette skipped as never closed). A row of dashes is no YAML a front matter
   * could hold.
   */
  static boolean closesYaml(String stripped) {
    return stripped.equals("...")
        || (stripped.length() >= 3 && stripped.chars().allMatch(c -> c == '-'));
  }

  /**
   * The front matter of {@code raw}, the values read from {@code rawLines} (the lines after the one
   * at {@code openLine}), whose keys {@code keyPattern} finds for their lines.
   */
  static FrontMatter of(
      Map<String, Object> raw,
      List<String> rawLines,
      Pattern keyPattern,
      int openLine,
      int bodyLine,
      long bodyOffset,
      List<String> repeated) {
    Map<String, Object> fields = new LinkedHashMap<>();
    Map<String, Integer> keyLines = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Map<String, String> written0 = new LinkedHashMap<>();
    String repeatedKey = repeated.isEmpty() ? null : repeated.get(0);
    List<Integer> at = new ArrayList<>();
    Map<String, Integer> lines0 =
        keyLines(rawLines, keyPattern, openLine, written0, repeatedKey, at);
    if (repeatedKey != null) {
      warnings.add(
          "key '"
              + repeatedKey
              + "' is given "
              + (at.size() > 1 ? "on lines " + at : "twice")
              + "; the last one is used, as Jekyll and Hugo read it");
    }
    Map<String, String> written = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : raw.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (fields.containsKey(key)) {
        warnings.add(
            "key '"
                + e.getKey()
                + "' repeats '"
                + key
                + "' in another case; the first one is used");
        continue;
      }
      fields.put(key, e.getValue());
      keyLines.put(key, lines0.getOrDefault(key, openLine));
      if (written0.containsKey(key)) {
        written.put(key, written0.get(key));
      }
    }
    liftParams(fields, keyLines);
    return new FrontMatter(
        fields, keyLines, written, bodyLine, bodyOffset, warnings, Post.Markup.MARKDOWN);
  }

  /**
   * Hugo's front matter fields of its own: a key under {@code params} with one of these names is a
   * custom parameter, not the field.
   */
  private static final Set<String> HUGO_FIELDS =
      Set.of(
          "aliases",
          "build",
          "cascade",
          "date",
          "description",
          "draft",
          "expirydate",
          "headless",
          "iscjklanguage",
          "keywords",
          "lastmod",
          "layout",
          "linktitle",
          "markup",
          "menus",
          "outputs",
          "publishdate",
          "resources",
          "sitemap",
          "slug",
          "summary",
          "title",
          "translationkey",
          "type",
          "url",
          "weight",
          "tags",
          "categories");

  /**
   * Hugo (0.123 on) takes a post's own parameters from its {@code params} mapping as it takes them
   * from the top level ({@code .Params.author} either way): Linkerd's posts name their author under
   * {@code params.author}, and Gazette found no author. Such a key counts as the post's, unless the
   * top level gives it too or it names one of Hugo's own fields.
   */
  private static void liftParams(Map<String, Object> fields, Map<String, Integer> keyLines) {
    if (!(fields.get("params") instanceof Map<?, ?> params)) {
      return;
    }
    for (Map.Entry<?, ?> e : params.entrySet()) {
      String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
      if (!fields.containsKey(key) && !HUGO_FIELDS.contains(key) && e.getValue() != null) {
        fields.put(key, e.getValue());
        keyLines.put(key, keyLines.get("params"));
      }
    }
  }

  /** Franklin's page variables {@code raw}, read from its lines as {@link #withFranklinNames}. */
  static FrontMatter franklin(
      Map<String, Object> raw, List<String> rawLines, int openLine, int bodyLine, long bodyOffset) {
    return withFranklinNames(
        raw, rawLines, Franklin.KEY, openLine, bodyLine, bodyOffset, Post.Markup.FRANKLIN);
  }

  /**
   * The front matter of {@code raw}, read from {@code rawLines} (the lines after the one at {@code
   * openLine}) whose keys {@code keyPattern} finds, with each common key a Franklin name gives
   * ({@code rss_pubdate} the date) at that name's line; as {@link #of} gives it when there is none.
   */
  private static FrontMatter withFranklinNames(
      Map<String, Object> raw,
      List<String> rawLines,
      Pattern keyPattern,
      int openLine,
      int bodyLine,
      long bodyOffset,
      Post.Markup markup) {
    FrontMatter fm = of(raw, rawLines, keyPattern, openLine, bodyLine, bodyOffset, List.of());
    Map<String, Object> fields = Franklin.withCommonNames(new LinkedHashMap<>(fm.fields()));
    if (fields.size() == fm.fields().size() && markup == fm.markup()) {
      return fm; // TOML of Hugo or Zola: no Franklin name
    }
    return new FrontMatter(
        fields,
        Franklin.withCommonNames(new LinkedHashMap<>(fm.keyLines())),
        fm.written(),
        bodyLine,
        bodyOffset,
        fm.warnings(),
        markup);
  }

  /** The line of {@code key} in the file, or the fence line when unknown. */
  public int lineOf(String key) {
    return keyLines.getOrDefault(key, Math.max(1, bodyLine - 1));
  }

  /**
   * The value of {@code key} as written on its line ({@code {{ date }}}), or empty when the line
   * holds none (a list or block below the key) or the key was not found.
   */
  public Optional<String> writtenValue(String key) {
    return Optional.ofNullable(written.get(key)).filter(v -> !v.isBlank());
  }

  /**
   * Each key's line, and into {@code written} the text after it on that line: the first line that
   * gives the key, the last for {@code repeatedKey} (whose last value is the one used), whose lines
   * all go into {@code repeatedAt}.
   */
  private static Map<String, Integer> keyLines(
      List<String> rawLines,
      Pattern keyPattern,
      int openLine,
      Map<String, String> written,
      String repeatedKey,
      List<Integer> repeatedAt) {
    Map<String, Integer> result = new LinkedHashMap<>();
    for (int i = 0; i < rawLines.size(); i++) {
      var m = keyPattern.matcher(rawLines.get(i));
      if (m.find()) {
        String name = KEY_QUOTES.matcher(m.group(1)).replaceAll("");
        String key = name.toLowerCase(Locale.ROOT);
        boolean repeated = name.equals(repeatedKey);
        if (repeated) {
          repeatedAt.add(openLine + 1 + i);
        }
        if (!result.containsKey(key) || repeated) {
          result.put(key, openLine + 1 + i);
          written.put(key, rawLines.get(i).substring(m.end()).strip());
        }
      }
    }
    return result;
  }

  /**
   * The front matter's YAML as a map.
   *
   * @param repeated receives the key given twice, when one is: its last value is kept, as Jekyll
   *     (Psych) and Hugo read it, instead of losing the post
   */
  static Map<String, Object> parseYaml(
      String text, int openLine, int maxChars, List<String> repeated) throws PostFormatException {
    // The text is already capped at maxChars, so the shared settings' larger limit never bites
    // first.
    LoadSettings settings = maxChars <= MAX_CHARS ? YAML_SETTINGS : yamlSettings(maxChars);
    text = YamlTabs.separationAsSpaces(text);
    Object value = PLAIN_YAML.read(text);
    try {
      if (value == null) {
        try {
          value = new Load(settings).loadFromString(text);
        } catch (DuplicateKeyException e) {
          String problem = e.getProblem() != null ? e.getProblem() : "";
          repeated.add(problem.replaceFirst("^found duplicate key ", ""));
          value = new Load(yamlSettings(maxChars, true)).loadFromString(text);
        }
      }
    } catch (MarkedYamlEngineException e) {
      // The context mark is where the offending construct starts (an unclosed '[' rather than the
      // end of text).
      int line =
          e.getContextMark().or(e::getProblemMark).map(m -> m.getLine() + 1).orElse(0) + openLine;
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      if (indentedWithATab(text, e)) {
        problem = "a tab indents this line (YAML indents with spaces only)";
      }
      throw new PostFormatException(line, "invalid YAML front matter: " + oneLine(problem));
    } catch (YamlEngineException e) {
      throw new PostFormatException(
          openLine, "invalid YAML front matter: " + oneLine(e.getMessage()));
    } catch (RuntimeException e) {
      throw new PostFormatException(
          openLine, "invalid YAML front matter: " + oneLine(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      // snakeyaml-engine reads nested collections recursively and has no depth limit of its own.
      throw new PostFormatException(openLine, "invalid YAML front matter: nested too deeply");
    }
    requireBounded(value, openLine);
    return asMap(value, openLine);
  }

  /**
   * Whether snakeyaml stopped at a tab in the indentation of its line (only spaces or tabs before
   * it), which its own message words as a token that cannot start ("found character '\\t(TAB)' …").
   */
  private static boolean indentedWithATab(String text, MarkedYamlEngineException e) {
    var mark = e.getProblemMark();
    if (mark.isEmpty()) {
      return false;
    }
    int lineStart = 0;
    for (int l = 0; l < mark.get().getLine(); l++) {
      lineStart = text.indexOf('\n', lineStart) + 1;
      if (lineStart == 0) {
        return false;
      }
    }
    int at = lineStart + mark.get().getColumn();
    if (at >= text.length() || text.charAt(at) != '\t') {
      return false;
    }
    for (int i = lineStart; i < at; i++) {
      if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return false;
      }
    }
    return true;
  }

  /** More values than a front matter ever needs; only YAML aliases get there. */
  static final int MAX_VALUES = 100_000;

  /**
   * YAML aliases share one object between many places and may even make it contain itself. Every
   * reader of the fields (categories, tags, title) walks the values, so refuse graphs that are
   * endless or that expand past {@link #MAX_VALUES} values. Walks without recursion.
   */
  static void requireBounded(Object value, int openLine) throws PostFormatException {
    java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
    todo.push(value == null ? "" : value);
    int seen = 0;
    while (!todo.isEmpty()) {
      Object v = todo.pop();
      if (++seen > MAX_VALUES) {
        throw new PostFormatException(
            openLine,
            "front matter refers to itself or expands to more than "
                + MAX_VALUES
                + " values (YAML aliases)");
      }
      if (v instanceof Map<?, ?> m) {
        m.forEach(
            (k, x) -> {
              todo.push(k == null ? "" : k);
              todo.push(x == null ? "" : x);
            });
      } else if (v instanceof java.util.Collection<?> c) {
        c.forEach(x -> todo.push(x == null ? "" : x));
      }
    }
  }

  /** Zine's front matter: {@code .title = "x",} fields of {@link Ziggy}, inside {@code ---}. */
  private static Map<String, Object> parseZiggy(String text, int openLine)
      throws PostFormatException {
    try {
      Object value = Ziggy.parse(text);
      requireBounded(value, openLine);
      return asMap(value, openLine);
    } catch (Ziggy.ZiggyException e) {
      throw new PostFormatException(
          openLine + e.line(), "invalid Ziggy front matter: " + oneLine(e.getMessage()));
    } catch (StackOverflowError e) {
      throw new PostFormatException(openLine, "invalid Ziggy front matter: nested too deeply");
    }
  }

  private static Map<String, Object> parseToml(String text, int openLine)
      throws PostFormatException {
    return parse(Toml.MAPPER, "TOML", text, openLine, openLine);
  }

  /**
   * A front matter's text read by {@code mapper} as a map; an error names the file's line, which is
   * the text's line number plus {@code lineShift}.
   */
  private static Map<String, Object> parse(
      com.fasterxml.jackson.databind.ObjectMapper mapper,
      String format,
      String text,
      int openLine,
      int lineShift)
      throws PostFormatException {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = mapper.readValue(text, LinkedHashMap.class);
      return map == null ? Map.of() : map;
    } catch (JsonProcessingException e) {
      int line =
          e.getLocation() != null && e.getLocation().getLineNr() > 0
              ? e.getLocation().getLineNr() + lineShift
              : openLine;
      throw new PostFormatException(
          line, "invalid " + format + " front matter: " + oneLine(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      throw new PostFormatException(
          openLine,
          "invalid " + format + " front matter: " + oneLine(String.valueOf(e.getMessage())));
    } catch (StackOverflowError e) {
      throw new PostFormatException(
          openLine, "invalid " + format + " front matter: nested too deeply");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value, int openLine) throws PostFormatException {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new PostFormatException(openLine, "front matter is not a list of 'key: value' lines");
    }
    Map<String, Object> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      result.put(String.valueOf(e.getKey()), e.getValue());
    }
    return result;
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 200 ? t.substring(0, 200) + "…" : t;
  }

  /**
   * Hugo's JSON front matter ({@code {…}}) or Hexo's ({@code ;;;}-fenced members without braces),
   * as a map; made on the first one, as the TOML reader is.
   */
  static Map<String, Object> parseJson(String object, int openLine) throws PostFormatException {
    // line 1 of the object is the opening line ({ or ;;;)
    return parse(Json.MAPPER, "JSON", object, openLine, openLine - 1);
  }

  private static final class Json {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(
                com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA
                    .mappedFeature());
  }

  /** Splits lines on LF, CRLF or a lone CR, counting characters consumed; skips a leading BOM. */
  static final class LineReader {
    private final Reader in;
    private long offset;
    private int pushback = -1;
    private boolean first = true;

    LineReader(Reader in) {
      this.in = in;
    }

    long offset() {
      return offset;
    }

    String next() throws IOException {
      StringBuilder sb = new StringBuilder();
      int c = read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          c = read();
        }
      }
      if (c == -1) {
        return null;
      }
      while (c != -1 && c != '\n' && c != '\r') {
        sb.append((char) c);
        c = read();
      }
      if (c == '\r') {
        int d = read();
        if (d != '\n' && d != -1) {
          pushback = d;
          offset--;
        }
      }
      return sb.toString();
    }

    private int read() throws IOException {
      int c;
      if (pushback >= 0) {
        c = pushback;
        pushback = -1;
      } else {
        c = in.read();
      }
      if (c != -1) {
        offset++;
      }
      return c;
    }
  }
}
