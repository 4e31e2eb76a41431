package dev.gazette.source;

import dev.gazette.model.LeftOut;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A site generator's root folder, given as the folder of posts: only what the generator publishes
 * is read. A Hugo or Zola site's posts are in {@code content/}; a Hexo site's in its {@code
 * source_dir} ({@code source/}), where {@code _posts/} holds the posts and the other folders the
 * pages, and {@code _}-prefixed files and folders are not published ({@code scaffolds/} are
 * templates for new posts, {@code themes/} a theme's files), nor what {@code skip_render}, {@code
 * exclude} and {@code ignore} match; a Jekyll site's in the root, without {@code _}-prefixed
 * folders other than {@code _posts/} (in any folder: {@code en/_posts/}, below {@code
 * collections_dir}) and its collections with {@code output: true}, {@code vendor/} (its gems) and
 * what {@code exclude:} matches. {@code _drafts/} is left to the scan, which reads it only when
 * drafts are asked for.
 *
 * @param content the folder post paths start from (sections start below it)
 * @param reason why a Markdown file that is not published was not read, counted by {@link
 *     LeftOut#summary}
 * @param published folders (paths below {@code content}) that are published although they start
 *     with {@code _}; null when every folder inside {@code content} is published
 * @param postsDir for Jekyll, the folder below {@code content} whose folders at any depth may hold
 *     {@code _posts/} and {@code _drafts/} (its {@code collections_dir}, {@code ""} for the root);
 *     null when only {@code published} names them
 * @param excluded whether a path below {@code content} is not published although its folders are
 */
record SiteRoot(
    Path content,
    String reason,
    Set<String> published,
    String postsDir,
    Predicate<String> excluded) {
  /**
   * Config files that make a folder holding {@code content/} a Hugo, Zola, Pelican or Zine site's
   * root.
   */
  private static final List<String> HUGO_OR_ZOLA_CONFIGS =
      List.of(
          "hugo.toml",
          "hugo.yaml",
          "hugo.yml",
          "hugo.json",
          "config.toml",
          "config.yaml",
          "config.yml",
          "config.json",
          "config/_default",
          "pelicanconf.py",
          "zine.ziggy");

  /** Keys only Hexo's {@code _config.yml} has (Jekyll's names its source folder {@code source}). */
  private static final Set<String> HEXO_KEYS =
      Set.of("source_dir", "public_dir", "new_post_name", "post_asset_folder", "render_drafts");

  /** The folders Jekyll reads posts from, in any folder it reads (drafts only when asked). */
  private static final Set<String> JEKYLL_POST_FOLDERS = Set.of("_posts", "_drafts");

  /** The site {@code root} is the root of, or empty when it is none (or a folder of posts). */
  static Optional<SiteRoot> of(Path root) {
    Path content = root.resolve("content");
    if (Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
      for (String config : HUGO_OR_ZOLA_CONFIGS) {
        if (Files.exists(root.resolve(config), LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(
              new SiteRoot(content, LeftOut.OUTSIDE_CONTENT, null, null, path -> false));
        }
      }
    }
    Path configFile = root.resolve("_config.yml");
    if (!Files.isRegularFile(configFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Map<?, ?> config = readConfig(configFile);
    String sourceDir = SiteConfig.text(SiteConfig.get(config, "source_dir"));
    Path source = root.resolve(sourceDir != null ? sourceDir : "source").normalize();
    // Links are not followed, as nowhere in the scan: a linked source folder is still the site's
    // (the scan says it did not follow it), but it is not looked into.
    boolean linkedSource = Files.isSymbolicLink(source);
    boolean hexo =
        config.keySet().stream().anyMatch(k -> k instanceof String s && HEXO_KEYS.contains(s))
            || Files.isDirectory(root.resolve("scaffolds"), LinkOption.NOFOLLOW_LINKS)
            || (!linkedSource
                && Files.isDirectory(source.resolve("_posts"), LinkOption.NOFOLLOW_LINKS));
    if (hexo
        && source.startsWith(root)
        && !source.equals(root)
        && (linkedSource || Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS))) {
      return Optional.of(hexo(root, source, config));
    }
    Path collectionsDir = collectionsDir(root, config);
    if (Files.isDirectory(root.resolve("_posts"), LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(root.resolve("_layouts"), LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(collectionsDir.resolve("_posts"), LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(jekyll(root, collectionsDir, config));
    }
    return Optional.empty();
  }

  /**
   * Hexo publishes {@code _posts/} and the pages outside {@code _} folders, but not what its
   * micromatch patterns match: {@code skip_render} (copied, not rendered: a {@code README.md}) and
   * {@code exclude} by the path below {@code source_dir}, {@code ignore} by the whole path of each
   * folder and file ({@code **}{@code /node_modules}).
   */
  private static SiteRoot hexo(Path root, Path source, Map<?, ?> config) {
    List<Predicate<String>> belowSource =
        Stream.concat(
                patterns(SiteConfig.get(config, "skip_render")).stream(),
                patterns(SiteConfig.get(config, "exclude")).stream())
            .map(SiteRoot::micromatch)
            .toList();
    List<Predicate<String>> wholePath =
        patterns(SiteConfig.get(config, "ignore")).stream().map(SiteRoot::micromatch).toList();
    String sourcePath = source.toString().replace('\\', '/');
    Predicate<String> excluded =
        relative ->
            belowSource.stream().anyMatch(p -> p.test(relative))
                || folderAndFile(relative)
                    .map(path -> sourcePath + "/" + path)
                    .anyMatch(path -> wholePath.stream().anyMatch(p -> p.test(path)));
    String name = root.relativize(source).toString().replace('\\', '/');
    return new SiteRoot(
        source, LeftOut.notPublished("Hexo", name), Set.of("_posts", "_drafts"), null, excluded);
  }

  /**
   * Jekyll publishes {@code _posts/} in any folder it reads, below {@code collections_dir}, the
   * pages outside {@code _} folders and the collections with {@code output: true} (the default is
   * false, and the list form {@code collections: [authors]} is always false: such a collection is
   * data for layouts, without pages of its own); not {@code vendor/} or what {@code exclude:}
   * matches, unless {@code include:} names it too.
   */
  private static SiteRoot jekyll(Path root, Path collectionsDir, Map<?, ?> config) {
    String postsDir = root.relativize(collectionsDir).toString().replace('\\', '/');
    String under = postsDir.isEmpty() ? "" : postsDir + "/";
    Set<String> published = new HashSet<>();
    // A collection's folder is its name with _, in collections_dir (recipes → _recipes/).
    if (SiteConfig.get(config, "collections") instanceof Map<?, ?> collections) {
      collections.forEach(
          (name, settings) -> {
            if (settings instanceof Map<?, ?> m && rubyTrue(SiteConfig.get(m, "output"))) {
              published.add(under + "_" + name);
            }
          });
    }
    List<String> include = patterns(SiteConfig.get(config, "include"));
    include.stream().filter(n -> n.startsWith("_")).forEach(published::add);
    List<String> exclude = new ArrayList<>(List.of("vendor"));
    exclude.addAll(patterns(SiteConfig.get(config, "exclude")));
    exclude.removeAll(include);
    List<Predicate<String>> matchers = exclude.stream().map(SiteRoot::fnmatch).toList();
    // Jekyll leaves out a folder's whole content when the folder matches.
    Predicate<String> excluded =
        relative ->
            folderAndFile(relative).anyMatch(path -> matchers.stream().anyMatch(m -> m.test(path)));
    return new SiteRoot(root, LeftOut.notPublished("Jekyll", null), published, postsDir, excluded);
  }

  /**
   * Whether the generator publishes a file at {@code relative} (with {@code /}, below {@link
   * #content}). {@code _drafts/} counts as published: whether drafts are read is the scan's choice.
   */
  boolean publishes(String relative) {
    if (excluded.test(relative)) {
      return false;
    }
    if (published == null) {
      return true;
    }
    String[] segments = relative.split("/");
    // The leading folders that are published whatever their names; below them, _ is not.
    int from = postsFolderDepth(segments);
    for (String folder : published) {
      if (relative.startsWith(folder + "/")) {
        from = Math.max(from, folder.split("/").length);
      }
    }
    for (int i = from; i < segments.length; i++) {
      if (segments[i].startsWith("_")) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many leading segments of a path are a Jekyll posts folder ({@code en/_posts} below {@link
   * #postsDir}, through folders Jekyll reads); 0 when the file is in none.
   */
  private int postsFolderDepth(String[] segments) {
    if (postsDir == null) {
      return 0;
    }
    int start = postsDir.isEmpty() ? 0 : postsDir.split("/").length;
    if (start >= segments.length
        || !String.join("/", List.of(segments).subList(0, start)).equals(postsDir)) {
      return 0;
    }
    for (int i = start; i < segments.length - 1; i++) {
      if (JEKYLL_POST_FOLDERS.contains(segments[i])) {
        return i + 1;
      }
      if (segments[i].startsWith("_")) {
        return 0;
      }
    }
    return 0;
  }

  /**
   * The config's top level; empty when it cannot be read (the folders still tell the site, and
   * {@link SiteConfig#find} reports the unreadable config).
   */
  private static Map<?, ?> readConfig(Path file) {
    try {
      return SiteConfig.parse(file);
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
  }

  /**
   * Jekyll's {@code collections_dir}, which holds its posts and collections; the root when the
   * config names none or a folder outside the site.
   */
  private static Path collectionsDir(Path root, Map<?, ?> config) {
    String name = SiteConfig.text(SiteConfig.get(config, "collections_dir"));
    Path folder = name == null ? root : root.resolve(name).normalize();
    return folder.startsWith(root) ? folder : root;
  }

  /** {@code a}, {@code a/b}, {@code a/b/c.md} for {@code a/b/c.md}. */
  private static Stream<String> folderAndFile(String relative) {
    List<String> paths = new ArrayList<>();
    for (int slash = relative.indexOf('/'); slash > 0; slash = relative.indexOf('/', slash + 1)) {
      paths.add(relative.substring(0, slash));
    }
    paths.add(relative);
    return paths.stream();
  }

  /**
   * The patterns of a list ({@code exclude: [vendor/, "*.gemspec"]}) or of one text ({@code
   * skip_render: README.md}), without a leading {@code ./} or a trailing slash.
   */
  private static List<String> patterns(Object o) {
    Set<String> patterns = new LinkedHashSet<>();
    for (Object item : o instanceof List<?> list ? list : o == null ? List.of() : List.of(o)) {
      String s = SiteConfig.text(item);
      if (s != null) {
        patterns.add(s.replaceFirst("^\\./", "").replaceFirst("/+$", ""));
      }
    }
    return List.copyOf(patterns);
  }

  /**
   * A Jekyll {@code exclude:} pattern, as Ruby's {@code File.fnmatch} without flags matches it:
   * {@code *} matches across folders too ({@code *.gemspec} matches {@code gems/x.gemspec}).
   */
  private static Predicate<String> fnmatch(String pattern) {
    return glob(pattern.replaceAll("\\*+", "**"));
  }

  /**
   * A Hexo pattern, as micromatch matches it: {@code *} and {@code ?} within a folder, {@code **}
   * across folders, and {@code **}{@code /} also no folder at all ({@code js/**}{@code /test.js}
   * matches {@code js/test.js}), which Java's glob does not allow: each such form is tried too.
   */
  private static Predicate<String> micromatch(String pattern) {
    Set<String> forms = new LinkedHashSet<>(List.of(pattern));
    for (boolean grew = true; grew; ) {
      grew = false;
      for (String form : List.copyOf(forms)) {
        for (int i = form.indexOf("**/"); i >= 0; i = form.indexOf("**/", i + 1)) {
          if (i == 0 || form.charAt(i - 1) == '/') {
            grew |= forms.add(form.substring(0, i) + form.substring(i + 3));
          }
        }
      }
    }
    List<Predicate<String>> globs = forms.stream().map(SiteRoot::glob).toList();
    return path -> globs.stream().anyMatch(g -> g.test(path));
  }

  /** A glob over {@code /}-separated paths; a pattern that is no glob matches itself only. */
  private static Predicate<String> glob(String pattern) {
    try {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      return path -> path.equals(pattern) || matcher.matches(Path.of(path));
    } catch (IllegalArgumentException e) {
      return pattern::equals;
    }
  }

  /**
   * Whether a config value is true as Jekyll (Ruby) reads it: anything but nothing and false, which
   * YAML 1.1 also writes {@code no} and {@code off}.
   */
  private static boolean rubyTrue(Object value) {
    return value != null
        && !Boolean.FALSE.equals(value)
        && !(value instanceof String s
            && Set.of("false", "no", "off").contains(s.strip().toLowerCase(Locale.ROOT)));
  }
}
