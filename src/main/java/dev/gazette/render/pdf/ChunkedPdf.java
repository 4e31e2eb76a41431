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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
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
 * layout per thread is in memory at a time; each part is written to a temporary file and the join
 * keeps stream data in a temporary file too.
 *
 * <ol>
 *   <li>Where chunks end depends on the articles' markup only ({@link #plan}), never on the number
 *       of threads: every part is laid out and painted by itself from the same input, and the join
 *       takes them in order, so the bytes are the same at 1 and N threads.
 *   <li>The front matter is laid out first to learn its length: its contents numbers are laid out
 *       as one layout lays out {@code target-counter}, as a stand-in, and drawn only when painted
 *       ({@link ContentsNumbers}), so its length does not depend on them. Each chunk is laid out,
 *       tells its page count, waits for the counts of the chunks before it, and is painted with its
 *       first page number (page footers run on across parts). The contents is then laid out again
 *       and painted with the pages the articles start on.
 *   <li>Links to another part are written as {@value #TARGET_SCHEME}{@code id} addresses; each link
 *       target is a named destination in its part, read (page, height) and removed before the part
 *       is saved. The join writes every such link as a jump to the target's page and height, and
 *       the outline from the same targets.
 *   <li>Fonts: every part subsets the per-digest faces for what it draws; the glyphs are read from
 *       the saved part, and the join writes one subset per face for what all parts drew.
 *   <li>{@link PdfJoin} writes the one PDF as it reads the parts, one at a time: memory for the
 *       join does not grow with the digest.
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

  /** An article with its running header, as the one-document layout writes it. */
  record Placed(Article article, String header) {}

  /**
   * What a painted part leaves: its length, its anchors' pages, its link targets and the glyphs it
   * drew from each per-digest face.
   */
  private record Part(
      int pages,
      Map<String, Integer> firstPages,
      Map<String, PdfJoin.Target> targets,
      Map<String, Set<Integer>> glyphs) {}

  /**
   * Told by the join after each part (tests watch that parts are written and let go one at a time);
   * null in use.
   */
  static volatile PdfJoin.Progress joinWatcher;

  /**
   * Tests: every reading of the front matter's length passes through it, to force the repaint
   * below; the identity in use.
   */
  static volatile IntUnaryOperator frontLengthForTests = IntUnaryOperator.identity();

  private final Digest digest;
  private final RenderContext context;
  private final PdfChunking chunking;
  private final List<List<Placed>> chunks;
  private final Map<String, Integer> partOfId = new HashMap<>();
  private final Set<String> targets = new HashSet<>();
  private final Map<String, String> missingByArticle = new ConcurrentHashMap<>();
  private String css;
  private Set<String> undrawable;
  private EmbeddedFonts fonts;
  private Map<String, byte[]> programs;
  private SvgFonts svgFonts;
  private PdfRenderer.AssetStreams assets;

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
    survey();

    int parts = chunks.size() + 1;
    int front =
        frontLengthForTests.applyAsInt(
            FreshThread.call("gazette-pdf-front", () -> layOut(0, null, null, 0, null)).pages());
    for (int attempt = 0; ; attempt++) {
      List<Part> chunkParts = paintChunks(dir, front);
      int[] offsets = new int[parts];
      offsets[0] = 0;
      int next = front;
      for (int k = 1; k < parts; k++) {
        offsets[k] = next;
        next += chunkParts.get(k - 1).pages();
      }
      Map<String, Integer> startPages = new HashMap<>();
      for (int k = 1; k < parts; k++) {
        for (Map.Entry<String, PdfJoin.Target> t : chunkParts.get(k - 1).targets().entrySet()) {
          startPages.put(t.getKey(), offsets[k] + t.getValue().page() + 1);
        }
      }
      Part frontPart =
          FreshThread.call(
              "gazette-pdf-front",
              () ->
                  layOut(
                      0,
                      id -> {
                        Integer page = startPages.get(id);
                        return page == null ? "" : Integer.toString(page);
                      },
                      null,
                      0,
                      file(dir, 0)));
      if (frontLengthForTests.applyAsInt(frontPart.pages()) != front) {
        if (attempt == 2) {
          throw new IOException(
              "the PDF's contents does not settle on a length: "
                  + front
                  + " or "
                  + frontPart.pages()
                  + " pages");
        }
        // Not seen since the numbers stopped entering the front matter's layout; kept as a guard.
        front = frontPart.pages();
        continue;
      }
      List<Part> all = new ArrayList<>();
      all.add(frontPart);
      all.addAll(chunkParts);
      offerPrintedPages(all, offsets);
      MissingGlyphs.problems(
              fonts.missing(), digest.articles(), a -> missingByArticle.getOrDefault(a.id(), ""))
          .forEach(context.problems());
      join(dir, all, offsets, out);
      return;
    }
  }

  /**
   * One pass over every part's markup, one part at a time: what the fonts must draw, which part
   * holds each id, and which ids a link in another part points at.
   */
  private void survey() throws IOException {
    FontUsage usage = new FontUsage(css);
    Map<Integer, Set<String>> hrefs = new TreeMap<>();
    for (int p = 0; p <= chunks.size(); p++) {
      int part = p;
      FreshThread.call(
          "gazette-pdf-survey",
          () -> {
            org.jsoup.nodes.Document doc = parse(part);
            PdfRenderer.typeset(doc, context.effectivePageSize());
            usage.add(doc);
            for (Element e : doc.select("[id]")) {
              partOfId.putIfAbsent(e.id(), part);
            }
            Set<String> linked = new HashSet<>();
            for (Element a : doc.select("a[href^=#]")) {
              linked.add(a.attr("href").substring(1));
            }
            hrefs.put(part, linked);
            return null;
          });
    }
    for (Map.Entry<Integer, Set<String>> e : hrefs.entrySet()) {
      for (String id : e.getValue()) {
        Integer holder = partOfId.get(id);
        if (holder != null && holder != e.getKey().intValue()) {
          targets.add(id);
        }
      }
    }
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

  private org.jsoup.nodes.Document parse(int part) {
    StringBuilder sb = new StringBuilder();
    if (part == 0) {
      PdfRenderer.head(digest, css + PART_CSS, false, sb);
      sb.append(PdfRenderer.coverPage(digest, context.effectivePageSize()));
      PdfRenderer.frontMatter(digest, a -> ContentsNumbers.STAND_IN, sb);
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
   * Paints the chunks on the pool, each numbered on from the front matter and the chunks before it;
   * returns them in order.
   */
  private List<Part> paintChunks(Path dir, int front) throws IOException {
    int n = chunks.size();
    List<CompletableFuture<Integer>> counts = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      counts.add(new CompletableFuture<>());
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(chunking.threads(), n),
            r -> {
              Thread t = new Thread(r, "gazette-pdf-chunk");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<Part>> futures = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int chunk = k;
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return FreshThread.call(
                        "gazette-pdf-chunk",
                        () -> layOut(chunk + 1, null, counts, front, file(dir, chunk + 1)));
                  } catch (Throwable t) {
                    counts.get(chunk).completeExceptionally(t);
                    throw t;
                  }
                }));
      }
      List<Part> parts = new ArrayList<>();
      for (Future<Part> f : futures) {
        parts.add(f.get());
      }
      return parts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while laying out the PDF", e);
    } catch (ExecutionException e) {
      throw FreshThread.rethrown(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path file(Path dir, int part) {
    return dir.resolve("part-" + part + ".pdf");
  }

  /**
   * Lays out one part; when {@code file} is given, paints it there.
   *
   * @param numbers the contents number drawn for an article id (front matter only; null while its
   *     length is measured)
   * @param counts each chunk's page count, completed here for this chunk and awaited for the ones
   *     before it (chunks only)
   * @param front the front matter's length
   */
  private Part layOut(
      int part,
      Function<String, String> numbers,
      List<CompletableFuture<Integer>> counts,
      int front,
      Path file)
      throws IOException {
    org.jsoup.nodes.Document doc = parse(part);
    PageBreakAnchors anchors =
        file != null && context.printedPages().wanted() ? PageBreakAnchors.mark(doc) : null;
    PdfRenderer.typeset(doc, context.effectivePageSize());
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
    PdfText.boxDroppedCharacters(doc, fonts.missing());
    // The jsoup document, the builder and the renderer live only in render()'s frame: once it
    // returns, nothing holds the layout (the builder's SVG drawer holds the renderer's output
    // device, which holds every page box, so a builder still in this frame kept it all).
    org.jsoup.nodes.Document[] handOver = {doc};
    doc = null;
    Path painted = file == null ? null : file.resolveSibling(file.getFileName() + ".painted");
    Painted laid = render(handOver, part, numbers, counts, front, painted, anchors);
    if (painted == null) {
      return new Part(laid.pages(), Map.of(), Map.of(), Map.of());
    }
    PDDocument pdf = laid.pdf();
    // The layout is gone (the renderer held it, not the part): the part gives the glyphs it drew
    // and is given the structure fixes of one layout (per page and per list, so they need not wait
    // for the join), then saved once.
    Map<String, Set<Integer>> glyphs;
    try (PDDocument laidOut =
        pdf != null
            ? pdf
            : Loader.loadPDF(
                painted.toFile(), null, null, null, IOUtils.createTempFileOnlyStreamCache())) {
      pdf = null;
      glyphs = SharedFonts.glyphsDrawn(laidOut, programs.keySet());
      if (context.pdfTags()) {
        StructureFixes.apply(laidOut);
      }
      PartWriter.save(laidOut, file);
    }
    Files.deleteIfExists(painted);
    return new Part(laid.pages(), laid.firstPages(), laid.targets(), glyphs);
  }

  /**
   * A part laid out and, unless only measured, painted: its length, its anchors' pages, its link
   * targets, and the painted document (null when measured only, or when saved to the {@code
   * .painted} file because this PDFBox cannot subset fonts ahead of a save).
   */
  private record Painted(
      int pages,
      Map<String, Integer> firstPages,
      Map<String, PdfJoin.Target> targets,
      PDDocument pdf) {}

  /**
   * Lays out the markup in {@code handOver} (taken out of the array) and, when {@code painted} is
   * given, paints it with its first page number.
   */
  private Painted render(
      org.jsoup.nodes.Document[] handOver,
      int part,
      Function<String, String> numbers,
      List<CompletableFuture<Integer>> counts,
      int front,
      Path painted,
      PageBreakAnchors anchors)
      throws IOException {
    PdfRendererBuilder builder =
        PdfRenderer.builder(digest, context, fonts, svgFonts, assets, true);
    builder.withW3cDocument(W3cCopy.of(handOver[0]), PdfRenderer.BASE_URI);
    handOver[0] = null; // the layout needs only the W3C copy
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      TextWidths.install(renderer);
      renderer.layout();
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
      int firstPage = 1;
      if (counts != null) {
        counts.get(part - 1).complete(pages);
        firstPage = front + 1;
        for (int k = 0; k < part - 1; k++) {
          firstPage += counts.get(k).join();
        }
      }
      if (painted == null) {
        return new Painted(pages, Map.of(), Map.of(), null);
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
        return new Painted(pages, firstPages, found, pdf);
      }
      PartWriter.save(pdf, painted); // as pdf.save(file, NO_COMPRESSION), in linear time
      pdf.close();
      return new Painted(pages, firstPages, found, null);
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

  /** Hands the saved parts to {@link PdfJoin}, which writes the one PDF as it reads them. */
  private void join(Path dir, List<Part> parts, int[] offsets, OutputStream out)
      throws IOException {
    List<PdfJoin.Part> files = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Part part = parts.get(p);
      files.add(new PdfJoin.Part(file(dir, p), part.pages(), part.targets(), part.glyphs()));
    }
    List<PdfJoin.OutlineItem> outline = new ArrayList<>();
    for (Section s : digest.sections()) {
      outline(s, outline);
    }
    try {
      PdfJoin.write(
          files, programs, outline, digest, context.pdfTags(), context.pdfA(), out, joinWatcher);
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
