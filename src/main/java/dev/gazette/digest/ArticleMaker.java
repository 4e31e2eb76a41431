package dev.gazette.digest;

import dev.gazette.markdown.BodyShape;
import dev.gazette.markdown.Djot;
import dev.gazette.markdown.FranklinMarkup;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.MdxSyntax;
import dev.gazette.markdown.RawHtmlTags;
import dev.gazette.markdown.SuperMd;
import dev.gazette.markdown.TemplateTags;
import dev.gazette.markdown.WordPressShortcodes;
import dev.gazette.model.Article;
import dev.gazette.model.BodyFormat;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.normalize.ImageResolver;
import dev.gazette.normalize.NormalizeContext;
import dev.gazette.source.SiteAuthors;
import dev.gazette.source.SiteData;
import dev.gazette.typeset.Languages;
import dev.gazette.util.Xml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/** Turns a post into an article: reads the body, renders Markdown, normalizes, detects language. */
public final class ArticleMaker {
  private static final Pattern LANG_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

  private final MarkdownRenderer markdown;
  private final HtmlNormalizer normalizer;
  private final ImageResolver images;
  private final Map<String, String> siteValues;
  private final Path siteRoot;
  private final boolean shortcodesOnly;
  private final SiteData siteData;

  /** The site's table of authors, for posts that name theirs by key ({@link SiteAuthors}). */
  private final SiteAuthors siteAuthors;

  /**
   * Each post as its articles show it, authors named: one copy per post, so the articles of one
   * post share it.
   */
  private final Map<Post, Post> shown = new java.util.concurrent.ConcurrentHashMap<>();

  private final dev.gazette.source.DirectoryData directoryData =
      new dev.gazette.source.DirectoryData();

  public ArticleMaker(MarkdownRenderer markdown, HtmlNormalizer normalizer, ImageResolver images) {
    this(markdown, normalizer, images, Map.of());
  }

  /**
   * @param siteValues the site config's values that {@code {{ site.X }}} in a post stands for
   */
  public ArticleMaker(
      MarkdownRenderer markdown,
      HtmlNormalizer normalizer,
      ImageResolver images,
      Map<String, String> siteValues) {
    this(markdown, normalizer, images, siteValues, null);
  }

  /**
   * @param siteValues the site config's values that {@code {{ site.X }}} in a post stands for
   * @param siteRoot the site's folder (the site config's, else the one a generator's script marks),
   *     whose {@code layouts/shortcodes/} holds the site's own Hugo shortcodes and whose component
   *     folders its components; null when there is none
   */
  public ArticleMaker(
      MarkdownRenderer markdown,
      HtmlNormalizer normalizer,
      ImageResolver images,
      Map<String, String> siteValues,
      Path siteRoot) {
    this(markdown, normalizer, images, siteValues, siteRoot, false);
  }

  /**
   * As above; with {@code shortcodesOnly} the site is Hugo's, whose posts show Liquid's {@code {% …
   * %}} and {@code {{ … }}} as written ({@link TemplateTags.Includes#shortcodesOnly}).
   */
  public ArticleMaker(
      MarkdownRenderer markdown,
      HtmlNormalizer normalizer,
      ImageResolver images,
      Map<String, String> siteValues,
      Path siteRoot,
      boolean shortcodesOnly) {
    this.shortcodesOnly = shortcodesOnly;
    this.markdown = markdown;
    this.normalizer = normalizer;
    this.images = images;
    this.siteValues = Map.copyOf(siteValues);
    this.siteRoot = siteRoot == null ? null : siteRoot.toAbsolutePath().normalize();
    this.siteData = new SiteData(this.siteRoot);
    this.siteAuthors = SiteAuthors.of(this.siteRoot);
    this.franklinConfig = dev.gazette.source.Franklin.siteConfigText(this.siteRoot);
  }

  /**
   * The text of the site's {@code config.md} when the site is Franklin's (its commands serve every
   * page, and every page is Franklin's, whatever its front matter); null for another site.
   */
  private final String franklinConfig;

  /** Whether {@code post}'s body is Franklin's Markdown. */
  private boolean franklin(Post post) {
    return post.markup() == Post.Markup.FRANKLIN || franklinConfig != null;
  }

  /**
   * Whether {@code post}'s body is in a markup of its own, which is never taken for HTML however it
   * starts: Franklin's, Djot.
   */
  private boolean ownMarkup(Post post) {
    return franklin(post) || post.markup() == Post.Markup.DJOT;
  }

  /** An article, or the problem that kept the post out. */
  public record Outcome(Article article, List<Problem> problems) {}

  public Outcome make(Post post, String id) {
    String body;
    try {
      body = post.body();
    } catch (RuntimeException e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(), 0, "cannot read body: " + rootMessage(e) + "; post skipped")));
    }
    try {
      List<Problem> problems = new ArrayList<>();
      Optional<String> entry = body.isBlank() ? linkEntry(post) : Optional.empty();
      if (entry.isPresent()) {
        // the entry's address is the page the post is about, as a link post's link is: the link
        // to it stays a web link, not one to the article itself
        Map<String, Object> fields = new java.util.LinkedHashMap<>(post.fields());
        fields.put("link", post.originalAddress().orElseThrow());
        return fromHtml(post.asLinkEntry(fields), id, post.title(), entry.get());
      }
      // an HTML file's body is HTML, loose text and all (Blogger's posts: text and <br>)
      BodyShape.Shape shape =
          post.markup() == Post.Markup.HTML ? BodyShape.html(body) : BodyShape.read(body);
      Outcome o;
      if (shape.parsed() == null || ownMarkup(post)) {
        o = fromHtml(post, id, post.title(), markdownToHtml(post, body, problems));
      } else {
        // The tree already parsed serves unless a template directive changed the text.
        String html = htmlTemplates(post, body, problems);
        o =
            html.equals(body)
                ? fromParsed(post, id, post.title(), shape.parsed())
                : fromHtml(post, id, post.title(), html);
      }
      problems.addAll(o.problems());
      if (o.article() != null && o.article().bodyXhtml().isBlank()) {
        problems.add(
            Problem.warning(post.file(), post.bodyLine(), NothingToRead.reason(post, body)));
        return new Outcome(null, problems);
      }
      return problems.equals(o.problems()) ? o : new Outcome(o.article(), problems);
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(),
                  post.bodyLine(),
                  "cannot convert body: " + rootMessage(e) + "; post skipped")));
    }
  }

  /** The front-matter keys of a post's summary, in the order tried. */
  private static final List<String> SUMMARY_KEYS = List.of("description", "summary", "excerpt");

  /**
   * The body of a post that is front matter alone naming where it was published: an aggregator's
   * entry (OCaml's planet lists 382 of its 832 posts of 2024-2026 by title, summary and address
   * alone), a link blog's link. It shows its summary and the address to read it at, which were
   * skipped as pages with nothing to read. Empty for any other post.
   */
  static Optional<String> linkEntry(Post post) {
    Optional<String> address = post.originalAddress();
    if (address.isEmpty() || post.declaredTitle().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder html = new StringBuilder();
    SUMMARY_KEYS.stream()
        .map(post::field)
        .flatMap(Optional::stream)
        .findFirst()
        .ifPresent(summary -> html.append("<p>").append(Xml.escape(summary)).append("</p>"));
    String url = Xml.escape(address.get());
    html.append("<p><a href=\"").append(url).append("\">").append(url).append("</a></p>");
    return Optional.of(html.toString());
  }

  /**
   * The body of {@code post} as HTML: rendered from Markdown (its kramdown attribute lists removed
   * with a warning), or as written when it is HTML already; either way its template directives are
   * rendered or removed, those removed said in one warning in {@code problems}.
   */
  public String toHtml(Post post, String body, List<Problem> problems) {
    if ((post.markup() == Post.Markup.HTML || formatOf(body) == BodyFormat.HTML)
        && !ownMarkup(post)) {
      return htmlTemplates(post, body, problems);
    }
    return markdownToHtml(post, body, problems);
  }

  /**
   * An HTML body with its template directives rendered or removed, those removed said in one line.
   */
  private String htmlTemplates(Post post, String html, List<Problem> problems) {
    List<String> warnings = new ArrayList<>();
    html = WordPressShortcodes.mayHold(html) ? WordPressShortcodes.read(html, warnings) : html;
    String out =
        TemplateTags.renderInHtml(
            html,
            includes(
                post, siteRoot, siteData, directoryData, this::componentSource, shortcodesOnly),
            siteValues,
            md -> markdown.toHtml(RawHtmlTags.repair(md), warnings),
            warnings);
    warnings.forEach(w -> problems.add(Problem.warning(post.file(), post.bodyLine(), w)));
    return out;
  }

  private String markdownToHtml(Post post, String body, List<Problem> problems) {
    List<String> warnings = new ArrayList<>();
    TemplateTags.Includes includes =
        includes(post, siteRoot, siteData, directoryData, this::componentSource, shortcodesOnly);
    String md;
    if (franklin(post)) {
      // Franklin's {{…}} are its own functions, not Hugo's or Liquid's
      md =
          FranklinMarkup.read(
              body,
              new FranklinMarkup.Page(post.fields(), franklinConfig == null ? "" : franklinConfig),
              warnings);
    } else if (post.markup() == Post.Markup.DJOT) {
      md = Djot.read(body); // Djot has no templates: {{ }} and {% %} are its text
    } else if (SuperMd.isSuperMd(post.file())) {
      // Zine has no templates in its pages and forbids their HTML: its directives are all
      md = SuperMd.read(body, new SuperMd.Page(includes, Post.isBundleText(post.file())), warnings);
    } else {
      String wp =
          WordPressShortcodes.mayHold(body) ? WordPressShortcodes.read(body, warnings) : body;
      String mdx = MdxSyntax.mayHold(wp) ? MdxSyntax.read(wp, warnings) : wp;
      md = RawHtmlTags.repair(TemplateTags.render(mdx, includes, siteValues, warnings));
    }
    String html = markdown.toHtml(md, warnings, includes::componentSource);
    warnings.forEach(w -> problems.add(Problem.warning(post.file(), post.bodyLine(), w)));
    return html;
  }

  /** The site's component files by name, found on first use ({@link SiteComponentFiles}). */
  private volatile Map<String, Path> componentFiles;

  /**
   * Each component's source, read once for the build: Xe Iaso's blog shows its picture component
   * 145 times.
   */
  private final Map<String, Optional<String>> componentSources =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Optional<String> componentSource(String name) {
    return componentSources.computeIfAbsent(
        name,
        n -> {
          Map<String, Path> files = componentFiles;
          if (files == null) {
            files = SiteComponentFiles.find(siteRoot);
            componentFiles = files;
          }
          Path source = files.get(n);
          return source == null
              ? Optional.empty()
              : readInside(siteRoot, source.getParent(), source.getFileName().toString());
        });
  }

  /** Largest file a directive includes (a code file, a Jekyll include). */
  private static final long MAX_INCLUDE_BYTES = 1 << 20;

  /** Largest file a site's tag shows: a notebook holds its pictures. */
  private static final long MAX_SITE_FILE_BYTES = 32 << 20;

  /**
   * Files a post's directives include, read only when they lie inside the source folder (links
   * resolved): a post cannot include {@code ../../etc/passwd}. A code directive's file and Jekyll's
   * {@code include_relative} are relative to the post's folder; Jekyll's {@code include} is looked
   * for in the {@code _includes} folder of the post's folder and of each folder above it up to the
   * source folder (the site's root is one of them when the source folder is the site).
   */
  static TemplateTags.Includes includes(
      Post post,
      Path siteRoot,
      SiteData siteData,
      dev.gazette.source.DirectoryData directoryData,
      java.util.function.Function<String, Optional<String>> componentSource,
      boolean shortcodesOnly) {
    Path file = post.file().toAbsolutePath().normalize();
    Path folder = file.getParent();
    Path root = folder;
    for (int i = 1; i < post.relativePath().split("/").length && root != null; i++) {
      root = root.getParent();
    }
    Path sourceRoot = root;
    return new TemplateTags.Includes() {
      @Override
      public Optional<String> read(String path) {
        return readInside(sourceRoot, folder, path);
      }

      @Override
      public Optional<String> fromIncludesFolder(String path) {
        for (Path dir = folder;
            dir != null && sourceRoot != null && dir.startsWith(sourceRoot);
            dir = dir.getParent()) {
          Optional<String> text = readInside(sourceRoot, dir.resolve("_includes"), path);
          if (text.isPresent()) {
            return text;
          }
        }
        // built from _posts/: the site's own _includes/ is above the source folder
        return siteRoot == null
            ? Optional.empty()
            : readInside(siteRoot, siteRoot.resolve("_includes"), path);
      }

      @Override
      public Optional<String> fromSiteFolders(List<String> folders, String path) {
        Path top = siteRoot != null ? siteRoot : sourceRoot;
        List<Path> bases = new ArrayList<>();
        if (siteRoot != null) {
          bases.add(siteRoot.resolve("content")); // Pelican's PATH, Hugo's and Zola's
          bases.add(siteRoot.resolve("source")); // Octopress
          bases.add(siteRoot);
        }
        if (sourceRoot != null) {
          bases.add(sourceRoot);
        }
        for (Path base : bases) {
          for (String folder : folders) {
            Optional<String> text =
                readInside(top, base.resolve(folder), path, MAX_SITE_FILE_BYTES);
            if (text.isPresent()) {
              return text;
            }
          }
        }
        return readInside(top, folder, path, MAX_SITE_FILE_BYTES);
      }

      @Override
      public Optional<String> buildSource(String path) {
        if (siteRoot == null) {
          return Optional.empty();
        }
        Optional<String> found = Optional.empty();
        try (java.util.stream.Stream<Path> tops = Files.list(siteRoot)) {
          for (Path top : tops.filter(Files::isDirectory).sorted().toList()) {
            Optional<String> text = readInside(siteRoot, top, path, MAX_SITE_FILE_BYTES);
            if (text.isPresent() && found.isPresent()) {
              return Optional.empty(); // two sources: neither is surely the one
            }
            found = text.isPresent() ? text : found;
          }
        } catch (IOException | RuntimeException e) {
          return Optional.empty();
        }
        return found;
      }

      @Override
      public Optional<String> shortcodeTemplate(String name) {
        if (!name.matches("[\\w-]+")) {
          return Optional.empty();
        }
        // Hugo's layouts/, else Zola's templates/: a site is one or the other
        return readInside(siteRoot, siteRoot, "layouts/shortcodes/" + name + ".html")
            .or(() -> readInside(siteRoot, siteRoot, "templates/shortcodes/" + name + ".html"));
      }

      @Override
      public boolean shortcodesOnly() {
        return shortcodesOnly;
      }

      @Override
      public Optional<String> componentSource(String name) {
        return componentSource.apply(name);
      }

      @Override
      public Map<String, String> fileValues() {
        return hugoFileValues(file);
      }

      private Map<String, Object> page;

      @Override
      public Map<String, Object> page() {
        if (page == null) {
          Map<String, Object> values = new java.util.LinkedHashMap<>();
          values.putAll(directoryData.of(folder, sourceRoot));
          values.putAll(post.fields()); // the post's own front matter comes first in Eleventy
          page = values;
        }
        return page;
      }

      @Override
      public Optional<Object> siteData(String name) {
        return siteData.get(name);
      }
    };
  }

  /**
   * Hugo's {@code .File} values of a post's file: {@code BaseFileName}, {@code ContentBaseName}…
   */
  private static Map<String, String> hugoFileValues(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    Path parent = file.getParent();
    boolean bundle = base.matches("_?index") && parent != null && parent.getFileName() != null;
    return Map.of(
        "BaseFileName",
        base,
        "ContentBaseName",
        bundle ? parent.getFileName().toString() : base,
        "LogicalName",
        name,
        "Ext",
        dot > 0 ? name.substring(dot + 1) : "");
  }

  /**
   * The text of {@code path} resolved against {@code base}, if it is a file inside {@code root}.
   */
  static Optional<String> readInside(Path root, Path base, String path) {
    return readInside(root, base, path, MAX_INCLUDE_BYTES);
  }

  private static Optional<String> readInside(Path root, Path base, String path, long maxBytes) {
    try {
      if (root == null || base == null || path.indexOf('\0') >= 0) {
        return Optional.empty();
      }
      Path target = base.resolve(path).normalize();
      if (!Files.isRegularFile(target)) {
        return Optional.empty();
      }
      Path real = target.toRealPath();
      if (!real.startsWith(root.toRealPath()) || Files.size(real) > maxBytes) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(real, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * An article from part of a post's HTML, under a title of the caller's choosing: one post can
   * make several articles (a single-file book's chapters).
   */
  public Outcome fromHtml(Post post, String id, String title, String html) {
    return fromParsed(post, id, title, null, html);
  }

  /** {@link #fromHtml} from a body already parsed ({@link BodyShape#read}). */
  private Outcome fromParsed(Post post, String id, String title, Document parsed) {
    return fromParsed(post, id, title, parsed, null);
  }

  private Outcome fromParsed(Post post, String id, String title, Document parsed, String html) {
    try {
      NormalizeContext context = new NormalizeContext(post, id, title, images);
      String xhtml =
          parsed != null
              ? normalizer.normalize(parsed, context)
              : normalizer.normalize(html, context);
      String lang = language(post, title, xhtml);
      Article article =
          new Article(
              id,
              shown.computeIfAbsent(post, siteAuthors::named),
              HtmlNormalizer.typographicTitle(title),
              lang,
              xhtml,
              context.assets());
      return new Outcome(article, context.problems());
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(),
                  post.bodyLine(),
                  "cannot convert body: " + rootMessage(e) + "; post skipped")));
    }
  }

  /** HTML when the whole body is made of HTML blocks (news bots), Markdown otherwise. */
  static BodyFormat formatOf(String body) {
    return BodyShape.of(body);
  }

  static String language(Post post, String title, String xhtml) {
    // Ruby's news write lang: zh_tw, as locales are named (zh_TW, pt_BR): the same tag.
    String declared =
        post.field("lang").or(() -> post.field("language")).orElse("").strip().replace('_', '-');
    if (LANG_TAG.matcher(declared).matches()) {
      String d = declared.toLowerCase(Locale.ROOT);
      String tag =
          switch (d) {
            case "zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn" -> "zh-Hans";
            case "zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw" -> "zh-Hant";
            default -> Locale.forLanguageTag(declared).toLanguageTag();
          };
      // A translation site's post not yet translated keeps its language's tag over English text
      // (Ruby's news: lang: zh_tw over "Ruby 1.8.6 released!"): set as Chinese, it would take
      // Chinese fonts and justification.
      if (!Languages.isCjk(tag)) {
        return tag;
      }
      String text = proseStart(title + " ", xhtml, 20000);
      return text.codePoints().anyMatch(dev.gazette.util.Cjk::isCjkLetter)
          ? tag
          : Languages.detect(text);
    }
    return Languages.detect(proseStart(title + " ", xhtml, 20000));
  }

  /** The elements {@link #proseStart} leaves out. */
  private static final String[] CODE_ELEMENTS = {"pre", "code"};

  /** {@code pre} or {@code code} when the tag at {@code at} opens one of them, else null. */
  private static String codeElement(String xhtml, int at) {
    for (String name : CODE_ELEMENTS) {
      int after = at + 1 + name.length();
      if (xhtml.startsWith(name, at + 1)
          && after < xhtml.length()
          && (xhtml.charAt(after) == '>' || xhtml.charAt(after) == ' ')) {
        return name;
      }
    }
    return null;
  }

  /**
   * The prose of an article for its language: {@link #textStart} without the code, blocks and
   * inline. A Chinese tutorial is mostly code by its letters: 32 of aneasystone's 94 notes, Chinese
   * prose between Java, YAML and shell, were set as English (no indent, Latin spacing).
   */
  static String proseStart(String prefix, String xhtml, int max) {
    return textStart(prefix, xhtml, max, true);
  }

  /**
   * {@code prefix} and {@code xhtml} with each tag ({@code <[^>]+>}) as a space, cut at {@code max}
   * characters: what a regex over the whole body gave, without reading past what is kept.
   */
  static String textStart(String prefix, String xhtml, int max) {
    return textStart(prefix, xhtml, max, false);
  }

  private static String textStart(String prefix, String xhtml, int max, boolean skipCode) {
    StringBuilder text = new StringBuilder(Math.min(max, prefix.length() + xhtml.length()));
    text.append(prefix);
    for (int i = 0; i < xhtml.length() && text.length() < max; ) {
      char c = xhtml.charAt(i);
      int close = c == '<' ? xhtml.indexOf('>', i + 1) : -1;
      String code = skipCode && close > i + 1 ? codeElement(xhtml, i) : null;
      if (code != null) {
        int end = xhtml.indexOf("</" + code + ">", close);
        text.append(' ');
        i = end < 0 ? xhtml.length() : end + code.length() + 3;
      } else if (close > i + 1) {
        text.append(' ');
        i = close + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    return text.length() > max ? text.substring(0, max) : text.toString();
  }

  private static String rootMessage(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "nested too deeply to convert";
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
