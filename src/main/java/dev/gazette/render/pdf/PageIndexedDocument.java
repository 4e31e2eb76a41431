package dev.gazette.render.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * A PDF document that finds a page by its number in constant time.
 *
 * <p>OpenHTMLtoPDF (1.1.65) resolves every internal link and every bookmark to its page with {@code
 * PDDocument.getPage(i)} ({@code PdfBoxBookmarkManager.createBoxDestination}), and PDFBox answers
 * that by walking the page tree: it copies the list of kids of the (flat, one-level) page tree and
 * counts through it, so each target costs a walk over all pages before it. A digest's contents
 * links two targets per article and the outline one more: O(articles × pages). The renderer adds
 * every page through {@link #addPage}, so this class keeps the pages in a list as they are added
 * and answers from it; anything else that changes the page tree drops the list and falls back to
 * the walk.
 */
final class PageIndexedDocument extends PDDocument {
  private List<PDPage> pages = new ArrayList<>();

  @Override
  public void addPage(PDPage page) {
    super.addPage(page);
    if (pages != null) {
      pages.add(page);
    }
  }

  @Override
  public PDPage getPage(int pageIndex) {
    if (pages != null && pages.size() == getNumberOfPages()) {
      return pages.get(pageIndex);
    }
    pages = null;
    return super.getPage(pageIndex);
  }

  @Override
  public void removePage(PDPage page) {
    pages = null;
    super.removePage(page);
  }

  @Override
  public void removePage(int pageNumber) {
    pages = null;
    super.removePage(pageNumber);
  }

  @Override
  public PDPage importPage(PDPage page) throws IOException {
    pages = null;
    return super.importPage(page);
  }
}
