package dev.gazette.source;

import dev.gazette.model.Limits;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one post file's front matter into a {@link Post}. Problems that leave the post usable are
 * added to the given list as warnings; problems that make it unusable are thrown.
 */
public final class PostReader {
  /** Front-matter keys that hold the publication date, most specific first. */
  static final List<String> DATE_KEYS =
      List.of("date", "pubdate", "published", "publishdate", "created", "time");

  // Compiled once: String.replaceAll/split compile their pattern on every call, for every post.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，]");

  /** How much of a file is looked at before deciding how it is encoded. */
  private static final int HEAD_BYTES = 8192;

  private final DateParser dates;
  private final Limits limits;
  private final WallClock wallClock;

  public PostReader(ZoneId zone) {
    this(zone, Limits.defaults());
  }

  /**
   * @param limits post size, front-matter size and title length
   */
  public PostReader(ZoneId zone, Limits limits) {
    this(zone, limits, WallClock.none());
  }

  /**
   * @param wallClock posts whose written time is read in a given zone, whatever zone it states
   */
  public PostReader(ZoneId zone, Limits limits, WallClock wallClock) {
    this.dates = new DateParser(zone);
    this.limits = limits;
    this.wallClock = wallClock;
  }

  /**
   * Reads {@code file}.
   *
   * @param relativePath its path relative to the source folder, with {@code /}
   * @param problems receives warnings about values that were ignored or repaired
   */
  public Post read(Path file, String relativePath, List<Problem> problems)
      throws IOException, PostFormatException {
    long size = Files.size(file); // an empty file is read: a post with nothing to read
    if (size > limits.maxPostBytes()) {
      throw new PostFormatException(
          0,
          "the file is "
              + Limits.describeBytes(size)
              + ", more than the "
              + Limits.describeBytes(limits.maxPostBytes())
              + " a post may have");
    }
    byte[] head = new byte[HEAD_BYTES];
    int headLength;
    try (InputStream in = Files.newInputStream(file)) {
      headLength = in.readNBytes(head, 0, head.length);
    }
    TextDecoding.Encoding encoding = TextDecoding.fromHead(head, headLength);
    TextDecoding.Utf8Prefix prefix =
        encoding.isUtf8() ? TextDecoding.utf8Prefix(head, headLength) : null;
    if (encoding.isUtf8() && prefix == null) {
      encoding = TextDecoding.legacy(Files.readAllBytes(file));
    }
    FrontMatter fm;
    if (encoding.isUtf8()) {
      try (Reader in = prefix.reader(file)) {
        fm = FrontMatter.read(in, limits.maxFrontMatterChars());
      } catch (CharacterCodingException e) {
        encoding = TextDecoding.legacy(Files.readAllBytes(file));
        fm =
            FrontMatter.read(
                new StringReader(decode(file, encoding)), limits.maxFrontMatterChars());
      }
    } else {
      fm = FrontMatter.read(new StringReader(decode(file, encoding)), limits.maxFrontMatterChars());
    }
    if (encoding.note() != null) {
      problems.add(Problem.warning(file, 0, encoding.note()));
    }
    for (String w : fm.warnings()) {
      problems.add(Problem.warning(file, fm.bodyLine() - 1, w));
    }
    Map<String, Object> f = fm.fields();
    Post.Builder post =
        Post.builder(file, relativePath)
            .bodyLine(fm.bodyLine())
            .markup(
                PostScanner.isHtmlName(file)
                    ? Post.Markup.HTML
                    : PostScanner.isDjotName(file) ? Post.Markup.DJOT : fm.markup())
            .fields(f)
            .body(bodySource(file, encoding, fm.bodyOffset()))
            // A title taken from the body is bounded like a declared one (found lazily, so without
            // a warning).
            .headingFinder(body -> Headings.firstHeading(body).map(this::cut));

    Object title = f.get("title");
    if (title != null) {
      if (title instanceof Map || title instanceof Collection || title instanceof byte[]) {
        problems.add(Problem.warning(file, fm.lineOf("title"), "title is not text; ignored"));
      } else if (!title.toString().isBlank()) {
        post.declaredTitle(
            shortTitle(
                WHITESPACE.matcher(TitleMarkup.text(title.toString().strip())).replaceAll(" "),
                file,
                fm.lineOf("title"),
                problems));
      }
    }
    post.categories(strings(f.get("categories"), f.get("category")));
    post.tags(strings(f.get("tags"), f.get("tag")));
    post.draft(
        flag(fm, "draft").orElse(false)
            || !flag(fm, "published").orElse(true)
            || (f.get("status") instanceof String status
                && UNPUBLISHED.contains(status.strip().toLowerCase(Locale.ROOT))));
    post.date(date(file, relativePath, fm, problems).orElse(null));
    return post.build();
  }

  /**
   * Values of {@code status} that mean the post is not published: Pelican's {@code draft}, and
   * WordPress's (kept by its exporters) {@code draft}, {@code pending}, {@code private} and {@code
   * trash}. Pelican's {@code hidden} is published, only left out of the site's lists.
   */
  private static final java.util.Set<String> UNPUBLISHED =
      java.util.Set.of("draft", "pending", "private", "trash");

  /** Front-matter keys holding the post's own address, which may carry its day. */
  private static final List<String> URL_PATH_KEYS = List.of("path", "permalink", "url", "slug");

  private Optional<PostDate> date(
      Path file, String relativePath, FrontMatter fm, List<Problem> problems)
      throws PostFormatException {
    ZoneId wallZone = wallClock.zoneFor(relativePath).orElse(null);
    String fileName = file.getFileName().toString();
    for (String key : DATE_KEYS) {
      Object value = fm.fields().get(key);
      if (value == null || flag(fm, key).isPresent()) {
        continue; // Jekyll's published: True, a flag
      }
      if (value instanceof Map<?, ?> dated && dated.get("created") != null) {
        value = dated.get("created"); // Material for MkDocs: date: {created: …, updated: …}
      }
      try {
        DateParser.Reading reading = dates.read(value, wallZone);
        if (reading.note() != null) {
          problems.add(
              Problem.warning(
                  file, fm.lineOf(key), key + ": '" + describe(value) + "': " + reading.note()));
        }
        return Optional.of(reading.date());
      } catch (DateParser.InvalidDateException e) {
        String why = notADate(fm, key, value, e);
        Optional<PostDate> fallback = dates.fromFileName(fileName);
        if (fallback.isPresent()) {
          problems.add(
              Problem.warning(
                  file, fm.lineOf(key), key + ": " + why + "; using the date in the file name"));
          return fallback;
        }
        throw new PostFormatException(fm.lineOf(key), key + ": " + why);
      }
    }
    Optional<PostDate> named = dates.fromFileName(fileName);
    if (named.isPresent()) {
      return named;
    }
    for (String key : URL_PATH_KEYS) {
      Object value = fm.fields().get(key);
      if (value instanceof String path) {
        Optional<PostDate> day = dates.fromUrlPath(path);
        if (day.isPresent()) {
          return day;
        }
      }
    }
    if (Post.isBundleText(file)) {
      return dates.fromFileName(file.getParent().getFileName().toString() + "-");
    }
    return Optional.empty();
  }

  /**
   * Why a date value was refused, quoting the file: a value YAML read as a mapping or list ({@code
   * {{ date }}} of a template) is quoted as written, not as the structure it became.
   */
  private static String notADate(
      FrontMatter fm, String key, Object value, DateParser.InvalidDateException e) {
    if (value instanceof Map || value instanceof Collection) {
      Optional<String> written = fm.writtenValue(key);
      if (written.isPresent()) {
        return "not a date: '" + describe(written.get()) + "'";
      }
    }
    return e.getMessage();
  }

  /** A value quoted in a message: its first 60 characters, so a long line does not fill it. */
  private static String describe(Object value) {
    String s = String.valueOf(value).strip();
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** A string or a (nested) list of strings, as Hexo, Jekyll and Hugo write categories and tags. */
  static List<String> strings(Object... values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      collect(v, out);
    }
    return out.stream().distinct().toList();
  }

  private static void collect(Object v, List<String> out) {
    if (v == null) {
      return;
    }
    if (v instanceof Collection<?> c) {
      c.forEach(x -> collect(x, out));
    } else if (v instanceof Map<?, ?> m) {
      m.values().forEach(x -> collect(x, out));
    } else {
      for (String part : LIST_SEPARATOR.split(v.toString())) {
        String s = part.strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
  }

  /**
   * A flag's value, if {@code key} holds one: a boolean, the text {@code true} or {@code false} in
   * any case, or, written without quotes, {@code yes}, {@code no}, {@code on} or {@code off}, as
   * Jekyll's YAML 1.1 (Ruby's) reads them where the YAML 1.2 reader gives text: jalammar's {@code
   * published: False} posts, unpublished on the site, were in the digest. A quoted {@code "yes"} is
   * text in either YAML.
   */
  private static Optional<Boolean> flag(FrontMatter fm, String key) {
    Object v = fm.fields().get(key);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if (!(v instanceof String s)) {
      return Optional.empty();
    }
    String word = s.strip().toLowerCase(Locale.ROOT);
    if (word.equals("true") || word.equals("false")) {
      return Optional.of(word.equals("true"));
    }
    boolean plain = fm.writtenValue(key).map(w -> !w.strip().matches("^[\"'].*")).orElse(false);
    if (plain && YAML_11_TRUE.contains(word)) {
      return Optional.of(true);
    }
    if (plain && YAML_11_FALSE.contains(word)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static final java.util.Set<String> YAML_11_TRUE = java.util.Set.of("yes", "on");
  private static final java.util.Set<String> YAML_11_FALSE = java.util.Set.of("no", "off");

  /** The title, cut at the limit (on a character boundary) with a warning when longer. */
  private String shortTitle(String title, Path file, int line, List<Problem> problems) {
    int max = limits.maxTitleChars();
    if (title.codePointCount(0, title.length()) <= max) {
      return title;
    }
    problems.add(
        Problem.warning(
            file,
            line,
            "title is "
                + title.codePointCount(0, title.length())
                + " characters long; cut to "
                + max));
    return cut(title);
  }

  /** The title, cut to the limit on a character boundary, ending in an ellipsis when cut. */
  private String cut(String title) {
    int max = limits.maxTitleChars();
    if (title.codePointCount(0, title.length()) <= max) {
      return title;
    }
    return title.substring(0, title.offsetByCodePoints(0, max - 1)) + "…";
  }

  private static Post.BodySource bodySource(
      Path file, TextDecoding.Encoding encoding, long offset) {
    if (encoding.isUtf8()) {
      return () -> readBody(file, offset);
    }
    return () -> {
      String text = decode(file, encoding);
      return offset >= text.length() ? "" : text.substring((int) offset);
    };
  }

  private static String decode(Path file, TextDecoding.Encoding encoding) throws IOException {
    try {
      return encoding.decode(Files.readAllBytes(file));
    } catch (CharacterCodingException e) {
      throw new IOException("not " + encoding.charset().name() + " text", e);
    }
  }

  static String readBody(Path file, long offset) throws IOException {
    String text;
    try {
      text =
          TextDecoding.strictDecoder(StandardCharsets.UTF_8)
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      throw new IOException("not UTF-8 text", e);
    }
    if (offset == 0 && text.startsWith("\uFEFF")) {
      return text.substring(1);
    }
    return offset >= text.length() ? "" : text.substring((int) offset);
  }
}
