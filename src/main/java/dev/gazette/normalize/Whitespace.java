package dev.gazette.normalize;

import dev.gazette.util.Cjk;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Tidies text: a line break between two CJK characters disappears (HTML would show it as a space),
 * spaces before full-width closing punctuation and after full-width opening punctuation go (an
 * author's {@code `state` ，} would let a line start with the comma), leading and trailing space,
 * full-width-space and no-break-space indents inside blocks go (the stylesheet indents), {@code
 * <br>} at the edges of a block goes, and empty blocks go.
 */
final class Whitespace implements NormalizeStep {
  private static final Evaluator CONTENT_WITHOUT_TEXT =
      Selector.evaluatorOf("img, br, hr, table, pre, code");
  private static final Evaluator WITH_ID = Selector.evaluatorOf("[id]");
  private static final Evaluator CONTENT_WITHOUT_BREAKS =
      Selector.evaluatorOf("img, hr, table, pre, code");

  private static final Set<String> BLANK_CODE_PARTS = Set.of("code", "span", "br");

  private static final Set<String> TEXT_BLOCKS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "td",
          "th",
          "dt",
          "dd",
          "figcaption",
          "caption");
  private static final Set<String> REMOVABLE_WHEN_EMPTY =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "span",
          "strong",
          "b",
          "em",
          "i",
          "u",
          "s",
          "del",
          "ins",
          "small",
          "mark",
          "sup",
          "sub",
          "figcaption",
          "figure",
          "blockquote",
          "ul",
          "ol",
          "a");

  @Override
  public void apply(Element body, NormalizeContext context) {
    // Removing an empty element can bare a space or a <br> at a block's edge, or leave two text
    // nodes side by side, and trimming an edge can empty a block: all again until nothing is
    // removed, or the next normalization of the output would change it.
    do {
      tidyText(body);
      for (Element el : body.getAllElements()) {
        if (TEXT_BLOCKS.contains(el.normalName())) {
          trimEdges(el);
        }
      }
    } while (removeEmpty(body));
  }

  private static void tidyText(Element body) {
    joinAdjacentText(body);
    for (TextNode t : body.textNodes()) {
      if (t.isBlank()) {
        t.remove();
      }
    }
    for (Element el : body.getAllElements()) {
      if (inPre(el)) {
        continue;
      }
      for (TextNode t : el.textNodes()) {
        if (t.isBlank()) {
          continue; // the line breaks between blocks stay as they are
        }
        String joined = joinCjkLines(t.getWholeText());
        if (!CODE.contains(el.normalName())) {
          joined = tightPunctuation(joined);
        }
        if (!joined.equals(t.getWholeText())) {
          t.text(joined);
        }
      }
    }
  }

  /**
   * Joins text nodes that earlier steps left side by side (a link kept as text, an image turned
   * into its note), as the HTML parser joins them when the output is read again: otherwise a lone
   * line break between two unwrapped links counts as "between blocks" here and stays, and only a
   * second normalization turns it into a space.
   */
  private static void joinAdjacentText(Element body) {
    for (Element el : body.getAllElements()) {
      if (el.childNodeSize() < 2) {
        continue;
      }
      TextNode run = null;
      StringBuilder text = null;
      for (int i = 0; i < el.childNodeSize(); ) {
        Node n = el.childNode(i);
        if (n.getClass() != TextNode.class) { // CDATA and data nodes are their own
          run = null;
          i++;
        } else if (run == null) {
          run = (TextNode) n;
          text = null;
          i++;
        } else {
          if (text == null) {
            text = new StringBuilder(run.getWholeText());
          }
          text.append(((TextNode) n).getWholeText());
          n.remove();
          run.text(text.toString());
        }
      }
    }
  }

  /**
   * The element or one of its ancestors is a {@code pre}: a walk up, where {@code closest("pre")}
   * parsed its selector again for every element.
   */
  private static boolean inPre(Element el) {
    for (Element e = el; e != null; e = e.parent()) {
      if (e.normalName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  /** Elements whose text is code: spaces there are the code's own. */
  private static final Set<String> CODE = Set.of("code", "kbd", "samp", "var");

  /** Full-width marks that take no space before them. */
  private static final String CLOSING = "，。、；：？！）」』】》〉〕〗〙";

  /** Full-width marks that take no space after them. */
  private static final String OPENING = "（「『【《〈〔〖〘";

  /** Curly quotes, which Chinese sets full-width: opening, then closing. */
  private static final String OPENING_QUOTES = "“‘";

  private static final String CLOSING_QUOTES = "”’";

  /**
   * Full-width punctuation carries its own space: none before a closing mark, none after an opening
   * one, and none between a closing mark and the Chinese or Japanese that goes on ("进制数， 我们" set a
   * double gap; 3,586 such spaces in seven Chinese archives). Curly quotes are full-width in
   * Chinese or Japanese: a space after an opening one or before a closing one goes when Han or kana
   * is on either side of the pair of them ("说服自己“ 代码可以工作 ”，", "以“ a”开头": the space let a line end
   * with the opening quote, 7 of the 60 such lines in a 736-post archive); English keeps its "“ a
   * ”", which is none of Gazette's business. Each run of spaces and tabs goes when a closing mark
   * follows it, an opening mark comes before it, or a closing mark comes before it and Han or kana
   * after it (what the regexes {@code [ \t]+(?=closing)}, {@code (?<=opening)[ \t]+} and {@code
   * (?<=closing)[ \t]+(?=han|kana)} did; a loop, since this runs on every text node and most have a
   * space but no such mark next to it). Korean spaces its words, and keeps them.
   */
  static String tightPunctuation(String s) {
    int first = firstSpaceOrTab(s, 0);
    if (first < 0) {
      return s; // most Chinese text: nothing to tighten
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = first; i >= 0; i = firstSpaceOrTab(s, i)) {
      int end = i;
      while (end < s.length() && (s.charAt(end) == ' ' || s.charAt(end) == '\t')) {
        end++;
      }
      boolean tight =
          (end < s.length() && CLOSING.indexOf(s.charAt(end)) >= 0)
              || (i > 0 && OPENING.indexOf(s.charAt(i - 1)) >= 0)
              || (i > 0
                  && CLOSING.indexOf(s.charAt(i - 1)) >= 0
                  && end < s.length()
                  && hanOrKana(s.codePointAt(end)))
              || (i > 0
                  && OPENING_QUOTES.indexOf(s.charAt(i - 1)) >= 0
                  && ((i > 1 && hanOrKana(s.codePointBefore(i - 1)))
                      || (end < s.length() && hanOrKana(s.codePointAt(end)))))
              || (end < s.length()
                  && CLOSING_QUOTES.indexOf(s.charAt(end)) >= 0
                  && ((i > 0 && hanOrKana(s.codePointBefore(i)))
                      || (end + 1 < s.length() && hanOrKana(s.codePointAt(end + 1)))
                      || closingMarkAt(s, end + 1)));
      if (tight) {
        if (out == null) {
          out = new StringBuilder(s.length());
        }
        out.append(s, copied, i);
        copied = end;
      }
      i = end;
      if (i >= s.length()) {
        break;
      }
    }
    return out == null ? s : out.append(s, copied, s.length()).toString();
  }

  /** Whether a closing mark is at {@code i}, past spaces and tabs (which go before it). */
  private static boolean closingMarkAt(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i < s.length() && CLOSING.indexOf(s.charAt(i)) >= 0;
  }

  private static boolean hanOrKana(int cp) {
    return dev.gazette.util.Cjk.isHan(cp) || dev.gazette.util.Cjk.isKana(cp);
  }

  private static int firstSpaceOrTab(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t') {
        return i;
      }
    }
    return -1;
  }

  static String joinCjkLines(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) && c != '\u3000') {
        int j = i;
        boolean newline = false;
        while (j < s.length() && Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '\u3000') {
          newline |= s.charAt(j) == '\n' || s.charAt(j) == '\r';
          j++;
        }
        boolean cjkBefore = out.length() > 0 && Cjk.isCjk(out.codePointBefore(out.length()));
        boolean cjkAfter = j < s.length() && Cjk.isCjk(s.codePointAt(j));
        if (newline && cjkBefore && cjkAfter) {
          // nothing: Chinese lines join without a space
        } else {
          out.append(newline ? " " : s, newline ? 0 : i, newline ? 1 : j);
        }
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void trimEdges(Element block) {
    // Leading side.
    while (true) {
      Node first = block.childNodeSize() == 0 ? null : block.childNode(0);
      if (first instanceof TextNode t) {
        String s = stripStart(t.getWholeText());
        if (s.isEmpty()) {
          t.remove();
          continue;
        }
        if (!s.equals(t.getWholeText())) {
          t.text(s);
        }
      } else if (first instanceof Element e && e.normalName().equals("br")) {
        e.remove();
        continue;
      }
      break;
    }
    while (true) {
      Node last = block.childNodeSize() == 0 ? null : block.childNode(block.childNodeSize() - 1);
      if (last instanceof TextNode t) {
        String s = t.getWholeText().stripTrailing();
        if (s.isEmpty()) {
          t.remove();
          continue;
        }
        if (!s.equals(t.getWholeText())) {
          t.text(s);
        }
      } else if (last instanceof Element e && e.normalName().equals("br")) {
        e.remove();
        continue;
      }
      break;
    }
  }

  private static String stripStart(String s) {
    int i = 0;
    while (i < s.length()
        && (Character.isWhitespace(s.charAt(i))
            || s.charAt(i) == '\u00A0'
            || s.charAt(i) == '\u3000')) {
      i++;
    }
    return s.substring(i);
  }

  /**
   * No text, picture, break, rule, table or code, and no id a link could go to, in it or anything
   * it holds (an empty quote around an empty paragraph with an id stays with it: removing the quote
   * took the link's target, and only the next normalization dropped the link).
   */
  static boolean showsNothing(Element el) {
    return !el.hasText()
        && el.select(CONTENT_WITHOUT_TEXT).isEmpty()
        && el.selectFirst(WITH_ID) == null;
  }

  /**
   * A code block with no code, or blank lines only: it shows nothing but an empty box (a list
   * item's fence whose code is not indented is closed at once by CommonMark, and the PDF drew an
   * empty grey box at a page foot). Its parts are the code element, highlighting spans and line
   * breaks; anything else (a picture, a link target) keeps it.
   */
  private static boolean isBlankCode(Element pre) {
    return !pre.hasText()
        && pre.selectFirst(WITH_ID) == null
        && pre.getAllElements().stream()
            .allMatch(e -> e == pre || BLANK_CODE_PARTS.contains(e.normalName()));
  }

  /**
   * Whether this step will remove {@code block} as empty once its edges are trimmed (a heading of
   * line breaks or no-break spaces only), found by running it on a copy: an earlier step that must
   * not count such a block then judges as this step will.
   */
  static boolean removesAsEmpty(Element block) {
    // What no trimming can empty stays; only the rest is worth the copy (every heading asks).
    if (!block.select(CONTENT_WITHOUT_BREAKS).isEmpty()
        || block.selectFirst(WITH_ID) != null
        || hasVisibleText(block)) {
      return false;
    }
    Element holder = new Element("div").appendChild(block.clone());
    new Whitespace().apply(holder, null);
    return holder.childrenSize() == 0;
  }

  /** Text other than the spaces this step may trim (white space, no-break and ideographic). */
  private static boolean hasVisibleText(Element el) {
    String text = el.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
        return true;
      }
    }
    return false;
  }

  /** Removes empty elements, emptied ones too; true when it removed any. */
  private static boolean removeEmpty(Element body) {
    boolean removed = false;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Element el : body.getAllElements()) {
        if (el == body) {
          continue;
        }
        boolean empty =
            REMOVABLE_WHEN_EMPTY.contains(el.normalName())
                ? showsNothing(el)
                : el.normalName().equals("pre") && isBlankCode(el);
        if (!empty) {
          continue;
        }
        el.remove();
        changed = true;
        removed = true;
      }
    }
    return removed;
  }
}
