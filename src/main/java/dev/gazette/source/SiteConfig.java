package dev.gazette.source;

import dev.gazette.util.Urls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The site generator's own configuration above a folder of posts: Hexo and Jekyll {@code
 * _config.yml}, Hugo {@code hugo.toml}/{@code config.toml}/{@code hugo.yaml}/{@code config.yaml},
 * Zola {@code config.toml}, Pelican {@code pelicanconf.py} (its text settings only), Zine {@code
 * zine.ziggy}. It names the blog and its author, which make a better default title and author than
 * the folder's name.
 *
 * @param file the file read
 * @param title the site title, or null
 * @param authors the site's authors, in order; may be empty
 * @param language the site language as written ({@code en-us}, {@code zh-CN}), or null
 * @param url the site's web address ({@code url}, Hugo {@code baseURL}, Zola {@code base_url}), an
 *     absolute http(s) URL, or null; with the folder the site is published in when the config gives
 *     that apart (Jekyll {@code baseurl}, Hexo {@code root}): {@code https://example.org/blog}
 * @param zone the zone the site's generator reads dates in ({@code timezone}, Hugo {@code
 *     timeZone}), or null
 * @param values the config's text, number and true/false values by key as written, nested ones by
 *     their dotted path ({@code repository}, {@code params.DocsBaseUrl}), which posts quote as
 *     {@code {{ site.repository }}} and {@code {{< param DocsBaseUrl >}}}
 * @param emojiShortcodes whether the site's generator shows emoji short names ({@code :tada:}) as
 *     the emoji they name: Hugo's {@code enableEmoji}, Zola's {@code markdown.render_emoji},
 *     Jekyll's {@code jemoji} plugin, MkDocs' {@code pymdownx.emoji} extension, Hexo's emoji filter
 *     plugins (in the {@code package.json} beside its config)
 */
public record SiteConfig(
    Path file,
    String title,
    List<String> authors,
    String language,
    String url,
    ZoneId zone,
    Map<String, String> values,
    boolean emojiShortcodes) {
  public SiteConfig {
    authors = List.copyOf(authors);
    values = Map.copyOf(values);
  }

  /**
   * The site's folder: the one holding the config ({@code config/_default/hugo.toml} is two levels
   * below it). Its pictures ({@code static/}, {@code source/}, or beside the config) are the ones a
   * post's {@code /img/x.png} means.
   */
  public Path root() {
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (dir.endsWith(Path.of("config", "_default"))) {
      return dir.getParent().getParent();
    }
    if (isDataFile(file)) {
      return dir.getParent(); // _data/site.json: the site is the folder holding its data folder
    }
    if (dir.endsWith(".vitepress") || dir.endsWith(".vuepress")) {
      // the site is the folder above; VitePress's pages and their public/ are in its srcDir
      Path site = dir.getParent();
      String src = values.getOrDefault("srcDir", "");
      try {
        Path pages = site.resolve(src).normalize();
        return pages.startsWith(site) ? pages : site;
      } catch (java.nio.file.InvalidPathException e) {
        return site;
      }
    }
    return dir;
  }

  /**
   * Folders above the posts searched: Hugo's {@code content/posts/2024} is three levels down, Astro
   * Starlight's {@code src/content/docs/blog} four.
   */
  static final int MAX_LEVELS_UP = 4;

  /** Whether {@code file} is a site's global data ({@code _data/site.json}), not its config. */
  private static boolean isDataFile(Path file) {
    Path folder = file.getParent() == null ? null : file.getParent().getFileName();
    return folder != null
        && (folder.toString().equals("_data") || folder.toString().equals("data"))
        && file.getFileName().toString().matches("(site|metadata)\\.(json|ya?ml)");
  }

  /** Largest file read: a site config is a few KB; a bigger file is not one. */
  static final int MAX_BYTES = 256 * 1024;

  /** mdBook's config: title, authors and language in its {@code [book]} table. */
  static final String MDBOOK_CONFIG = "book.toml";

  /** GitBook's (before 2018) config: title, author and language at its top. */
  static final String GITBOOK_CONFIG = "book.json";

  /**
   * Names tried in each folder, in order: YAML first (Hexo, Jekyll), then Hugo, then Zola, then
   * Pelican, Zine, MkDocs, Franklin, the books' mdBook and GitBook, then a site's global data.
   */
  static final List<String> NAMES =
      List.of(
          "_config.yml",
          "hugo.toml",
          "hugo.yaml",
          "hugo.yml",
          "config.toml",
          "config.yaml",
          "config.yml",
          "config/_default/hugo.toml",
          "config/_default/hugo.yaml",
          "config/_default/hugo.yml",
          "config/_default/config.toml",
          "config/_default/config.yaml",
          "config/_default/config.yml",
          "pelicanconf.py",
          "zine.ziggy",
          "mkdocs.yml",
          "mkdocs.yaml",
          Franklin.SITE_CONFIG,
          MDBOOK_CONFIG,
          GITBOOK_CONFIG,
          // a site's global data, which its templates read as site.* (Eleventy's _data/site.json,
          // Jaspr's data/site.yaml: Dart's site) or metadata.* (Eleventy's starter blog)
          "_data/site.json",
          "_data/site.yml",
          "_data/site.yaml",
          "_data/metadata.json",
          "data/site.yaml",
          "data/site.yml",
          "data/site.json",
          // configs that are scripts, read for their plain strings only (ScriptConfig)
          ".vitepress/config.ts",
          ".vitepress/config.mts",
          ".vitepress/config.js",
          ".vitepress/config.mjs",
          ".vuepress/config.ts",
          ".vuepress/config.js",
          "docusaurus.config.ts",
          "docusaurus.config.js");

  /**
   * What looking for a site config found.
   *
   * @param config the config, when one was read
   * @param unreadable a file that looked like the site config but could not be read, or null
   * @param reason why it could not be read, or null
   */
  public record Found(
      Optional<SiteConfig> config,
      Path unreadable,
      String reason,
      Path generatorFolder,
      Address pagesDomain) {
    Found(Optional<SiteConfig> config, Path unreadable, String reason, Address pagesDomain) {
      this(config, unreadable, reason, null, pagesDomain);
    }

    /**
     * The site's web address: the config's ({@link SiteConfig#url}), else the custom domain its
     * GitHub Pages {@code CNAME} file names, as {@code https://domain}; empty for neither. A site
     * whose config is code (Gleam's, Eleventy's) or that has none (a folder of Jekyll posts) often
     * names its address only there.
     */
    public Optional<Address> address() {
      return config
          .filter(c -> c.url() != null)
          .map(c -> new Address(c.url(), c.file()))
          .or(() -> Optional.ofNullable(pagesDomain));
    }

    /**
     * The site's folder, whose static files the posts' pictures may be: the config's ({@link
     * SiteConfig#root}), else the nearest folder holding the config of a generator whose config is
     * code ({@link #GENERATOR_MARKERS}) or a GitHub Pages {@code CNAME}; null for none.
     */
    public Path root() {
      return config.map(SiteConfig::root).orElse(generatorFolder);
    }

    /**
     * The front-matter {@code keys} a Jekyll or Eleventy site's own layouts never show on a page
     * ({@link SiteLayouts}); none for a site without such layouts, and for a Hugo site, whose
     * templates say so otherwise ({@link SiteConfig#imagesAreSocialCards}). Reads the layouts.
     */
    public Set<String> keysLayoutsNeverShow(List<String> keys) {
      Path top = root();
      return top == null || config.map(SiteConfig::isHugo).orElse(false)
          ? Set.of()
          : SiteLayouts.unshownKeys(top, keys);
    }
  }

  /**
   * A site's web address and the file that gives it.
   *
   * @param url an absolute http(s) address
   * @param file the site config or {@code CNAME} file it was read from
   */
  public record Address(String url, Path file) {}

  /**
   * Where a GitHub Pages site's {@code CNAME} file is, from the site's folder: at its top (a
   * repository published as it is, Jekyll's), or in the static folder its generator copies to the
   * top of the site (Hexo's {@code source/}, Hugo's and Zola's {@code static/}, Vite's and Astro's
   * {@code public/}, Gleam's {@code priv/}).
   */
  private static final List<String> CNAME_FILES =
      List.of("CNAME", "source/CNAME", "static/CNAME", "public/CNAME", "priv/CNAME");

  /** A host name as GitHub Pages takes one: letters, digits and hyphens in two or more labels. */
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

  /** The address the first {@link #CNAME_FILES} in {@code dir} names, if any names one. */
  private static Optional<Address> pagesDomain(Path dir) {
    for (String name : CNAME_FILES) {
      Path file = dir.resolve(name);
      try {
        if (Files.isRegularFile(file) && Files.size(file) <= 1024) {
          String domain = Files.readString(file, StandardCharsets.UTF_8).strip();
          domain = domain.lines().findFirst().orElse("").strip().toLowerCase(Locale.ROOT);
          if (DOMAIN.matcher(domain).matches()) {
            return Optional.of(new Address("https://" + domain, file));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // not a CNAME Gazette can read: the site has no address, as without one
      }
    }
    return Optional.empty();
  }

  /**
   * What marks a site's folder when its config is a script Gazette does not run: VuePress and
   * VitePress ({@code .vuepress/}, {@code .vitepress/}), Docusaurus, Astro, Next.js, Gatsby, Vite
   * (a blog of its own pages, as antfu.me: 111 pictures in its {@code public/} were not found),
   * Eleventy, a Deno project ({@code deno.json}: Lume's sites, as Xe Iaso's blog, whose pictures
   * are in {@code src/static/}; matklad's, built by its own script, whose pictures are in {@code
   * content/assets/}), a site built by a Gleam program ({@code gleam.toml}: Gleam's own, whose
   * pictures are in {@code priv/}). A {@code _config.ts} alone is no marker: the name is common.
   */
  static final List<String> GENERATOR_MARKERS =
      List.of(
          ".vuepress",
          ".vitepress",
          "docusaurus.config.js",
          "docusaurus.config.ts",
          "astro.config.mjs",
          "astro.config.ts",
          "next.config.js",
          "next.config.mjs",
          "next.config.ts",
          "gatsby-config.js",
          "gatsby-config.ts",
          "vite.config.js",
          "vite.config.mjs",
          "vite.config.ts",
          ".eleventy.js",
          "eleventy.config.js",
          "eleventy.config.mjs",
          "eleventy.config.cjs",
          "deno.json",
          "deno.jsonc",
          "gleam.toml");

  /**
   * A Hugo or Zola site's layout, {@code content/} and {@code static/} side by side, whose config
   * Gazette does not find (a site moved to another generator kept it as {@code hugo.toml.bak}, or
   * builds with a script): its posts' {@code /media/x.png} are still the files in {@code static/}.
   */
  private static boolean isContentAndStatic(Path dir) {
    return Files.isDirectory(dir.resolve("content"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
        && Files.isDirectory(dir.resolve("static"), java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The first site config found in the posts' folder or above it (at most {@link #MAX_LEVELS_UP}
   * levels, not above a folder holding {@code .git}, never in the file system root, the home folder
   * or the temporary folder, which are nobody's site).
   *
   * @param source the folder of posts, or one post file
   */
  public static Found find(Path source) {
    Path dir = source.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      dir = dir.getParent();
    }
    Path generatorFolder = null;
    Address pagesDomain = null;
    for (int level = 0; dir != null && level <= MAX_LEVELS_UP; level++, dir = dir.getParent()) {
      if (notASite(dir)) {
        break;
      }
      if (pagesDomain == null) {
        pagesDomain = pagesDomain(dir).orElse(null);
        // a GitHub Pages site without a config: its folder is the site's top
        generatorFolder = generatorFolder == null && pagesDomain != null ? dir : generatorFolder;
      }
      if (generatorFolder == null) {
        for (String marker : GENERATOR_MARKERS) {
          if (Files.exists(dir.resolve(marker))) {
            generatorFolder = dir;
            break;
          }
        }
        if (generatorFolder == null && isContentAndStatic(dir)) {
          generatorFolder = dir;
        }
      }
      for (String name : NAMES) {
        Path file = dir.resolve(name);
        if (Files.isRegularFile(file)) {
          try {
            Optional<SiteConfig> read = read(file, source.toAbsolutePath().normalize());
            if (read.isPresent()) {
              return new Found(read, null, null, pagesDomain);
            }
          } catch (IOException | RuntimeException e) {
            return new Found(
                Optional.empty(),
                file,
                "site config not read (title and author not taken from it): "
                    + firstLine(e.getMessage()),
                pagesDomain);
          }
        }
      }
      if (Files.exists(dir.resolve(".git"))) {
        break;
      }
    }
    return new Found(Optional.empty(), null, null, generatorFolder, pagesDomain);
  }

  /**
   * Reads one site config; empty when the file has no title and no author (a {@code config.toml} of
   * something else).
   *
   * @throws IOException when the file cannot be read
   * @throws RuntimeException when it does not parse
   */
  static Optional<SiteConfig> read(Path file) throws IOException {
    return read(file, null);
  }

  /**
   * As {@link #read(Path)}, for the posts in {@code source}: a multilingual Zine site names itself
   * in each language, by the folder of that language's pages.
   */
  static Optional<SiteConfig> read(Path file, Path source) throws IOException {
    Map<?, ?> root = parse(file);
    if (get(root, "site") instanceof Map<?, ?> site && file.endsWith("zine.ziggy")) {
      root = site; // Zine 0.11 on: .site = .simple(.{ .title = … })
    }
    if (get(root, "locales") instanceof List<?> locales && file.endsWith("zine.ziggy")) {
      root = withLocale(root, locales, file.getParent(), source);
    }
    if (root.isEmpty()) {
      return Optional.empty();
    }
    if (isMkDocs(file)) {
      root = mkDocsAsSite(root);
    }
    if (file.endsWith(MDBOOK_CONFIG)) {
      root = map(get(root, "book"));
    }
    Map<?, ?> params = map(get(root, "params"));
    Map<?, ?> extra = map(get(root, "extra"));
    String title = text(get(root, "title"));
    // Jekyll sites of the 1.x era name themselves with name: (the Jekyll docs still do)
    title = title != null || !file.endsWith("_config.yml") ? title : text(get(root, "name"));
    List<String> authors = names(get(root, "author"));
    authors = !authors.isEmpty() ? authors : names(get(root, "authors"));
    authors = !authors.isEmpty() ? authors : names(get(params, "author"));
    authors = !authors.isEmpty() ? authors : names(get(params, "authors"));
    authors = !authors.isEmpty() ? authors : names(get(extra, "author"));
    authors = !authors.isEmpty() ? authors : names(get(extra, "authors"));
    String language = text(get(root, "languagecode"));
    language = language != null ? language : text(get(root, "language"));
    language = language != null ? language : text(get(root, "lang"));
    language = language != null ? language : text(get(root, "default_language"));
    language = language != null ? language : text(get(root, "defaultcontentlanguage"));
    String url = webAddress(text(get(root, "url")));
    // Jekyll's baseurl and Hexo's root: the folder the site is published in, written apart
    url =
        url != null
            ? underPath(underPath(url, text(get(root, "baseurl"))), text(get(root, "root")))
            : null;
    url = url != null && isPlaceholder(url, file) ? null : url;
    url = url != null ? url : webAddress(text(get(root, "baseurl")));
    url = url != null ? url : webAddress(text(get(root, "base_url")));
    url = url != null ? url : webAddress(text(get(root, "host_url"))); // Zine
    ZoneId zone = zone(text(get(root, "timezone")));
    // a Jekyll config that only sets where posts are published still says where their pictures are
    if (title == null
        && authors.isEmpty()
        && url == null
        && zone == null
        && !(get(root, "permalink") instanceof String)) {
      return Optional.empty();
    }
    Map<String, String> values = new HashMap<>();
    putValues(root, "", values, 0);
    return Optional.of(
        new SiteConfig(
            file, title, authors, language, url, zone, values, emojiShortcodes(file, root)));
  }

  /**
   * A multilingual Zine site ({@code Multilingual { .locales = [ … ] }}) with the title and
   * language of the locale whose {@code content_dir_path} holds {@code source}, else of the first
   * (the site's own language, Zig's "English (original)").
   */
  private static Map<?, ?> withLocale(Map<?, ?> root, List<?> locales, Path dir, Path source) {
    Map<?, ?> chosen = null;
    for (Object l : locales) {
      if (l instanceof Map<?, ?> locale) {
        chosen = chosen == null ? locale : chosen;
        String content = text(get(locale, "content_dir_path"));
        if (content != null
            && source != null
            && source.startsWith(dir.resolve(content).normalize())) {
          chosen = locale;
          break;
        }
      }
    }
    if (chosen == null) {
      return root;
    }
    Map<Object, Object> merged = new java.util.LinkedHashMap<>(root);
    merged.putIfAbsent("title", get(chosen, "site_title"));
    merged.putIfAbsent("lang", get(chosen, "code"));
    return merged;
  }

  /** The plugins that make Hexo show {@code :tada:} as 🎉, by their npm package names. */
  private static final Set<String> HEXO_EMOJI_PLUGINS =
      Set.of("hexo-filter-github-emojis", "hexo-filter-emoji", "hexo-filter-emojis");

  /** See {@link SiteConfig#emojiShortcodes}. */
  private static boolean emojiShortcodes(Path file, Map<?, ?> root) {
    if (Boolean.parseBoolean(text(get(root, "enableemoji")))
        || Boolean.parseBoolean(text(get(map(get(root, "markdown")), "render_emoji")))) {
      return true; // Hugo, Zola
    }
    List<Object> extensions = new ArrayList<>();
    for (String key : List.of("plugins", "gems", "markdown_extensions")) {
      if (get(root, key) instanceof List<?> list) {
        extensions.addAll(list);
      }
    }
    for (Object extension : extensions) {
      // MkDocs writes an extension with settings as a one-key mapping
      Object name =
          extension instanceof Map<?, ?> m && m.size() == 1
              ? m.keySet().iterator().next()
              : extension;
      if ("jemoji".equals(name) || "pymdownx.emoji".equals(name)) {
        return true;
      }
    }
    return file.endsWith("_config.yml")
        && hexoPlugins(file.resolveSibling("package.json")).stream()
            .anyMatch(HEXO_EMOJI_PLUGINS::contains);
  }

  /** The packages a Hexo site's {@code package.json} depends on; empty when it has none. */
  private static Set<String> hexoPlugins(Path packageJson) {
    try {
      if (!Files.isRegularFile(packageJson) || Files.size(packageJson) > MAX_BYTES) {
        return Set.of();
      }
      Set<String> names = new java.util.HashSet<>();
      if (parseValue(packageJson) instanceof Map<?, ?> json) {
        for (String key : List.of("dependencies", "devDependencies")) {
          if (json.get(key) instanceof Map<?, ?> dependencies) {
            dependencies.keySet().forEach(k -> names.add(String.valueOf(k)));
          }
        }
      }
      return names;
    } catch (IOException | RuntimeException e) {
      return Set.of(); // a package.json that does not parse turns nothing on
    }
  }

  /**
   * The config's text, number and true/false values by their dotted paths ({@code title}, {@code
   * params.DocsBaseUrl}, {@code svn.stable.version}): what posts name as {@code {{ site.title }}}
   * or Hugo's {@code {{< param DocsBaseUrl >}}}.
   */
  private static void putValues(
      Map<?, ?> map, String prefix, Map<String, String> values, int depth) {
    map.forEach(
        (k, v) -> {
          if (!(k instanceof String key)) {
            return;
          }
          if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            values.put(prefix + key, v.toString());
          } else if (v instanceof Map<?, ?> inner && depth < 3) {
            putValues(inner, prefix + key + ".", values, depth + 1);
          }
        });
  }

  /**
   * A site config's top level, TOML or YAML; empty when it is not a mapping. The one reading of a
   * config file: {@link SiteRoot} reads its folder settings from the same map, with {@link #get}.
   *
   * @throws IOException when the file cannot be read or is larger than {@link #MAX_BYTES}
   * @throws RuntimeException when it does not parse
   */
  static Map<?, ?> parse(Path file) throws IOException {
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException("larger than " + MAX_BYTES / 1024 + " KB");
    }
    if (file.getFileName().toString().endsWith(".py")) {
      return pelicanSettings(Files.readString(file, StandardCharsets.UTF_8));
    }
    if (file.getFileName().toString().equals(Franklin.SITE_CONFIG)) {
      return franklinVariables(file);
    }
    if (ScriptConfig.isScript(file.getFileName().toString())) {
      return ScriptConfig.read(Files.readString(file, StandardCharsets.UTF_8));
    }
    return parseValue(file) instanceof Map<?, ?> m ? m : Map.of();
  }

  /**
   * A site's folder of pages that are not posts, published under the site's address: MkDocs' {@code
   * docs_dir} ({@code docs} unless set) beside its config.
   *
   * @param folder the folder of pages
   * @param asFolders whether a page is published as a folder ({@code use_directory_urls}, true
   *     unless set) rather than as {@code page.html}
   */
  public record Pages(Path folder, boolean asFolders) {}

  /** Whether this is a Zola site's config: a {@code config.toml} that gives {@code base_url}. */
  public boolean isZola() {
    return file.getFileName().toString().equals("config.toml") && values.containsKey("base_url");
  }

  /**
   * Whether the site is Hugo's: its config is {@code hugo.*} or under {@code config/_default/}, or
   * a {@code config.toml}/{@code .yaml}/{@code .yml}/{@code .json} without Zola's {@code base_url}.
   * Hugo runs only its shortcodes in a post ({@code {{< … >}}}); {@code {% … %}} and {@code {{ …
   * }}} show as written.
   */
  public boolean isHugo() {
    String name = file.getFileName().toString();
    if (name.startsWith("hugo.")
        || file.toAbsolutePath().normalize().getParent().endsWith(Path.of("config", "_default"))) {
      return true;
    }
    // Hugo's config formats only: VitePress's .vitepress/config.ts is no Hugo config
    return HUGO_CONFIG_NAME.matcher(name).matches() && !values.containsKey("base_url");
  }

  /** The names a Hugo site's config may have beside its {@code hugo.*} ones. */
  private static final Pattern HUGO_CONFIG_NAME = Pattern.compile("config\\.(?:toml|ya?ml|json)");

  /**
   * Whether the front matter's {@code images} list is only the pictures that links to a post show
   * on social sites: what Hugo's own templates make of it (Open Graph, Twitter cards), unless the
   * site's layouts name {@code .Params.images} outside such cards. Reads the layouts, so only the
   * build that shows header images asks, once.
   */
  public boolean imagesAreSocialCards() {
    return isHugo() && !HugoLayouts.showImages(root());
  }

  /** The site's pages, when it is an MkDocs site with an address; empty otherwise. */
  public Optional<Pages> pages() {
    if (!isMkDocs(file) || url == null) {
      return Optional.empty();
    }
    String docs = values.getOrDefault("docs_dir", "docs");
    boolean folders = !"false".equalsIgnoreCase(values.getOrDefault("use_directory_urls", "true"));
    try {
      return Optional.of(new Pages(file.getParent().resolve(docs), folders));
    } catch (IllegalArgumentException e) { // InvalidPathException: a docs_dir that is no path
      return Optional.empty();
    }
  }

  private static boolean isMkDocs(Path file) {
    String name = file.getFileName().toString();
    return name.equals("mkdocs.yml") || name.equals("mkdocs.yaml");
  }

  /**
   * The tags of MkDocs' config that name Python code or the environment ({@code
   * !!python/name:material.extensions.emoji.twemoji}, {@code !ENV [SITE_URL, …]}), which no YAML
   * reader but MkDocs' constructs: left out, so the rest is read.
   */
  private static final Pattern MKDOCS_TAG =
      Pattern.compile("(?<=\\s)(?:!!python/\\S*|!ENV|!relative)(?=\\s|$)", Pattern.MULTILINE);

  /** MkDocs' names for what every other config calls title, url, author and language. */
  private static Map<?, ?> mkDocsAsSite(Map<?, ?> root) {
    Map<Object, Object> site = new java.util.LinkedHashMap<>(root);
    site.put("title", get(root, "site_name"));
    site.put("url", get(root, "site_url"));
    site.put("author", get(root, "site_author"));
    site.put("language", get(map(get(root, "theme")), "language"));
    site.values().removeIf(java.util.Objects::isNull);
    return site;
  }

  /**
   * Reads the JSON files a site keeps beside its posts; thread-safe once made. Made on the first
   * one, as {@code FrontMatter}'s readers are: an {@code ObjectMapper} loads and initialises some
   * 370 classes, which a build of posts with no JSON file beside them paid before its first post.
   */
  private static final class Json {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();
  }

  /** A TOML or YAML file's value (JSON is YAML), whatever its size: the caller bounds it. */
  static Object parseValue(Path file) throws IOException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (isMkDocs(file)) {
      text = MKDOCS_TAG.matcher(text).replaceAll("");
    }
    if (file.getFileName().toString().endsWith(".ziggy")) {
      return Ziggy.parse(text);
    }
    if (file.getFileName().toString().endsWith(".json")) {
      // JSON is YAML, but for the tabs GitBook's book.json is indented with
      return Json.MAPPER.readValue(
          text.startsWith("\uFEFF") ? text.substring(1) : text, Object.class);
    }
    return file.getFileName().toString().endsWith(".toml")
        ? FrontMatter.Toml.MAPPER.readValue(text, Map.class)
        : new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build())
            .loadFromString(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /**
   * Franklin's site config: the page variables of its {@code config.md} ({@code website_title} and
   * {@code website_url} give the title and the address); empty for a {@code config.md} that is not
   * Franklin's.
   */
  private static Map<String, Object> franklinVariables(Path file) throws IOException {
    String text = Franklin.siteConfigText(file.getParent());
    if (text == null) {
      return Map.of();
    }
    try {
      FrontMatter fm = FrontMatter.read(new java.io.StringReader(text));
      return fm.fields();
    } catch (PostFormatException e) {
      throw new IllegalArgumentException("line " + e.line() + ": " + e.getMessage(), e);
    }
  }

  /** {@code NAME = 'text'} at a line's start, the first string of the value (u'' and r'' too). */
  private static final java.util.regex.Pattern PYTHON_SETTING =
      java.util.regex.Pattern.compile(
          "(?m)^([A-Z][A-Z0-9_]*)\\s*=\\s*[uUrR]?(?:\"([^\"\\n]*)\"|'([^'\\n]*)')");

  /**
   * Pelican's settings, a Python file Gazette does not run: its top-level text settings as written
   * ({@code SITEURL = 'https://…' if PRODUCTION else '…'} gives its first string), with {@code
   * SITENAME}, {@code SITEURL} and {@code DEFAULT_LANG} also under the keys the other generators
   * use for them (title, url, lang); {@code AUTHOR} and {@code TIMEZONE} have those already.
   */
  private static Map<String, Object> pelicanSettings(String text) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m = PYTHON_SETTING.matcher(text);
    while (m.find()) {
      settings.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    for (String[] alias :
        new String[][] {{"SITENAME", "title"}, {"SITEURL", "url"}, {"DEFAULT_LANG", "lang"}}) {
      if (settings.containsKey(alias[0])) {
        settings.put(alias[1], settings.get(alias[0]));
      }
    }
    return settings;
  }

  /** An IANA zone id ({@code Asia/Shanghai}); null for none, an empty value or an unknown id. */
  private static ZoneId zone(String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    try {
      return ZoneId.of(id.strip());
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /**
   * The addresses Hexo's new sites are given, {@code http://yoursite.com} (before Hexo 5) and
   * {@code http://example.com}, which many blogs keep: Beyond1993's digest named yoursite.com as
   * its blog's address, where links to {@code /…} would go.
   */
  private static final Pattern HEXO_PLACEHOLDER =
      Pattern.compile("(?i)https?://(?:www\\.)?(?:yoursite\\.com|example\\.com)(?:[/:?#].*)?");

  private static boolean isPlaceholder(String url, Path file) {
    return file.endsWith("_config.yml") && HEXO_PLACEHOLDER.matcher(url.strip()).matches();
  }

  /** The config's {@code url} when it is Hexo's placeholder, which is not the site's address. */
  public Optional<String> placeholderUrl() {
    String written = values.get("url");
    return written != null && isPlaceholder(written, file)
        ? Optional.of(written.strip())
        : Optional.empty();
  }

  /** {@code value} when it is an absolute http or https address with a host, else null. */
  private static String webAddress(String value) {
    return value != null && Urls.origin(value).isPresent() ? value.strip() : null;
  }

  /**
   * {@code url} published under {@code path} ({@code /blog}) when {@code url} names no folder of
   * its own; {@code url} as it is when it does, or when {@code path} is not a path from the root.
   */
  private static String underPath(String url, String path) {
    if (path == null || !path.startsWith("/") || path.startsWith("//") || path.equals("/")) {
      return url;
    }
    String rest = url.substring(url.indexOf("//") + 2);
    int slash = rest.indexOf('/');
    if (slash >= 0 && slash < rest.length() - 1) {
      return url;
    }
    return url.replaceFirst("/$", "") + path;
  }

  /** A value by key, any case (Hugo's keys are case-insensitive: {@code Params.Author}). */
  static Object get(Map<?, ?> map, String key) {
    if (map == null) {
      return null;
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : null;
  }

  /** A value as text, stripped; null for none, an empty value, a mapping or a list. */
  static String text(Object o) {
    if (o == null || o instanceof Map<?, ?> || o instanceof List<?>) {
      return null;
    }
    String s = o.toString().strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * People named by a config or front-matter value: a string, a mapping with a {@code name}, or a
   * list of either; distinct, in order.
   */
  public static List<String> names(Object o) {
    List<String> names = new ArrayList<>();
    if (o instanceof Map<?, ?> m) {
      String n = text(get(m, "name"));
      if (n != null) {
        names.add(n);
      }
    } else if (o instanceof List<?> l) {
      for (Object item : l) {
        names(item).stream().filter(n -> !names.contains(n)).forEach(names::add);
      }
    } else {
      String n = text(o);
      if (n != null) {
        names.add(n);
      }
    }
    return names;
  }

  private static boolean notASite(Path dir) {
    if (dir.getParent() == null) {
      return true;
    }
    for (String property : List.of("user.home", "java.io.tmpdir")) {
      String p = System.getProperty(property);
      if (p != null && !p.isBlank() && dir.equals(Path.of(p).toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "it does not parse";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
