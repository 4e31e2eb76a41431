package dev.gazette.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/** Reads an EPUB's navigation document back as a tree, in the shape of {@link Pdfs#outline}. */
public final class Navs {
  private Navs() {}

  public static List<Pdfs.Bookmark> tree(Path epub) throws IOException {
    String nav = new String(Epubs.entry(epub, "OEBPS/nav.xhtml"), StandardCharsets.UTF_8);
    Element toc = Jsoup.parse(nav, "", Parser.xmlParser()).selectFirst("nav#toc > ol");
    return items(toc);
  }

  /** The nav as indented lines ({@code " Title"} per level), for readable assertions. */
  public static List<String> lines(List<Pdfs.Bookmark> tree) {
    List<String> out = new ArrayList<>();
    addLines(tree, "", out);
    return out;
  }

  private static void addLines(List<Pdfs.Bookmark> tree, String indent, List<String> out) {
    for (Pdfs.Bookmark b : tree) {
      out.add(indent + b.title());
      addLines(b.children(), indent + "  ", out);
    }
  }

  private static List<Pdfs.Bookmark> items(Element ol) {
    List<Pdfs.Bookmark> result = new ArrayList<>();
    for (Element li : ol.children()) {
      Element label = li.children().first();
      Element sub = li.selectFirst("> ol");
      result.add(new Pdfs.Bookmark(label.text(), sub == null ? List.of() : items(sub)));
    }
    return result;
  }
}
