package dev.gazette.render.html;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Format;
import dev.gazette.model.Section;
import dev.gazette.render.ArticleMarkup;
import dev.gazette.render.DigestRenderer;
import dev.gazette.render.Labels;
import dev.gazette.render.MastheadMarkup;
import dev.gazette.render.RenderContext;
import dev.gazette.typeset.Theme;
import dev.gazette.util.Hrefs;
import dev.gazette.util.Xml;
import dev.gazette.util.XmlWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Writes the HTML edition: one HTML5 page holding the whole digest (a header, the contents, then
 * every article), its stylesheet inline, its pictures in a sibling folder. The articles are the
 * same XHTML the EPUB carries ({@link ArticleMarkup}), already sanitized by the normalizer; this
 * renderer only points their pictures at the folder and writes them in HTML syntax. Links inside
 * the page are {@code #a007} anchors, the article ids.
 *
 * <p>The page holds no time but the digest's own (the newest post), so it is byte-identical across
 * runs.
 */
public final class HtmlRenderer implements DigestRenderer {
  private static final String ASSET_PREFIX = "images/";

  private final String imageFolder;

  /**
   * @param imageFolder the name of the folder beside the page that holds its pictures, e.g. {@code
   *     news-2021-W26-images}
   */
  public HtmlRenderer(String imageFolder) {
    this.imageFolder = imageFolder;
  }

  @Override
  public Format format() {
    return Format.HTML;
  }

  @Override
  public void render(Digest digest, RenderContext context, OutputStream out) throws IOException {
    out.write(
        page(digest, context.theme().css(Theme.Medium.HTML)).getBytes(StandardCharsets.UTF_8));
  }

  /** The complete page. */
  String page(Digest digest, String css) {
    Labels labels = Labels.forLanguage(digest.lang());
    StringBuilder body = new StringBuilder();
    body.append(header(digest, labels));
    body.append(contents(digest, labels));
    body.append("<main>\n");
    String back =
        "<p class=\"to-contents\"><a href=\"#toc\">↑ "
            + Xml.escape(labels.contents())
            + "</a></p>\n";
    for (Article a : digest.articles()) {
      String markup = ArticleMarkup.article(a, digest, "");
      // The back link goes inside the article, before its end tag.
      int end = markup.lastIndexOf("</article>");
      body.append(markup, 0, end).append(back).append(markup.substring(end));
    }
    body.append("</main>\n");

    Document doc = Jsoup.parseBodyFragment(body.toString());
    for (Element el : doc.body().getAllElements()) {
      toHtmlAttributes(el);
    }
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.html)
        .escapeMode(Entities.EscapeMode.base)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);

    String lang = Xml.escape(digest.lang());
    String modified =
        DateTimeFormatter.ISO_INSTANT.format(digest.modified().truncatedTo(ChronoUnit.SECONDS));
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n");
    sb.append("<meta charset=\"utf-8\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(Xml.escape(digest.title())).append("</title>\n");
    // Read back by `gazette publish` when a digest has no EPUB beside its page.
    sb.append("<meta name=\"dcterms.identifier\" content=\"")
        .append(identifier(digest))
        .append("\">\n");
    sb.append("<meta name=\"dcterms.modified\" content=\"").append(modified).append("\">\n");
    if (!digest.subtitle().isEmpty()) {
      sb.append("<meta name=\"description\" content=\"")
          .append(Xml.escape(digest.subtitle()))
          .append("\">\n");
    }
    sb.append("<style>\n").append(inlineCss(css)).append("\n</style>\n");
    sb.append("</head>\n<body>\n");
    sb.append(doc.body().html());
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** The same identifier as the EPUB's {@code dc:identifier}: both files are one digest. */
  static String identifier(Digest digest) {
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes(digest.identifier().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A stylesheet that cannot end its {@code <style>} element early, whatever the user's extra CSS
   * holds: {@code </} becomes {@code <\/}, the same characters to a CSS parser.
   */
  static String inlineCss(String css) {
    return css.replace("</", "<\\/");
  }

  /**
   * XHTML-only attributes go ({@code xml:lang} beside {@code lang}, namespaces); pictures point
   * into the page's image folder.
   */
  private void toHtmlAttributes(Element el) {
    for (Attribute a : List.copyOf(el.attributes().asList())) {
      String key = a.getKey();
      if (key.startsWith("xml:") || key.startsWith("xmlns") || key.startsWith("epub:")) {
        el.removeAttr(key);
      } else if ((key.equals("src") || key.equals("href"))
          && a.getValue().startsWith(ASSET_PREFIX)) {
        el.attr(
            key, Hrefs.segment(imageFolder) + "/" + a.getValue().substring(ASSET_PREFIX.length()));
      }
    }
  }

  /** Title, issue, date range and counts: the masthead without its list of headlines. */
  private static String header(Digest digest, Labels labels) {
    StringBuilder sb = new StringBuilder("<header class=\"digest-header masthead\">\n");
    MastheadMarkup.appendTitleBlock(sb, digest, labels);
    sb.append("</header>\n");
    return sb.toString();
  }

  /** The contents, nested like the EPUB's navigation document, each entry an in-page link. */
  private static String contents(Digest digest, Labels labels) {
    XmlWriter w = new XmlWriter();
    w.open("nav", "class", "toc", "id", "toc", "aria-labelledby", "toc-title").nl();
    w.line("h2", labels.contents(), "class", "toc-title", "id", "toc-title");
    w.open("ol").nl();
    for (Section s : digest.sections()) {
      section(s, w);
    }
    w.close("ol").nl().close("nav").nl();
    return w.toString();
  }

  private static void section(Section s, XmlWriter w) {
    if (s.title() == null) {
      s.articles().forEach(a -> entry(a, w));
      s.subsections().forEach(sub -> section(sub, w));
      return;
    }
    List<Article> all = s.allArticles();
    if (all.isEmpty()) {
      return;
    }
    w.open("li", "class", "toc-section").open("a", "href", "#" + all.get(0).id());
    w.text(s.title()).close("a").nl();
    if (all.size() == 1 && s.opensWithIntro()) {
      w.close("li").nl();
      return;
    }
    w.open("ol").nl();
    s.listedArticles().forEach(a -> entry(a, w));
    s.subsections().forEach(sub -> section(sub, w));
    w.close("ol").nl().close("li").nl();
  }

  private static void entry(Article a, XmlWriter w) {
    w.open("li", "class", "toc-entry").open("a", "href", "#" + a.id());
    w.text(a.title()).close("a").close("li").nl();
  }
}
