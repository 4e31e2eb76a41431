package dev.gazette.render.epub;

import dev.gazette.typeset.FontUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * The characters each role draws in a run of pages, and the text of the articles among them. Pages
 * are parsed on all cores, a run of pages per task (parsing every page again was most of an EPUB's
 * font pass); the runs come back in page order, and what they record are unions and per-article
 * texts, so the EPUB is the same bytes whatever the number of threads.
 */
record PageFonts(FontUsage usage, Map<String, String> articleTexts) {
  /** Pages per task: few enough parts to merge, enough tasks to share among cores. */
  private static final int RUN = 32;

  /** The runs of {@code pages} (file name to XHTML), in order, each recorded in a part of usage. */
  static List<PageFonts> of(Map<String, String> pages, FontUsage usage) {
    List<Map.Entry<String, String>> list = new ArrayList<>(pages.entrySet());
    int runs = (list.size() + RUN - 1) / RUN;
    return IntStream.range(0, runs)
        .parallel()
        .mapToObj(r -> run(list.subList(r * RUN, Math.min(list.size(), (r + 1) * RUN)), usage))
        .toList();
  }

  private static PageFonts run(List<Map.Entry<String, String>> pages, FontUsage usage) {
    FontUsage part = usage.part();
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, String> page : pages) {
      Document doc = Jsoup.parse(page.getValue(), "", Parser.xmlParser());
      part.add(doc);
      String id = page.getKey().replaceFirst("\\.xhtml$", "");
      if (doc.getElementById(id) != null) {
        texts.put(id, doc.body() != null ? doc.body().text() : doc.text());
      }
    }
    return new PageFonts(part, texts);
  }
}
