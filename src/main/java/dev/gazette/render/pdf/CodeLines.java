package dev.gazette.render.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Lays code blocks out line by line for the PDF: each source line of a {@code pre} becomes a block
 * of its own ({@code span.code-line}), so a line too long for the measure wraps with a hanging
 * indent (two columns past the line's own indentation) instead of running off the page or wrapping
 * flush left; the first two and the last two lines are kept together ({@code span.code-keep}), so a
 * block split across pages never leaves one line alone. Tabs become spaces to the next multiple of
 * four columns, as editors show them. The EPUB keeps its {@code pre} as it is: reading systems wrap
 * it themselves.
 */
final class CodeLines {
  static final int TAB_WIDTH = 4;

  /** Advance of every character of Noto Sans Mono, in em. */
  static final double ADVANCE_EM = 0.6;

  static final int MAX_HANG_COLUMNS = 16;

  /** Marks the copy of the {@code code} element that opens each line. */
  private static final String CODE_COPY = "code-copy";

  private CodeLines() {}

  /**
   * The code face's size in the body's em ({@code base.css}: {@code pre { font-size: 0.88em }}).
   */
  static final double CODE_EM = 0.88;

  /** A block's margin and padding above its first line, and a line's height, in the code's em. */
  private static final double MARGIN_EM = 0.8;

  private static final double PADDING_EM = 0.6;

  /** A block's padding on each side, in the code's em ({@code base.css}). */
  private static final double SIDE_PADDING_EM = 0.8;

  private static final double LINE_EM = 1.45;

  /** The printed lines {@code pdf.css}'s least room for a block ({@code 5.8em}) counts on. */
  private static final int LINES_IN_LEAST_ROOM = 3;

  /**
   * Lays out every {@code pre} of {@code doc}, whose body text is {@code measureEm} body em wide.
   */
  static void apply(Document doc, double measureEm) {
    // The code's width in its own em, less the block's side padding.
    int columns = (int) Math.floor((measureEm / CODE_EM - 2 * SIDE_PADDING_EM) / ADVANCE_EM);
    for (Element pre : doc.select("pre")) {
      layOut(pre, Math.max(8, columns));
    }
  }

  private static void layOut(Element pre, int columns) {
    Element root =
        pre.children().size() == 1
                && pre.child(0).normalName().equals("code")
                && pre.textNodes().stream().allMatch(TextNode::isBlank)
            ? pre.child(0)
            : pre;
    List<Element> lines = new ArrayList<>();
    lines.add(newLine(root, pre));
    Set<String> ids = new HashSet<>();
    split(root, List.of(), lines, root, pre, ids);
    Element last = lines.get(lines.size() - 1);
    if (lines.size() > 1 && last.text().isEmpty() && last.select("img").isEmpty()) {
      lines.remove(lines.size() - 1); // the newline that ends the code is not a line of its own
    }
    for (Element line : lines) {
      expandTabs(line);
      hang(line);
    }
    pre.empty();
    int n = lines.size();
    if (n <= 3) {
      keep(pre, lines);
    } else {
      keep(pre, lines.subList(0, 2));
      lines.subList(2, n - 2).forEach(pre::appendChild);
      keep(pre, lines.subList(n - 2, n));
    }
    leastRoom(pre, lines.subList(0, n <= 3 ? n : 2), columns);
  }

  /**
   * Asks for more room than {@code pdf.css}'s 5.8em at a page's foot when the block's first kept
   * lines ({@code first}) wrap into more than three printed lines. The block starts on the next
   * page unless its margin, padding and three printed lines fit; a taller kept group moved on alone
   * and left the block's grey background empty at the foot of the page (aneasystone's notes).
   */
  private static void leastRoom(Element pre, List<Element> first, int columns) {
    int printed = 0;
    for (Element line : first) {
      printed += printedLines(line.wholeText(), columns);
    }
    if (printed <= LINES_IN_LEAST_ROOM) {
      return;
    }
    double em = MARGIN_EM + PADDING_EM + Math.min(printed, 20) * LINE_EM;
    String style = pre.attr("style");
    pre.attr(
        "style",
        (style.isBlank() || style.strip().endsWith(";") ? style : style + ";")
            + String.format(java.util.Locale.ROOT, "-fs-page-break-min-height: %.2fem;", em));
  }

  /**
   * About how many printed lines a source line takes at {@code columns} columns, wrapped as {@code
   * pre-wrap} wraps it: at spaces, which hang at a line's end; a word longer than a line anywhere.
   * Wide characters (CJK) take two columns; the lines it wraps into hang as {@link #hang} indents
   * them.
   */
  static int printedLines(String text, int columns) {
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    int wrapped = Math.max(1, columns - Math.min(indent, MAX_HANG_COLUMNS) - 2);
    int lines = 1;
    int width = columns;
    int column = 0;
    for (int i = 0; i < text.length(); ) {
      int spaces = 0;
      while (i < text.length() && text.charAt(i) == ' ') {
        spaces++;
        i++;
      }
      int word = 0;
      while (i < text.length() && text.charAt(i) != ' ') {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        int eaw = UCharacter.getIntPropertyValue(cp, UProperty.EAST_ASIAN_WIDTH);
        word +=
            eaw == UCharacter.EastAsianWidth.WIDE || eaw == UCharacter.EastAsianWidth.FULLWIDTH
                ? 2
                : 1;
      }
      if (word == 0) {
        break; // spaces at the end hang
      }
      if (column + spaces + word <= width) {
        column += spaces + word;
        continue;
      }
      if (column > 0) {
        lines++; // the spaces before the word hang at the end of the line
        width = wrapped;
        column = 0;
        spaces = 0;
      }
      int room = width - column - spaces; // the line's own indentation takes room
      if (word > room) {
        word -= Math.max(0, room);
        lines++;
        width = wrapped;
        while (word > width) {
          word -= width;
          lines++;
        }
        column = word;
      } else {
        column += spaces + word;
      }
    }
    return lines;
  }

  private static void keep(Element pre, List<Element> lines) {
    Element group = pre.appendElement("span").attr("class", "code-keep");
    List.copyOf(lines).forEach(group::appendChild);
  }

  /** An empty line: a block holding a shallow copy of the {@code code} element, if there is one. */
  private static Element newLine(Element root, Element pre) {
    Element line = new Element("span").attr("class", "code-line");
    if (root != pre) {
      Element code = root.shallowClone().addClass(CODE_COPY);
      code.removeAttr("id");
      line.appendChild(code);
    }
    return line;
  }

  /** Where the next piece of the current line goes: inside copies of {@code chain}. */
  private static Element target(List<Element> lines, List<Element> chain, Set<String> ids) {
    Element line = lines.get(lines.size() - 1);
    Element first = line.children().isEmpty() ? null : line.child(0);
    Element at = first != null && first.hasClass(CODE_COPY) ? first : line;
    for (Element e : chain) {
      Element copy = e.shallowClone();
      if (copy.hasAttr("id") && !ids.add(copy.id())) {
        copy.removeAttr("id");
      }
      at.appendChild(copy);
      at = copy;
    }
    return at;
  }

  private static void split(
      Element element,
      List<Element> chain,
      List<Element> lines,
      Element root,
      Element pre,
      Set<String> ids) {
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode t) {
        String[] pieces = t.getWholeText().split("\n", -1);
        for (int i = 0; i < pieces.length; i++) {
          if (i > 0) {
            lines.add(newLine(root, pre));
          }
          if (!pieces[i].isEmpty()) {
            target(lines, chain, ids).appendChild(new TextNode(pieces[i]));
          }
        }
      } else if (child instanceof Element e) {
        if (e.normalName().equals("br")) {
          lines.add(newLine(root, pre));
        } else if (e.textNodes().isEmpty() && e.children().isEmpty()) {
          target(lines, chain, ids).appendChild(e.clone()); // an image or other empty element
        } else {
          List<Element> deeper = new ArrayList<>(chain);
          deeper.add(e);
          split(e, deeper, lines, root, pre, ids);
        }
      }
    }
  }

  /**
   * A wrapped line continues two columns in from where its own text starts (past its indentation),
   * so it reads as the same statement; deep indentation counts up to {@value #MAX_HANG_COLUMNS}
   * columns, so a continuation keeps most of a narrow measure. Columns are the bundled monospace
   * face's advance, {@value #ADVANCE_EM} em.
   */
  private static void hang(Element line) {
    String text = line.wholeText();
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    double em = (Math.min(indent, MAX_HANG_COLUMNS) + 2) * ADVANCE_EM;
    String length = String.format(java.util.Locale.ROOT, "%.2fem", em);
    line.attr("style", "padding-left: " + length + "; text-indent: -" + length + ";");
  }

  /** Replaces each tab by the spaces that reach the next tab stop. */
  private static void expandTabs(Element line) {
    int column = 0;
    for (TextNode t : textNodes(line)) {
      String text = t.getWholeText();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == '\t') {
          int spaces = TAB_WIDTH - column % TAB_WIDTH;
          sb.append(" ".repeat(spaces));
          column += spaces;
        } else {
          sb.appendCodePoint(cp);
          column++;
        }
      }
      if (text.indexOf('\t') >= 0) {
        t.text(sb.toString());
      }
    }
  }

  private static List<TextNode> textNodes(Element e) {
    List<TextNode> out = new ArrayList<>();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        out.add(t);
      } else if (n instanceof Element child) {
        out.addAll(textNodes(child));
      }
    }
    return out;
  }
}
