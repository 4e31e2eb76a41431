package dev.gazette.markdown;

import dev.gazette.model.BodyFormat;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Tells the two shapes of a {@code .md} body apart, judged on the whole body as site generators
 * would render it: Markdown with raw HTML allowed (however it starts: a body opening with a {@code
 * <span>} or a {@code <div>} is still Markdown when Markdown follows), or a body made only of HTML
 * blocks (what news bots write). The HTML shape is taken as written, so its blank lines and
 * indented lines never turn into Markdown paragraphs or code blocks.
 */
public final class BodyShape {
  /** A Markdown link or image: {@code [text](url)} or {@code ![alt](src)}. */
  private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[[^\\]\\n]*\\]\\([^)\\s]+");

  /** A Markdown fence or ATX heading at the start of a line. */
  private static final Pattern MARKDOWN_LINE =
      Pattern.compile("(?m)^\\s{0,3}(`{3,}|~{3,}|#{1,6}\\s+\\S)");

  private BodyShape() {}

  /**
   * {@link BodyFormat#HTML} when the body consists of HTML blocks: every top-level piece is an
   * element or a comment (no loose text), at least one of them a block element, and no Markdown
   * link, image, fence or heading appears in its text; {@link BodyFormat#MARKDOWN} otherwise.
   */
  public static BodyFormat of(String body) {
    return read(body).format();
  }

  /**
   * The shape of a body, with the document parsed to judge it ({@link
   * Jsoup#parseBodyFragment(String)} of the body, unchanged) when it is {@link BodyFormat#HTML}:
   * the normalizer starts from it instead of parsing the same text again; null for Markdown.
   */
  public record Shape(BodyFormat format, Document parsed) {}

  /** The shape of a body known to be HTML (an HTML file's), parsed. */
  public static Shape html(String body) {
    return new Shape(BodyFormat.HTML, Jsoup.parseBodyFragment(body));
  }

  public static Shape read(String body) {
    if (body.isBlank() || body.indexOf('<') < 0) {
      return new Shape(BodyFormat.MARKDOWN, null);
    }
    Document doc = Jsoup.parseBodyFragment(body);
    BodyFormat format = judge(doc.body());
    return new Shape(format, format == BodyFormat.HTML ? doc : null);
  }

  private static BodyFormat judge(Element root) {
    boolean block = false;
    for (Node n : root.childNodes()) {
      if (n instanceof TextNode t) {
        if (!t.isBlank()) {
          return BodyFormat.MARKDOWN;
        }
      } else if (n instanceof Element e) {
        block |= e.tag().isBlock() && !e.tag().isInline();
      } else if (!(n instanceof Comment || n instanceof DataNode)) {
        return BodyFormat.MARKDOWN;
      }
    }
    if (!block) {
      return BodyFormat.MARKDOWN;
    }
    boolean[] markdown = {false};
    NodeTraversor.traverse(
        (NodeVisitor)
            (node, depth) -> {
              if (node instanceof TextNode t && !markdown[0] && !insideCode(t)) {
                String text = t.getWholeText();
                // Each pattern needs a character most text lacks: look for it before the regex.
                markdown[0] =
                    (text.indexOf('[') >= 0 && MARKDOWN_LINK.matcher(text).find())
                        || (hasAny(text, "`~#") && MARKDOWN_LINE.matcher(text).find());
              }
            },
        root);
    return markdown[0] ? BodyFormat.MARKDOWN : BodyFormat.HTML;
  }

  private static boolean hasAny(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideCode(Node n) {
    for (Node p = n.parent(); p != null; p = p.parent()) {
      if (p instanceof Element e
          && (e.normalName().equals("pre") || e.normalName().equals("code"))) {
        return true;
      }
    }
    return false;
  }
}
