package dev.gazette.normalize;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Turns the HTML of a post body into clean XHTML for a digest, by running small steps in order:
 * limit nesting, recover lazy images and embedded players (before sanitizing drops their
 * attributes), sanitize, highlight code, flatten blocks, split paragraphs, figures and captions,
 * sub-headings, headings, links, images, header image, alt text, table headers, ids, whitespace
 * (last, so what the other steps empty is removed). Stateless and thread-safe.
 */
public final class HtmlNormalizer {
  /** Nesting kept by {@link #HtmlNormalizer()}; see {@code Limits}. */
  public static final int DEFAULT_MAX_DEPTH = 100;

  private final List<NormalizeStep> steps;

  public HtmlNormalizer() {
    this(DEFAULT_MAX_DEPTH, null);
  }

  /**
   * @param maxDepth elements nested deeper are flattened to text before any other step
   * @param siteOrigin the blog's origin ({@code https://example.org}) that links to {@code /path}
   *     go to, or null when it is not known (such links become text)
   */
  public HtmlNormalizer(int maxDepth, String siteOrigin) {
    this.steps =
        List.of(
            new DepthLimit(maxDepth),
            new LazyImages(),
            new Embeds(),
            new Sanitize(),
            new CodeHighlight(),
            new Blocks(),
            new LineBreaks(),
            new LiteralEntities(),
            new Figures(),
            new SubHeadings(),
            new Headings(),
            new Links(siteOrigin),
            new Images(),
            new HeaderImage(),
            new AltText(),
            new TableHeaders(),
            new Ids(),
            new Whitespace());
  }

  /** Passes after the first that may be needed to reach a result that normalizing leaves alone. */
  private static final int MAX_EXTRA_PASSES = 2;

  /**
   * Normalizes {@code html} and returns the body's XHTML (blocks only, no wrapper). The result is
   * stable: normalizing it again gives it back. Misnested markup ({@code <ol>} holding text, a
   * paragraph holding a list) is moved around by the HTML parser each time it is read, so the steps
   * run again on their own output (silently: problems and assets come from the first pass) until
   * nothing changes, at most {@value #MAX_EXTRA_PASSES} more times.
   */
  public String normalize(String html, NormalizeContext context) {
    String out = pass(html, context);
    for (int i = 0; i < MAX_EXTRA_PASSES; i++) {
      NormalizeContext silent =
          new NormalizeContext(
              context.post(),
              context.idPrefix(),
              context.title(),
              (post, src, problems) -> java.util.Optional.empty());
      String again = pass(out, silent);
      if (again.equals(out)) {
        break;
      }
      out = again;
    }
    return out;
  }

  private String pass(String html, NormalizeContext context) {
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
