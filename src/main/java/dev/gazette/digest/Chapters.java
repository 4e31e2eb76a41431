package dev.gazette.digest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Splits one post's HTML into chapters at its headings. A lone heading that opens the text and
 * outranks every other heading is the book's title, not a chapter. The highest remaining heading
 * level is chapter level 1; with split level 2 the next level down starts chapters too (depth 1).
 * Text before the first chapter heading becomes an opening part under the book's title.
 */
public final class Chapters {
  /**
   * @param title the chapter title (its heading's text)
   * @param depth 0 for a top-level chapter, 1 for a chapter within one
   * @param html the chapter's HTML, its heading first
   * @param headingOnly whether the chapter holds nothing but its heading (a part title before
   *     sub-chapters)
   */
  public record Part(String title, int depth, String html, boolean headingOnly) {}

  /**
   * @param title the title heading taken from the text, or null
   */
  public record Split(String title, List<Part> parts) {}

  private Chapters() {}

  /**
   * @param html the whole post as HTML
   * @param openingTitle the title of text before the first chapter, when the text has no title
   *     heading
   * @param splitLevel 1 or 2
   */
  public static Split split(String html, String openingTitle, int splitLevel) {
    Element body = Jsoup.parseBodyFragment(html).body();
    List<Element> headings = body.children().stream().filter(Chapters::isHeading).toList();
    String title = null;
    Element first = body.children().first();
    if (first != null
        && isHeading(first)
        && headings.size() > 1
        && headings.stream().skip(1).allMatch(h -> level(h) > level(first))) {
      title = first.text().strip();
      first.remove();
      headings = headings.subList(1, headings.size());
    }
    int top = headings.stream().mapToInt(Chapters::level).min().orElse(7);
    List<Part> parts = new ArrayList<>();
    String partTitle = title != null && !title.isEmpty() ? title : openingTitle;
    int depth = 0;
    StringBuilder heading = new StringBuilder();
    StringBuilder content = new StringBuilder();
    for (Node node : new ArrayList<>(body.childNodes())) {
      if (node instanceof Element e && isHeading(e) && level(e) < top + splitLevel) {
        add(parts, partTitle, depth, heading, content);
        partTitle = e.text().strip().isEmpty() ? openingTitle : e.text().strip();
        depth = level(e) - top;
        heading = new StringBuilder(e.outerHtml());
        content = new StringBuilder();
        continue;
      }
      content.append(node.outerHtml());
    }
    add(parts, partTitle, depth, heading, content);
    return new Split(title, parts);
  }

  /** Adds a part unless it holds nothing at all (white space before the first heading, say). */
  private static void add(
      List<Part> parts, String title, int depth, StringBuilder heading, StringBuilder content) {
    Element probe = Jsoup.parseBodyFragment(content.toString()).body();
    boolean empty = probe.text().isBlank() && probe.select("img, table, hr, pre, svg").isEmpty();
    if (!empty || heading.length() > 0) {
      parts.add(new Part(title, depth, heading + content.toString(), empty));
    }
  }

  private static boolean isHeading(Node node) {
    return node instanceof Element e && e.normalName().matches("h[1-6]");
  }

  private static int level(Element h) {
    return h.normalName().charAt(1) - '0';
  }
}
