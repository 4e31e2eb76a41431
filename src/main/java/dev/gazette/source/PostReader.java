package dev.gazette.source;

import dev.gazette.api.Problem;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads one post file's front matter into a {@link Post}. Problems that leave the post usable are
 * added to the given list as warnings; problems that make it unusable are thrown.
 */
public final class PostReader {
  /** Front-matter keys that hold the publication date, most specific first. */
  static final List<String> DATE_KEYS = List.of("date", "pubdate", "published", "publishdate", "created", "time");
  // Compiled once: String.replaceAll/split compile their pattern on every call, for every post.
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,，]");

  private final DateParser dates;

  public PostReader(ZoneId zone) {
    this.dates = new DateParser(zone);
  }

  /**
   * Reads {@code file}.
   *
   * @param relativePath its path relative to the source folder, with {@code /}
   * @param problems receives warnings about values that were ignored or repaired
   */
  public Post read(Path file, String relativePath, List<Problem> problems) throws IOException, PostFormatException {
    FrontMatter fm;
    try (Reader in = utf8Reader(file)) {
      fm = FrontMatter.read(in);
    } catch (CharacterCodingException e) {
      throw new PostFormatException(0, "not UTF-8 text");
    }
    for (String w : fm.warnings()) {
      problems.add(Problem.warning(file, fm.bodyLine() - 1, w));
    }
    Map<String, Object> f = fm.fields();
    Post.Builder post = Post.builder(file, relativePath)
        .bodyLine(fm.bodyLine())
        .fields(f)
        .body(() -> readBody(file, fm.bodyOffset()))
        .headingFinder(Headings::firstHeading);

    Object title = f.get("title");
    if (title != null) {
      if (title instanceof Map || title instanceof Collection) {
        problems.add(Problem.warning(file, fm.lineOf("title"), "title is not text; ignored"));
      } else if (!title.toString().isBlank()) {
        post.declaredTitle(WHITESPACE.matcher(title.toString().strip()).replaceAll(" "));
      }
    }
    post.categories(strings(f.get("categories"), f.get("category")));
    post.tags(strings(f.get("tags"), f.get("tag")));
    post.draft(isTrue(f.get("draft")) || Boolean.FALSE.equals(f.get("published")));
    post.date(date(file, fm, problems).orElse(null));
    return post.build();
  }

  private Optional<PostDate> date(Path file, FrontMatter fm, List<Problem> problems) throws PostFormatException {
    String fileName = file.getFileName().toString();
    for (String key : DATE_KEYS) {
      Object value = fm.fields().get(key);
      if (value == null || value instanceof Boolean) {
        continue;
      }
      try {
        return Optional.of(dates.parse(value));
      } catch (DateParser.InvalidDateException e) {
        Optional<PostDate> fallback = dates.fromFileName(fileName);
        if (fallback.isPresent()) {
          problems.add(Problem.warning(file, fm.lineOf(key),
              key + ": " + e.getMessage() + "; using the date in the file name"));
          return fallback;
        }
        throw new PostFormatException(fm.lineOf(key), key + ": " + e.getMessage());
      }
    }
    return dates.fromFileName(fileName);
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

  private static boolean isTrue(Object v) {
    return Boolean.TRUE.equals(v) || (v instanceof String s && s.strip().equalsIgnoreCase("true"));
  }

  static Reader utf8Reader(Path file) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    // A small buffer: only the front matter is read here, and decoding whole files was the
    // largest single cost of selecting from 10,000 posts.
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1024);
  }

  static String readBody(Path file, long offset) throws IOException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
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
