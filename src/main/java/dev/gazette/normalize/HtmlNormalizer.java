package dev.gazette.normalize;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Turns the HTML of a post body into clean XHTML for a digest, by running small steps in order:
 * limit nesting, recover lazy images and embedded players (before sanitizing drops their
 * attributes), sanitize, typeset TeX formulas, highlight code, flatten blocks, split paragraphs,
 * figures and captions, heading ids written as {@code {#id}}, links, sub-headings, headings,
 * images, header image, alt text, table headers, ids, whitespace (last, so what the other steps
 * empty is removed). Stateless and thread-safe.
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
    this(maxDepth, siteOrigin, PostLinks.NONE);
  }

  /**
   * As {@link #HtmlNormalizer(int, String)}; links to the files of {@code postLinks}' posts go to
   * their articles.
   */
  public HtmlNormalizer(int maxDepth, String siteOrigin, PostLinks postLinks) {
    this(maxDepth, siteOrigin, postLinks, SiteMarkup.PLAIN);
  }

  /**
   * As {@link #HtmlNormalizer(int, String, PostLinks)}; posts read as {@code site} showed them
   * (emoji short names, which front-matter keys name a header image).
   */
  public HtmlNormalizer(int maxDepth, String siteOrigin, PostLinks postLinks, SiteMarkup site) {
    HeaderImage headerImage = new HeaderImage(postLinks, site.headerImageKeys());
    this.steps =
        Stream.of(
                new DepthLimit(maxDepth),
                new DarkThemeImages(),
                new LazyImages(),
                new NoscriptImages(),
                new Embeds(),
                new Sanitize(),
                new Formulas(),
                new CodeHighlight(),
                new Blocks(),
                new LineBreaks(),
                new LiteralEntities(),
                new KangxiRadicals(),
                new CompatibilityIdeographs(),
                new IconShortcodes(),
                // After the icons: ":material-heart:" is no emoji, ":heart:" is
                site.emojiShortcodes() ? new EmojiShortcodes() : null,
                new Figures(),
                new HeadingIdAttributes(),
                // Links before the headings: a bold paragraph whose link becomes text is a
                // sub-heading, and only judged so on this pass when the link is gone.
                new Links(siteOrigin, postLinks),
                new SubHeadings(),
                new Headings(),
                new Images(postLinks, headerImage),
                headerImage,
                new AltText(),
                new TableHeaders(),
                new Ids(),
                new Directions(),
                new Whitespace(),
                // After Whitespace: a quote's spaces are the ones the article keeps
                new SmartPunctuation(),
                // Again last: the steps between may nest deeper (Blocks makes list items of a
                // list's divs), and the next pass would cut what this one left (found by the fuzz
                // test)
                new DepthLimit(maxDepth))
            .filter(Objects::nonNull)
            .toList();
  }

  /** Passes after the first that may be needed to reach a result that normalizing leaves alone. */
  private static final int MAX_EXTRA_PASSES = 2;

  /**
   * {@code title} with the typographic punctuation normalizing gives an article's text (curly
   * quotes, dashes, the ellipsis), for the title shown above that text and in the contents.
   */
  public static String typographicTitle(String title) {
    return SmartPunctuation.title(title);
  }

  /**
   * Normalizes {@code html} and returns the body's XHTML (blocks only, no wrapper). The result is
   * stable: normalizing it again gives it back.
   */
  public String normalize(String html, NormalizeContext context) {
    return normalize(Jsoup.parseBodyFragment(html), context);
  }

  /**
   * Normalizes a body already parsed by {@link Jsoup#parseBodyFragment(String)} (which this
   * changes), as {@link #normalize(String, NormalizeContext)} would normalize its HTML.
   *
   * <p>The steps leave their own output alone (NormalizeFixturesTest and HtmlNormalizerFuzzTest
   * check it), so one pass is enough when the HTML parser reads the result back as it is: that
   * costs a parse, where a second pass cost a parse and every step again. One judgement can still
   * change: a bold paragraph that held a link a later step removed (a link to no place in the post)
   * is a sub-heading once the link is gone, so such a result goes through the steps again.
   * Misnested markup ({@code <ol>} holding text, a paragraph holding a list) is moved around by the
   * parser each time it is read, so then the steps run again on their own output (silently:
   * problems and assets come from the first pass) until nothing changes, at most {@value
   * #MAX_EXTRA_PASSES} more times.
   */
  public String normalize(Document parsed, NormalizeContext context) {
    String out = pass(parsed, context);
    Document reread = Jsoup.parseBodyFragment(out);
    if (toXhtml(reread).equals(out) && !SubHeadings.anyIn(reread.body())) {
      return out;
    }
    for (int i = 0; i < MAX_EXTRA_PASSES; i++) {
      NormalizeContext silent =
          new NormalizeContext(
              context.post(),
              context.idPrefix(),
              context.title(),
              (post, src, problems) -> java.util.Optional.empty());
      String again = pass(reread, silent);
      if (again.equals(out)) {
        break;
      }
      out = again;
      reread = Jsoup.parseBodyFragment(out);
    }
    return out;
  }

  private String pass(Document doc, NormalizeContext context) {
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
