package dev.gazette.render.epub;

import dev.gazette.render.PrintedPages;
import dev.gazette.util.Xml;
import dev.gazette.util.XmlWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * The EPUB's page list: a page break marker ({@code epub:type="pagebreak"}, {@code
 * role="doc-pagebreak"}, labelled with the page number) where each page of the PDF edition starts,
 * and the navigation's {@code page-list} pointing to them in reading order. Without a PDF in the
 * same build there are no markers (and no page list).
 */
final class PageMarkers {
  private final PrintedPages printed;
  private final Set<String> articlesWithBreaks = new HashSet<>();
  private final List<String[]> entries = new ArrayList<>();

  /**
   * @param printed the PDF's page breaks, or null
   */
  PageMarkers(PrintedPages printed) {
    this.printed = printed;
    if (printed != null) {
      for (String key : printed.breaks().keySet()) {
        int slash = key.indexOf('/');
        if (slash > 0) {
          articlesWithBreaks.add(key.substring(0, slash));
        }
      }
    }
  }

  boolean any() {
    return !entries.isEmpty();
  }

  /**
   * The marker for a page starting with a whole EPUB page (cover, title page, contents) to put
   * first in its body, or "".
   */
  String at(String key, String file) {
    String page = printed == null ? null : printed.pageAt(key);
    if (page == null) {
      return "";
    }
    entries.add(new String[] {file + "#" + id(page), page});
    return marker(page) + "\n";
  }

  /** The article's markup with a marker before each block where a PDF page starts. */
  String article(String articleXhtml, String articleId, String file) {
    if (printed == null || !articlesWithBreaks.contains(articleId)) {
      return articleXhtml;
    }
    Document doc = Jsoup.parse(articleXhtml, "", Parser.xmlParser());
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset("UTF-8")
        .prettyPrint(false);
    Element article = doc.selectFirst("article");
    List<Element> anchors = PrintedPages.anchors(article);
    for (int i = 0; i < anchors.size(); i++) {
      String page = printed.pageAt(PrintedPages.key(articleId, i));
      if (page != null && place(anchors.get(i), article, page)) {
        entries.add(new String[] {file + "#" + id(page), page});
      }
    }
    return doc.outerHtml();
  }

  /**
   * Puts the marker where the content model allows a {@code span}: first in the article, a list
   * item or a term; in the first cell of a table row; before anything else (inside a heading it
   * would become part of the heading's name).
   */
  private static boolean place(Element anchor, Element article, String page) {
    Element marker = Jsoup.parse(marker(page), "", Parser.xmlParser()).child(0);
    Element parent = anchor.parent();
    String parentName = parent == null ? "" : parent.normalName();
    if (anchor == article) {
      anchor.prependChild(marker);
    } else if (anchor.normalName().equals("tr")) {
      Element cell = anchor.selectFirst("> td, > th");
      if (cell == null) {
        return false;
      }
      cell.prependChild(marker);
    } else if (Set.of("ol", "ul", "dl", "menu").contains(parentName) || parent == null) {
      if (anchor.normalName().equals("hr")) {
        return false;
      }
      anchor.prependChild(marker);
    } else {
      anchor.before(marker);
    }
    return true;
  }

  private static String id(String page) {
    return "page-" + page;
  }

  private static String marker(String page) {
    String p = Xml.escape(page);
    return "<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\""
        + id(p)
        + "\" aria-label=\""
        + p
        + "\" title=\""
        + p
        + "\"></span>";
  }

  /** The navigation's page list, in reading order; nothing when no page has a marker. */
  void pageList(XmlWriter w) {
    if (entries.isEmpty()) {
      return;
    }
    w.open(
            "nav",
            "epub:type",
            "page-list",
            "role",
            "doc-pagelist",
            "id",
            "page-list",
            "hidden",
            "hidden")
        .nl();
    w.open("ol").nl();
    for (String[] e : entries) {
      w.open("li").open("a", "href", e[0]).text(e[1]).close("a").close("li").nl();
    }
    w.close("ol").nl().close("nav").nl();
  }
}
