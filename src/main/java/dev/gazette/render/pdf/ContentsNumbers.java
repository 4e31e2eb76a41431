package dev.gazette.render.pdf;

import com.openhtmltopdf.css.extend.ContentFunction;
import com.openhtmltopdf.css.parser.FSFunction;
import com.openhtmltopdf.layout.FunctionData;
import com.openhtmltopdf.layout.LayoutContext;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.FloatDistances;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.render.RenderingContext;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The contents numbers of a front matter laid out apart from the articles (the chunked PDF), laid
 * out and drawn the way one layout does {@code target-counter}: laid out as the library's stand-in
 * {@value #STAND_IN}, the number itself put in when the page is painted and right-aligned again on
 * its line (the library's own mechanism for page counters). Only the number comes from elsewhere:
 * the page an article starts on in its own part, which the front matter cannot see.
 *
 * <p>So the front matter's layout never depends on the numbers: its length is known before any
 * article is laid out, and it breaks its lines as one layout does. Numbers written into the markup
 * change the contents' line breaks with their digits' widths (the number column is sized by its
 * widest cell): at 1,000 posts a {@code 0000} stand-in gave 76 pages and the real numbers 65, and
 * every chunk was painted twice.
 */
final class ContentsNumbers implements ContentFunction {
  /** What a number is laid out as: OpenHTMLtoPDF 1.1.65's stand-in for {@code target-counter}. */
  static final String STAND_IN = "999";

  private static final String NUMBER_CELL_CLASS = "toc-page";

  private final Function<String, String> numberOfLink;

  private ContentsNumbers(Function<String, String> numberOfLink) {
    this.numberOfLink = numberOfLink;
  }

  /**
   * Makes every contents number of a laid-out front matter (the {@link #STAND_IN} in an {@code a}
   * of a {@code td.toc-page}) drawn as {@code numberOfLink} of the link's {@code href} when
   * painted.
   *
   * @return how many numbers will be drawn so
   */
  static int drawFrom(Box root, Function<String, String> numberOfLink) {
    ContentsNumbers function = new ContentsNumbers(numberOfLink);
    int given = 0;
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof InlineText text) {
        if (isNumber(text)) {
          text.setFunctionData(new FunctionData(function, null));
          LineBox line = text.getParent().getLineBox();
          line.setContainsDynamicFunction(true);
          if (line.getFloatDistances() == null) {
            // Kept by the layout for lines with a page counter, dropped for others; painting
            // aligns the line again with them. A table cell is a formatting context of its own and
            // the contents' cells hold no floats: the distances are zero.
            line.setFloatDistances(new FloatDistances());
          }
          given++;
        }
        continue;
      }
      if (o instanceof InlineLayoutBox inline) {
        for (int i = inline.getInlineChildCount() - 1; i >= 0; i--) {
          todo.push(inline.getInlineChild(i));
        }
      }
      if (o instanceof Box box) {
        for (int i = box.getChildCount() - 1; i >= 0; i--) {
          todo.push(box.getChild(i));
        }
      }
    }
    return given;
  }

  private static boolean isNumber(InlineText text) {
    if (text.isDynamicFunction() || !STAND_IN.equals(text.getSubstring())) {
      return false;
    }
    Element link = text.getParent().getElement();
    if (link == null || !"a".equals(link.getNodeName())) {
      return false;
    }
    Node cell = link.getParentNode();
    return cell instanceof Element e
        && Arrays.asList(e.getAttribute("class").split("\\s+")).contains(NUMBER_CELL_CLASS);
  }

  @Override
  public String calculate(RenderingContext c, FSFunction function, InlineText text) {
    String number = numberOfLink.apply(text.getParent().getElement().getAttribute("href"));
    return number == null ? "" : number;
  }

  @Override
  public boolean isStatic() {
    return false;
  }

  @Override
  public String calculate(LayoutContext c, FSFunction function) {
    return null;
  }

  @Override
  public String getLayoutReplacementText() {
    return STAND_IN;
  }

  @Override
  public boolean canHandle(LayoutContext c, FSFunction function) {
    return false; // never looked up: given to laid-out text only
  }
}
