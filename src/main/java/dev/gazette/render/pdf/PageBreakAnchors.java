package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.PageBox;
import dev.gazette.render.PrintedPages;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds on which PDF page each anchor of {@link PrintedPages} starts, for the EPUB's page list.
 * Before layout every anchor gets an id (the renderer records where each element with an id is laid
 * out); after layout each id's box is looked up among the pages, and the ids are taken back before
 * the PDF is painted. Nothing is laid out twice.
 */
final class PageBreakAnchors {
  private static final String ID_PREFIX = "pp-";

  /** Anchor keys in reading order, each with the id of its element in the PDF's document. */
  private final Map<String, String> idByKey = new LinkedHashMap<>();

  /** The ids given here (not the document's own), taken back by {@link #unmark}. */
  private final Set<String> givenIds = new LinkedHashSet<>();

  private PageBreakAnchors() {}

  /**
   * Gives every anchor of the document an id, before the PDF renderer changes the markup (the
   * anchors must be those the EPUB finds in the same articles).
   */
  static PageBreakAnchors mark(Document doc) {
    PageBreakAnchors anchors = new PageBreakAnchors();
    anchors.add(PrintedPages.COVER, doc.selectFirst(".cover-page"));
    anchors.add(PrintedPages.TITLE, doc.selectFirst(".title-page"));
    anchors.add(PrintedPages.CONTENTS, doc.selectFirst("nav.toc"));
    for (Element article : doc.select("article[id]")) {
      List<Element> list = PrintedPages.anchors(article);
      for (int i = 0; i < list.size(); i++) {
        anchors.add(PrintedPages.key(article.id(), i), list.get(i));
      }
    }
    return anchors;
  }

  private void add(String key, Element e) {
    if (e == null) {
      return;
    }
    if (e.id().isEmpty()) {
      e.attr("id", ID_PREFIX + key.replace('/', '-'));
      givenIds.add(e.id());
    }
    idByKey.put(key, e.id());
  }

  /** After {@link PdfBoxRenderer#layout()}: the page each anchor starts on. */
  PrintedPages locate(PdfBoxRenderer renderer) {
    return PrintedPages.of(firstPages(renderer));
  }

  /**
   * After {@link PdfBoxRenderer#layout()}: each anchor key in reading order with the 1-based page
   * of this layout it starts on.
   */
  Map<String, Integer> firstPages(PdfBoxRenderer renderer) {
    Map<String, Box> boxes = renderer.getSharedContext().getIdMap();
    List<PageBox> pages = renderer.getRootBox().getLayer().getPages();
    Map<String, Integer> firstPages = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : idByKey.entrySet()) {
      Box box = boxes == null ? null : boxes.get(e.getValue());
      if (box == null) {
        continue;
      }
      int page = pageOf(pages, box.getAbsY());
      if (page > 0) {
        firstPages.put(e.getKey(), page);
      }
    }
    return firstPages;
  }

  /**
   * After {@link #locate}, before the PDF is painted: takes back the ids given by {@link #mark}.
   * The tagged PDF keeps an empty structure element when its element has an id (a possible link
   * target), so an id left on an empty anchor would add a {@code Div} to the structure tree only
   * when an EPUB asks for page breaks, and the PDF would differ with or without the EPUB.
   */
  void unmark(PdfBoxRenderer renderer) {
    Map<String, Box> boxes = renderer.getSharedContext().getIdMap();
    if (boxes == null) {
      return;
    }
    for (String id : givenIds) {
      Box box = boxes.remove(id);
      if (box != null && box.getElement() != null) {
        box.getElement().removeAttribute("id");
      }
    }
  }

  /**
   * The 1-based number of the page whose content area holds {@code absY} (the number the page
   * footer prints: {@code counter(page)} counts from the first page), or 0. Read from the laid-out
   * pages, without asking the layer, which adds pages for a position past the last.
   */
  static int pageOf(List<PageBox> pages, int absY) {
    int lo = 0;
    int hi = pages.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      PageBox p = pages.get(mid);
      if (absY < p.getTop()) {
        hi = mid - 1;
      } else if (absY >= p.getBottom()) {
        lo = mid + 1;
      } else {
        return mid + 1;
      }
    }
    return 0;
  }
}
