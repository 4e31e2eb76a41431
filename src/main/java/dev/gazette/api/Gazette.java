package dev.gazette.api;

import dev.gazette.assets.DigestImages;
import dev.gazette.assets.FetchPolicy;
import dev.gazette.assets.ImageCache;
import dev.gazette.assets.ImageException;
import dev.gazette.assets.ImageProcessor;
import dev.gazette.assets.RenditionCache;
import dev.gazette.catalog.Catalog;
import dev.gazette.cover.CoverImages;
import dev.gazette.cover.CoverPainter;
import dev.gazette.digest.ArticleLinks;
import dev.gazette.digest.ArticleMaker;
import dev.gazette.digest.ChapterBook;
import dev.gazette.digest.DigestAssembler;
import dev.gazette.digest.Duplicates;
import dev.gazette.digest.FolderSections;
import dev.gazette.digest.ImageBudget;
import dev.gazette.digest.JekyllPages;
import dev.gazette.digest.MetadataDefaults;
import dev.gazette.digest.NameTemplate;
import dev.gazette.digest.OutputName;
import dev.gazette.digest.ProfileFit;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Limits;
import dev.gazette.model.Post;
import dev.gazette.model.PostSelection;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import dev.gazette.model.SkippedPost;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.normalize.MkDocsPages;
import dev.gazette.normalize.PostLinks;
import dev.gazette.normalize.SiteMarkup;
import dev.gazette.normalize.ZolaPages;
import dev.gazette.render.DigestRenderer;
import dev.gazette.render.MissingFaceException;
import dev.gazette.render.PrintedPages;
import dev.gazette.render.RenderContext;
import dev.gazette.render.epub.EpubRenderer;
import dev.gazette.render.pdf.PdfRenderer;
import dev.gazette.source.BookSelector;
import dev.gazette.source.JekyllPermalink;
import dev.gazette.source.PostChecks;
import dev.gazette.source.PostFilter;
import dev.gazette.source.SiteConfig;
import dev.gazette.source.WallClock;
import dev.gazette.source.WallClockHint;
import dev.gazette.typeset.FontCache;
import dev.gazette.typeset.Theme;
import dev.gazette.typeset.UserTheme;
import dev.gazette.util.AtomicFiles;
import dev.gazette.util.CountingOutputStream;
import dev.gazette.util.InOrder;
import dev.gazette.util.LibraryLogs;
import dev.gazette.util.Urls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Gazette's entry point: selects posts and builds digests. Immutable and thread-safe; create one
 * and reuse it (it keeps parsed fonts between builds). It never prints and never exits: results and
 * problems come back as values, failures as {@link GazetteException}.
 *
 * <pre>{@code
 * DigestResult result = Gazette.create().build(DigestRequest.builder()
 *     .source(Path.of("posts")).week("2021-W26").outputDir(Path.of("out")).build());
 * result.outputs().forEach(o -> System.out.println(o.path()));
 * }</pre>
 */
public final class Gazette {
  private final FontCache fonts = new FontCache();
  private final MarkdownRenderer markdown = new MarkdownRenderer();
  private final HtmlNormalizer normalizer = new HtmlNormalizer();
  private final Map<Format, DigestRenderer> renderers =
      Map.of(Format.EPUB, new EpubRenderer(), Format.PDF, new PdfRenderer());

  static {
    // PDFBox, FontBox and OpenHTMLtoPDF would otherwise print warnings to standard error.
    LibraryLogs.quiet();
  }

  private Gazette() {}

  public static Gazette create() {
    return new Gazette();
  }

  /** The posts a request selects, in reading order, without reading their bodies. */
  public PostSelection select(DigestRequest request) throws GazetteException {
    return selectBook(request).selection();
  }

  private BookSelector.Outcome selectBook(DigestRequest request) throws GazetteException {
    Path source = request.source();
    if (!Files.exists(source)) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST, "no such file or folder: " + source);
    }
    if (request.preface() != null && !Files.isDirectory(source)) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST,
          "a preface goes with a folder of posts; " + source + " is one file");
    }
    if (request.preface() != null && !Files.isRegularFile(source.resolve(request.preface()))) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST, "preface not found: " + request.preface());
    }
    try {
      return BookSelector.select(
          source,
          new BookSelector.Options(
              request.range(),
              request.zone(),
              PostFilter.of(
                  request.categories(),
                  request.tags(),
                  request.excludeCategories(),
                  request.excludeTags()),
              request.order(),
              request.drafts(),
              request.preface(),
              request.limits(),
              new WallClock(request.wallClock())));
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /** Builds the digest files a request asks for. */
  public DigestResult build(DigestRequest request) throws GazetteException {
    return build(request, GazetteListener.NONE);
  }

  /** Builds the digest files a request asks for, telling {@code listener} how it goes. */
  public DigestResult build(DigestRequest request, GazetteListener listener)
      throws GazetteException {
    Theme theme = theme(request);
    // Both formats read a fallback face only for a character the faces before it lack (the PDF
    // too: its subsets are made from the same lookups), so only the roles' own faces are read
    // ahead.
    if (request.formats().contains(Format.PDF)
        || request.embedFonts() && request.formats().contains(Format.EPUB)) {
      fonts.prefetch(theme.ownFontFiles());
    }
    if (request.cover() && request.coverImage() == null) {
      // The cover's first-time costs (AWT's fonts, the JPEG encoder) are paid beside reading the
      // posts; the cover itself is painted beside the renderers' first steps (see cover()).
      CoverPainter.prepare(theme);
    }
    BookSelector.Outcome book = selectBook(request);
    PostSelection selection = book.selection();
    List<Problem> problems = new ArrayList<>(selection.problems());
    List<SkippedPost> skipped = new ArrayList<>(selection.skipped());
    failIfStrict(request, problems);
    listener.postsRead(selection.posts().size());
    SiteConfig.Found site = SiteConfig.find(request.source());
    if (site.unreadable() != null) {
      problems.add(Problem.warning(site.unreadable(), 0, site.reason()));
    }
    Content content = content(request, book, site, problems, skipped, listener);
    failIfStrict(request, problems);
    if (content.articles().isEmpty()) {
      throw noPosts(request, problems, selection);
    }
    MetadataDefaults.Sourced title = title(request, book, content, site);
    Digest assembled = assemble(request, book, content, title.value());
    assembled =
        assembled.withMetadata(
            MetadataDefaults.resolve(
                assembled,
                title,
                publication(request, book, content, site),
                new MetadataDefaults.Asked(
                    request.authors(),
                    request.publisher(),
                    request.series(),
                    request.siteUrl(),
                    request.zoneGiven() ? null : request.zone(),
                    request.zoneFromSiteConfig().orElse(null)),
                site,
                sourceDir(request)));
    Asset cover = cover(request, assembled, theme);
    Digest digest = assembled.withCover(cover);
    List<OutputFile> outputs = writeAll(request, digest, theme, problems, listener);
    for (OutputFile o : outputs) {
      if (o.format() == Format.EPUB) {
        ProfileFit.check(o.path(), o.size(), request.profile()).ifPresent(problems::add);
      }
    }
    List<Post> included = digest.articles().stream().map(Article::post).distinct().toList();
    return new DigestResult(
        digest.title(),
        included,
        skipped,
        problems,
        outputs,
        selection.ordering(),
        digest,
        content.images());
  }

  /** The articles made from the selected posts, and for a single file its chapters' sections. */
  /**
   * @param title the title asked for (placeholders filled), else the one the folder's index or
   *     README gives, else a single file's own; null when none of them gives one
   */
  private record Content(
      List<Article> articles, List<Section> chapterSections, String title, ImageCounts images) {}

  /**
   * The digest's title and where it came from: the title setting, else the folder's index or README
   * (a single file's own title), else the site config's, else the folder name.
   */
  private static MetadataDefaults.Sourced title(
      DigestRequest request, BookSelector.Outcome book, Content content, SiteConfig.Found site) {
    if (request.title() != null && !request.title().isBlank()) {
      return new MetadataDefaults.Sourced(content.title(), "the title setting");
    }
    return publication(request, book, content, site);
  }

  /**
   * The publication's name, which a periodical's issues share (the default series): the title
   * setting when it holds no placeholder, else the title Gazette would find without it.
   */
  private static MetadataDefaults.Sourced publication(
      DigestRequest request, BookSelector.Outcome book, Content content, SiteConfig.Found site) {
    String asked = request.title();
    if (asked != null && !asked.isBlank() && !NameTemplate.isTemplate(asked)) {
      return new MetadataDefaults.Sourced(asked.strip(), "the title setting");
    }
    Optional<String> siteTitle = site.config().map(SiteConfig::title);
    if (book.title() != null
        && !(siteTitle.isPresent()
            && GENERIC_TITLES.contains(book.title().strip().toLowerCase(Locale.ROOT)))) {
      return new MetadataDefaults.Sourced(book.title(), "the folder's index or README");
    }
    if (book.singleFile() && content.title() != null && (asked == null || asked.isBlank())) {
      return new MetadataDefaults.Sourced(content.title(), "the file");
    }
    if (siteTitle.isPresent()) {
      return new MetadataDefaults.Sourced(
          siteTitle.get(), sourceDir(request).relativize(site.config().get().file()).toString());
    }
    return new MetadataDefaults.Sourced(OutputName.titleName(request.source()), "the folder name");
  }

  /**
   * What a site's home page or its posts' section is titled when it names no site ({@code .title =
   * "Home"}, Loris Cro's Zine site; Zola's {@code posts/_index.md} titled "Posts", Wesley Moore's;
   * Hugo's {@code cn/_index.md} titled "日志", Yihui Xie's): the site config's title says more.
   */
  private static final Set<String> GENERIC_TITLES =
      Set.of(
          "home",
          "homepage",
          "index",
          "首页",
          "主页",
          "posts",
          "all posts",
          "blog",
          "articles",
          "archive",
          "archives",
          "文章",
          "博客",
          "日志",
          "归档");

  /** {@code links}, and links to the site's pages that are no posts when the site has such. */
  private static PostLinks withSitePages(PostLinks links, SiteConfig.Found site) {
    if (site.config().isEmpty() || site.address().isEmpty()) {
      return links;
    }
    SiteConfig config = site.config().get();
    String url = site.address().get().url();
    Optional<SiteConfig.Pages> pages = config.pages();
    if (pages.isPresent()) {
      return links.withPages(new MkDocsPages(pages.get().folder(), url, pages.get().asFolders()));
    }
    if (config.file().endsWith("_config.yml")) {
      return links.withPages(new JekyllPages(config.root(), url, config.values()));
    }
    if (config.isZola()) {
      return links.withPages(new ZolaPages(config.root().resolve("content"), url));
    }
    return links;
  }

  private static Path sourceDir(DigestRequest request) {
    Path source = request.source().toAbsolutePath().normalize();
    return Files.isDirectory(source) ? source : source.getParent();
  }

  private Content content(
      DigestRequest request,
      BookSelector.Outcome book,
      SiteConfig.Found site,
      List<Problem> problems,
      List<SkippedPost> skipped,
      GazetteListener listener)
      throws GazetteException {
    List<Post> posts = book.selection().posts();
    List<Article> articles;
    List<Section> chapterSections = null;
    String title = title(request);
    title = title != null ? title : book.title();
    PostLinks postLinks = book.singleFile() ? PostLinks.NONE : PostLinks.of(posts, request.zone());
    postLinks = withSitePages(postLinks, site);
    try (DigestImages images = images(request, site, true)) {
      ArticleMaker maker =
          new ArticleMaker(
              markdown,
              normalizer(request, site, postLinks),
              images.resolver(),
              site.config().map(SiteConfig::values).orElse(Map.of()),
              site.root(),
              site.config().map(SiteConfig::isHugo).orElse(false));
      if (book.singleFile() && !posts.isEmpty()) {
        ChapterBook.Book chapters = ChapterBook.make(maker, posts.get(0), request.splitLevel());
        problems.addAll(chapters.problems());
        articles = chapters.articles();
        chapterSections = chapters.sections();
        title = title != null ? title : posts.get(0).declaredTitle().orElse(chapters.title());
      } else {
        articles = articles(maker, posts, problems, skipped, listener);
        articles = withoutDuplicates(articles, request, problems, skipped);
        articles = ArticleLinks.toPresentArticles(articles, postLinks, problems);
      }
      boolean epub = request.formats().contains(Format.EPUB);
      long cap =
          epub
              ? ProfileFit.imageCap(request.limits().maxDigestImageBytes(), request.profile())
              : request.limits().maxDigestImageBytes();
      ImageBudget.Result shrunk =
          ProfileFit.shrink(
              articles,
              cap,
              epub ? request.profile() : null,
              step -> smaller(step, request),
              request.source());
      problems.addAll(shrunk.problems());
      ImageBudget.Result budget = ImageBudget.apply(shrunk.articles(), cap);
      problems.addAll(budget.problems());
      var c = images.counts();
      return new Content(
          budget.articles(),
          chapterSections == null ? null : budget.remap(shrunk.remap(chapterSections)),
          title,
          new ImageCounts(
              c.fetched(),
              c.fromCache(),
              c.local(),
              c.failed(),
              c.reused(),
              c.bytesIn(),
              c.bytesOut()));
    }
  }

  /** The problems say why, when every post found was left out. */
  private static GazetteException noPosts(
      DigestRequest request, List<Problem> problems, PostSelection selection) {
    String where =
        request.range() == null
            ? "in " + request.source()
            : "in " + request.range() + " (" + request.zone() + ") in " + request.source();
    int found = selection.posts().size();
    return new GazetteException(
        found == 0
            // what the scan left out is why there is nothing: 191 undated posts outside a range
            ? "no post "
                + (request.range() == null ? "found " : "")
                + where
                + LeftOut.summary(selection.skipped()).map(s -> "; " + s).orElse("")
            : "none of the "
                + found
                + (found == 1 ? " post " : " posts ")
                + where
                + " made an article (each is reported above)",
        problems,
        selection);
  }

  private static Digest assemble(
      DigestRequest request, BookSelector.Outcome book, Content content, String title) {
    String source = OutputName.sourceName(request.source());
    // A book takes its sections from its folders (or its chapters) unless a grouping was asked for.
    if (content.chapterSections() != null || (book.book() && request.groupBy() == null)) {
      List<Section> sections =
          content.chapterSections() != null
              ? content.chapterSections()
              : !book.outline().isEmpty()
                  ? FolderSections.ofOutline(content.articles(), book.outline())
                  : FolderSections.of(content.articles(), book.sectionTitles());
      return DigestAssembler.assembleBook(
          content.articles(), sections, title, source, request.zone());
    }
    return DigestAssembler.assemble(
        content.articles(),
        title,
        source,
        request.range(),
        request.zone(),
        request.effectiveGrouping());
  }

  /**
   * Writes every format at the same time; problems and events come in format order. A cover painted
   * beside the renderers ({@link CoverPainter#paintBeside}) is waited for before this returns or
   * throws, and its failure is the build's: every format that paints beside reads the cover's bytes
   * before its file is moved into place, so a failed cover leaves no file, and an output folder
   * this call made is removed again when nothing was written.
   */
  private List<OutputFile> writeAll(
      DigestRequest request,
      Digest digest,
      Theme theme,
      List<Problem> problems,
      GazetteListener listener)
      throws GazetteException {
    Path created = firstMissing(request.outputDir());
    List<OutputFile> outputs;
    try {
      outputs = writeEach(request, digest, theme, problems, listener);
    } catch (GazetteException | RuntimeException | Error e) {
      removeEmpty(request.outputDir(), created);
      Optional<Throwable> cover = coverFailure(digest.cover());
      if (cover.isPresent() && cover.get() != e) {
        cover.get().addSuppressed(e);
        rethrow(cover.get());
      }
      throw e;
    }
    // A guard: the formats that paint beside have read the cover already, so it is done and there.
    Optional<Throwable> cover = coverFailure(digest.cover());
    if (cover.isPresent()) {
      rethrow(cover.get());
    }
    return outputs;
  }

  /**
   * Why the cover's bytes could not be made, once it is done: the build's exception for a painting
   * that failed. Empty for a cover that is there, or no cover.
   */
  private static Optional<Throwable> coverFailure(Asset cover) {
    if (cover == null) {
      return Optional.empty();
    }
    try {
      cover.bytes();
      return Optional.empty();
    } catch (Asset.Unavailable e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException) {
        return Optional.of(coverNotDrawn((RuntimeException) cause));
      }
      return Optional.of(cause);
    }
  }

  private static void rethrow(Throwable t) throws GazetteException {
    if (t instanceof GazetteException g) {
      throw g;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    throw new IllegalStateException(t);
  }

  /** The outermost folder of {@code dir} that does not exist yet, or null when it exists. */
  private static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path p = dir.toAbsolutePath().normalize();
        p != null && !Files.exists(p);
        p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes {@code dir} and its parents up to {@code created} while they are empty. */
  private static void removeEmpty(Path dir, Path created) {
    if (created == null) {
      return;
    }
    for (Path p = dir.toAbsolutePath().normalize();
        p != null && p.startsWith(created);
        p = p.getParent()) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        return; // not empty (another writer's file) or not ours to remove: left as it is
      }
    }
  }

  private List<OutputFile> writeEach(
      DigestRequest request,
      Digest digest,
      Theme theme,
      List<Problem> problems,
      GazetteListener listener)
      throws GazetteException {
    String name = outputName(request);
    List<ConcurrentOutputs.Job> jobs = new ArrayList<>();
    List<List<Problem>> renderProblems = new ArrayList<>();
    // With both formats, the EPUB's page list follows the PDF's pages: the PDF hands its page
    // breaks over after layout, and always lets go, so the EPUB never waits for a failed PDF.
    PrintedPages.Exchange printed =
        request.formats().contains(Format.EPUB) && request.formats().contains(Format.PDF)
            ? PrintedPages.Exchange.between(name + "." + Format.PDF.extension())
            : PrintedPages.Exchange.NONE;
    RenditionCache renditions = renditions(request);
    for (Format format : request.formats()) {
      List<Problem> own = Collections.synchronizedList(new ArrayList<>());
      renderProblems.add(own);
      RenderContext context =
          new RenderContext(
              theme,
              fonts,
              request.embedFonts(),
              request.pageSize(),
              own::add,
              printed,
              request.pdfTags(),
              request.pdfA(),
              renditions);
      Path target = request.outputDir().resolve(name + "." + format.extension());
      jobs.add(
          format == Format.HTML
              ? () -> HtmlOutput.write(digest, context, target)
              : () -> {
                try {
                  return write(renderers.get(format), digest, context, target);
                } finally {
                  if (format == Format.PDF) {
                    printed.withdraw();
                  }
                }
              });
    }
    request.formats().forEach(listener::renderingStarted);
    List<OutputFile> outputs = ConcurrentOutputs.writeAll(jobs);
    outputs.forEach(listener::outputWritten);
    renderProblems.stream().flatMap(List::stream).distinct().forEach(problems::add);
    return outputs;
  }

  /**
   * Sends a digest file by e-mail: checks it first against the request's profile (size limit of the
   * service, a valid EPUB, a language, a cover readers show, no obfuscated fonts), then hands one
   * message with the file attached to the SMTP server.
   *
   * @throws GazetteException {@code UNFIT_FILE} with the preflight's problems, {@code
   *     SMTP_CONNECT}, {@code SMTP_LOGIN} or {@code SMTP_REFUSED}; the message is one line
   */
  public SendResult send(SendRequest request) throws GazetteException {
    return Delivery.send(request, java.time.Instant.now());
  }

  /**
   * Reads every post of the request's source (ignoring its range) and converts it without writing
   * anything: the problems a build would meet, plus posts without a title or a date.
   */
  public CheckResult check(DigestRequest request) throws GazetteException {
    DigestRequest all =
        request.toBuilder()
            .range(null, null)
            .categories(List.of())
            .tags(List.of())
            .excludeCategories(List.of())
            .excludeTags(List.of())
            .build();
    PostSelection selection = select(all);
    List<Problem> problems = new ArrayList<>(selection.problems());
    for (Post post : selection.posts()) {
      problems.addAll(PostChecks.problems(post));
    }
    // check writes nothing: images are checked from their headers, never decoded
    SiteConfig.Found site = SiteConfig.find(all.source());
    try (DigestImages images = images(all, site, false)) {
      articles(
          new ArticleMaker(markdown, normalizer(all, site), images.resolver()),
          selection.posts(),
          problems,
          new ArrayList<>(),
          GazetteListener.NONE);
    }
    List<String> hints =
        WallClockHint.hints(
            selection.posts(),
            request.zone(),
            post -> {
              try {
                return post.body();
              } catch (RuntimeException e) {
                return "";
              }
            });
    return new CheckResult(selection.posts(), problems, selection.skipped(), hints);
  }

  /**
   * Publishes a folder of digests for a static host: an OPDS 1.2 catalog ({@code catalog.xml}) and
   * an {@code index.html} over every EPUB, PDF and HTML digest in {@code dir}, newest first, with
   * covers and thumbnails in {@code dir/covers/}. The same folder gives the same bytes.
   */
  public PublishResult publish(Path dir, PublishOptions options) throws GazetteException {
    if (!Files.isDirectory(dir)) {
      throw new GazetteException(GazetteException.Reason.INVALID_REQUEST, "no such folder: " + dir);
    }
    Catalog.Outcome outcome;
    try {
      outcome = Catalog.publish(dir, options.title(), options.author());
    } catch (IOException | UncheckedIOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot publish " + dir + ": " + e.getMessage(), e);
    }
    if (outcome.entries().isEmpty()) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST,
          "no digest (.epub, .pdf or .html) to publish in " + dir,
          outcome.problems(),
          null);
    }
    return new PublishResult(
        outcome.feed(), outcome.index(), outcome.entries(), outcome.problems());
  }

  /** The most articles a digest may have for its cover to be painted beside the renderers. */
  static final int PAINT_BESIDE_MAX_ARTICLES = 50;

  private static Asset cover(DigestRequest request, Digest digest, Theme theme)
      throws GazetteException {
    if (!request.cover()) {
      return null;
    }
    if (request.coverImage() == null) {
      // Beside the renderers for a short digest, where the painting (0.1-0.2 s) is a tenth of the
      // wall time; a long one paints first, as the picture would be live through the renderers'
      // collections (1,000 posts to EPUB: +15-28 MiB peak RSS) for a gain lost in the run. Not
      // with HTML, which has no cover: a cover that failed after it was written would leave it.
      if (digest.articles().size() <= PAINT_BESIDE_MAX_ARTICLES
          && !request.formats().contains(Format.HTML)) {
        return CoverPainter.paintBeside(digest, theme);
      }
      try {
        return CoverPainter.paint(digest, theme);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        throw coverNotDrawn(e);
      }
    }
    try {
      return CoverImages.read(request.coverImage());
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST,
          "cannot use cover " + request.coverImage() + ": " + e.getMessage(),
          e);
    }
  }

  private static GazetteException coverNotDrawn(RuntimeException e) {
    return new GazetteException(
        GazetteException.Reason.INVALID_REQUEST,
        "cannot draw the cover: "
            + e.getMessage()
            + " (give a picture with --cover FILE, or --no-cover)",
        e);
  }

  private static String title(DigestRequest request) throws GazetteException {
    String title = request.title();
    if (!NameTemplate.isTemplate(title)) {
      return title;
    }
    try {
      return NameTemplate.expand(title, request.range(), OutputName.sourceName(request.source()));
    } catch (IllegalArgumentException e) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST, "title: " + e.getMessage(), e);
    }
  }

  /** The finished pictures kept in the request's image cache folder (see {@link DigestImages}). */
  private static RenditionCache renditions(DigestRequest request) {
    return RenditionCache.in(ImageCache.dirOrDefault(request.imageCache()));
  }

  /** A picture made again at a profile's smaller step; kept as it is when that fails. */
  private static UnaryOperator<Asset> smaller(ProfileFit.Step step, DigestRequest request) {
    ImageProcessor processor =
        new ImageProcessor(step.longSide(), request.limits().maxImagePixels(), step.jpegQuality())
            .withRenditions(renditions(request));
    return asset -> {
      try {
        return processor.process(asset.bytes()).toAsset();
      } catch (ImageException e) {
        return asset;
      }
    };
  }

  /**
   * Local and remote images of one build; closing it stops downloads still running. Pictures are
   * looked up in the input folder, then in the site of {@code site}'s config above it; so are those
   * addressed by the blog's own web address.
   */
  private static DigestImages images(
      DigestRequest request, SiteConfig.Found site, boolean decodePixels) {
    Path root =
        Files.isDirectory(request.source())
            ? request.source()
            : request.source().toAbsolutePath().getParent();
    Limits limits = request.limits();
    JekyllPermalink permalink = JekyllPermalink.of(site.config());
    return new DigestImages(
        root,
        site.root(),
        siteAddress(request, site).orElse(null),
        limits.maxImageBytes(),
        limits.maxImagePixels(),
        request.imageCache(),
        request.offline(),
        request.allowPrivateNetwork()
            ? FetchPolicy.privateNetworkAllowed()
            : FetchPolicy.publicOnly(),
        request.fetchLimits(),
        decodePixels,
        post -> permalink.folderOf(post, request.zone()));
  }

  private HtmlNormalizer normalizer(DigestRequest request, SiteConfig.Found site) {
    return normalizer(request, site, PostLinks.NONE);
  }

  private HtmlNormalizer normalizer(
      DigestRequest request, SiteConfig.Found site, PostLinks postLinks) {
    int depth = request.limits().maxNestingDepth();
    String origin = siteOrigin(request, site).orElse(null);
    SiteMarkup markup = markup(site);
    return depth == HtmlNormalizer.DEFAULT_MAX_DEPTH
            && origin == null
            && postLinks == PostLinks.NONE
            && markup.equals(SiteMarkup.PLAIN)
        ? normalizer
        : new HtmlNormalizer(depth, origin, postLinks, markup);
  }

  /** How the site showed its posts, as far as its config and its layouts tell. */
  private static SiteMarkup markup(SiteConfig.Found site) {
    List<String> keys = SiteMarkup.HEADER_IMAGE_KEYS;
    if (site.config().map(SiteConfig::imagesAreSocialCards).orElse(false)) {
      keys = keys.stream().filter(k -> !k.equals("images")).toList();
    }
    Set<String> neverShown = site.keysLayoutsNeverShow(keys);
    keys = keys.stream().filter(k -> !neverShown.contains(k)).toList();
    boolean emoji = site.config().map(SiteConfig::emojiShortcodes).orElse(false);
    return new SiteMarkup(emoji, keys);
  }

  /** The blog's origin that links to {@code /path} go to: the setting's, else the site config's. */
  private static Optional<String> siteOrigin(DigestRequest request, SiteConfig.Found site) {
    return siteAddress(request, site).flatMap(Urls::origin);
  }

  /**
   * The blog's web address: the site-url setting, else the site's own ({@link
   * SiteConfig.Found#address}).
   */
  private static Optional<String> siteAddress(DigestRequest request, SiteConfig.Found site) {
    return request.siteUrl() != null
        ? Optional.of(request.siteUrl())
        : site.address().map(SiteConfig.Address::url);
  }

  /** The same story posted twice becomes one article; each dropped copy is reported. */
  private static List<Article> withoutDuplicates(
      List<Article> articles,
      DigestRequest request,
      List<Problem> problems,
      List<SkippedPost> skipped) {
    Duplicates.Result result = Duplicates.merge(articles, request.zone());
    for (Duplicates.Duplicate d : result.duplicates()) {
      String reason =
          "same story as " + d.keptPath() + " (" + d.why() + "); merged into one article";
      problems.add(Problem.warning(d.file(), 0, reason + " with both posts' categories"));
      skipped.add(new SkippedPost(d.file(), reason));
    }
    return result.articles();
  }

  private static List<Article> articles(
      ArticleMaker maker,
      List<Post> posts,
      List<Problem> problems,
      List<SkippedPost> skipped,
      GazetteListener listener) {
    AtomicInteger done = new AtomicInteger();
    List<ArticleMaker.Outcome> outcomes =
        InOrder.map(
            IntStream.range(0, posts.size()).boxed().toList(),
            i -> {
              ArticleMaker.Outcome o = maker.make(posts.get(i), Article.idFor(i + 1, posts.size()));
              listener.articleMade(posts.get(i), done.incrementAndGet(), posts.size());
              return o;
            });
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      ArticleMaker.Outcome o = outcomes.get(i);
      problems.addAll(o.problems());
      if (o.article() != null) {
        articles.add(o.article());
      } else {
        skipped.add(
            new SkippedPost(
                posts.get(i).file(),
                o.problems().isEmpty()
                    ? "cannot convert"
                    : o.problems().get(o.problems().size() - 1).message()));
      }
    }
    return articles;
  }

  static OutputFile write(
      DigestRenderer renderer, Digest digest, RenderContext context, Path target)
      throws GazetteException {
    CountingOutputStream[] counted = {null};
    try {
      AtomicFiles.write(
          target,
          out -> {
            counted[0] = new CountingOutputStream(out);
            renderer.render(digest, context, counted[0]);
            counted[0].flush();
          });
    } catch (IOException | UncheckedIOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot write " + target + ": " + e.getMessage(), e);
    } catch (MissingFaceException e) {
      throw new GazetteException(GazetteException.Reason.INVALID_REQUEST, e.getMessage(), e);
    }
    return new OutputFile(renderer.format(), target, counted[0].size(), counted[0].sha256());
  }

  private Theme theme(DigestRequest request) throws GazetteException {
    try {
      return UserTheme.load(
          request.theme(),
          userFont(request.serifFont()),
          userFont(request.sansFont()),
          request.fallbackFonts().stream().map(Gazette::userFont).toList(),
          request.extraCss(),
          fonts);
    } catch (IllegalArgumentException e) {
      throw new GazetteException(GazetteException.Reason.INVALID_REQUEST, e.getMessage(), e);
    }
  }

  private static UserTheme.UserFont userFont(DigestRequest.FontChoice choice) {
    return choice == null ? null : new UserTheme.UserFont(choice.file(), choice.faceName());
  }

  private static void failIfStrict(DigestRequest request, List<Problem> problems)
      throws GazetteException {
    if (request.strict() && !problems.isEmpty()) {
      throw new GazetteException(
          GazetteException.Reason.STRICT_PROBLEMS,
          problems.size() + " problem(s) in the input (strict mode)",
          problems,
          null);
    }
  }

  static String outputName(DigestRequest request) throws GazetteException {
    try {
      List<String> filters = new ArrayList<>(request.categories());
      filters.addAll(request.tags());
      return OutputName.of(
          request.name(), request.range(), request.rangeLabel(), request.source(), filters);
    } catch (IllegalArgumentException e) {
      throw new GazetteException(
          GazetteException.Reason.INVALID_REQUEST, "output name: " + e.getMessage(), e);
    }
  }
}
