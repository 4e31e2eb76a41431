package dev.gazette.normalize;

import java.util.List;
import java.util.Objects;
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
 * the code's text and language, so a second pass gives the same markup. Lines that Shiki's notation
 * comments mark ({@link CodeLineMarks}) are wrapped in their element, the comments gone, in any
 * language.
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
      boolean highlights = language.isPresent() && SyntaxHighlighter.knows(language.get());
      if (!(highlights || CodeLineMarks.mayHold(code.wholeText())) || !textOnly(code)) {
        continue;
      }
      String written = text(code);
      CodeLineMarks.Marked marked = CodeLineMarks.read(written);
      if (!highlights && marked.text().equals(written)) {
        continue;
      }
      String text = marked.text();
      if (highlights && SyntaxHighlighter.languageOf(code.className()).isEmpty()) {
        code.addClass("language-" + language.get()); // the wrapper naming it may be flattened
      }
      List<SyntaxHighlighter.Span> spans =
          highlights ? SyntaxHighlighter.highlight(language.get(), text) : List.of();
      code.empty();
      List<String> elements = marked.lineElements();
      int[] starts = lineStarts(text, elements.size());
      int span = 0; // the first span not yet wholly written
      for (int line = 0; line < elements.size(); ) {
        String element = elements.get(line);
        int last = line; // the group: lines with the same mark (or none)
        while (last + 1 < elements.size() && Objects.equals(elements.get(last + 1), element)) {
          last++;
        }
        int from = starts[line];
        int to = last + 1 < elements.size() ? starts[last + 1] : text.length();
        if (element == null) {
          span = appendStretch(code, text, spans, span, from, to);
        } else {
          // the mark stops before the group's last line break, which stays plain
          int markEnd = to > from && text.charAt(to - 1) == '\n' ? to - 1 : to;
          span = appendStretch(code.appendElement(element), text, spans, span, from, markEnd);
          span = appendStretch(code, text, spans, span, markEnd, to);
        }
        line = last + 1;
      }
    }
  }

  /** Where each of the first {@code lines} lines of {@code text} starts. */
  private static int[] lineStarts(String text, int lines) {
    int[] starts = new int[lines];
    for (int i = 1; i < lines; i++) {
      starts[i] = text.indexOf('\n', starts[i - 1]) + 1;
    }
    return starts;
  }

  /**
   * Appends to {@code into} the code's text in {@code [from, to)}: plain text, and the pieces of
   * the spans in it as spans of their class. Returns the first span that goes on past {@code to}.
   */
  private static int appendStretch(
      Element into, String text, List<SyntaxHighlighter.Span> spans, int span, int from, int to) {
    int at = from;
    while (span < spans.size() && spans.get(span).start() < to) {
      SyntaxHighlighter.Span s = spans.get(span);
      int start = Math.max(s.start(), at);
      int end = Math.min(s.end(), to);
      if (start > at) {
        into.appendChild(new TextNode(text.substring(at, start)));
      }
      if (end > start) {
        into.appendElement("span")
            .attr("class", s.cssClass())
            .appendChild(new TextNode(text.substring(start, end)));
      }
      at = Math.max(at, end);
      if (s.end() > to) {
        break; // the rest of it belongs to the next stretch
      }
      span++;
    }
    if (at < to) {
      into.appendChild(new TextNode(text.substring(at, to)));
    }
    return span;
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
