package dev.gazette.render.epub;

import dev.gazette.digest.ArticleLinks;
import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.Section;
import dev.gazette.render.ArticleMarkup;
import dev.gazette.render.DigestRenderer;
import dev.gazette.render.Labels;
import dev.gazette.render.MastheadMarkup;
import dev.gazette.render.PrintedPages;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.EmbeddedFonts;
import dev.gazette.typeset.FontFace;
import dev.gazette.typeset.FontSubsetter;
import dev.gazette.typeset.FontUsage;
import dev.gazette.typeset.Languages;
import dev.gazette.typeset.LatinMarks;
import dev.gazette.typeset.MissingGlyphs;
import dev.gazette.typeset.Theme;
import dev.gazette.util.Xml;
import dev.gazette.util.XmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an EPUB 3 with an EPUB 2 NCX for older readers: one XHTML file per article, a title page,
 * a navigation document, the theme's stylesheet, subset fonts and images. The layout follows what
 * e-readers are known to need (tests check each): mimetype first and stored, {@code dc:language}
 * set, {@code xml:lang} on every page, TTF as {@code font/ttf}, no font obfuscation.
 */
public final class EpubRenderer implements DigestRenderer {
  private static final String XHTML_HEAD =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n";

  @Override
  public Format format() {
    return Format.EPUB;
  }

  @Override
  public void render(Digest digest, RenderContext context, OutputStream out) throws IOException {
    Labels labels = Labels.forLanguage(digest.lang());
    // Waits for the PDF's layout when the same build writes one (its pages make the page list).
    PageMarkers markers = new PageMarkers(context.printedPages().await());
    Map<String, String> pages = new LinkedHashMap<>();
    if (digest.cover() != null) {
      pages.put("cover.xhtml", coverPage(digest, labels, markers));
    }
    pages.put("title.xhtml", titlePage(digest, labels, markers));
    String contentsMarker = markers.at(PrintedPages.CONTENTS, "nav.xhtml");
    Map<String, String> articlePages = new LinkedHashMap<>();
    for (Article a : digest.articles()) {
      articlePages.put(a.id() + ".xhtml", articlePage(a, digest, markers));
    }
    pages.put("nav.xhtml", navDocument(digest, labels, contentsMarker, markers));
    pages.putAll(articlePages);
    Theme theme = context.theme();
    String css = theme.css(Theme.Medium.EPUB);
    EmbeddedFonts fonts = null;
    if (context.embedFonts()) {
      FontUsage usage = new FontUsage(css);
      PageFonts.record(pages, usage);
      try {
        fonts = EmbeddedFonts.build(theme, usage, context.fonts(), true);
      } catch (FontSubsetter.UnsupportedFontException e) {
        throw new IOException(e.getMessage(), e);
      }
      css = fontFaces(fonts) + css;
    }

    try (DeterministicZip zip = new DeterministicZip(out)) {
      zip.stored("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII));
      zip.deflated(
          "META-INF/container.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
            <rootfiles>
              <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
            </rootfiles>
          </container>
          """);
      // Apple Books ignores embedded fonts unless asked to use them.
      zip.deflated(
          "META-INF/com.apple.ibooks.display-options.xml",
          """
          <?xml version="1.0" encoding="UTF-8"?>
          <display_options><platform name="*">\
          <option name="specified-fonts">true</option></platform></display_options>
          """);
      zip.deflated(
          "OEBPS/content.opf",
          packageDocument(digest, fonts, markers.any() ? context.printedPages().source() : null));
      zip.deflated("OEBPS/toc.ncx", ncx(digest, labels));
      for (Map.Entry<String, String> page : pages.entrySet()) {
        zip.deflated("OEBPS/" + page.getKey(), page.getValue());
      }
      zip.deflated("OEBPS/styles/gazette.css", css);
      if (fonts != null) {
        for (EmbeddedFonts.Subset s : fonts.subsets()) {
          zip.deflated("OEBPS/fonts/" + s.fileName(), s.data());
        }
      }
      if (digest.cover() != null) {
        zip.deflated("OEBPS/" + digest.cover().href(), digest.cover().bytes());
      }
      for (Asset asset : digest.assets()) {
        zip.deflated("OEBPS/" + asset.href(), asset.bytes());
      }
    }
    if (fonts != null) {
      MissingGlyphs.problems(
              fonts.missing(), digest.articles(), a -> PageFonts.articleText(pages, a.id()))
          .forEach(context.problems());
    }
  }

  private static String fontFaces(EmbeddedFonts fonts) {
    StringBuilder sb = new StringBuilder();
    for (EmbeddedFonts.Subset s : fonts.subsets()) {
      for (FontFace face : s.faces()) {
        sb.append("@font-face {\n  font-family: \"")
            .append(face.cssFamily())
            .append("\";\n")
            .append("  font-weight: ")
            .append(face.bold() ? "bold" : "normal")
            .append(";\n")
            .append("  font-style: normal;\n")
            .append("  src: url(\"../fonts/")
            .append(s.fileName())
            .append("\");\n}\n");
      }
    }
    return sb.toString();
  }

  private static String page(String lang, String title, String bodyClass, String body) {
    String l = Xml.escape(lang);
    return XHTML_HEAD
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
        + " lang=\""
        + l
        + "\" xml:lang=\""
        + l
        + "\">\n<head>\n<meta charset=\"utf-8\" />\n<title>"
        + Xml.escape(title)
        + "</title>\n"
        + "<link rel=\"stylesheet\" type=\"text/css\" href=\"styles/gazette.css\" />\n"
        + "</head>\n"
        + "<body"
        + (bodyClass.isEmpty() ? "" : " class=\"" + bodyClass + "\"")
        + ">\n"
        + body
        + "</body>\n</html>\n";
  }

  private static String titlePage(Digest digest, Labels labels, PageMarkers markers) {
    return page(
        digest.lang(),
        digest.title(),
        "",
        markers.at(PrintedPages.TITLE, "title.xhtml")
            + MastheadMarkup.masthead(digest, "epub:type=\"titlepage\"", a -> a.id() + ".xhtml"));
  }

  /**
   * The cover as a page of its own, first in the spine (readers that ignore cover metadata show
   * it).
   */
  private static String coverPage(Digest digest, Labels labels, PageMarkers markers) {
    String alt = labels.cover() + labels.separator() + digest.title();
    return page(
        digest.lang(),
        labels.cover(),
        "cover",
        markers.at(PrintedPages.COVER, "cover.xhtml")
            + "<section class=\"cover\" epub:type=\"cover\">\n<img src=\""
            + Xml.escape(digest.cover().href())
            + "\" alt=\""
            + Xml.escape(alt)
            + "\" />\n</section>\n");
  }

  private static String articlePage(Article article, Digest digest, PageMarkers markers) {
    String file = article.id() + ".xhtml";
    Article a = article;
    if (Languages.isCjk(a.lang())) {
      String body = LatinMarks.wrapInXhtml(a.bodyXhtml());
      if (!body.equals(a.bodyXhtml())) {
        a = new Article(a.id(), a.post(), a.title(), a.lang(), body, a.assets());
      }
    }
    return page(
        a.lang(),
        a.title(),
        "",
        markers.article(
            ArticleLinks.asFileLinks(ArticleMarkup.article(a, digest, "")), a.id(), file));
  }

  private static String navDocument(
      Digest digest, Labels labels, String contentsMarker, PageMarkers markers) {
    XmlWriter w = new XmlWriter();
    w.open("nav", "epub:type", "toc", "role", "doc-toc", "id", "toc", "class", "toc").nl();
    w.line("h1", labels.contents(), "class", "toc-title");
    w.open("ol").nl();
    for (Section s : digest.sections()) {
      navSection(s, w);
    }
    w.close("ol").nl().close("nav").nl();
    w.open("nav", "epub:type", "landmarks", "id", "landmarks", "hidden", "hidden").nl();
    w.open("ol").nl();
    if (digest.cover() != null) {
      navLink(w, "cover", "cover.xhtml", labels.cover());
    }
    navLink(w, "toc", "nav.xhtml", labels.contents());
    if (!digest.articles().isEmpty()) {
      Article first = digest.articles().get(0);
      navLink(w, "bodymatter", first.id() + ".xhtml", first.title());
    }
    w.close("ol").nl().close("nav").nl();
    markers.pageList(w);
    return page(digest.lang(), labels.contents(), "", contentsMarker + w.toString());
  }

  private static void navLink(XmlWriter w, String type, String href, String text) {
    w.open("li").open("a", "epub:type", type, "href", href).text(text).close("a").close("li").nl();
  }

  private static void navSection(Section s, XmlWriter w) {
    if (s.title() == null) {
      for (Article a : s.articles()) {
        navArticle(a, w);
      }
      for (Section sub : s.subsections()) {
        navSection(sub, w);
      }
      return;
    }
    List<Article> all = s.allArticles();
    if (all.isEmpty()) {
      return;
    }
    // The title is a link to the section's first page (its intro, when it has one).
    w.open("li", "class", "toc-section").open("a", "href", all.get(0).id() + ".xhtml");
    w.text(s.title()).close("a").nl();
    if (all.size() == 1 && s.opensWithIntro()) {
      w.close("li").nl();
      return;
    }
    w.open("ol").nl();
    for (Article a : s.listedArticles()) {
      navArticle(a, w);
    }
    for (Section sub : s.subsections()) {
      navSection(sub, w);
    }
    w.close("ol").nl().close("li").nl();
  }

  private static void navArticle(Article a, XmlWriter w) {
    w.open("li", "class", "toc-entry").open("a", "href", a.id() + ".xhtml");
    w.text(a.title()).close("a").close("li").nl();
  }

  private static String ncx(Digest digest, Labels labels) {
    XmlWriter w = new XmlWriter().declaration();
    w.open(
            "ncx",
            "xmlns",
            "http://www.daisy.org/z3986/2005/ncx/",
            "version",
            "2005-1",
            "xml:lang",
            Languages.publicationLanguage(digest.lang()))
        .nl();
    w.open("head").nl();
    w.empty("meta", "name", "dtb:uid", "content", identifier(digest)).nl();
    w.empty("meta", "name", "dtb:depth", "content", depth(digest.sections())).nl();
    w.empty("meta", "name", "dtb:totalPageCount", "content", 0).nl();
    w.empty("meta", "name", "dtb:maxPageNumber", "content", 0).nl();
    w.close("head").nl();
    w.open("docTitle").open("text").text(digest.title()).close("text").close("docTitle").nl();
    w.open("navMap").nl();
    int[] order = {0};
    for (Section s : digest.sections()) {
      ncxSection(s, w, order);
    }
    w.close("navMap").nl().close("ncx").nl();
    return w.toString();
  }

  private static void ncxSection(Section s, XmlWriter w, int[] order) {
    if (s.title() == null) {
      s.articles().forEach(a -> ncxPoint(a, w, order));
      s.subsections().forEach(sub -> ncxSection(sub, w, order));
      return;
    }
    List<Article> all = s.allArticles();
    if (all.isEmpty()) {
      return;
    }
    order[0]++;
    ncxPointStart(w, "nav-" + s.id(), order[0], s.title(), all.get(0).id());
    // The section shares its first article's file, so that article takes the same play order.
    boolean first = !s.opensWithIntro();
    for (Article a : s.listedArticles()) {
      if (first) {
        order[0]--;
        first = false;
      }
      ncxPoint(a, w, order);
    }
    if (first && !s.opensWithIntro()) {
      order[0]--;
    }
    for (Section sub : s.subsections()) {
      ncxSection(sub, w, order);
    }
    w.close("navPoint").nl();
  }

  private static void ncxPoint(Article a, XmlWriter w, int[] order) {
    order[0]++;
    ncxPointStart(w, "nav-" + a.id(), order[0], a.title(), a.id());
    w.close("navPoint").nl();
  }

  private static void ncxPointStart(XmlWriter w, String id, int order, String label, String file) {
    w.open("navPoint", "id", id, "playOrder", order).nl();
    w.open("navLabel").open("text").text(label).close("text").close("navLabel").nl();
    w.empty("content", "src", file + ".xhtml").nl();
  }

  private static int depth(List<Section> sections) {
    int max = 1;
    for (Section s : sections) {
      int d =
          (s.title() == null ? 0 : 1)
              + Math.max(s.articles().isEmpty() ? 0 : 1, depth(s.subsections()));
      max = Math.max(max, d);
    }
    return max;
  }

  static String identifier(Digest digest) {
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes(digest.identifier().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param pageBreakSource the PDF edition the page list follows, or null without a page list
   */
  private static String packageDocument(
      Digest digest, EmbeddedFonts fonts, String pageBreakSource) {
    String lang = Languages.publicationLanguage(digest.lang());
    String modified =
        DateTimeFormatter.ISO_INSTANT.format(digest.modified().truncatedTo(ChronoUnit.SECONDS));
    boolean hasImages = !digest.assets().isEmpty() || digest.cover() != null;
    boolean allAlt = digest.articles().stream().allMatch(a -> !a.bodyXhtml().contains("alt=\"\""));
    XmlWriter w = new XmlWriter().declaration();
    w.open(
            "package",
            "xmlns",
            "http://www.idpf.org/2007/opf",
            "version",
            "3.0",
            "unique-identifier",
            "bookid",
            "xml:lang",
            lang)
        .nl();
    w.open("metadata", "xmlns:dc", "http://purl.org/dc/elements/1.1/").nl();
    w.line("dc:identifier", identifier(digest), "id", "bookid");
    w.line("dc:title", digest.title());
    w.line("dc:language", lang);
    PackageMetadata.write(w, digest.metadata());
    if (!digest.undated()) {
      // Readers' libraries show it as the publication date: none rather than a made-up one.
      w.line("dc:date", digest.modified().atZone(digest.zone()).toLocalDate());
    }
    if (!digest.subtitle().isEmpty()) {
      w.line("dc:description", digest.subtitle());
    }
    if (digest.cover() != null) {
      // EPUB 2 readers (and Kindle) find the cover only through this meta.
      w.empty("meta", "name", "cover", "content", "cover-image").nl();
    }
    w.line("meta", modified, "property", "dcterms:modified");
    accessibility(w, hasImages, allAlt, pageBreakSource);
    w.close("metadata").nl();
    w.open("manifest").nl();
    String xhtml = "application/xhtml+xml";
    w.empty("item", "id", "nav", "href", "nav.xhtml", "media-type", xhtml, "properties", "nav")
        .nl();
    w.empty("item", "id", "ncx", "href", "toc.ncx", "media-type", "application/x-dtbncx+xml").nl();
    w.empty("item", "id", "title", "href", "title.xhtml", "media-type", xhtml).nl();
    if (digest.cover() != null) {
      w.empty("item", "id", "cover", "href", "cover.xhtml", "media-type", xhtml).nl();
      w.empty(
              "item",
              "id",
              "cover-image",
              "href",
              digest.cover().href(),
              "media-type",
              digest.cover().mediaType(),
              "properties",
              "cover-image")
          .nl();
    }
    w.empty("item", "id", "css", "href", "styles/gazette.css", "media-type", "text/css").nl();
    for (Article a : digest.articles()) {
      w.empty("item", "id", a.id(), "href", a.id() + ".xhtml", "media-type", xhtml).nl();
    }
    if (fonts != null) {
      for (EmbeddedFonts.Subset s : fonts.subsets()) {
        String id = "font-" + s.fileName().replace(".ttf", "");
        w.empty("item", "id", id, "href", "fonts/" + s.fileName(), "media-type", "font/ttf").nl();
      }
    }
    for (Asset asset : digest.assets()) {
      String id = "img-" + asset.href().substring("images/".length()).replace('.', '-');
      w.empty("item", "id", id, "href", asset.href(), "media-type", asset.mediaType()).nl();
    }
    w.close("manifest").nl();
    w.open("spine", "toc", "ncx").nl();
    if (digest.cover() != null) {
      w.empty("itemref", "idref", "cover").nl();
    }
    w.empty("itemref", "idref", "title").nl();
    w.empty("itemref", "idref", "nav").nl();
    for (Article a : digest.articles()) {
      w.empty("itemref", "idref", a.id()).nl();
    }
    w.close("spine").nl().close("package").nl();
    return w.toString();
  }

  /**
   * Accessibility metadata (EPUB Accessibility 1.1, schema.org terms), stating only what the
   * renderer guarantees: text in reading order, a navigable contents, text alternatives on every
   * picture, links underlined, a page list when the PDF edition is built alongside. No {@code
   * dcterms:conformsTo}: a WCAG 2.1 AA claim covers the posts' own content (meaningful alt text,
   * heading order, colour contrast of what authors wrote), which no test of ours can vouch for.
   */
  private static void accessibility(
      XmlWriter w, boolean hasImages, boolean allAlt, String pageBreakSource) {
    w.line("meta", "textual", "property", "schema:accessMode");
    if (hasImages) {
      w.line("meta", "visual", "property", "schema:accessMode");
    }
    // Alt text says what a picture shows only where the post describes it (alt, title, caption);
    // otherwise it names the article, so pictures alone do not make text sufficient.
    w.line(
        "meta",
        hasImages ? "textual,visual" : "textual",
        "property",
        "schema:accessModeSufficient");
    List<String> features =
        new java.util.ArrayList<>(
            List.of(
                "structuralNavigation",
                "tableOfContents",
                "readingOrder",
                "displayTransformability"));
    if (hasImages && allAlt) {
      features.add("alternativeText");
    }
    if (pageBreakSource != null) {
      features.add("pageBreakMarkers");
      features.add("printPageNumbers");
    }
    for (String f : features) {
      w.line("meta", f, "property", "schema:accessibilityFeature");
    }
    w.line("meta", "none", "property", "schema:accessibilityHazard");
    StringBuilder summary =
        new StringBuilder(
            "A digest of articles in reading order, with a navigable table of contents and"
                + " landmarks; links are underlined; every picture has a text alternative (the"
                + " author's description or caption where the post gives one, else the article's"
                + " title).");
    if (pageBreakSource != null) {
      summary
          .append(" Page break markers follow the PDF edition ")
          .append(pageBreakSource)
          .append('.');
    }
    w.line("meta", summary, "property", "schema:accessibilitySummary", "xml:lang", "en");
    if (pageBreakSource != null) {
      w.line("meta", pageBreakSource, "property", "pageBreakSource");
    }
  }
}
