package dev.gazette.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.util.Cjk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Markdown to HTML: CommonMark with GFM tables, strikethrough, autolinks and footnotes, definition
 * lists (a term, then {@code : definition}: Hugo's Goldmark, kramdown and pandoc read them; Yihui
 * Xie's posts date their updates so, 52 of them), raw HTML passed through; kramdown's block
 * attribute lists are markup, not text; emphasis next to CJK text as the CJK-friendly amendment has
 * it; TeX formulas between dollars ({@link MathSyntax}). Thread-safe; flexmark stays behind this
 * class.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  /** Tags that hold raw HTML children rather than text: they start a block of raw HTML. */
  static final List<String> EMBEDDED_CONTENT =
      List.of(
          "video",
          "audio",
          "picture",
          "object",
          "embed",
          "svg",
          "math",
          "canvas",
          "noscript",
          "template",
          "map");

  public MarkdownRenderer() {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            TablesExtension.create(),
            StrikethroughExtension.create(),
            AutolinkExtension.create(),
            FootnoteExtension.create(),
            DefinitionExtension.create(),
            CjkFriendlyEmphasis.create(),
            MathSyntax.create()));
    options.set(TablesExtension.CLASS_NAME, "");
    // GFM: a row with fewer cells than the header gets empty ones (its borders stay whole)
    options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
    // GFM has no captions: "[^1]" under a table is a footnote's mark, not MultiMarkdown's caption.
    options.set(TablesExtension.WITH_CAPTION, false);
    options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "↑");
    // Definitions start with ":" only, as in Goldmark and kramdown: pandoc's "~" marker made a
    // definition list of every quote signed "~ Dune (1965)" (jalammar's blog, the Gold Miner).
    options.set(DefinitionExtension.TILDE_MARKER, false);
    options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
    // Heading ids are not rendered (RENDER_HEADER_ID is off; Ids gives headings theirs), but
    // flexmark
    // still made one per heading, rendering its text to do so (~7% of flexmark's time on news
    // posts).
    // Same HTML on every .md of the samples, the test fixtures, the benchmark corpus and the
    // archives.
    options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
    // A line holding only an inline tag (<small>, <span>, <em>, <a href>…) starts a paragraph
    // whose Markdown is read, as kramdown, blackfriday and pandoc read it, not a block of raw HTML
    // that prints the Markdown inside as it is written (CommonMark's HTML block "type 7", which
    // starts on any tag). Tags of embedded content still start raw HTML blocks: their children
    // (<source>, <param>) would otherwise close them inside a paragraph of their own.
    options.set(Parser.HTML_BLOCK_START_ONLY_ON_BLOCK_TAGS, true);
    List<String> blockTags = new ArrayList<>(Parser.HTML_BLOCK_TAGS.get(options));
    for (String tag : EMBEDDED_CONTENT) {
      if (!blockTags.contains(tag)) {
        blockTags.add(tag);
      }
    }
    options.set(Parser.HTML_BLOCK_TAGS, blockTags);
    this.parser = Parser.builder(options).build();
    this.renderer =
        HtmlRenderer.builder(options)
            .nodeRendererFactory(o -> new SoftBreakRenderer())
            .nodeRendererFactory(o -> new CodeSpanRenderer())
            .attributeProviderFactory(
                new IndependentAttributeProviderFactory() {
                  @Override
                  public AttributeProvider apply(LinkResolverContext context) {
                    return new KramdownAttributes.CodeLanguage();
                  }
                })
            .build();
  }

  public String toHtml(String markdown) {
    return toHtml(markdown, new ArrayList<>());
  }

  /**
   * As {@link #toHtml(String)}; {@code warnings} receives one line saying what markup of other
   * engines was removed from this text (kramdown attribute lists, site components).
   */
  public String toHtml(String markdown, List<String> warnings) {
    return toHtml(markdown, warnings, ComponentSources.NONE);
  }

  /**
   * As {@link #toHtml(String, List)}; a site component without a body whose source {@code
   * components} has stands for the picture, player or link it draws.
   */
  public String toHtml(String markdown, List<String> warnings, ComponentSources components) {
    if (Containers.mayHold(markdown)) {
      markdown = Containers.read(markdown);
    }
    if (CodeLabels.mayHold(markdown)) {
      markdown = CodeLabels.read(markdown);
    }
    if (ObsidianSyntax.mayHold(markdown)) {
      markdown = ObsidianSyntax.read(markdown);
    }
    Document document = parser.parse(markdown);
    if (KramdownAttributes.mayHold(markdown)) {
      KramdownAttributes.Removed removed = KramdownAttributes.mend(document);
      if (!removed.lists().isEmpty()) {
        warnings.add(KramdownAttributes.describe(removed));
      }
    }
    if (SiteComponents.mayHold(markdown)) {
      warnings.addAll(SiteComponents.remove(document, components));
    }
    if (LinkedImages.mayHold(markdown)) {
      LinkedImages.mend(document);
    }
    if (MailAutolinks.mayHold(markdown)) {
      MailAutolinks.mend(document);
    }
    if (UrlAutolinks.mayHold(markdown)) {
      UrlAutolinks.mend(document);
    }
    return renderer.render(document);
  }

  /**
   * A line break inside a paragraph is a space between words, but nothing between two CJK
   * characters: Chinese has no spaces, and a stray one shows as a gap.
   */
  private static final class SoftBreakRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              SoftLineBreak.class,
              (node, context, html) -> {
                BasedSequence base = node.getChars().getBaseSequence();
                int before = node.getStartOffset() - 1;
                while (before >= 0 && (base.charAt(before) == ' ' || base.charAt(before) == '\t')) {
                  before--;
                }
                int after = node.getEndOffset();
                while (after < base.length()
                    && (base.charAt(after) == ' ' || base.charAt(after) == '\t')) {
                  after++;
                }
                boolean join =
                    before >= 0
                        && after < base.length()
                        && Cjk.isCjk(Character.codePointBefore(base, before + 1))
                        && Cjk.isCjk(Character.codePointAt(base, after));
                html.raw(join ? "" : "\n");
              }));
    }
  }

  /**
   * A code span as CommonMark (since 0.29), GitHub, Hugo and markdown-it show it: its text as
   * written, a line break as a space, one space taken off each end only when both ends have one.
   * flexmark trims both ends and collapses inner runs of spaces, so {@code `ref `and} read "refand"
   * (antfu.me) and a command's aligned spaces closed up. In a table cell {@code \\|} is the bar, as
   * GitHub reads it.
   */
  private static final class CodeSpanRenderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              Code.class,
              (node, context, html) -> {
                BasedSequence chars = node.getChars();
                int open = node.getOpeningMarker().length();
                int close = node.getClosingMarker().length();
                String text =
                    chars.length() < open + close
                        ? node.getText().toString()
                        : chars.subSequence(open, chars.length() - close).toString();
                text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
                if (text.length() >= 2
                    && text.charAt(0) == ' '
                    && text.charAt(text.length() - 1) == ' '
                    && !text.isBlank()) {
                  text = text.substring(1, text.length() - 1);
                }
                if (inTableCell(node)) {
                  text = text.replace("\\|", "|");
                }
                html.withAttr().tag("code");
                html.text(text);
                html.tag("/code");
              }));
    }

    private static boolean inTableCell(Node node) {
      for (Node n = node.getParent(); n != null; n = n.getParent()) {
        if (n instanceof com.vladsch.flexmark.ext.tables.TableCell) {
          return true;
        }
      }
      return false;
    }
  }
}
