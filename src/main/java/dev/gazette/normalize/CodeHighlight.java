package dev.gazette.normalize;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Highlights code blocks whose language is named ({@code <pre><code class="language-rust">}, from a
 * Markdown fence; or the class on the {@code pre} or the block around it): the code's text is split
 * into {@code <span class="hl-…">} tokens by {@link SyntaxHighlighter}, the same spans in the EPUB
 * and the PDF, styled by the theme. Highlighting already in the source (spans whose styles the
 * sanitizer dropped) is replaced; a block holding anything but text and spans (a link, an image) is
 * left as it is, so nothing in it is lost. Unknown languages stay plain. The result depends only on
 * the code's text and language, so a second pass gives the same markup.
 */
final class CodeHighlight implements NormalizeStep {
  private static final Evaluator PREFORMATTED = Selector.evaluatorOf("pre");

  /** Elements a code block may hold and still be re-highlighted (their text is kept). */
  private static final Set<String> TEXT_ONLY = Set.of("span", "br");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element pre : body.select(PREFORMATTED)) {
      Element code =
          pre.children().size() == 1
                  && pre.child(0).normalName().equals("code")
                  && pre.textNodes().stream().allMatch(TextNode::isBlank)
              ? pre.child(0)
              : pre;
      Optional<String> language = language(code, pre);
      if (language.isEmpty() || !SyntaxHighlighter.knows(language.get()) || !textOnly(code)) {
        continue;
      }
      String text = text(code);
      if (SyntaxHighlighter.languageOf(code.className()).isEmpty()) {
        code.addClass("language-" + language.get()); // the wrapper naming it may be flattened
      }
      List<SyntaxHighlighter.Span> spans = SyntaxHighlighter.highlight(language.get(), text);
      code.empty();
      int at = 0;
      for (SyntaxHighlighter.Span s : spans) {
        if (s.start() > at) {
          code.appendChild(new TextNode(text.substring(at, s.start())));
        }
        code.appendElement("span")
            .attr("class", s.cssClass())
            .appendChild(new TextNode(text.substring(s.start(), s.end())));
        at = s.end();
      }
      if (at < text.length()) {
        code.appendChild(new TextNode(text.substring(at)));
      }
    }
  }

  /**
   * The language from the code, the {@code pre} or the blocks around it (Jekyll's Rouge writes
   * {@code <div class="language-ruby highlighter-rouge"><div class="highlight"><pre>}).
   */
  private static Optional<String> language(Element code, Element pre) {
    Optional<String> language = SyntaxHighlighter.languageOf(code.className());
    Element e = pre;
    for (int up = 0; language.isEmpty() && e != null && up < 3; up++, e = e.parent()) {
      language = SyntaxHighlighter.languageOf(e.className());
    }
    return language;
  }

  private static boolean textOnly(Element code) {
    for (Element e : code.getAllElements()) {
      if (e != code && !TEXT_ONLY.contains(e.normalName())) {
        return false;
      }
    }
    return true;
  }

  /** The code's text as written, a {@code <br>} read as a line break. */
  private static String text(Element code) {
    StringBuilder sb = new StringBuilder();
    appendText(code, sb);
    return sb.toString();
  }

  private static void appendText(Node node, StringBuilder sb) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        sb.append(t.getWholeText());
      } else if (child instanceof Element e) {
        if (e.normalName().equals("br")) {
          sb.append('\n');
        } else {
          appendText(e, sb);
        }
      }
    }
  }
}
