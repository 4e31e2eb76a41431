package dev.gazette.render.pdf;

import java.util.HashSet;
import java.util.Set;

/**
 * The elements the PDF's layout document sets as blocks, by name: that document is parsed as XML,
 * where jsoup knows no element as a block.
 */
final class BlockNames {
  private BlockNames() {}

  /** Blocks that may stand in flowing content, such as a list item, beside or instead of text. */
  static final Set<String> FLOW =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "details",
          "div",
          "dl",
          "figure",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "ul");

  /**
   * Every element that starts a line of its own: the flow blocks, the parts of lists, tables,
   * figures and details, and the body.
   */
  static final Set<String> LINE = lineStarts();

  private static Set<String> lineStarts() {
    Set<String> names = new HashSet<>(FLOW);
    names.addAll(
        Set.of(
            "body",
            "main",
            "li",
            "dt",
            "dd",
            "thead",
            "tbody",
            "tfoot",
            "tr",
            "td",
            "th",
            "caption",
            "figcaption",
            "summary"));
    return Set.copyOf(names);
  }
}
