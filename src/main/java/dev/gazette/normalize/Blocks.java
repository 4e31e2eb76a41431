package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Flattens wrapper elements ({@code div}, {@code section}, {@code center}, …) so an article is a
 * flat run of blocks, and wraps text that sits directly in a wrapper or in the body in paragraphs.
 */
final class Blocks implements NormalizeStep {
  static final Set<String> WRAPPERS =
      Set.of("div", "section", "article", "aside", "header", "footer", "center");
  static final Set<String> BLOCKS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "ul",
          "ol",
          "dl",
          "pre",
          "table",
          "figure",
          "hr",
          "div",
          "section",
          "article",
          "aside",
          "header",
          "footer",
          "center",
          "figcaption",
          "li",
          "dt",
          "dd",
          "tr",
          "td",
          "th",
          "thead",
          "tbody",
          "tfoot",
          "caption");

  /** Elements that may hold only text and inline elements, though HTML parsers let blocks in. */
  private static final Set<String> PHRASING_BLOCKS =
      Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre");

  @Override
  public void apply(Element body, NormalizeContext context) {
    unwrapInlinesHoldingBlocks(body);
    listsHoldOnlyItems(body);
    itemsStandInLists(body);
    flatten(body);
    wrapInlineRuns(body);
  }

  private static final Set<String> LISTS = Set.of("ul", "ol");

  /**
   * A list holds only items ({@code li}), as XHTML requires (EPUBCheck: "element ul not allowed
   * here"). Authors nest {@code <ul>} straight in {@code <ul>} to indent, or write text and
   * paragraphs between items, and browsers show it anyway. A list of nothing but lists gives way to
   * them; a wrapper ({@code div}) in a list gives way to what it holds; anything else joins the
   * item before it, or, with no item before, becomes an item of its own. Innermost lists first.
   */
  private static void listsHoldOnlyItems(Element body) {
    List<Element> lists = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (LISTS.contains(e.normalName())) {
        lists.add(e);
      }
    }
    for (int i = lists.size() - 1; i >= 0; i--) {
      Element list = lists.get(i);
      if (list.parent() == null) {
        continue;
      }
      for (Element child : new ArrayList<>(list.children())) {
        if (WRAPPERS.contains(child.normalName())) {
          child.unwrap();
        }
      }
      boolean onlyLists = !list.children().isEmpty();
      for (Node n : list.childNodes()) {
        if (n instanceof Element e ? !LISTS.contains(e.normalName()) : !isBlank(n)) {
          onlyLists = false;
          break;
        }
      }
      if (onlyLists) {
        // Its lists take its place; in a list around it, they then join the item before them.
        list.unwrap();
        continue;
      }
      Element item = null;
      for (Node n : new ArrayList<>(list.childNodes())) {
        if (n instanceof Element e && e.normalName().equals("li")) {
          item = e;
        } else if (isBlank(n)) {
          continue;
        } else {
          if (item == null) {
            item = new Element("li");
            n.before(item);
          }
          item.appendChild(n);
        }
      }
    }
  }

  /**
   * An item outside a list ({@code <li>} without {@code <ul>}, {@code <dt>} or {@code <dd>} without
   * {@code <dl>}) is not XHTML (EPUBCheck: "element li not allowed here"), though HTML parsers keep
   * it and browsers show it. It comes from posts that paste items alone, and from site templates
   * whose loop Gazette removed ({@code {% for %}<li>…</li>{% endfor %}}). Items side by side, blank
   * text between them, go into one new list of the kind they belong to.
   */
  private static void itemsStandInLists(Element body) {
    for (Element item : body.getAllElements()) {
      String list = LIST_OF_ITEM.get(item.normalName());
      if (list == null || item.parent() == null || allowedParent(item)) {
        continue;
      }
      Element wrapper = new Element(list);
      item.before(wrapper);
      Node n = item;
      while (n != null) {
        Node next = n.nextSibling();
        if (n instanceof Element e && list.equals(LIST_OF_ITEM.get(e.normalName()))) {
          wrapper.appendChild(e);
        } else if (!isBlank(n)) {
          break;
        }
        n = next;
      }
    }
  }

  private static final java.util.Map<String, String> LIST_OF_ITEM =
      java.util.Map.of("li", "ul", "dt", "dl", "dd", "dl");

  private static boolean allowedParent(Element item) {
    String parent = item.parent().normalName();
    return item.normalName().equals("li")
        ? LISTS.contains(parent) || parent.equals("menu")
        : parent.equals("dl");
  }

  private static boolean isBlank(Node n) {
    return n instanceof TextNode t && t.isBlank();
  }

  /**
   * {@code <span><table>} parses as a span holding a table, but written as XHTML and read again (by
   * a reader, or by this normalizer a second time) the table would leave the span: an inline
   * element or a paragraph that holds a block is unwrapped, innermost first, so the tree is the
   * same however often it is read.
   */
  private static void unwrapInlinesHoldingBlocks(Element body) {
    List<Element> all = body.getAllElements();
    for (int i = all.size() - 1; i > 0; i--) {
      Element el = all.get(i);
      boolean holdsOnlyPhrasing =
          !BLOCKS.contains(el.normalName()) || PHRASING_BLOCKS.contains(el.normalName());
      if (holdsOnlyPhrasing
          && el.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()))) {
        el.unwrap();
      }
    }
  }

  private void flatten(Element container) {
    for (Element child : new ArrayList<>(container.children())) {
      if (WRAPPERS.contains(child.normalName()) && !child.hasClass("footnotes")) {
        flatten(child);
        String align =
            child.classNames().stream()
                .filter(c -> c.startsWith("align-"))
                .findFirst()
                .orElse(null);
        if (CELLS.contains(container.normalName())
            && child.children().stream().noneMatch(c -> BLOCKS.contains(c.normalName()))
            && container.childNodes().stream().allMatch(n -> n == child || isBlank(n))) {
          // <th><center><b>Heap</b></center></th>: the words that fill a cell or an item stay
          // words, not a paragraph (which would take a paragraph's indent and margins), and the
          // cell takes their alignment. Wrappers side by side (<td><div>1</div><div>2</div>, a
          // code listing's line numbers) are lines, each a paragraph, as below.
          if (align != null) {
            container.addClass(align);
          }
          child.unwrap();
          continue;
        }
        wrapInlineRuns(child);
        if (align != null) {
          for (Element p : child.children()) {
            if (p.normalName().equals("p")
                && p.classNames().stream().noneMatch(c -> c.startsWith("align-"))) {
              p.addClass(align);
            }
          }
        }
        child.unwrap();
      } else if (child.normalName().equals("blockquote")) {
        flatten(child);
        // A quote is drawn by a rule beside each of its blocks (pdf.css): text standing in it
        // directly, beside its blocks or alone, would stand beside no rule.
        wrapRuns(child);
      } else if (FLOW_HOLDERS.contains(child.normalName()) || child.hasClass("footnotes")) {
        flatten(child);
      }
    }
  }

  /**
   * Elements besides quotes that hold blocks and stay: the wrappers in them go too ({@code center}
   * is no XHTML anywhere; EPUBCheck: "element center not allowed here").
   */
  private static final Set<String> FLOW_HOLDERS =
      Set.of(
          "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th");

  /** Where a wrapper's words stay words when it goes. */
  private static final Set<String> CELLS = Set.of("li", "dt", "dd", "td", "th");

  /** Wraps runs of text and inline elements that sit beside blocks into paragraphs. */
  static void wrapInlineRuns(Element container) {
    boolean hasBlock = container.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()));
    if (hasBlock
        || container.normalName().equals("body")
        || WRAPPERS.contains(container.normalName())) {
      wrapRuns(container);
    }
  }

  /** Wraps every run of text and inline elements in {@code container} into a paragraph. */
  private static void wrapRuns(Element container) {
    List<Node> run = new ArrayList<>();
    for (Node child : new ArrayList<>(container.childNodes())) {
      boolean inline =
          child instanceof TextNode
              || (child instanceof Element e && !BLOCKS.contains(e.normalName()));
      if (inline) {
        run.add(child);
      } else {
        wrap(run);
        run.clear();
      }
    }
    wrap(run);
  }

  private static void wrap(List<Node> run) {
    boolean meaningful =
        run.stream()
            .anyMatch(
                n ->
                    n instanceof TextNode t
                        ? !t.isBlank()
                        : !((Element) n).normalName().equals("br"));
    if (!meaningful) {
      return;
    }
    Element p = new Element("p");
    run.get(0).before(p);
    for (Node n : run) {
      p.appendChild(n);
    }
  }
}
