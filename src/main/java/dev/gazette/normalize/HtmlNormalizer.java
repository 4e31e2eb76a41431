package dev.gazette.normalize;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Turns the HTML of a post body into clean XHTML for a digest, by running small steps in order:
 * recover lazy images and embedded players (before sanitizing drops their attributes), sanitize,
 * flatten blocks, split paragraphs, figures and captions, sub-headings, headings, links, images,
 * header image, whitespace, ids. Stateless and thread-safe.
 */
public final class HtmlNormalizer {
  private final List<NormalizeStep> steps = List.of(
      new LazyImages(), new Embeds(), new Sanitize(), new Blocks(), new LineBreaks(), new LiteralEntities(),
      new Figures(), new SubHeadings(), new Headings(), new Links(), new Images(), new HeaderImage(),
      new Whitespace(), new Ids());

  /** Normalizes {@code html} and returns the body's XHTML (blocks only, no wrapper). */
  public String normalize(String html, NormalizeContext context) {
    Document doc = Jsoup.parseBodyFragment(html);
    Element body = doc.body();
    for (NormalizeStep step : steps) {
      step.apply(body, context);
    }
    return toXhtml(doc);
  }

  static String toXhtml(Document doc) {
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset("UTF-8")
        .prettyPrint(false);
    StringBuilder sb = new StringBuilder();
    for (Element block : doc.body().children()) {
      sb.append(block.outerHtml()).append('\n');
    }
    return sb.toString();
  }
}
