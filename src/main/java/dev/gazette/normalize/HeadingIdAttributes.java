package dev.gazette.normalize;

import dev.gazette.util.HeadingIds;
import java.util.regex.Matcher;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A heading that ends in an id attribute ({@code ## Why {#why}}: Pandoc, kramdown, Hugo and Zola
 * syntax, which CommonMark leaves as text) gets that id, and the attribute text goes; links to
 * {@code #why} then find it (Ids makes it unique like any other). Other braces are left as written:
 * only a last {@code {#id …}} (or kramdown's {@code {: #id}}) in a heading's own text.
 */
final class HeadingIdAttributes implements NormalizeStep {
  private static final Evaluator HEADINGS = Selector.evaluatorOf("h1, h2, h3, h4, h5, h6");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element h : body.select(HEADINGS)) {
      Node last = h.childNodeSize() == 0 ? null : h.childNode(h.childNodeSize() - 1);
      if (!(last instanceof TextNode text) || text.getWholeText().indexOf('{') < 0) {
        continue;
      }
      Matcher m = HeadingIds.AT_END.matcher(text.getWholeText());
      if (!m.find()) {
        continue;
      }
      if (h.id().isEmpty()) {
        h.attr("id", m.group(1));
      }
      text.text(text.getWholeText().substring(0, m.start()));
    }
  }
}
