package dev.gazette.render.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Narrows the spaces of inline code in the PDF to about a third wider than a text space.
 *
 * <p>A monospace space is as wide as a letter: Noto Sans Mono's 0.6em at code's 0.88em is 0.53em of
 * the text, twice the text face's word space, so {@code jekyll serve} in a sentence reads as a hole
 * in the line, the widest gap of the line before any justification. Each run of spaces inside
 * {@code code} outside {@code pre} goes into a {@code span.code-space}, set smaller by {@code
 * pdf.css}; the character stays a space, so text extraction, line breaking and the EPUB do not
 * change. Code blocks keep their columns.
 */
final class InlineCodeSpaces {
  static final String SPACE_CLASS = "code-space";

  private static final Pattern SPACES = Pattern.compile(" +");

  private InlineCodeSpaces() {}

  /** Rewrites the inline code under {@code root}; returns how many space runs it wrapped. */
  static int apply(Element root) {
    int wrapped = 0;
    for (Element code : root.getElementsByTag("code")) {
      if (code.closest("pre") != null) {
        continue;
      }
      List<TextNode> texts = new ArrayList<>();
      collect(code, texts);
      for (TextNode t : texts) {
        wrapped += wrap(t);
      }
    }
    return wrapped;
  }

  private static void collect(Element e, List<TextNode> out) {
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        out.add(t);
      } else if (n instanceof Element child && !child.hasClass(SPACE_CLASS)) {
        collect(child, out);
      }
    }
  }

  private static int wrap(TextNode t) {
    String text = t.getWholeText();
    Matcher m = SPACES.matcher(text);
    List<Node> parts = new ArrayList<>();
    int copied = 0;
    while (m.find()) {
      if (m.start() > copied) {
        parts.add(new TextNode(text.substring(copied, m.start())));
      }
      parts.add(new Element("span").addClass(SPACE_CLASS).appendText(m.group()));
      copied = m.end();
    }
    if (parts.isEmpty()) {
      return 0;
    }
    if (copied < text.length()) {
      parts.add(new TextNode(text.substring(copied)));
    }
    int spans = 0;
    for (Node part : parts) {
      t.before(part);
      spans += part instanceof Element ? 1 : 0;
    }
    t.remove();
    return spans;
  }
}
