package dev.gazette.render.epub;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import dev.gazette.render.ArticleMarkup;
import dev.gazette.render.DigestRenderer;
import dev.gazette.render.Labels;
import dev.gazette.render.MastheadMarkup;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.EmbeddedFonts;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontSubsetter;
import dev.gazette.typeset.FontUsage;
import dev.gazette.typeset.Languages;
import dev.gazette.typeset.Theme;
import dev.gazette.util.Xml;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Writes an EPUB 3 with an EPUB 2 NCX for older readers: one XHTML file per article, a title page,
 * a navigation document, the theme's stylesheet, subset fonts and images. The layout follows what
 * e-readers are known to need (see FINDINGS.md): mimetype first and stored, {@code dc:language}
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
    Map<String, String> pages = new LinkedHashMap<>();
    if (digest.cover() != null) {
      pages.put("cover.xhtml", coverPage(digest, labels));
    }
    pages.put("title.xhtml", titlePage(digest, labels));
    pages.put("nav.xhtml", navDocument(digest, labels));
    for (Article a : digest.articles()) {
      pages.put(a.id() + ".xhtml", articlePage(a, digest));
    }
    Theme theme = context.theme();
    String css = theme.css(Theme.Medium.EPUB);
    EmbeddedFonts fonts = null;
    if (context.embedFonts()) {
      FontUsage usage = new FontUsage(css);
      for (String page : pages.values()) {
        usage.add(Jsoup.parse(page, "", Parser.xmlParser()));
      }
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
          <display_options><platform name="*"><option name="specified-fonts">true</option></platform></display_options>
          """);
      zip.deflated("OEBPS/content.opf", packageDocument(digest, fonts));
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
    if (fonts != null && !fonts.missing().isEmpty()) {
      context
          .problems()
          .accept(
              Problem.warning(
                  null,
                  0,
                  "no font has a glyph for "
                      + EmbeddedFonts.describe(fonts.missing())
                      + dev.gazette.render.GlyphPosts.in(digest, fonts.missing())
                      + "; readers will substitute their own"));
    }
  }

  private static String fontFaces(EmbeddedFonts fonts) {
    StringBuilder sb = new StringBuilder();
    for (FontRole role : FontRole.values()) {
      EmbeddedFonts.Subset s = fonts.forRole(role);
      sb.append("@font-face {\n  font-family: \"")
          .append(role.cssFamily())
          .append("\";\n")
          .append("  font-weight: ")
          .append(role.weight() >= 700 ? "bold" : "normal")
          .append(";\n")
          .append("  font-style: normal;\n")
          .append("  src: url(\"../fonts/")
          .append(s.fileName())
          .append("\");\n}\n");
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

  private static String titlePage(Digest digest, Labels labels) {
    return page(
        digest.lang(),
        digest.title(),
        "",
        MastheadMarkup.masthead(digest, "epub:type=\"titlepage\"", a -> a.id() + ".xhtml"));
  }

  /**
   * The cover as a page of its own, first in the spine (readers that ignore cover metadata show
   * it).
   */
  private static String coverPage(Digest digest, Labels labels) {
    String alt = labels.cover() + labels.separator() + digest.title();
    return page(
        digest.lang(),
        labels.cover(),
        "cover",
        "<section class=\"cover\" epub:type=\"cover\">\n<img src=\""
            + Xml.escape(digest.cover().href())
            + "\" alt=\""
            + Xml.escape(alt)
            + "\" />\n</section>\n");
  }

  private static String articlePage(Article a, Digest digest) {
    return page(a.lang(), a.title(), "", ArticleMarkup.article(a, digest, ""));
  }

  private static String navDocument(Digest digest, Labels labels) {
    StringBuilder body = new StringBuilder();
    body.append("<nav epub:type=\"toc\" id=\"toc\" class=\"toc\">\n<h1 class=\"toc-title\">")
        .append(Xml.escape(labels.contents()))
        .append("</h1>\n<ol>\n");
    for (Section s : digest.sections()) {
      navSection(s, body);
    }
    body.append("</ol>\n</nav>\n");
    body.append("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<ol>\n")
        .append(
            digest.cover() == null
                ? ""
                : "<li><a epub:type=\"cover\" href=\"cover.xhtml\">"
                    + Xml.escape(labels.cover())
                    + "</a></li>\n")
        .append("<li><a epub:type=\"toc\" href=\"nav.xhtml\">")
        .append(Xml.escape(labels.contents()))
        .append("</a></li>\n");
    if (!digest.articles().isEmpty()) {
      body.append("<li><a epub:type=\"bodymatter\" href=\"")
          .append(digest.articles().get(0).id())
          .append(".xhtml\">")
          .append(Xml.escape(digest.articles().get(0).title()))
          .append("</a></li>\n");
    }
    body.append("</ol>\n</nav>\n");
    return page(digest.lang(), labels.contents(), "", body.toString());
  }

  private static void navSection(Section s, StringBuilder body) {
    if (s.title() == null) {
      for (Article a : s.articles()) {
        navArticle(a, body);
      }
      for (Section sub : s.subsections()) {
        navSection(sub, body);
      }
      return;
    }
    List<Article> all = s.allArticles();
    if (all.isEmpty()) {
      return;
    }
    // The title is a link to the section's first page (its intro, when it has one).
    body.append("<li class=\"toc-section\"><a href=\"")
        .append(all.get(0).id())
        .append(".xhtml\">")
        .append(Xml.escape(s.title()))
        .append("</a>\n");
    if (all.size() == 1 && s.opensWithIntro()) {
      body.append("</li>\n");
      return;
    }
    body.append("<ol>\n");
    for (Article a : s.listedArticles()) {
      navArticle(a, body);
    }
    for (Section sub : s.subsections()) {
      navSection(sub, body);
    }
    body.append("</ol>\n</li>\n");
  }

  private static void navArticle(Article a, StringBuilder body) {
    body.append("<li class=\"toc-entry\"><a href=\"")
        .append(a.id())
        .append(".xhtml\">")
        .append(Xml.escape(a.title()))
        .append("</a></li>\n");
  }

  private static String ncx(Digest digest, Labels labels) {
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\" xml:lang=\"")
        .append(Xml.escape(Languages.publicationLanguage(digest.lang())))
        .append("\">\n<head>\n")
        .append("<meta name=\"dtb:uid\" content=\"")
        .append(identifier(digest))
        .append("\"/>\n")
        .append("<meta name=\"dtb:depth\" content=\"")
        .append(depth(digest.sections()))
        .append("\"/>\n")
        .append(
            "<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n"
                + "<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n")
        .append("</head>\n<docTitle><text>")
        .append(Xml.escape(digest.title()))
        .append("</text></docTitle>\n<navMap>\n");
    int[] order = {0};
    for (Section s : digest.sections()) {
      ncxSection(s, sb, order);
    }
    sb.append("</navMap>\n</ncx>\n");
    return sb.toString();
  }

  private static void ncxSection(Section s, StringBuilder sb, int[] order) {
    if (s.title() == null) {
      s.articles().forEach(a -> ncxPoint(a, sb, order));
      s.subsections().forEach(sub -> ncxSection(sub, sb, order));
      return;
    }
    List<Article> all = s.allArticles();
    if (all.isEmpty()) {
      return;
    }
    order[0]++;
    sb.append("<navPoint id=\"nav-")
        .append(s.id())
        .append("\" playOrder=\"")
        .append(order[0])
        .append("\">\n")
        .append("<navLabel><text>")
        .append(Xml.escape(s.title()))
        .append("</text></navLabel>\n")
        .append("<content src=\"")
        .append(all.get(0).id())
        .append(".xhtml\"/>\n");
    // The section shares its first article's file, so that article takes the same play order.
    boolean first = !s.opensWithIntro();
    for (Article a : s.listedArticles()) {
      if (first) {
        order[0]--;
        first = false;
      }
      ncxPoint(a, sb, order);
    }
    if (first && !s.opensWithIntro()) {
      order[0]--;
    }
    for (Section sub : s.subsections()) {
      ncxSection(sub, sb, order);
    }
    sb.append("</navPoint>\n");
  }

  private static void ncxPoint(Article a, StringBuilder sb, int[] order) {
    order[0]++;
    sb.append("<navPoint id=\"nav-")
        .append(a.id())
        .append("\" playOrder=\"")
        .append(order[0])
        .append("\">\n")
        .append("<navLabel><text>")
        .append(Xml.escape(a.title()))
        .append("</text></navLabel>\n")
        .append("<content src=\"")
        .append(a.id())
        .append(".xhtml\"/>\n</navPoint>\n");
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

  private static String packageDocument(Digest digest, EmbeddedFonts fonts) {
    String lang = Languages.publicationLanguage(digest.lang());
    String modified =
        DateTimeFormatter.ISO_INSTANT.format(digest.modified().truncatedTo(ChronoUnit.SECONDS));
    boolean hasImages = !digest.assets().isEmpty();
    boolean allAlt = digest.articles().stream().allMatch(a -> !a.bodyXhtml().contains("alt=\"\""));
    StringBuilder sb = new StringBuilder();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append(
            "<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\""
                + " unique-identifier=\"bookid\" xml:lang=\"")
        .append(Xml.escape(lang))
        .append("\">\n")
        .append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        .append("<dc:identifier id=\"bookid\">")
        .append(identifier(digest))
        .append("</dc:identifier>\n")
        .append("<dc:title>")
        .append(Xml.escape(digest.title()))
        .append("</dc:title>\n")
        .append("<dc:language>")
        .append(Xml.escape(lang))
        .append("</dc:language>\n")
        .append("<dc:creator>Gazette</dc:creator>\n")
        .append("<dc:date>")
        .append(digest.modified().atZone(digest.zone()).toLocalDate())
        .append("</dc:date>\n");
    if (!digest.subtitle().isEmpty()) {
      sb.append("<dc:description>")
          .append(Xml.escape(digest.subtitle()))
          .append("</dc:description>\n");
    }
    if (digest.cover() != null) {
      // EPUB 2 readers (and Kindle) find the cover only through this meta.
      sb.append("<meta name=\"cover\" content=\"cover-image\"/>\n");
    }
    sb.append("<meta property=\"dcterms:modified\">")
        .append(modified)
        .append("</meta>\n")
        .append("<meta property=\"schema:accessMode\">textual</meta>\n");
    if (hasImages) {
      sb.append("<meta property=\"schema:accessMode\">visual</meta>\n");
    }
    sb.append("<meta property=\"schema:accessModeSufficient\">textual</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n")
        .append("<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n");
    if (hasImages && allAlt) {
      sb.append("<meta property=\"schema:accessibilityFeature\">alternativeText</meta>\n");
    }
    sb.append("<meta property=\"schema:accessibilityHazard\">none</meta>\n")
        .append("<meta property=\"schema:accessibilitySummary\">")
        .append(
            "A digest of articles with a navigable table of contents; text in reading"
                + " order.</meta>\n")
        .append("</metadata>\n<manifest>\n")
        .append(
            "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\""
                + " properties=\"nav\"/>\n")
        .append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n")
        .append("<item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n")
        .append(
            digest.cover() == null
                ? ""
                : "<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
                    + "<item id=\"cover-image\" href=\""
                    + Xml.escape(digest.cover().href())
                    + "\" media-type=\""
                    + digest.cover().mediaType()
                    + "\" properties=\"cover-image\"/>\n")
        .append("<item id=\"css\" href=\"styles/gazette.css\" media-type=\"text/css\"/>\n");
    for (Article a : digest.articles()) {
      sb.append("<item id=\"")
          .append(a.id())
          .append("\" href=\"")
          .append(a.id())
          .append(".xhtml\" media-type=\"application/xhtml+xml\"/>\n");
    }
    if (fonts != null) {
      for (EmbeddedFonts.Subset s : fonts.subsets()) {
        sb.append("<item id=\"font-")
            .append(s.fileName().replace(".ttf", ""))
            .append("\" href=\"fonts/")
            .append(s.fileName())
            .append("\" media-type=\"font/ttf\"/>\n");
      }
    }
    for (Asset asset : digest.assets()) {
      sb.append("<item id=\"img-")
          .append(asset.href().substring("images/".length()).replace('.', '-'))
          .append("\" href=\"")
          .append(asset.href())
          .append("\" media-type=\"")
          .append(asset.mediaType())
          .append("\"/>\n");
    }
    sb.append("</manifest>\n<spine toc=\"ncx\">\n");
    if (digest.cover() != null) {
      sb.append("<itemref idref=\"cover\"/>\n");
    }
    sb.append("<itemref idref=\"title\"/>\n<itemref idref=\"nav\"/>\n");
    for (Article a : digest.articles()) {
      sb.append("<itemref idref=\"").append(a.id()).append("\"/>\n");
    }
    sb.append("</spine>\n</package>\n");
    return sb.toString();
  }
}
