package dev.gazette.render.pdf;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * A blank page laid out ahead of a chunk's first article and dropped once the chunk is painted, so
 * that the article starts after a page break as it does in one layout.
 *
 * <p>Why: OpenHTMLtoPDF keeps a line's painted area on one page. A line whose inline boxes are
 * taller than its line height (a negative half-leading: the article title's CJK face, 1.448 em of
 * ascent and descent, in a line of 1.35 em) paints above its own top. At the top of any page but
 * the first, that area reaches into the page above, so the line is moved down until it fits ({@code
 * LineBox.checkPagePosition}: by 20 dots, 1 px, for that title); at the top of the document's first
 * page there is no page above and the line stays where it is. In one layout every article starts
 * after a page break and its title is moved down; a chunk's first article started at the top of the
 * chunk's first page and was not, so all of that article was laid out 1 px higher than in one
 * layout, and on a later page a paragraph that fitted by less than 1 px in one layout (or the
 * reverse) broke elsewhere.
 *
 * <p>With this page ahead of it, the first article starts on the chunk's second page after a page
 * break, exactly as in one layout. The page has no content and no page furniture (the stylesheet's
 * {@code @page :first} rule, kept for chunks, applies to it), so it draws nothing: no glyph, no
 * structure element, no link target; its removal renumbers nothing but the chunk's own page
 * indices, which are read as {@link #pagesAfter}.
 */
final class LeadPage {
  private static final String CLASS = "gazette-lead-page";

  /** The lead page's rule, for a chunk's stylesheet. */
  static final String CSS =
      "\n."
          + CLASS
          + " { height: 1px; margin: 0; padding: 0; border: 0; page-break-after: always; }\n";

  /** The block that fills the lead page; first in a chunk's body. */
  static final String MARKUP = "<div class=\"" + CLASS + "\"></div>\n";

  private LeadPage() {}

  /** The chunk's length without its lead page. */
  static int pagesAfter(int laidOut) {
    if (laidOut < 2) {
      throw new IllegalStateException("a chunk laid out on " + laidOut + " page(s): no lead page");
    }
    return laidOut - 1;
  }

  /** The 1-based page of each key in the chunk without its lead page. */
  static Map<String, Integer> pagesAfter(Map<String, Integer> laidOut) {
    Map<String, Integer> shifted = new LinkedHashMap<>();
    laidOut.forEach((k, page) -> shifted.put(k, page - 1));
    return shifted;
  }

  /**
   * Removes the painted lead page (before the part's named destinations are read), and the page
   * entries of structure elements that name it: the tagged layout gives the elements whose first
   * painting (the body's background, an artifact) falls on the lead page that page, and the page
   * would be written, unseen, with the part.
   */
  static void drop(PDDocument painted) {
    COSDictionary lead = painted.getPage(0).getCOSObject();
    painted.removePage(0);
    PDStructureTreeRoot root = painted.getDocumentCatalog().getStructureTreeRoot();
    if (root != null) {
      forget(root.getCOSObject().getDictionaryObject(COSName.K), lead, new IdentityHashMap<>());
    }
  }

  private static void forget(COSBase node, COSDictionary lead, Map<COSBase, Boolean> seen) {
    if (node instanceof COSArray kids) {
      for (int i = 0; i < kids.size(); i++) {
        forget(kids.getObject(i), lead, seen);
      }
    } else if (node instanceof COSDictionary element && seen.put(element, true) == null) {
      if (element.getDictionaryObject(COSName.PG) == lead) {
        if (element.getDictionaryObject(COSName.MCID) != null
            || holdsMarkedContent(element.getDictionaryObject(COSName.K))) {
          throw new IllegalStateException("the lead page of a chunk holds tagged content");
        }
        element.removeItem(COSName.PG);
      }
      forget(element.getDictionaryObject(COSName.K), lead, seen);
    }
  }

  /** Whether a structure element's kids name marked content on the element's own page. */
  private static boolean holdsMarkedContent(COSBase kids) {
    if (kids instanceof COSInteger) {
      return true;
    }
    if (kids instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.getObject(i) instanceof COSInteger) {
          return true;
        }
      }
    }
    return false;
  }
}
