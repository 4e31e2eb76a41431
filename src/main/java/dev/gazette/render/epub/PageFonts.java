package dev.gazette.render.epub;

import dev.gazette.typeset.FontUsage;
import dev.gazette.util.InOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The characters each role draws on an EPUB's pages. Pages are parsed on all cores in runs, each
 * thread taking the next run when free ({@link InOrder}; parsing every page again was most of an
 * EPUB's font pass), each run recorded in a part of the usage that is added to it as soon as the
 * runs before it are: what the parts record are unions, so the EPUB is the same bytes whatever the
 * number of threads. An article's text, needed only to name the posts that hold a character no font
 * has, is read again from its page when asked ({@link #articleText}): keeping every article's text
 * took as much memory as the articles themselves.
 */
final class PageFonts {
  /** Pages per task: few enough parts to merge, enough tasks to share among cores. */
  private static final int RUN = 16;

  private PageFonts() {}

  /** Adds the characters of {@code pages} (file name to XHTML) to {@code usage}. */
  static void record(Map<String, String> pages, FontUsage usage) {
    List<Map.Entry<String, String>> list = new ArrayList<>(pages.entrySet());
    int runs = (list.size() + RUN - 1) / RUN;
    InOrder.forEach(
        IntStream.range(0, runs).boxed().toList(),
        r -> run(list.subList(r * RUN, Math.min(list.size(), (r + 1) * RUN)), usage),
        usage::addAll);
  }

  /** A part holds its pages' documents (jsoup's selector memo): it is dropped once added. */
  private static FontUsage run(List<Map.Entry<String, String>> pages, FontUsage usage) {
    FontUsage part = usage.part();
    for (Map.Entry<String, String> page : pages) {
      part.add(parse(page.getValue()));
    }
    return part;
  }

  /**
   * The text of the element with id {@code id} on page {@code id.xhtml} of {@code pages} (an
   * article's page), or "" when there is no such page or element.
   */
  static String articleText(Map<String, String> pages, String id) {
    String page = pages.get(id + ".xhtml");
    if (page == null) {
      return "";
    }
    Document doc = parse(page);
    if (doc.getElementById(id) == null) {
      return "";
    }
    return doc.body() != null ? doc.body().text() : doc.text();
  }

  private static Document parse(String page) {
    return Jsoup.parse(page, "", Parser.xmlParser());
  }
}
