package dev.gazette.render.pdf;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Marks where the bullet of each item of an article's bulleted list goes, so that {@code pdf.css}
 * sets it in the item's first line instead of at the top of the item's box.
 *
 * <p>The bullet is generated content ({@code li::before}). Placed absolutely at the top of the
 * {@code li}, it stayed there when OpenHTMLtoPDF moved the item's first line to the next page (too
 * little room, or a paragraph kept whole by orphans and widows): the bullet was left alone at the
 * foot of a page, or stood above its text at the top of the next. Set inline, in the first line, it
 * goes wherever that line goes:
 *
 * <ul>
 *   <li>an item that starts with text (a tight list) is marked {@code marker-inline}: its own
 *       {@code ::before} is inline;
 *   <li>an item that starts with a paragraph (a loose list) is marked {@code marker-in-p}: the
 *       first paragraph's {@code ::before} draws the bullet and the item's own draws nothing (an
 *       inline box before a paragraph would be a line of its own).
 * </ul>
 *
 * An item that starts with another block (code, a quote, a nested list) keeps the bullet at its
 * top.
 */
final class ListMarkers {
  static final String INLINE_CLASS = "marker-inline";
  static final String IN_PARAGRAPH_CLASS = "marker-in-p";

  private ListMarkers() {}

  /** Marks the items of the bulleted lists under {@code root}. */
  static void apply(Element root) {
    for (Element li : root.select("ul > li")) {
      Node first = firstContent(li);
      if (first instanceof TextNode) {
        li.addClass(INLINE_CLASS);
      } else if (first instanceof Element e) {
        if (e.normalName().equals("p")) {
          li.addClass(IN_PARAGRAPH_CLASS);
        } else if (!BlockNames.FLOW.contains(e.normalName())) {
          li.addClass(INLINE_CLASS);
        }
      }
    }
  }

  /** The item's first child that is not blank text, or null. */
  private static Node firstContent(Element li) {
    for (Node n : li.childNodes()) {
      if (n instanceof TextNode t && t.isBlank()) {
        continue;
      }
      if (n instanceof TextNode || n instanceof Element) {
        return n;
      }
    }
    return null;
  }
}
