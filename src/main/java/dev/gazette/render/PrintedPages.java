package dev.gazette.render;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Where the PDF edition's pages start, for the EPUB's page list (EPUB Accessibility: a reader in a
 * class or a citation finds "page 12" of the printed edition). Both renderers name the same places
 * the same way: an <em>anchor</em> is the cover, the title page, the contents, an article, or a
 * block of an article (paragraph, heading, list item, figure, table row …), keyed by its article
 * and its position among the article's anchors. The PDF renderer lays out, then tells on which page
 * each anchor starts; the EPUB renderer puts a page break marker before the first anchor of each
 * page.
 *
 * @param breaks the anchor key where each page starts, in reading order, with the page number
 *     printed on that page
 */
public record PrintedPages(Map<String, String> breaks) {
  public static final String COVER = "cover";
  public static final String TITLE = "title";
  public static final String CONTENTS = "contents";

  /** Blocks that may start a page; an article element itself is the first anchor of an article. */
  private static final String BLOCKS =
      "p, li, h1, h2, h3, h4, h5, h6, figure, pre, blockquote, tr, dt, dd, hr";

  public PrintedPages {
    breaks = Collections.unmodifiableMap(new LinkedHashMap<>(breaks));
  }

  /**
   * The anchors of an article element in document order; the key of the {@code i}-th is {@link
   * #key}({@code articleId, i}). Both renderers call this on the same markup ({@link
   * ArticleMarkup}), parsed the same way, before changing it.
   */
  public static List<Element> anchors(Element article) {
    List<Element> result = new ArrayList<>();
    result.add(article);
    Elements blocks = article.select(BLOCKS);
    for (Element e : blocks) {
      if (e != article) {
        result.add(e);
      }
    }
    return result;
  }

  public static String key(String articleId, int ordinal) {
    return articleId + "/" + ordinal;
  }

  /**
   * Page breaks from where each anchor starts, in reading order: page {@code n} starts at the first
   * anchor found on it. A page on which no anchor starts (the middle of a long code block) has no
   * marker; numbers only go forward.
   *
   * @param firstPages each anchor key in reading order with the 1-based PDF page it starts on
   */
  public static PrintedPages of(Map<String, Integer> firstPages) {
    Map<String, String> breaks = new LinkedHashMap<>();
    int last = 0;
    for (Map.Entry<String, Integer> e : firstPages.entrySet()) {
      int page = e.getValue();
      if (page > last) {
        breaks.put(e.getKey(), Integer.toString(page));
        last = page;
      }
    }
    return new PrintedPages(breaks);
  }

  /** The printed page number starting at this anchor, or null. */
  public String pageAt(String key) {
    return breaks.get(key);
  }

  /**
   * Hands the PDF's page breaks to the EPUB while both are written at the same time. {@link #NONE}
   * when the build does not write both.
   */
  public static final class Exchange {
    public static final Exchange NONE = new Exchange(false, "");

    private final boolean wanted;
    private final String source;
    private final CompletableFuture<PrintedPages> pages = new CompletableFuture<>();

    private Exchange(boolean wanted, String source) {
      this.wanted = wanted;
      this.source = source;
      if (!wanted) {
        pages.complete(null);
      }
    }

    /**
     * An exchange for a build that writes the PDF and the EPUB.
     *
     * @param source how the EPUB names the PDF edition (its {@code pageBreakSource})
     */
    public static Exchange between(String source) {
      return new Exchange(true, source);
    }

    /** The PDF edition's name, for the EPUB's metadata. */
    public String source() {
      return source;
    }

    /** True when an EPUB waits for the page breaks: the PDF renderer should measure them. */
    public boolean wanted() {
      return wanted;
    }

    public void offer(PrintedPages printed) {
      pages.complete(printed);
    }

    /** The PDF will not tell (it failed, or was never laid out): the EPUB goes without. */
    public void withdraw() {
      pages.complete(null);
    }

    /** Waits for the PDF's layout; null when there is none. */
    public PrintedPages await() {
      return pages.join();
    }
  }
}
