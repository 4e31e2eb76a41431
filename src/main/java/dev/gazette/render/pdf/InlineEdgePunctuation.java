package dev.gazette.render.pdf;

import dev.gazette.util.Cjk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps punctuation on the line of the text it closes or opens when an inline element's edge lies
 * between them ({@code <a>规范</a>），} or {@code （<code>x</code>}).
 *
 * <p>OpenHTMLtoPDF breaks each inline box on its own text, so no line breaker sees {@code 范）}
 * across {@code </a>}: a line may end at the edge and the next start with {@code ）}. Only two
 * shapes are never split: one text run, and one {@code display: inline-block} box. This step puts
 * the edge of the element (its last or first character, or the whole Latin token there) and the
 * touching punctuation into a {@code span.kinsoku-unit}, styled inline-block by {@code pdf.css}.
 * The edge text stays inside a shallow copy of the element chain it came from (same tag, class and
 * link target, no id), so it keeps its face, colour and clickable area; the punctuation stays
 * outside it with the parent's style. Text order, and so text extraction, does not change. A TeX
 * formula's picture ({@code img.math}) and the marks beside it make a unit the same way.
 */
final class InlineEdgePunctuation {
  /** Marks that must not start a line (Chinese and Western closing punctuation). */
  static final String CLOSING = "，。、；：？！”’）》」』】〕〉…‥·・〗〙〛％,.;:?!)]}%";

  /** Marks that must not end a line. */
  static final String OPENING = "“‘（《「『【〔〈〖〘〚([{";

  static final String UNIT_CLASS = "kinsoku-unit";

  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "cite", "code", "del", "em", "i", "ins", "kbd", "mark", "q", "s",
          "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var");

  private static final Evaluator LATIN_RUNS = Selector.evaluatorOf("span." + LatinRuns.RUN_CLASS);

  /** A Latin token longer than this is cut: its tail may break from its head like a long URL. */
  private static final int MAX_TOKEN = 16;

  private InlineEdgePunctuation() {}

  /** Rewrites every such edge under {@code root}; returns how many units it made. */
  static int apply(Element root) {
    List<TextNode> texts = new ArrayList<>();
    collect(root, texts);
    int units = 0;
    // Opening marks first: a one-character element may then be both opened and closed by one unit.
    // From the end, as closing marks go from the start: a unit inside an element is made before
    // the one at the element's edge, which then takes it whole.
    for (int i = texts.size() - 1; i >= 0; i--) {
      TextNode t = texts.get(i);
      if (t.parent() != null && openBefore(t)) {
        units++;
      }
    }
    for (TextNode t : texts) {
      if (t.parent() != null && closeAfter(t)) {
        units++;
      }
    }
    return units;
  }

  private static void collect(Element e, List<TextNode> out) {
    if (e.normalName().equals("pre") || e.hasClass(UNIT_CLASS)) {
      return;
    }
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        out.add(t);
      } else if (n instanceof Element child) {
        collect(child, out);
      }
    }
  }

  /** {@code <a>规范</a>），} -> {@code <a>规</a><span unit><a>范</a>），</span>}. */
  private static boolean closeAfter(TextNode t) {
    String text = t.getWholeText();
    int marks = withMark(text, run(text, 0, CLOSING + NO_BREAK_SPACE), true);
    if (marks == 0 || !(t.previousSibling() instanceof Element prev)) {
      return false;
    }
    String punctuation = text.substring(0, marks);
    if (prev.hasClass(UNIT_CLASS)) {
      prev.appendText(punctuation);
      trimStart(t, marks);
      flatten(prev);
      return true;
    }
    if (prev.previousSibling() instanceof Element opened
        && opened.hasClass(UNIT_CLASS)
        && INLINE.contains(prev.normalName())
        && onlyClosing(prev.wholeText())) {
      // A short element both opened and closed: "“<em>“引”</em>”", whose head the opening unit
      // took; its closing marks and the punctuation join that unit.
      opened.appendChild(prev);
      opened.appendText(punctuation);
      trimStart(t, marks);
      flatten(opened);
      return true;
    }
    if (isFormula(prev)) {
      // "$O(1)$，" : the formula's picture and the comma after it
      Element unit = new Element("span").addClass(UNIT_CLASS);
      prev.before(unit);
      unit.appendChild(prev);
      unit.appendText(punctuation);
      trimStart(t, marks);
      return true;
    }
    List<Element> chain = edgeChain(prev, true);
    if (chain == null) {
      return false;
    }
    if (unitIndex(chain) > 0) {
      Element unit = new Element("span").addClass(UNIT_CLASS);
      prev.after(unit);
      unit.appendChild(withUnitMoved(chain));
      unit.appendText(punctuation);
      trimStart(t, marks);
      return true;
    }
    TextNode edge = (TextNode) chain.get(chain.size() - 1).childNodes().get(lastIndex(chain));
    String edgeText = edge.getWholeText();
    // (a unit inside the edge moved whole just above; prev itself is no unit)
    int cut = tokenStartFromEnd(edgeText);
    if (cut == edgeText.length()) {
      return false; // ends with a space: a break there is right
    }
    Element unit = new Element("span").addClass(UNIT_CLASS);
    if (cut == 0 && isOnlyText(prev, edge)) {
      prev.before(unit);
      unit.appendChild(prev);
    } else {
      edge.text(edgeText.substring(0, cut));
      unit.appendChild(copyChain(chain, edgeText.substring(cut)));
      prev.after(unit);
      removeIfEmpty(edge);
    }
    unit.appendText(punctuation);
    trimStart(t, marks);
    flatten(unit);
    return true;
  }

  /** {@code （<code>foo()</code>} -> {@code <span unit>（<code>foo()</code></span>}. */
  private static boolean openBefore(TextNode t) {
    String text = t.getWholeText();
    int marks = withMark(text, runFromEnd(text, OPENING + NO_BREAK_SPACE), false);
    if (marks == 0 || !(t.nextSibling() instanceof Element next)) {
      return false;
    }
    if (isFormula(next)) {
      Element unit = new Element("span").addClass(UNIT_CLASS);
      unit.appendText(text.substring(text.length() - marks));
      next.before(unit);
      unit.appendChild(next);
      trimEnd(t, marks);
      return true;
    }
    List<Element> chain = edgeChain(next, false);
    if (chain == null) {
      return false;
    }
    if (unitIndex(chain) > 0) {
      Element unit = new Element("span").addClass(UNIT_CLASS);
      unit.appendText(text.substring(text.length() - marks));
      next.before(unit);
      unit.appendChild(withUnitMoved(chain));
      trimEnd(t, marks);
      return true;
    }
    TextNode edge = (TextNode) chain.get(chain.size() - 1).childNodes().get(0);
    String edgeText = edge.getWholeText();
    int end = next.hasClass(UNIT_CLASS) ? edgeText.length() : tokenEnd(edgeText);
    if (end == 0) {
      return false;
    }
    Element unit = new Element("span").addClass(UNIT_CLASS);
    unit.appendText(text.substring(text.length() - marks));
    if (end == edgeText.length() && isOnlyText(next, edge)) {
      next.before(unit);
      unit.appendChild(next);
    } else {
      Element copy = copyChain(chain, edgeText.substring(0, end));
      edge.text(edgeText.substring(end));
      // The first part of the element is now the copy: it takes the id, so links land on its start.
      if (next.hasAttr("id")) {
        copy.attr("id", next.attr("id"));
        next.removeAttr("id");
      }
      unit.appendChild(copy);
      next.before(unit);
      removeIfEmpty(edge);
    }
    trimEnd(t, marks);
    flatten(unit);
    return true;
  }

  /** A TeX formula's picture: an inline box like a word, which no line may leave its marks. */
  private static boolean isFormula(Element e) {
    return e.normalName().equals("img") && e.hasClass("math") && !e.hasClass("display");
  }

  private static boolean onlyClosing(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (CLOSING.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Where the first unit of {@code chain} is in it; -1 when none is. */
  private static int unitIndex(List<Element> chain) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).hasClass(UNIT_CLASS)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The unit at the edge of {@code chain} (below its first element), moved out whole inside shallow
   * copies of the elements above it: "<strong>优化(<code>join pushdown optimization</code>
   * )</strong>，" had ")" taken from the unit holding "optimization)" into the comma's, and a line
   * broke between the two units. The elements the unit leaves empty go.
   */
  private static Element withUnitMoved(List<Element> chain) {
    int at = unitIndex(chain);
    Element outer = copyChain(chain.subList(0, at));
    innermost(outer).appendChild(chain.get(at));
    for (int i = at - 1; i >= 0 && chain.get(i).childNodeSize() == 0; i--) {
      chain.get(i).remove();
    }
    return outer;
  }

  /** An edge text emptied into a unit goes, and a unit it leaves empty. */
  private static void removeIfEmpty(TextNode edge) {
    if (!edge.getWholeText().isEmpty()) {
      return;
    }
    Element parent = edge.parent();
    edge.remove();
    if (parent != null && parent.hasClass(UNIT_CLASS) && parent.childNodeSize() == 0) {
      parent.remove();
    }
  }

  /**
   * Inside a unit, Latin-run spans (see {@link LatinRuns}) only add edges where the inline-block
   * could wrap: nothing is justified there, so their text joins its neighbours in one run.
   */
  private static void flatten(Element unit) {
    unit.select(LATIN_RUNS).forEach(Element::unwrap);
    for (Element e : unit.getAllElements()) {
      TextNode previous = null;
      for (Node n : new ArrayList<>(e.childNodes())) {
        if (n instanceof TextNode text && previous != null) {
          previous.text(previous.getWholeText() + text.getWholeText());
          text.remove();
        } else {
          previous = n instanceof TextNode text ? text : null;
        }
      }
    }
  }

  /**
   * The inline elements from {@code e} down to the element whose last (or first) child is the text
   * at the edge; null when the edge is not plain text inside inline elements.
   */
  private static List<Element> edgeChain(Element e, boolean last) {
    List<Element> chain = new ArrayList<>();
    Element current = e;
    while (true) {
      if (!INLINE.contains(current.normalName())) {
        return null;
      }
      chain.add(current);
      List<Node> kids = current.childNodes();
      if (kids.isEmpty()) {
        return null;
      }
      Node edge = last ? kids.get(kids.size() - 1) : kids.get(0);
      if (edge instanceof TextNode text) {
        return text.getWholeText().isEmpty() ? null : chain;
      }
      if (!(edge instanceof Element child)) {
        return null;
      }
      current = child;
    }
  }

  private static int lastIndex(List<Element> chain) {
    return chain.get(chain.size() - 1).childNodeSize() - 1;
  }

  /** Shallow copies of the chain's elements, nested, without ids, around {@code text}. */
  private static Element copyChain(List<Element> chain, String text) {
    Element outer = copyChain(chain);
    innermost(outer).appendText(text);
    return outer;
  }

  /** Shallow copies of the chain's elements, nested, without ids, the innermost empty. */
  private static Element copyChain(List<Element> chain) {
    Element outer = null;
    Element inner = null;
    for (Element e : chain) {
      Element copy = e.shallowClone();
      copy.removeAttr("id");
      copy.empty();
      if (outer == null) {
        outer = copy;
      } else {
        inner.appendChild(copy);
      }
      inner = copy;
    }
    return outer;
  }

  /** The innermost of nested copies, each holding only the next. */
  private static Element innermost(Element outer) {
    Element e = outer;
    while (e.childrenSize() > 0) {
      e = e.child(0);
    }
    return e;
  }

  private static boolean isOnlyText(Element e, TextNode text) {
    return e.wholeText().equals(text.getWholeText());
  }

  /**
   * Where the edge token at the end of {@code s} starts: one CJK character, or the run of other
   * non-space characters (at most {@link #MAX_TOKEN}).
   */
  static int tokenStartFromEnd(String s) {
    // Closing marks the element ends with stay with the text they close: "<b>《攻略》</b>，" takes
    // "略》" into the unit, not "》" alone, which a line could then start with.
    int i = s.length();
    while (i > 0 && CLOSING.indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    if (i == 0) {
      return 0;
    }
    if (i < s.length() && (Character.isWhitespace(s.charAt(i - 1)) || s.charAt(i - 1) == 0xA0)) {
      return i;
    }
    int count = 0;
    while (i > 0) {
      int cp = s.codePointBefore(i);
      if (Character.isWhitespace(cp) || cp == 0xA0) {
        break;
      }
      if (isCjkChar(cp)) {
        return count == 0 ? i - Character.charCount(cp) : i;
      }
      if (count == MAX_TOKEN) {
        break;
      }
      i -= Character.charCount(cp);
      count++;
    }
    return i;
  }

  /** Where the edge token at the start of {@code s} ends (see {@link #tokenStartFromEnd}). */
  static int tokenEnd(String s) {
    // Opening marks the element starts with stay with the text they open (see tokenStartFromEnd).
    int i = 0;
    while (i < s.length() && OPENING.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (i == s.length()) {
      return i;
    }
    if (i > 0 && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == 0xA0)) {
      return i;
    }
    int count = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (Character.isWhitespace(cp) || cp == 0xA0) {
        break;
      }
      if (isCjkChar(cp)) {
        return count == 0 ? i + Character.charCount(cp) : i;
      }
      if (count == MAX_TOKEN) {
        break;
      }
      i += Character.charCount(cp);
      count++;
    }
    return i;
  }

  private static boolean isCjkChar(int cp) {
    return Cjk.isCjk(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
  }

  /**
   * A space a writer put inside the mark ({@code “ combo}), which {@link PdfText} made a no-break
   * space, goes with the mark: the mark still touches the edge.
   */
  private static final String NO_BREAK_SPACE = "\u00A0";

  /** {@code run} marks at the start (or end) of {@code s}; 0 when they are no-break spaces only. */
  private static int withMark(String s, int run, boolean atStart) {
    String marks = atStart ? s.substring(0, run) : s.substring(s.length() - run);
    return marks.replace(NO_BREAK_SPACE, "").isEmpty() ? 0 : run;
  }

  private static int run(String s, int from, String marks) {
    int i = from;
    while (i < s.length() && marks.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    return i - from;
  }

  private static int runFromEnd(String s, String marks) {
    int i = s.length();
    while (i > 0 && marks.indexOf(s.charAt(i - 1)) >= 0) {
      i--;
    }
    return s.length() - i;
  }

  /** The text without its last {@code n} characters, gone when that leaves nothing. */
  private static void trimEnd(TextNode t, int n) {
    String text = t.getWholeText();
    if (n == text.length()) {
      t.remove();
    } else {
      t.text(text.substring(0, text.length() - n));
    }
  }

  private static void trimStart(TextNode t, int n) {
    String rest = t.getWholeText().substring(n);
    if (rest.isEmpty()) {
      t.remove();
    } else {
      t.text(rest);
    }
  }
}
