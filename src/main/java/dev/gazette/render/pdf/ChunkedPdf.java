package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Section;
import dev.gazette.render.PrintedPages;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.EmbeddedFonts;
import dev.gazette.typeset.FontUsage;
import dev.gazette.typeset.MissingGlyphs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Lays the digest out in parts, several at once, and joins them into one PDF: the front matter
 * (cover, masthead, contents) and chunks of whole articles in reading order. Only one chunk's
 * layout per thread is in memory at a time; each painted part goes to the join in memory, and the
 * join writes it out as soon as the parts before it in the join's order are written.
 *
 * <ol>
 *   <li>Where chunks end depends on the articles' markup only ({@link #plan}), never on the number
 *       of threads: every part is laid out and painted by itself from the same input, and the join
 *       takes them in order, so the bytes are the same at 1 and N threads.
 *   <li>Every part's markup is surveyed first, several parts at once ({@link PartSurvey}). Then, on
 *       the same workers ({@link PartPool}), the front matter is laid out beside the first chunks
 *       to learn its length: its contents numbers are laid out as one layout lays out {@code
 *       target-counter}, as a stand-in, and drawn only when painted ({@link ContentsNumbers}), so
 *       its length does not depend on them. Each chunk is laid out, tells its page count, waits for
 *       the counts of the front matter and the chunks before it, and is painted with its first page
 *       number (page footers run on across parts). The contents is laid out again once a worker is
 *       free and painted, once every chunk is, with the pages the articles start on. The front
 *       matter is itself cut into parts where one layout's pages end ({@link ContentsParts}), so no
 *       part holds the whole contents.
 *   <li>Links to another part are written as {@value #TARGET_SCHEME}{@code id} addresses; each link
 *       target is a named destination in its part, read (page, height) and removed before the part
 *       is saved. The join writes every such link as a jump to the target's page and height, and
 *       the outline from the same targets.
 *   <li>Fonts: every part subsets the per-digest faces for what it draws; the glyphs are read from
 *       the painted part, and the join writes one subset per face for what all parts drew, last.
 *   <li>{@link PdfJoin} writes the one PDF while the later chunks are painted: the chunks in
 *       reading order, each as soon as it is painted, then the front matter (painted once every
 *       chunk's pages are known). The order is fixed, so the bytes do not depend on the timing.
 * </ol>
 */
final class ChunkedPdf {
  static final String TARGET_SCHEME = "gazette-part:";
  private static final String TARGET_CLASS = "gazette-target";

  /**
   * Every part: the contents numbers are in the markup (see {@link ContentsNumbers}), link targets
   * become named destinations.
   */
  private static final String PART_CSS =
      "\n.toc-page a::after { content: none; }\n."
          + TARGET_CLASS
          + " { -fs-named-destination: create; }\n";

  /**
   * The stylesheet's rules for the document's first page: a front-matter part after the first
   * starts on a page that is not the document's first, so its stylesheet goes without them (the
   * page keeps its header and footer). A chunk keeps them for its lead page ({@link LeadPage}).
   */
  private static final Pattern FIRST_PAGE_RULE =
      Pattern.compile("@page\\s*:first\\s*\\{(?:[^{}]|\\{[^{}]*\\})*\\}");

  /**
   * Rules of a user stylesheet that depend on a page's place in its layout: left and right pages
   * ({@code :left}, {@code :right}, page breaks to a side) and counters kept by {@code @page}. A
   * chunk is laid out from a lead page of its own ({@link LeadPage}), so its pages' sides and such
   * counters follow the chunk, not the document (measured: a 12-post digest with {@code h1 {
   * page-break-before: right }} had 57 pages in one layout, 56 in chunks).
   */
  private static final Pattern PAGE_SIDED_RULE =
      Pattern.compile(
          "(?i):left\\b|:right\\b|:recto\\b|:verso\\b"
              + "|break-(?:before|after)\\s*:\\s*(?:left|right|recto|verso)\\b"
              + "|counter-(?:increment|reset|set)");

  /** The first rule of {@code userCss} a chunk cannot print as one layout does, or null. */
  static String pageSidedRule(String userCss) {
    if (userCss == null) {
      return null;
    }
    Matcher m = PAGE_SIDED_RULE.matcher(userCss);
    return m.find() ? "\"" + m.group() + "\"" : null;
  }

  /** An article with its running header, as the one-document layout writes it. */
  record Placed(Article article, String header) {}

  /**
   * What a painted part leaves: its length, its anchors' pages, its link targets, the glyphs it
   * drew from each per-digest face, and the painted document until the join takes it (empty when
   * measured); a measured front-matter part also gives the page each contents row starts on.
   *
   * <p>The part stays reachable to the end (its pages and targets number the contents), so the join
   * takes the document out of it: a written part's objects are not kept. At 10,000 posts the
   * written parts kept this way took the live heap from ~120 to ~540 MB.
   */
  private record Part(
      int pages,
      Map<String, Integer> firstPages,
      Map<String, PdfJoin.Target> targets,
      Map<String, Set<Integer>> glyphs,
      AtomicReference<PDDocument> pdf,
      int[] contentsRowPages) {
    Part(
        int pages,
        Map<String, Integer> firstPages,
        Map<String, PdfJoin.Target> targets,
        Map<String, Set<Integer>> glyphs,
        PDDocument pdf,
        int[] contentsRowPages) {
      this(pages, firstPages, targets, glyphs, new AtomicReference<>(pdf), contentsRowPages);
    }

    /** The painted document, handed over once (null after, or when measured). */
    PDDocument take() {
      return pdf.getAndSet(null);
    }
  }

  /**
   * Told by the join after each part (tests watch that parts are written and let go one at a time);
   * null in use.
   */
  static volatile PdfJoin.Progress joinWatcher;

  /**
   * Told each painted document as the join takes it, by its place in the join's order (tests check
   * that a written part's document is let go); null in use.
   */
  static volatile BiConsumer<Integer, PDDocument> takenWatcher;

  /**
   * Tests: every painted front-matter part's length passes through it, to force the check that it
   * equals the measured length; the identity in use.
   */
  static volatile IntUnaryOperator frontLengthForTests = IntUnaryOperator.identity();

  private final Digest digest;
  private final RenderContext context;
  private final PdfChunking chunking;
  private final List<List<Placed>> chunks;
  private final Map<String, Integer> partOfId = new HashMap<>();
  private final Set<String> targets = new HashSet<>();
  private final Map<String, String> missingByArticle = new ConcurrentHashMap<>();

  /** Each chunk's anchors of the EPUB's page list, marked by the survey (when wanted). */
  private final Map<Integer, PageBreakAnchors> anchorsOfChunk = new ConcurrentHashMap<>();

  private String css;
  private Set<String> undrawable;
  private EmbeddedFonts fonts;
  private Map<String, byte[]> programs;
  private SvgFonts svgFonts;
  private PdfRenderer.AssetStreams assets;
  private ContentsParts contents;

  /** Where the front matter's parts end, once measured (the first task on the pool). */
  private final CompletableFuture<List<ContentsParts.Cut>> frontCuts = new CompletableFuture<>();

  ChunkedPdf(
      Digest digest, RenderContext context, PdfChunking chunking, List<List<Placed>> chunks) {
    this.digest = digest;
    this.context = context;
    this.chunking = chunking;
    this.chunks = chunks;
  }

  /**
   * The articles in reading order, cut into chunks: a chunk closes once its articles' markup
   * reaches {@code maxChars} characters. Depends on the content only.
   */
  static List<List<Placed>> plan(Digest digest, int maxChars) {
    List<Placed> all = new ArrayList<>();
    for (Section s : digest.sections()) {
      PdfRenderer.articlesInOrder(s, digest, (a, header) -> all.add(new Placed(a, header)));
    }
    List<List<Placed>> chunks = new ArrayList<>();
    List<Placed> current = new ArrayList<>();
    long size = 0;
    for (Placed p : all) {
      current.add(p);
      size += p.article().bodyXhtml().length() + p.article().title().length();
      if (size >= maxChars) {
        chunks.add(current);
        current = new ArrayList<>();
        size = 0;
      }
    }
    if (!current.isEmpty() || chunks.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  void render(OutputStream out) throws IOException {
    Path dir = Files.createTempDirectory("gazette-pdf-");
    try {
      renderIn(dir, out);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private void renderIn(Path dir, OutputStream out) throws IOException {
    css = PdfRenderer.css(digest, context);
    undrawable = PdfRenderer.undrawableSvgs(digest, context);
    svgFonts = SvgFonts.of(digest);
    assets =
        new PdfRenderer.AssetStreams(digest, PdfRenderer.pageImages(context), svgFonts::forPdf);
    contents =
        ContentsParts.of(
            digest,
            PdfRenderer.coverPage(digest, context.effectivePageSize()),
            chunking.contentsRows());
    try (PartPool pool = new PartPool(chunking.threads())) {
      survey(pool, dir);
      layOutAndJoin(pool, dir, out);
    }
  }

  private void layOutAndJoin(PartPool pool, Path dir, OutputStream out) throws IOException {
    int n = chunks.size();
    List<Future<Part>> laid = paintChunks(pool, dir);
    List<Future<Part>> fronts = new ArrayList<>();
    try {
      // The front matter's parts (measured by the first task) are laid out again as soon as a
      // worker is free (beside the last chunks), each on its own; their contents numbers are
      // drawn, and each part painted, once every chunk is painted.
      List<ContentsParts.Cut> cuts = PartPool.get(frontCuts);
      fronts.addAll(paintFront(pool, dir, cuts, laid));
      int k = cuts.size();
      int parts = k + n;
      int[] order = new int[parts]; // the chunks as they are painted, the front matter's parts last
      for (int p = 0; p < parts; p++) {
        order[p] = (p + k) % parts;
      }
      List<Part> frontTaken = new ArrayList<>();
      PdfJoin.Parts painted =
          new PdfJoin.Parts() {
            @Override
            public int count() {
              return parts;
            }

            @Override
            public PdfJoin.Part get(int p) throws IOException {
              Part part = PartPool.get(p < k ? fronts.get(p) : laid.get(p - k + 1));
              if (p < k) {
                int measured = cuts.get(p).pages();
                if (frontLengthForTests.applyAsInt(part.pages()) != measured) {
                  // The chunks are numbered from the measured length; ContentsNumbers keeps the
                  // numbers out of the layout, so the two layouts of the same markup agree.
                  throw new IOException(
                      "the PDF's front matter changed length: "
                          + measured
                          + " then "
                          + part.pages()
                          + " pages");
                }
                frontTaken.add(part);
                if (p == k - 1) {
                  everyPartPainted(laid, frontTaken);
                }
              }
              PDDocument taken = part.take();
              BiConsumer<Integer, PDDocument> watcher = takenWatcher;
              if (watcher != null) {
                watcher.accept(p, taken);
              }
              return new PdfJoin.Part(taken, part.pages(), part.targets(), part.glyphs());
            }
          };
      join(painted, order, out);
    } finally {
      closeUnjoined(laid, fronts);
    }
  }

  /**
   * Cuts the front matter into parts ({@link ContentsParts}) and completes its length, the first
   * page count the chunks wait for; returns it as an unpainted part of that length.
   */
  private Part measureFront(List<CompletableFuture<Integer>> counts) throws IOException {
    try {
      List<ContentsParts.Cut> cuts =
          contents.cut(
              rows -> {
                // Each layout on a fresh thread of its own, as every part's (see FreshThread).
                Part m =
                    FreshThread.call(
                        "gazette-pdf-front", () -> layOut(0, rows, null, null, 0, null));
                return new ContentsParts.Measured(m.pages(), m.contentsRowPages());
              });
      frontCuts.complete(cuts);
      int pages = cuts.stream().mapToInt(ContentsParts.Cut::pages).sum();
      counts.get(0).complete(pages);
      return new Part(pages, Map.of(), Map.of(), Map.of(), (PDDocument) null, null);
    } catch (IOException | RuntimeException | Error e) {
      frontCuts.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * Gives the pool the front matter's parts to lay out and paint, each numbered on from the parts
   * before it, its contents numbers drawn from the chunks' pages (waited for after its layout). The
   * parts are independent, so at the end of the build, when every chunk is painted, they are
   * painted on all workers at once rather than one after the other on one.
   */
  private List<Future<Part>> paintFront(
      PartPool pool, Path dir, List<ContentsParts.Cut> cuts, List<Future<Part>> laid) {
    Map<String, Integer> startPages = new ConcurrentHashMap<>(); // filled at the first number
    Function<String, String> numbers =
        id -> {
          synchronized (startPages) {
            if (startPages.isEmpty()) {
              startPages.putAll(startPages(laid));
            }
          }
          Integer page = startPages.get(id);
          return page == null ? "" : Integer.toString(page);
        };
    List<Future<Part>> fronts = new ArrayList<>();
    int before = 0;
    for (int c = 0; c < cuts.size(); c++) {
      ContentsParts.Rows rows = cuts.get(c).rows();
      int first = before;
      Path file = dir.resolve("front-" + c + ".pdf");
      fronts.add(
          pool.submit("gazette-pdf-front", () -> layOut(0, rows, numbers, null, first, file)));
      before += cuts.get(c).pages();
    }
    return fronts;
  }

  /**
   * The page each article starts on (counted from 1), from the chunks' painted parts (waiting for
   * them); {@code laid} holds the front matter's measurement first.
   */
  private static Map<String, Integer> startPages(List<Future<Part>> laid) {
    Map<String, Integer> pages = new HashMap<>();
    int first = 0;
    try {
      for (int k = 0; k < laid.size(); k++) {
        Part part = PartPool.get(laid.get(k));
        for (Map.Entry<String, PdfJoin.Target> t : part.targets().entrySet()) {
          pages.put(t.getKey(), first + t.getValue().page() + 1);
        }
        first += part.pages();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pages;
  }

  /** Once the front matter is painted: the EPUB's page list, and the glyphs no face has. */
  private void everyPartPainted(List<Future<Part>> laid, List<Part> front) throws IOException {
    List<Part> all = new ArrayList<>(front);
    int[] offsets = new int[front.size() + laid.size() - 1];
    int next = 0;
    for (int c = 0; c < front.size(); c++) {
      offsets[c] = next;
      next += front.get(c).pages();
    }
    for (int k = 1; k < laid.size(); k++) {
      Part part = PartPool.get(laid.get(k));
      all.add(part);
      offsets[front.size() + k - 1] = next;
      next += part.pages();
    }
    offerPrintedPages(all, offsets);
    MissingGlyphs.problems(
            fonts.missing(), digest.articles(), a -> missingByArticle.getOrDefault(a.id(), ""))
        .forEach(context.problems());
  }

  /** After a failure: the painted parts the join did not take are closed. */
  private static void closeUnjoined(List<Future<Part>> laid, List<Future<Part>> fronts) {
    List<Future<Part>> all = new ArrayList<>(laid);
    all.addAll(fronts);
    for (Future<Part> f : all) {
      f.cancel(true);
      if (f.isDone() && !f.isCancelled()) {
        try {
          Part part = f.get();
          PDDocument pdf = part.take(); // null once the join took it
          if (pdf != null) {
            pdf.close();
          }
        } catch (Exception e) {
          // failed or closed already: nothing to close
        }
      }
    }
  }

  /**
   * One pass over every part's markup, several parts at a time ({@link PartSurvey}): what the fonts
   * must draw, which part holds each id, and which ids a link in another part points at.
   */
  private void survey(PartPool pool, Path dir) throws IOException {
    FontUsage usage = new FontUsage(css);
    List<Callable<PartSurvey>> work = new ArrayList<>();
    for (int p = 0; p <= chunks.size(); p++) {
      int part = p;
      work.add(
          () -> {
            org.jsoup.nodes.Document doc = parse(part, contents.all());
            if (part > 0 && context.printedPages().wanted()) {
              // Before the markup steps, as in one layout (the EPUB's anchors in the same markup).
              anchorsOfChunk.put(part, PageBreakAnchors.mark(doc));
            }
            PdfRenderer.typeset(doc, context.effectivePageSize(), context.theme().columns());
            PartSurvey survey = PartSurvey.of(doc, usage);
            if (part > 0) {
              // Laid out from this markup: a chunk's markup steps run once (the front matter's
              // parts are cut differently from the survey's one front part).
              PartMarkup.store(doc, markupFile(dir, part));
            }
            return survey;
          });
    }
    PartSurvey.merge(pool.all("gazette-pdf-survey", work), usage, partOfId, targets);
    // Every article is a target: the contents and the outline point at it.
    for (List<Placed> chunk : chunks) {
      for (Placed p : chunk) {
        targets.add(p.article().id());
      }
    }
    // The same faces as one document's layout, so every character comes from the same face.
    svgFonts.addTo(usage);
    fonts = PdfRenderer.fonts(usage, context, false);
    svgFonts.prepare(context, fonts);
    programs = SharedFonts.programs(fonts);
  }

  /**
   * @param rows the contents rows of the front matter's part (part 0 only)
   */
  private org.jsoup.nodes.Document parse(int part, ContentsParts.Rows rows) {
    StringBuilder sb = new StringBuilder();
    if (part == 0) {
      // A part after the first front-matter part starts on a page that is not the document's first.
      String partCss = rows.first() ? css : FIRST_PAGE_RULE.matcher(css).replaceAll("");
      PdfRenderer.head(digest, partCss + PART_CSS, false, sb);
      contents.markup(rows, sb);
    } else {
      // A chunk's first page is a blank lead page (its @page :first), dropped once painted.
      PdfRenderer.head(digest, css + PART_CSS + LeadPage.CSS, false, sb);
      sb.append(LeadPage.MARKUP);
      for (Placed p : chunks.get(part - 1)) {
        sb.append(PdfRenderer.articleMarkup(p.article(), digest, p.header(), undrawable));
      }
    }
    sb.append("</body>\n</html>\n");
    return Jsoup.parse(sb.toString(), "", Parser.xmlParser());
  }

  /**
   * Gives the pool the chunks to paint, each numbered on from the front matter and the chunks
   * before it; returns the front matter's measurement and the chunks, in order. The front matter is
   * measured on the pool beside the first chunks (a chunk needs its length only to be painted).
   */
  private List<Future<Part>> paintChunks(PartPool pool, Path dir) {
    int n = chunks.size();
    // Each part's page count, the front matter's first.
    List<CompletableFuture<Integer>> counts = new ArrayList<>();
    for (int k = 0; k <= n; k++) {
      counts.add(new CompletableFuture<>());
    }
    List<Future<Part>> futures = new ArrayList<>();
    futures.add(counted(pool, "gazette-pdf-front", counts, 0, () -> measureFront(counts)));
    for (int k = 1; k <= n; k++) {
      int part = k;
      futures.add(
          counted(
              pool,
              "gazette-pdf-chunk",
              counts,
              part,
              () -> layOut(part, null, null, counts, 0, file(dir, part))));
    }
    return futures;
  }

  /** Runs a part's work on the pool; if it fails, the parts waiting for its page count fail too. */
  private static Future<Part> counted(
      PartPool pool,
      String name,
      List<CompletableFuture<Integer>> counts,
      int part,
      Callable<Part> work) {
    return pool.submit(
        name,
        () -> {
          try {
            return work.call();
          } catch (Throwable t) {
            counts.get(part).completeExceptionally(t);
            throw t;
          }
        });
  }

  private static Path markupFile(Path dir, int part) {
    return dir.resolve("part-" + part + ".xml.z");
  }

  private static Path file(Path dir, int part) {
    return dir.resolve("part-" + part + ".pdf");
  }

  /**
   * Lays out one part; when {@code file} is given, paints it there.
   *
   * @param rows the contents rows of a front-matter part (front matter only)
   * @param numbers the contents number drawn for an article id (front matter only; null while its
   *     length is measured)
   * @param counts each chunk's page count (the front matter's first), completed here for this chunk
   *     and awaited for the ones before it (null for the front matter)
   * @param before the pages before a front-matter part (0 for a chunk: its counts tell)
   */
  private Part layOut(
      int part,
      ContentsParts.Rows rows,
      Function<String, String> numbers,
      List<CompletableFuture<Integer>> counts,
      int before,
      Path file)
      throws IOException {
    org.jsoup.nodes.Document doc;
    PageBreakAnchors anchors;
    if (part > 0) {
      // Marked and typeset by the survey.
      doc = PartMarkup.load(markupFile(file.getParent(), part));
      anchors = anchorsOfChunk.remove(part);
    } else {
      doc = parse(part, rows);
      // The page list's anchors of the front matter (cover, title, contents) are in its first part.
      anchors =
          file != null && context.printedPages().wanted() && rows.first()
              ? PageBreakAnchors.mark(doc)
              : null;
      PdfRenderer.typeset(doc, context.effectivePageSize(), context.theme().columns());
    }
    linkAcross(doc, part);
    if (part > 0 && !fonts.missing().isEmpty()) {
      for (Element e : doc.select("article[id]")) {
        StringBuilder found = new StringBuilder();
        PdfRenderer.articleText(e, svgFonts)
            .codePoints()
            .filter(fonts.missing()::contains)
            .forEach(found::appendCodePoint);
        if (found.length() > 0) {
          missingByArticle.put(e.id(), found.toString());
        }
      }
    }
    PdfText.boxMissingCharacters(doc, fonts.missing());
    // The jsoup document, the builder and the renderer live only in render()'s frame: once it
    // returns, nothing holds the layout (the builder's SVG drawer holds the renderer's output
    // device, which holds every page box, so a builder still in this frame kept it all).
    org.jsoup.nodes.Document[] handOver = {doc};
    doc = null;
    Path painted = file == null ? null : file.resolveSibling(file.getFileName() + ".painted");
    Painted laid = render(handOver, part, numbers, counts, before, painted, anchors);
    if (painted == null) {
      return new Part(
          laid.pages(), Map.of(), Map.of(), Map.of(), (PDDocument) null, laid.contentsRowPages());
    }
    PDDocument pdf =
        laid.pdf() != null
            ? laid.pdf()
            : Loader.loadPDF(
                painted.toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache());
    // The layout is gone (the renderer held it, not the part; BackgroundArtifacts let go of the
    // device when painting began): the part gives the glyphs it drew
    // and is given the structure fixes of one layout (per page and per list, so they need not wait
    // for the join), then handed to the join as it is, in memory (the join closes it).
    try {
      IccHeaders.canonical(pdf);
      Map<String, Set<Integer>> glyphs = SharedFonts.glyphsDrawn(pdf, programs.keySet());
      if (context.pdfTags()) {
        StructureFixes.apply(pdf, laid.clean());
      }
      return new Part(laid.pages(), laid.firstPages(), laid.targets(), glyphs, pdf, null);
    } catch (IOException | RuntimeException | Error e) {
      pdf.close();
      throw e;
    }
  }

  /**
   * A part laid out and, unless only measured, painted: its length, its anchors' pages, its link
   * targets, and the painted document (null when measured only, or when saved to the {@code
   * .painted} file because this PDFBox cannot subset fonts ahead of a save) with the pages of it
   * the structure fixes need not read (null: read them all).
   */
  private record Painted(
      int pages,
      Map<String, Integer> firstPages,
      Map<String, PdfJoin.Target> targets,
      PDDocument pdf,
      int[] contentsRowPages,
      EmptyArtifacts.Clean clean) {}

  /**
   * Lays out the markup in {@code handOver} (taken out of the array) and, when {@code painted} is
   * given, paints it with its first page number.
   */
  private Painted render(
      org.jsoup.nodes.Document[] handOver,
      int part,
      Function<String, String> numbers,
      List<CompletableFuture<Integer>> counts,
      int before,
      Path painted,
      PageBreakAnchors anchors)
      throws IOException {
    PdfRendererBuilder builder =
        PdfRenderer.builder(digest, context, fonts, svgFonts, assets, true);
    builder.withW3cDocument(W3cCopy.of(handOver[0]), PdfRenderer.BASE_URI);
    handOver[0] = null; // the layout needs only the W3C copy
    BackgroundArtifacts backgrounds = context.pdfTags() ? BackgroundArtifacts.use(builder) : null;
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      TextWidths.install(renderer);
      if (backgrounds != null) {
        backgrounds.attach(renderer);
      }
      renderer.layout();
      JustifiedLineEnds.refit(
          renderer.getRootBox(), renderer.getSharedContext()::newLayoutContextInstance);
      if (numbers != null) {
        ContentsNumbers.drawFrom(
            renderer.getRootBox(),
            href ->
                href.startsWith(TARGET_SCHEME)
                    ? numbers.apply(href.substring(TARGET_SCHEME.length()))
                    : null);
      }
      int pages = renderer.getRootBox().getLayer().getPages().size();
      if (part > 0) {
        pages = LeadPage.pagesAfter(pages);
      }
      int firstPage = before + 1;
      if (counts != null) {
        counts.get(part).complete(pages);
        for (int k = 0; k < part; k++) {
          firstPage += counts.get(k).join();
        }
      }
      if (painted == null) {
        int[] rows = part == 0 ? ContentsParts.rowPages(renderer) : null;
        return new Painted(pages, Map.of(), Map.of(), null, rows, null);
      }
      Map<String, Integer> firstPages = Map.of();
      if (anchors != null) {
        firstPages = anchors.firstPages(renderer);
        if (part > 0) {
          firstPages = LeadPage.pagesAfter(firstPages);
        }
        anchors.unmark(renderer); // the PDF is the same with or without the EPUB's page list
      }
      startPageNumbersAt(renderer, part > 0 ? firstPage - 1 : firstPage);
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      if (part > 0) {
        LeadPage.drop(pdf);
      }
      Map<String, PdfJoin.Target> found = takeTargets(pdf);
      if (PartWriter.canSubsetFonts()) {
        // Subset while the renderer's fonts are open; the part then outlives the renderer.
        PartWriter.subsetFonts(pdf);
        return new Painted(pages, firstPages, found, pdf, null, backgrounds);
      }
      PartWriter.save(pdf, painted); // as pdf.save(file, NO_COMPRESSION), in linear time
      pdf.close();
      return new Painted(pages, firstPages, found, null, null, null);
    }
  }

  /**
   * Links to an id in another part become {@value #TARGET_SCHEME} addresses; the targets in this
   * part are marked to become named destinations.
   */
  private void linkAcross(org.jsoup.nodes.Document doc, int part) {
    for (Element e : doc.select("[id]")) {
      if (targets.contains(e.id()) && Integer.valueOf(part).equals(partOfId.get(e.id()))) {
        e.addClass(TARGET_CLASS);
      }
    }
    for (Element a : doc.select("a[href^=#]")) {
      String id = a.attr("href").substring(1);
      Integer holder = partOfId.get(id);
      if (holder != null && holder != part) {
        a.attr("href", TARGET_SCHEME + id);
      }
    }
  }

  /**
   * The renderer numbers pages from the number its builder was given; a chunk learns its first
   * number only after its layout, so the number is set on the laid-out renderer (OpenHTMLtoPDF
   * 1.1.65 reads it when painting starts: {@code createPdfFast}).
   */
  private static void startPageNumbersAt(PdfBoxRenderer renderer, int first) {
    try {
      Field f = PdfBoxRenderer.class.getDeclaredField("_initialPageNumber");
      f.setAccessible(true);
      f.setInt(renderer, first);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "this OpenHTMLtoPDF cannot start page numbers at " + first + ": " + e, e);
    }
  }

  /** The part's named destinations, taken out of the part (the join writes its own links). */
  private static Map<String, PdfJoin.Target> takeTargets(PDDocument pdf) throws IOException {
    PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
    Map<String, PdfJoin.Target> found = new LinkedHashMap<>();
    if (names == null || names.getDests() == null) {
      return found;
    }
    Map<COSDictionary, Integer> index = new IdentityHashMap<>();
    int i = 0;
    for (PDPage page : pdf.getPages()) {
      index.put(page.getCOSObject(), i++);
    }
    Map<String, PDPageDestination> dests = names.getDests().getNames();
    if (dests != null) {
      for (Map.Entry<String, PDPageDestination> e : new TreeMap<>(dests).entrySet()) {
        PDPageDestination d = e.getValue();
        Integer page = d.getPage() == null ? null : index.get(d.getPage().getCOSObject());
        if (page != null && d instanceof PDPageXYZDestination xyz) {
          found.put(e.getKey(), new PdfJoin.Target(page, xyz.getTop()));
        }
      }
    }
    pdf.getDocumentCatalog().getCOSObject().removeItem(COSName.NAMES);
    return found;
  }

  private void offerPrintedPages(List<Part> parts, int[] offsets) {
    if (!context.printedPages().wanted()) {
      return;
    }
    Map<String, Integer> all = new LinkedHashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      for (Map.Entry<String, Integer> e : parts.get(p).firstPages().entrySet()) {
        all.put(e.getKey(), offsets[p] + e.getValue());
      }
    }
    context.printedPages().offer(PrintedPages.of(all));
  }

  /** Hands the painted parts to {@link PdfJoin}, which writes the one PDF as they come. */
  private void join(PdfJoin.Parts parts, int[] order, OutputStream out) throws IOException {
    List<PdfJoin.OutlineItem> outline = new ArrayList<>();
    for (Section s : digest.sections()) {
      outline(s, outline);
    }
    try {
      PdfJoin.write(
          parts,
          order,
          programs,
          outline,
          digest,
          context.pdfTags(),
          context.pdfA(),
          out,
          joinWatcher);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The outline of the one-document layout: a section holds its listed articles. */
  private static void outline(Section s, List<PdfJoin.OutlineItem> parent) {
    List<PdfJoin.OutlineItem> inner = parent;
    if (s.title() != null && !s.allArticles().isEmpty()) {
      inner = new ArrayList<>();
      parent.add(new PdfJoin.OutlineItem(s.title(), s.allArticles().get(0).id(), inner));
    }
    for (Article a : s.listedArticles()) {
      inner.add(new PdfJoin.OutlineItem(a.title(), a.id(), List.of()));
    }
    for (Section sub : s.subsections()) {
      outline(sub, inner);
    }
  }
}
