package dev.gazette.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A post as found in the source folder: its front matter is read, its body is not. The body is
 * loaded on demand through {@link #body()}, so selecting posts by date never reads whole files.
 *
 * <p>Front-matter keys are kept lower-cased in {@link #fields()}, including keys Gazette does not
 * know, so callers can read their own conventions.
 */
public final class Post {
  /** Loads the body text of a post (everything after the front matter). */
  @FunctionalInterface
  public interface BodySource {
    String read() throws IOException;
  }

  private final Path file;
  private final String relativePath;
  private final int bodyLine;
  private final String declaredTitle;
  private final PostDate date;
  private final List<String> categories;
  private final List<String> tags;
  private final boolean draft;
  private final Markup markup;
  private final Map<String, Object> fields;
  private final BodySource bodySource;
  private final Function<String, Optional<String>> headingFinder;
  private final boolean linkEntry;
  private volatile String resolvedTitle;

  private Post(Builder b) {
    this.file = Objects.requireNonNull(b.file, "file");
    this.relativePath = Objects.requireNonNull(b.relativePath, "relativePath");
    this.bodyLine = b.bodyLine;
    this.declaredTitle = b.declaredTitle;
    this.date = b.date;
    this.categories = List.copyOf(b.categories);
    this.tags = List.copyOf(b.tags);
    this.draft = b.draft;
    this.markup = b.markup;
    this.fields = b.fields;
    this.bodySource = Objects.requireNonNull(b.bodySource, "bodySource");
    this.headingFinder = b.headingFinder;
    this.linkEntry = b.linkEntry;
  }

  public static Builder builder(Path file, String relativePath) {
    return new Builder(file, relativePath);
  }

  /** This post with other front-matter values ({@link #fields}); all else is the same. */
  public Post withFields(Map<String, Object> newFields) {
    return copy(newFields, linkEntry);
  }

  private Post copy(Map<String, Object> newFields, boolean isLinkEntry) {
    Builder b = new Builder(file, relativePath);
    b.bodyLine = bodyLine;
    b.declaredTitle = declaredTitle;
    b.date = date;
    b.categories = categories;
    b.tags = tags;
    b.draft = draft;
    b.markup = markup;
    b.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(newFields));
    b.bodySource = bodySource;
    b.headingFinder = headingFinder;
    b.linkEntry = isLinkEntry;
    Post copy = new Post(b);
    copy.resolvedTitle = resolvedTitle;
    return copy;
  }

  /**
   * This post as a link entry: front matter alone naming where it was published, which the digest
   * shows as its summary and that address ({@link #linkEntry}).
   */
  public Post asLinkEntry(Map<String, Object> newFields) {
    return copy(newFields, true);
  }

  /**
   * Whether the post is a link entry, an aggregator's or a link blog's: a title, a summary and the
   * address of the post elsewhere. The PDF sets it after the article before it, not on a page of
   * its own.
   */
  public boolean linkEntry() {
    return linkEntry;
  }

  /** The file, as found under the source folder. */
  public Path file() {
    return file;
  }

  /** Path relative to the source folder, with {@code /} separators: stable across machines. */
  public String relativePath() {
    return relativePath;
  }

  /** 1-based line of the file where the body starts (after the front matter). */
  public int bodyLine() {
    return bodyLine;
  }

  /** The title given in the front matter, if any. */
  public Optional<String> declaredTitle() {
    return Optional.ofNullable(declaredTitle);
  }

  /**
   * The title to show: the front-matter title, else the body's first heading, else a title made
   * from the file name. Reads the body only when the front matter has no title.
   */
  public String title() {
    String t = resolvedTitle;
    if (t == null) {
      t = declaredTitle;
      if (t == null && headingFinder != null) {
        try {
          t = headingFinder.apply(body()).orElse(null);
        } catch (UncheckedIOException e) {
          t = null;
        }
      }
      if (t == null) {
        t = titleFromFileName(nameGivingTitle(file));
      }
      resolvedTitle = t;
    }
    return t;
  }

  /** The publication date, or empty for an undated post. */
  public Optional<PostDate> date() {
    return Optional.ofNullable(date);
  }

  public List<String> categories() {
    return categories;
  }

  public List<String> tags() {
    return tags;
  }

  public boolean draft() {
    return draft;
  }

  /**
   * What a post's body is written in, beyond the Markdown every engine reads: its front matter
   * tells (Zine's SuperMD is told by the file's extension, {@code .smd}).
   */
  public enum Markup {
    /** Markdown, as Hugo, Jekyll, Hexo, Zola and the others write it. */
    MARKDOWN,
    /**
     * Franklin.jl's Markdown, whose pages give {@code @def} page variables: {@code ~~~} holds raw
     * HTML, {@code @@name … @@} a block, {@code \newcommand} defines commands.
     */
    FRANKLIN,
    /** HTML, as written: a {@code .html} post of Hugo's {@code content/} or a {@code _posts/}. */
    HTML,
    /** Djot ({@code .djot}, {@code .dj}), as Gleam's website writes its news. */
    DJOT
  }

  /** What the body is written in. */
  public Markup markup() {
    return markup;
  }

  /** Every front-matter key (lower-cased) with its value as parsed. */
  public Map<String, Object> fields() {
    return fields;
  }

  /** A front-matter value as text, when it is a scalar. */
  public Optional<String> field(String key) {
    Object v = fields.get(key.toLowerCase(java.util.Locale.ROOT));
    if (v == null || v instanceof Map || v instanceof List) {
      return Optional.empty();
    }
    String s = v.toString().trim();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** The front-matter keys that name where a post was first published, in the order tried. */
  private static final List<String> ADDRESS_KEYS = List.of("link", "url", "permalink", "source");

  /**
   * The web address the post was first published at, from its first {@code link}, {@code url},
   * {@code permalink} or {@code source} field that is an http(s) address (repaired to a valid one);
   * empty when none is ({@code url: /about/} is the page's path on its own site).
   */
  public Optional<String> originalAddress() {
    for (String key : ADDRESS_KEYS) {
      String url = field(key).orElse("");
      String lower = url.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) {
        Optional<String> valid = dev.gazette.util.Urls.followable(url);
        if (valid.isPresent()) {
          return valid;
        }
      }
    }
    return Optional.empty();
  }

  /** Reads the body text from disk. */
  public String body() {
    try {
      return bodySource.read();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A page bundle's text file ({@code post/my-trip/index.md}: Hugo leaf bundles, Hexo asset
   * folders, Zola): the folder it sits in names the post, as it gives its address.
   */
  public static boolean isBundleText(Path file) {
    Path folder = file.getParent();
    return BUNDLE_FILES.contains(file.getFileName().toString())
        && folder != null
        && folder.getFileName() != null;
  }

  /**
   * The extensions of a post's text file, in the order a link without one tries them: Markdown,
   * MDX, Zine's SuperMD ({@code .smd}) and Djot.
   */
  public static final List<String> TEXT_EXTENSIONS =
      List.of(".md", ".markdown", ".mdx", ".smd", ".djot", ".dj");

  /** Whether {@code fileName} (any case) has a post text's extension. */
  public static boolean hasTextExtension(String fileName) {
    String name = fileName.toLowerCase(java.util.Locale.ROOT);
    return TEXT_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static final Set<String> BUNDLE_FILES =
      TEXT_EXTENSIONS.stream().map(e -> "index" + e).collect(java.util.stream.Collectors.toSet());

  /** The name a title is made from when the post has none: its bundle's folder, else the file. */
  public static String nameGivingTitle(Path file) {
    return (isBundleText(file) ? file.getParent() : file).getFileName().toString();
  }

  /** Three words joined by dots, as some write file names: {@code Introduction.To.JWT}. */
  private static final java.util.regex.Pattern WORDS_BY_DOTS =
      java.util.regex.Pattern.compile("\\p{L}{2,}\\.\\p{L}{2,}\\.\\p{L}{2,}");

  private static final java.util.regex.Pattern DOT_BETWEEN_LETTERS =
      java.util.regex.Pattern.compile("(?<=\\p{L})\\.(?=\\p{L})");

  static String titleFromFileName(String name) {
    String base = name.replaceFirst("\\.[^.]+$", "");
    base = base.replaceFirst("^\\d{4}-\\d{1,2}-\\d{1,2}-", ""); // Jekyll's 2014-1-25-talk too
    if (WORDS_BY_DOTS.matcher(base).find()) {
      base = DOT_BETWEEN_LETTERS.matcher(base).replaceAll(" "); // How.To.Set.Up, not v1.2
    }
    String spaced = base.replace('-', ' ').replace('_', ' ').trim();
    if (spaced.isEmpty()) {
      return name;
    }
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }

  @Override
  public String toString() {
    return relativePath;
  }

  /** Builds a {@link Post}; used by sources. */
  public static final class Builder {
    private final Path file;
    private final String relativePath;
    private int bodyLine = 1;
    private String declaredTitle;
    private PostDate date;
    private List<String> categories = List.of();
    private List<String> tags = List.of();
    private boolean draft;
    private Markup markup = Markup.MARKDOWN;
    private Map<String, Object> fields = Map.of();
    private BodySource bodySource;
    private Function<String, Optional<String>> headingFinder;
    private boolean linkEntry;

    private Builder(Path file, String relativePath) {
      this.file = file;
      this.relativePath = relativePath;
    }

    public Builder bodyLine(int line) {
      this.bodyLine = line;
      return this;
    }

    public Builder declaredTitle(String title) {
      this.declaredTitle = title;
      return this;
    }

    public Builder date(PostDate date) {
      this.date = date;
      return this;
    }

    public Builder categories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder draft(boolean draft) {
      this.draft = draft;
      return this;
    }

    public Builder markup(Markup markup) {
      this.markup = java.util.Objects.requireNonNull(markup, "markup");
      return this;
    }

    public Builder fields(Map<String, Object> fields) {
      this.fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
      return this;
    }

    public Builder body(BodySource source) {
      this.bodySource = source;
      return this;
    }

    /** How to find a title in the body when the front matter has none. */
    public Builder headingFinder(Function<String, Optional<String>> finder) {
      this.headingFinder = finder;
      return this;
    }

    public Post build() {
      return new Post(this);
    }
  }
}
