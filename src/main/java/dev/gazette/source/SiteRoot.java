package dev.gazette.source;

import dev.gazette.model.LeftOut;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A site generator's root folder, given as the folder of posts: only what the generator publishes
 * is read. A Hugo or Zola site's posts are in {@code content/}; a Hexo site's in its {@code
 * source_dir} ({@code source/}), where {@code _posts/} holds the posts and the other folders the
 * pages, and {@code _}-prefixed files and folders are not published ({@code scaffolds/} are
 * templates for new posts, {@code themes/} a theme's files); a Jekyll site's in the root, without
 * {@code _}-prefixed folders other than {@code _posts/} and its collections, {@code vendor/} (its
 * gems) and what {@code exclude:} names. {@code _drafts/} is left to the scan, which reads it only
 * when drafts are asked for.
 *
 * @param content the folder post paths start from (sections start below it)
 * @param reason why a Markdown file that is not published was not read, counted by {@link
 *     LeftOut#summary}
 * @param published folder names directly below {@code content} that are published although they
 *     start with {@code _}; null when every folder inside {@code content} is published
 * @param excluded paths relative to {@code content} that are not published ({@code vendor})
 */
record SiteRoot(Path content, String reason, Set<String> published, Set<String> excluded) {
  /** Config files that make a folder holding {@code content/} a Hugo or Zola site's root. */
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
          "config/_default");

  /** Keys only Hexo's {@code _config.yml} has (Jekyll's names its source folder {@code source}). */
  private static final Set<String> HEXO_KEYS =
      Set.of("source_dir", "public_dir", "new_post_name", "post_asset_folder", "render_drafts");

  /** The site {@code root} is the root of, or empty when it is none (or a folder of posts). */
  static Optional<SiteRoot> of(Path root) {
    Path content = root.resolve("content");
    if (Files.isDirectory(content, LinkOption.NOFOLLOW_LINKS)) {
      for (String config : HUGO_OR_ZOLA_CONFIGS) {
        if (Files.exists(root.resolve(config), LinkOption.NOFOLLOW_LINKS)) {
          return Optional.of(new SiteRoot(content, LeftOut.OUTSIDE_CONTENT, null, Set.of()));
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
      String name = root.relativize(source).toString().replace('\\', '/');
      return Optional.of(
          new SiteRoot(source, LeftOut.notPublished("Hexo", name), Set.of("_posts"), Set.of()));
    }
    if (Files.isDirectory(root.resolve("_posts"), LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(root.resolve("_layouts"), LinkOption.NOFOLLOW_LINKS)) {
      Set<String> published = new HashSet<>(Set.of("_posts"));
      // A collection's folder is its name with _ (collections: {recipes: …} → _recipes/).
      Object collectionsSetting = SiteConfig.get(config, "collections");
      if (collectionsSetting instanceof Map<?, ?> collections) {
        collections.keySet().forEach(k -> published.add("_" + k));
      } else if (collectionsSetting instanceof List<?> collections) {
        collections.forEach(k -> published.add("_" + k));
      }
      names(SiteConfig.get(config, "include")).stream()
          .filter(n -> n.startsWith("_"))
          .forEach(published::add);
      Set<String> excluded = new HashSet<>(Set.of("vendor"));
      excluded.addAll(names(SiteConfig.get(config, "exclude")));
      return Optional.of(
          new SiteRoot(root, LeftOut.notPublished("Jekyll", null), published, excluded));
    }
    return Optional.empty();
  }

  /**
   * Whether the generator publishes a file at {@code relative} (with {@code /}, below {@link
   * #content}). {@code _drafts/} counts as published: whether drafts are read is the scan's choice.
   */
  boolean publishes(String relative) {
    for (String path : excluded) {
      if (relative.equals(path) || relative.startsWith(path + "/")) {
        return false;
      }
    }
    if (published == null) {
      return true;
    }
    String[] segments = relative.split("/");
    for (int i = 0; i < segments.length; i++) {
      boolean publishedFolder =
          i == 0
              && segments.length > 1
              && (published.contains(segments[0]) || segments[0].equals("_drafts"));
      if (segments[i].startsWith("_") && !publishedFolder) {
        return false;
      }
    }
    return true;
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

  /** Plain paths of a list ({@code exclude: [vendor/, docs/]}), without a trailing slash. */
  private static Set<String> names(Object o) {
    Set<String> names = new HashSet<>();
    if (o instanceof List<?> list) {
      for (Object item : list) {
        String s = SiteConfig.text(item);
        if (s != null) {
          names.add(s.replaceFirst("^\\./", "").replaceFirst("/+$", ""));
        }
      }
    }
    return names;
  }
}
