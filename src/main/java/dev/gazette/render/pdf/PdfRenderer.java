package dev.gazette.render.pdf;

import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.fontstore.FontNotFoundException;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;
import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.Metadata;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import dev.gazette.render.ArticleMarkup;
import dev.gazette.render.DigestRenderer;
import dev.gazette.render.Labels;
import dev.gazette.render.MastheadMarkup;
import dev.gazette.render.MissingFaceException;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.EmbeddedFonts;
import dev.gazette.typeset.FontFace;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontSubsetter;
import dev.gazette.typeset.FontUsage;
import dev.gazette.typeset.Glyphs;
import dev.gazette.typeset.Hyphenation;
import dev.gazette.typeset.Languages;
import dev.gazette.typeset.MissingGlyphs;
import dev.gazette.typeset.PageSize;
import dev.gazette.typeset.Theme;
import dev.gazette.util.Hashes;
import dev.gazette.util.LibraryLogs;
import dev.gazette.util.Xml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Writes the digest as one PDF laid out by OpenHTMLtoPDF: title page, table of contents with page
 * numbers, one article per new page, running header, page numbers, a bookmark per article. CJK line
 * breaking uses ICU; fonts are per-digest subsets without GSUB (fast, and text extracts exactly).
 */
public final class PdfRenderer implements DigestRenderer {
  static final String BASE_URI = "gazette://digest/";
  private static final int COLUMN_GAP_MM = 7;

  static {
    // The library must not print; problems are reported through results instead.
    LibraryLogs.quiet();
  }

  private final PdfChunking chunking;

  /** A renderer with the chunking the system properties ask for (on unless turned off). */
  public PdfRenderer() {
    this(PdfChunking.fromSystemProperties());
  }

  PdfRenderer(PdfChunking chunking) {
    this.chunking = chunking;
  }

  @Override
  public Format format() {
    return Format.PDF;
  }

  @Override
  public void render(Digest digest, RenderContext context, OutputStream out) throws IOException {
    try {
      renderPdf(digest, context, out);
    } catch (RuntimeException e) {
      throw missingFace(e);
    } finally {
      context.printedPages().withdraw(); // an EPUB waiting for page breaks never waits for nothing
    }
  }

  private static final Pattern FAMILIES = Pattern.compile("families: \\[([^\\]]*)\\]");
  private static final Pattern STYLE = Pattern.compile("weight: (\\w+) style: (\\w+)");

  /**
   * The renderer's failure on a text no listed face can draw, as the request's mistake in words;
   * any other failure as it is. The theme's families and the generic ones always have a face, so
   * only a family named by the user's stylesheet can be missing.
   */
  static RuntimeException missingFace(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FontNotFoundException) {
        String message = String.valueOf(t.getMessage());
        Matcher families = FAMILIES.matcher(message);
        Matcher style = STYLE.matcher(message);
        String family = families.find() ? "\"" + families.group(1) + "\"" : "?";
        String look = "";
        if (style.find()) {
          look =
              (style.group(1).equals("normal") ? "" : " " + style.group(1))
                  + (style.group(2).equals("normal") ? "" : " " + style.group(2));
        }
        return new MissingFaceException(
            "the PDF has no face for font-family "
                + family
                + (look.isEmpty() ? "" : " (" + look.strip() + ")")
                + ", named by the stylesheet (--css): name one of the theme's families"
                + " (\"Gazette Body\", \"Gazette Heading\", \"Gazette Accent\", \"Gazette Mono\")"
                + " or end the list with a generic one (serif, sans-serif, monospace)",
            t);
      }
    }
    return e;
  }

  private void renderPdf(Digest digest, RenderContext context, OutputStream out)
      throws IOException {
    // Chunks count pages from a lead page of their own: sides and page counters would differ.
    String sidedRule =
        chunking.enabled() ? ChunkedPdf.pageSidedRule(context.theme().extraCss()) : null;
    if (sidedRule != null) {
      context
          .problems()
          .accept(
              Problem.warning(
                  null,
                  0,
                  "the PDF is laid out in one piece, not in chunks, because the --css"
                      + " stylesheet has "
                      + sidedRule
                      + ", which a chunk would apply by its own page count: it takes more"
                      + " memory on a large digest"));
    } else if (chunking.enabled()) {
      List<List<ChunkedPdf.Placed>> chunks = ChunkedPdf.plan(digest, chunking.maxChars());
      if (chunks.size() > 1) {
        new ChunkedPdf(digest, context, chunking, chunks).render(out);
        return;
      }
    }
    // On a thread of its own: jsoup's per-thread selector memos would keep the digest's markup
    // alive through the layout (see FreshThread).
    Prepared prepared = FreshThread.call("gazette-pdf-prepare", () -> prepare(digest, context));
    PdfRendererBuilder builder =
        builder(
            digest,
            context,
            prepared.fonts(),
            prepared.svgFonts(),
            new AssetStreams(digest, pageImages(context), prepared.svgFonts()::forPdf),
            true);
    builder.withW3cDocument(prepared.document(), BASE_URI);
    // Tagged, a background artifact is written only around what is drawn in it.
    BackgroundArtifacts backgrounds = context.pdfTags() ? BackgroundArtifacts.use(builder) : null;
    PageBreakAnchors anchors = prepared.anchors();
    prepared = null; // the builder holds what it needs; drop the rest before layout

    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      TextWidths.install(renderer);
      if (backgrounds != null) {
        backgrounds.attach(renderer);
      }
      if (context.pdfTags() && context.pdfA() == null) {
        LibraryXmp.skip(renderer); // PdfStandards.finish writes the packet
      }
      // Laid out once: createPDFWithoutClosing paints this layout.
      renderer.layout();
      JustifiedLineEnds.refit(
          renderer.getRootBox(), renderer.getSharedContext()::newLayoutContextInstance);
      if (anchors != null) {
        context.printedPages().offer(anchors.locate(renderer));
        anchors.unmark(renderer); // the PDF is the same with or without the EPUB's page list
      }
      renderer.createPDFWithoutClosing();
      PDDocument pdf = renderer.getPdfDocument();
      IccHeaders.canonical(pdf);
      stamp(pdf, digest);
      PdfStandards.finish(pdf, digest, context.pdfTags(), context.pdfA(), backgrounds);
      pdf.save(out);
      pdf.close();
    }
  }

  /** The W3C document to lay out and the fonts it needs. */
  private record Prepared(
      org.w3c.dom.Document document,
      EmbeddedFonts fonts,
      SvgFonts svgFonts,
      PageBreakAnchors anchors) {}

  static PageImages pageImages(RenderContext context) {
    return new PageImages(
        PageSize.parseOrA5(context.effectivePageSize()),
        context.theme().columns(),
        COLUMN_GAP_MM,
        context.renditions());
  }

  /**
   * A builder with everything but the document: fonts, line breaking, hyphenation, pictures, SVG,
   * tagging and PDF/A.
   *
   * @param subsetFonts false to embed each (per-digest) face whole
   */
  static PdfRendererBuilder builder(
      Digest digest,
      RenderContext context,
      EmbeddedFonts fonts,
      SvgFonts svgFonts,
      FSStreamFactory assets,
      boolean subsetFonts) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    // Links and bookmarks find their page in O(1) instead of a walk of the page list.
    builder.usePDDocument(new PageIndexedDocument());
    PdfStandards.configure(builder, context.pdfTags(), context.pdfA());
    builder.withProducer("Gazette");
    builder.useProtocolsStreamImplementation(assets, "gazette");
    // Each role's own face and its fallbacks, under the families the stylesheet lists; the
    // renderer falls back per character along the font-family list. Drawings with text get the
    // same faces (see SvgFonts); only then, as the SVG drawer loads each face into the JVM.
    Set<FSFontUseCase> uses =
        svgFonts.any()
            ? EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG)
            : EnumSet.of(FSFontUseCase.DOCUMENT);
    for (EmbeddedFonts.Subset subset : fonts.subsets()) {
      byte[] data = subset.data();
      for (FontFace face : subset.faces()) {
        builder.useFont(
            () -> new ByteArrayInputStream(data),
            face.cssFamily(),
            face.weight(),
            BaseRendererBuilder.FontStyle.NORMAL,
            subsetFonts,
            uses);
      }
    }
    for (SvgFonts.Face face : svgFonts.standInFaces()) {
      byte[] data = face.data();
      builder.useFont(
          () -> new ByteArrayInputStream(data),
          face.family(),
          400,
          BaseRendererBuilder.FontStyle.NORMAL,
          true,
          EnumSet.of(FSFontUseCase.SVG));
    }
    // What no face has is drawn as a visible box, never as the default '#'.
    builder.useReplacementText(Character.toString(Glyphs.BOX));
    Locale locale = Languages.locale(digest.lang());
    // Strict line breaking, as books set Japanese (JIS X 4051): no line starts with a small kana or
    // the prolonged sound mark (メッ|セー|ジ). ICU breaks Japanese "normally" unless told so; for
    // other languages its default already keeps them.
    Locale strict =
        new Locale.Builder().setLocale(locale).setUnicodeLocaleKeyword("lb", "strict").build();
    if (fonts.rightToLeft()) {
      // Hebrew and Arabic runs set right to left inside left-to-right lines (ICU's bidi); a
      // digest without them keeps the library's plain left-to-right pass.
      builder.useUnicodeBidiSplitter(
          new com.openhtmltopdf.bidi.support.ICUBidiSplitter.ICUBidiSplitterFactory());
      builder.useUnicodeBidiReorderer(new com.openhtmltopdf.bidi.support.ICUBidiReorderer());
    }
    builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(strict));
    builder.useUnicodeCharacterBreaker(new ICUBreakers.ICUCharacterBreaker(locale));
    // The stylesheet sets hyphens: auto only on Latin-script articles, and the only Latin-script
    // language the digest detects is English; the library passes no language to the hyphenator.
    Hyphenation.forLanguage("en").ifPresent(h -> builder.useHyphenation(h::hyphenateText));
    builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
    return builder;
  }

  /** The stylesheet of the PDF: the theme's, the page size and columns, the cover's colour. */
  static String css(Digest digest, RenderContext context) {
    return cssBeforeCover(context) + coverBackgroundCss(digest);
  }

  /** {@link #css} up to the cover's colour, which needs the cover's bytes. */
  private static String cssBeforeCover(RenderContext context) {
    Theme theme = context.theme();
    return theme.css(Theme.Medium.PDF)
        + "\n"
        + pageCss(context.effectivePageSize(), theme.columns());
  }

  /**
   * Where the cover's colour goes in the stylesheet until the cover is there: a painted cover is
   * still being painted while the document is prepared (see {@code CoverPainter.paintBeside}), and
   * its colour is only needed in the copy the library lays out. A comment, so the fonts read from
   * the stylesheet in the meantime are the same.
   */
  static final String COVER_COLOUR_LATER = "/* gazette: the cover's colour */";

  /**
   * Puts the cover's colour in place of {@link #COVER_COLOUR_LATER} in the document's stylesheet,
   * waiting for the cover's bytes: the same stylesheet as {@link #css} gives.
   */
  static void fillCoverColour(org.jsoup.nodes.Document jsoupDoc, Digest digest) {
    for (Element style : jsoupDoc.getElementsByTag("style")) {
      for (TextNode text : style.textNodes()) {
        String css = text.getWholeText();
        // The last one: ours ends the stylesheet, after any --css that might hold the same text.
        int at = css.lastIndexOf(COVER_COLOUR_LATER);
        if (at >= 0) {
          text.text(
              css.substring(0, at)
                  + coverBackgroundCss(digest)
                  + css.substring(at + COVER_COLOUR_LATER.length()));
          return;
        }
      }
    }
    throw new IllegalStateException("no place for the cover's colour in the stylesheet");
  }

  /**
   * An SVG picture as Batik is given it, the one copy the check and the PDF both draw: its style
   * sheets readable ({@link SvgStyles}), its elements arranged as Batik draws them ({@link
   * SvgForBatik}).
   */
  static SvgStyles.Readable forBatik(byte[] svg) {
    SvgStyles.Readable readable = SvgStyles.readable(svg);
    return new SvgStyles.Readable(SvgForBatik.drawable(readable.svg()), readable.leftOut());
  }

  /** The SVG pictures the PDF cannot draw, each reported once. */
  static Set<String> undrawableSvgs(Digest digest, RenderContext context) {
    Map<String, byte[]> forBatik = new HashMap<>(); // each drawing's sheets mended once
    for (Asset a : digest.assets()) {
      if (!a.href().endsWith(".svg")) {
        continue;
      }
      SvgStyles.Readable readable = forBatik(a.bytes());
      forBatik.put(a.href(), readable.svg());
      int leftOut = readable.leftOut();
      if (leftOut > 0) {
        context
            .problems()
            .accept(
                warningAtFirstShowing(
                    digest,
                    a.href(),
                    "the PDF draws the SVG picture "
                        + a.href()
                        + " without "
                        + leftOut
                        + (leftOut == 1 ? " style rule" : " style rules")
                        + " its drawer cannot read; the EPUB keeps them"));
      }
    }
    Set<String> undrawable = SvgCheck.undrawable(digest, forBatik::get);
    for (String href : undrawable) {
      context
          .problems()
          .accept(
              warningAtFirstShowing(
                  digest,
                  href,
                  "the PDF cannot draw the SVG picture "
                      + href
                      + "; it shows a note pointing to the EPUB, which keeps the drawing"));
    }
    return undrawable;
  }

  /**
   * A warning about the picture {@code href}, at the post of the first article showing it; at no
   * file when none does (the cover).
   */
  private static Problem warningAtFirstShowing(Digest digest, String href, String message) {
    String src = "src=\"" + href + "\"";
    for (Article a : digest.articles()) {
      if (a.bodyXhtml().contains(src)) {
        Post post = a.post();
        return Problem.warning(post.file(), post.bodyLine(), message);
      }
    }
    return Problem.warning(null, 0, message);
  }

  /**
   * The PDF's own markup steps, after the page-break anchors are marked: simpler text, code lines,
   * Latin runs, Chinese paragraph ends, name lists, punctuation at inline edges.
   */
  /** Korean articles: justified at word spaces (the stylesheet). */
  static final String KOREAN_CLASS = "korean";

  static void typeset(org.jsoup.nodes.Document jsoupDoc, String pageSize, int columns) {
    PdfText.simplify(jsoupDoc);
    CodeLines.apply(jsoupDoc, measureEm(pageSize, columns));
    for (Element article : jsoupDoc.select("article")) {
      boolean cjk = article.hasClass("cjk");
      if (article.attr("lang").startsWith("ko")) {
        article.addClass(KOREAN_CLASS);
      }
      Elements bodies = article.select(".article-body");
      bodies.forEach(b -> LatinRuns.apply(b, cjk));
      bodies.forEach(ListMarkers::apply);
      if (cjk) {
        bodies.forEach(ParagraphEnds::apply);
      } else {
        bodies.forEach(NameLists::apply);
      }
    }
    if (PageSize.parseOrA5(pageSize).narrowMeasure()) {
      jsoupDoc.getElementsByTag("body").forEach(b -> b.addClass(NARROW_MEASURE_CLASS));
    }
    // A long unbreakable token in a contents entry breaks after its delimiters, not anywhere.
    jsoupDoc.select("nav.toc").forEach(toc -> LatinRuns.apply(toc, false));
    double measureEm = measureEm(pageSize, columns);
    for (Element body : jsoupDoc.getElementsByTag("body")) {
      InlineEdgePunctuation.apply(body);
      FirstLineIndent.apply(body);
      InlineCodeSpaces.apply(body);
      TableCells.apply(body);
      TableCells.fitWideTables(body, measureEm);
      TableCells.fitPictures(body, measureEm * BODY_EM_MM);
    }
  }

  /**
   * Builds the document in its own method so the HTML text and the jsoup tree are garbage before
   * layout starts: at 1,000 posts they are tens of megabytes that would otherwise stay reachable
   * from the caller's frame for the whole layout (peak memory is the PDF target's limit).
   */
  private static Prepared prepare(Digest digest, RenderContext context) throws IOException {
    String css = cssBeforeCover(context) + COVER_COLOUR_LATER;
    Set<String> undrawable = undrawableSvgs(digest, context);
    org.jsoup.nodes.Document jsoupDoc =
        Jsoup.parse(
            document(digest, css, coverPage(digest, context.effectivePageSize()), undrawable),
            "",
            Parser.xmlParser());
    PageBreakAnchors anchors =
        context.printedPages().wanted() ? PageBreakAnchors.mark(jsoupDoc) : null;
    typeset(jsoupDoc, context.effectivePageSize(), context.theme().columns());
    FontUsage usage = new FontUsage(css).add(jsoupDoc);
    SvgFonts svgFonts = SvgFonts.of(digest);
    svgFonts.addTo(usage);
    EmbeddedFonts fonts = fonts(usage, context, false);
    svgFonts.prepare(context, fonts);
    if (!fonts.missing().isEmpty()) {
      Map<String, Element> articles = new HashMap<>();
      for (Element e : jsoupDoc.select("article[id]")) {
        articles.put(e.id(), e);
      }
      MissingGlyphs.problems(
              fonts.missing(), digest.articles(), a -> articleText(articles.get(a.id()), svgFonts))
          .forEach(context.problems());
    }
    PdfText.boxMissingCharacters(jsoupDoc, fonts.missing());
    fillCoverColour(jsoupDoc, digest);
    return new Prepared(W3cCopy.of(jsoupDoc), fonts, svgFonts, anchors);
  }

  /**
   * The per-digest faces for what the document draws, the box for what none can draw.
   *
   * @param perFace true to give each face only what it draws (see {@link EmbeddedFonts#build})
   */
  static EmbeddedFonts fonts(FontUsage usage, RenderContext context, boolean perFace)
      throws IOException {
    for (FontRole role : FontRole.values()) {
      usage.add(role, Character.toString(Glyphs.BOX));
    }
    try {
      return EmbeddedFonts.build(context.theme(), usage, context.fonts(), perFace);
    } catch (FontSubsetter.UnsupportedFontException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /**
   * The text printed for an article, without the running header (the digest's title), with the text
   * of its drawings.
   */
  static String articleText(Element e, SvgFonts svgFonts) {
    if (e == null) {
      return "";
    }
    Element copy = e.clone();
    copy.select(".running-header").remove();
    StringBuilder text = new StringBuilder(copy.text());
    for (Element img : copy.select("img[src$=.svg]")) {
      text.append(' ').append(svgFonts.text(img.attr("src")));
    }
    return text.toString();
  }

  /** Fixes everything PDFBox would otherwise take from the clock or a random source. */
  static void stamp(PDDocument pdf, Digest digest) {
    Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    when.setTimeInMillis(digest.modified().toEpochMilli() / 1000 * 1000);
    PDDocumentInformation info = pdf.getDocumentInformation();
    describe(info, digest.metadata());
    info.setCreator("Gazette");
    info.setProducer("Gazette");
    info.setCreationDate(when);
    info.setModificationDate(when);
    pdf.getDocumentCatalog().setLanguage(Languages.publicationLanguage(digest.lang()));
    byte[] id = HexFormat.of().parseHex(Hashes.sha256Hex(digest.identifier()).substring(0, 32));
    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
  }

  /** What readers' libraries show, in the Info dictionary: the values of {@link Metadata}. */
  static void describe(PDDocumentInformation info, Metadata m) {
    info.setTitle(m.title());
    info.setAuthor(m.authorLine());
    info.setSubject(m.subject());
    info.setKeywords(m.keywordLine());
  }

  /** The body's size in {@code styles/pdf.css}, in millimetres (10.5pt). */
  private static final double BODY_EM_MM = 10.5 * 25.4 / 72;

  /** The width of a column of text, in ems of the body's text (a theme's own size aside). */
  static double measureEm(String pageSize, int columns) {
    int n = Math.max(1, columns);
    double mm = (PageSize.parseOrA5(pageSize).textWidthMm() - (n - 1) * COLUMN_GAP_MM) / n;
    return mm / BODY_EM_MM;
  }

  /** On {@code body} when the page's measure is narrow: pdf.css sets English ragged-right. */
  static final String NARROW_MEASURE_CLASS = "narrow-measure";

  static String pageCss(String pageSize, int columns) {
    PageSize page = PageSize.parseOrA5(pageSize);
    String margins = page.cssMargins().map(m -> "@page { margin: " + m + "; }\n").orElse("");
    String cols =
        columns > 1
            ? ".article-body { column-count: "
                + columns
                + "; column-gap: "
                + COLUMN_GAP_MM
                + "mm; }\n"
            : "";
    return "@page { size: "
        + page.cssSize()
        + "; }\n"
        + margins
        + cols
        + "img { max-height: "
        + page.imageMaxHeightMm()
        + "mm; }\n";
  }

  /** The cover picture on a page of its own, scaled to fit the page. */
  static String coverPage(Digest digest, String pageSize) {
    Asset cover = digest.cover();
    if (cover == null) {
      return "";
    }
    PageSize size = PageSize.parseOrA5(pageSize);
    double[] page = {size.widthMm(), size.heightMm()};
    // A little under the page height, so rounding never pushes the picture onto a second page.
    double scale = Math.min(page[0] / cover.width(), (page[1] - 1) / cover.height());
    String style =
        String.format(
            Locale.ROOT,
            "width: %.2fmm; height: %.2fmm; margin: %.2fmm 0 0 %.2fmm;",
            cover.width() * scale,
            cover.height() * scale,
            (page[1] - 1 - cover.height() * scale) / 2,
            (page[0] - cover.width() * scale) / 2);
    return "<div class=\"cover-page\"><img src=\""
        + Xml.escape(cover.href())
        + "\" style=\""
        + style
        + "\" alt=\""
        + Xml.escape(Labels.forLanguage(digest.lang()).cover() + ": " + digest.title())
        + "\"></img></div>\n";
  }

  /**
   * Where the cover picture does not fill the page (another shape), the page takes the colour of
   * the picture's top-left corner, so the cover reads as one piece.
   */
  static String coverBackgroundCss(Digest digest) {
    if (digest.cover() == null) {
      return "";
    }
    try {
      Integer corner = CornerPixel.of(digest.cover().bytes());
      if (corner == null) {
        return "";
      }
      return String.format(
          Locale.ROOT, "\n@page cover { background-color: #%06x; }\n", corner & 0xFFFFFF);
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * @param undrawableSvgs the {@code href}s of SVG pictures Batik cannot draw (see {@link
   *     SvgCheck}): they become a note
   */
  static String document(Digest digest, String css, String coverPage, Set<String> undrawableSvgs) {
    StringBuilder sb = new StringBuilder();
    head(digest, css, true, sb);
    sb.append(coverPage);
    frontMatter(digest, null, sb);
    for (Section s : digest.sections()) {
      articles(s, digest, undrawableSvgs, sb);
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** The document up to and including {@code <body>}: language, title, style, bookmarks. */
  static void head(Digest digest, String css, boolean bookmarks, StringBuilder sb) {
    String lang = Xml.escape(digest.lang());
    sb.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(lang)
        .append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\"></meta>\n<title>")
        .append(Xml.escape(digest.title()))
        .append("</title>\n")
        .append("<style>\n")
        .append(Xml.escape(css).replace("&quot;", "\""))
        .append("\n</style>\n");
    if (bookmarks) {
      sb.append("<bookmarks>\n");
      for (Section s : digest.sections()) {
        bookmarks(s, sb);
      }
      sb.append("</bookmarks>\n");
    }
    sb.append("</head>\n<body>\n");
  }

  /**
   * The masthead and the contents.
   *
   * @param pageNumbers the page number printed for an article's entry, or null to let {@code
   *     target-counter} find it (one document)
   */
  static void frontMatter(Digest digest, Function<Article, String> pageNumbers, StringBuilder sb) {
    Labels labels = Labels.forLanguage(digest.lang());
    sb.append(MastheadMarkup.masthead(digest, "", a -> "#" + a.id()));
    // A table, so a long title wraps beside its page number instead of pushing it to a line of its
    // own.
    sb.append("<nav class=\"toc\" id=\"toc\">\n<h1 class=\"toc-title\">")
        .append(Xml.escape(labels.contents()))
        .append("</h1>\n<table class=\"toc-table\">\n");
    for (Section s : digest.sections()) {
      tocSection(s, sb, 0, pageNumbers);
    }
    sb.append("</table>\n</nav>\n");
  }

  /** Every article in reading order, each with its running header: digest title and section. */
  static void articlesInOrder(Section s, Digest digest, BiConsumer<Article, String> each) {
    String label = s.title() == null ? digest.title() : digest.title() + " · " + s.title();
    String header = "<div class=\"running-header\">" + Xml.escape(label) + "</div>\n";
    for (Article a : s.articles()) {
      each.accept(a, header);
    }
    for (Section sub : s.subsections()) {
      articlesInOrder(sub, digest, each);
    }
  }

  /** An article's markup with its running header. */
  static String articleMarkup(Article a, Digest digest, String header, Set<String> undrawableSvgs) {
    // SVG is drawn as vectors (Batik); one it cannot draw is a note pointing to the EPUB.
    return SvgPlaceholders.replace(
        ArticleMarkup.article(a, digest, header), a.lang(), undrawableSvgs);
  }

  /** Articles of a section; each starts with the running header: digest title and section. */
  private static void articles(
      Section s, Digest digest, Set<String> undrawableSvgs, StringBuilder sb) {
    articlesInOrder(
        s, digest, (a, header) -> sb.append(articleMarkup(a, digest, header, undrawableSvgs)));
  }

  private static void bookmarks(Section s, StringBuilder sb) {
    if (s.title() != null && !s.allArticles().isEmpty()) {
      sb.append("<bookmark name=\"")
          .append(Xml.escape(s.title()))
          .append("\" href=\"#")
          .append(s.allArticles().get(0).id())
          .append("\">\n");
    }
    for (Article a : s.listedArticles()) {
      sb.append("<bookmark name=\"")
          .append(Xml.escape(a.title()))
          .append("\" href=\"#")
          .append(a.id())
          .append("\"></bookmark>\n");
    }
    for (Section sub : s.subsections()) {
      bookmarks(sub, sb);
    }
    if (s.title() != null && !s.allArticles().isEmpty()) {
      sb.append("</bookmark>\n");
    }
  }

  /**
   * Nested like the EPUB navigation document: a titled section is a row of its own and its entries
   * are indented one step ({@code toc-d1}..{@code toc-d4}).
   */
  private static void tocSection(
      Section s, StringBuilder sb, int depth, Function<Article, String> pageNumbers) {
    int inner = depth;
    if (s.title() != null) {
      if (s.allArticles().isEmpty()) {
        return;
      }
      sb.append("<tr><td class=\"toc-section toc-d")
          .append(Math.min(depth, 4))
          .append("\" colspan=\"2\"><a href=\"#")
          .append(s.allArticles().get(0).id())
          .append("\">")
          .append(Xml.escape(s.title()))
          .append("</a></td></tr>\n");
      inner = depth + 1;
    }
    for (Article a : s.title() != null ? s.listedArticles() : s.articles()) {
      sb.append("<tr class=\"toc-entry\"><td class=\"toc-text toc-d")
          .append(Math.min(inner, 4))
          .append("\"><a href=\"#")
          .append(a.id())
          .append("\">")
          .append(ContentsEntries.title(a.title()))
          .append("</a></td><td class=\"toc-page\"><a href=\"#")
          .append(a.id())
          .append("\">")
          .append(pageNumbers == null ? "" : Xml.escape(pageNumbers.apply(a)))
          .append("</a></td></tr>\n");
    }
    for (Section sub : s.subsections()) {
      tocSection(sub, sb, inner, pageNumbers);
    }
  }

  /**
   * Serves {@code gazette://digest/images/…} from the digest's assets, never from disk or network,
   * each picture sized for the page (see {@link PageImages}) when the renderer first asks for it.
   */
  static final class AssetStreams implements FSStreamFactory {
    private final Map<String, Asset> byUri = new HashMap<>();
    private final Map<String, byte[]> sized = new HashMap<>();
    private final String coverUri;
    private final PageImages pageImages;
    private final UnaryOperator<byte[]> svgForPdf;

    AssetStreams(Digest digest, PageImages pageImages, UnaryOperator<byte[]> svgForPdf) {
      this.pageImages = pageImages;
      this.svgForPdf = svgForPdf;
      for (Asset a : digest.assets()) {
        byUri.put(BASE_URI + a.href(), a);
      }
      coverUri = digest.cover() == null ? null : BASE_URI + digest.cover().href();
      if (coverUri != null) {
        byUri.put(coverUri, digest.cover());
      }
    }

    private synchronized byte[] bytes(String url) {
      Asset asset = byUri.get(url);
      if (asset == null) {
        return null;
      }
      return sized.computeIfAbsent(
          url,
          u ->
              u.equals(coverUri)
                  ? pageImages.forCover(asset)
                  : asset.href().endsWith(".svg")
                      ? svgForPdf.apply(forBatik(asset.bytes()).svg())
                      : pageImages.forArticle(asset));
    }

    @Override
    public FSStream getUrl(String url) {
      byte[] data = bytes(url);
      return new FSStream() {
        @Override
        public InputStream getStream() {
          return data == null ? null : new ByteArrayInputStream(data);
        }

        @Override
        public Reader getReader() {
          return data == null
              ? null
              : new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8);
        }
      };
    }
  }
}
