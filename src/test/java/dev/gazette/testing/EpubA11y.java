package dev.gazette.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What Ace by DAISY checks in an EPUB that EPUBCheck does not, read back from the file: ARIA roles
 * on the navigation, the landmarks, alt text on every picture, header cells in tables, the language
 * of every content document, the accessibility metadata and a page list whose entries land on page
 * break markers in reading order. {@link #problems} returns one line per failure; empty means
 * accessible as far as these rules go.
 */
public final class EpubA11y {
  private static final String OEBPS = "OEBPS/";

  /** Link rules may drop the underline only where everything is a link (lists of links). */
  private static final Pattern PLAIN_LINKS_ALLOWED =
      Pattern.compile("^(\\.toc|\\.masthead|nav)\\b.*");

  /** epub:type values with an ARIA role Ace wants beside them (outside the landmarks nav). */
  private static final Map<String, String> MATCHING_ROLES =
      Map.ofEntries(
          Map.entry("toc", "doc-toc"),
          Map.entry("page-list", "doc-pagelist"),
          Map.entry("pagebreak", "doc-pagebreak"),
          Map.entry("noteref", "doc-noteref"),
          Map.entry("footnote", "doc-footnote"),
          Map.entry("endnote", "doc-endnote"),
          Map.entry("endnotes", "doc-endnotes"),
          Map.entry("chapter", "doc-chapter"),
          Map.entry("part", "doc-part"),
          Map.entry("subtitle", "doc-subtitle"),
          Map.entry("abstract", "doc-abstract"),
          Map.entry("bibliography", "doc-bibliography"),
          Map.entry("glossary", "doc-glossary"),
          Map.entry("index", "doc-index"),
          Map.entry("pullquote", "doc-pullquote"));

  private EpubA11y() {}

  /** A page break marker as the page list names it. */
  public record PageBreak(String page, String href) {}

  public static List<String> problems(Path epub) throws IOException {
    List<String> out = new ArrayList<>();
    Document opf = xml(epub, OEBPS + "content.opf");
    if (opf == null) {
      return List.of("no OEBPS/content.opf");
    }
    Map<String, Document> docs = new LinkedHashMap<>();
    Map<String, String> hrefById = new HashMap<>();
    for (Element item : opf.select("manifest > item")) {
      hrefById.put(item.attr("id"), item.attr("href"));
    }
    for (Element ref : opf.select("spine > itemref")) {
      String href = hrefById.get(ref.attr("idref"));
      docs.put(href, xml(epub, OEBPS + href));
    }
    Element navItem = opf.selectFirst("manifest > item[properties~=nav]");
    String navHref = navItem == null ? null : navItem.attr("href");
    if (navHref == null) {
      out.add("no navigation document");
      return out;
    }
    Document nav = docs.containsKey(navHref) ? docs.get(navHref) : xml(epub, OEBPS + navHref);
    metadata(opf, docs, out);
    navigation(nav, docs, out);
    for (Map.Entry<String, Document> e : docs.entrySet()) {
      contentDocument(e.getKey(), e.getValue(), out);
    }
    List<PageBreak> list = pageList(nav);
    pageBreaks(list, docs, opf, out);
    stylesheets(epub, opf, out);
    return out;
  }

  /** The nav's page-list entries, in order; empty when there is no page list. */
  public static List<PageBreak> pageList(Path epub) throws IOException {
    Document opf = xml(epub, OEBPS + "content.opf");
    Element navItem = opf.selectFirst("manifest > item[properties~=nav]");
    return pageList(xml(epub, OEBPS + navItem.attr("href")));
  }

  private static List<PageBreak> pageList(Document nav) {
    List<PageBreak> list = new ArrayList<>();
    Element pages = nav.selectFirst("nav[epub:type=page-list]");
    if (pages != null) {
      for (Element a : pages.select("li > a")) {
        list.add(new PageBreak(a.text(), a.attr("href")));
      }
    }
    return list;
  }

  private static void metadata(Document opf, Map<String, Document> docs, List<String> out) {
    Element meta = opf.selectFirst("metadata");
    if (meta == null || meta.select("dc|language").text().isBlank()) {
      out.add("OPF: no dc:language");
    }
    List<String> modes = properties(opf, "schema:accessMode");
    List<String> features = properties(opf, "schema:accessibilityFeature");
    if (!modes.contains("textual")) {
      out.add("OPF: schema:accessMode textual missing");
    }
    boolean pictures = docs.values().stream().anyMatch(d -> !d.select("img").isEmpty());
    if (pictures && !modes.contains("visual")) {
      out.add("OPF: pictures but no schema:accessMode visual");
    }
    if (properties(opf, "schema:accessModeSufficient").isEmpty()) {
      out.add("OPF: no schema:accessModeSufficient");
    }
    for (String f : List.of("structuralNavigation", "tableOfContents", "readingOrder")) {
      if (!features.contains(f)) {
        out.add("OPF: schema:accessibilityFeature " + f + " missing");
      }
    }
    if (properties(opf, "schema:accessibilityHazard").isEmpty()) {
      out.add("OPF: no schema:accessibilityHazard");
    }
    if (properties(opf, "schema:accessibilitySummary").stream().allMatch(String::isBlank)) {
      out.add("OPF: no schema:accessibilitySummary");
    }
    boolean allAlt =
        docs.values().stream()
            .flatMap(d -> d.select("img").stream())
            .allMatch(img -> !img.attr("alt").isBlank() || decorative(img));
    if (features.contains("alternativeText") && !allAlt) {
      out.add("OPF: claims alternativeText but a picture has no alt text");
    }
  }

  private static List<String> properties(Document opf, String property) {
    return opf.select("metadata > meta[property=" + property + "]").eachText();
  }

  private static void navigation(Document nav, Map<String, Document> docs, List<String> out) {
    Element toc = nav.selectFirst("nav[epub:type=toc]");
    if (toc == null) {
      out.add("nav: no toc nav");
    } else if (!toc.attr("role").equals("doc-toc")) {
      out.add("nav: toc nav without role=\"doc-toc\"");
    }
    Element landmarks = nav.selectFirst("nav[epub:type=landmarks]");
    if (landmarks == null) {
      out.add("nav: no landmarks nav");
    } else {
      Map<String, String> types = new HashMap<>();
      for (Element a : landmarks.select("li > a")) {
        types.put(a.attr("epub:type"), a.attr("href"));
      }
      List<String> needed = new ArrayList<>(List.of("toc", "bodymatter"));
      if (docs.containsKey("cover.xhtml")) {
        needed.add("cover");
      }
      for (String type : needed) {
        String href = types.get(type);
        if (href == null) {
          out.add("nav: landmarks without " + type);
        } else if (!docs.containsKey(href.replaceFirst("#.*", ""))) {
          out.add("nav: landmark " + type + " points outside the spine: " + href);
        }
      }
    }
    Element pages = nav.selectFirst("nav[epub:type=page-list]");
    if (pages != null && !pages.attr("role").equals("doc-pagelist")) {
      out.add("nav: page-list nav without role=\"doc-pagelist\"");
    }
  }

  private static void contentDocument(String href, Document doc, List<String> out) {
    Element html = doc.selectFirst("html");
    String lang = html.attr("lang");
    if (lang.isBlank() || !lang.equals(html.attr("xml:lang"))) {
      out.add(href + ": html without matching lang and xml:lang");
    }
    for (Element e : doc.select("[lang], [xml:lang]")) {
      if (!e.attr("lang").equals(e.attr("xml:lang")) || e.attr("lang").isBlank()) {
        out.add(href + ": <" + e.tagName() + "> lang and xml:lang differ");
      }
    }
    int previous = doc.select("article").isEmpty() ? 0 : 1;
    for (Element h :
        doc.select("article h1, article h2, article h3, article h4, article h5, article h6")) {
      int level = h.tagName().charAt(1) - '0';
      if (level > previous + 1) {
        out.add(href + ": heading level skipped: <" + h.tagName() + "> " + h.text());
      }
      previous = level;
    }
    for (Element article : doc.select("article")) {
      if (article.attr("lang").isBlank()) {
        out.add(href + ": article without lang");
      }
    }
    for (Element img : doc.select("img")) {
      if (!img.hasAttr("alt")) {
        out.add(href + ": img without alt: " + img.attr("src"));
      } else if (img.attr("alt").isBlank() && !decorative(img)) {
        out.add(href + ": img with empty alt and no role=\"presentation\": " + img.attr("src"));
      }
    }
    for (Element table : doc.select("table")) {
      boolean headerRow = !table.select("thead").isEmpty();
      if (headerRow && table.select("thead th").isEmpty()) {
        out.add(href + ": table header row without th");
      }
      for (Element td : table.select("thead td")) {
        if (!td.text().isBlank()) {
          out.add(href + ": td with text in a table header row");
        }
      }
      for (Element th : table.select("th")) {
        if (th.text().isBlank() && th.select("img").isEmpty()) {
          out.add(href + ": th without text");
        }
      }
      for (Element th : table.select("th")) {
        if (!Set.of("col", "row", "colgroup", "rowgroup").contains(th.attr("scope"))) {
          out.add(href + ": th without scope: " + th.text());
        }
      }
    }
    for (Element e : doc.getAllElements()) {
      if (!e.hasAttr("epub:type") || e.closest("nav[epub:type~=landmarks]") != null) {
        continue;
      }
      for (String type : e.attr("epub:type").split("\\s+")) {
        String role = MATCHING_ROLES.get(type);
        if (role != null && !e.attr("role").equals(role)) {
          out.add(href + ": epub:type=\"" + type + "\" without role=\"" + role + "\"");
        }
      }
    }
    for (Element e : doc.select("[epub:type~=pagebreak]")) {
      if (!e.attr("role").equals("doc-pagebreak") || e.attr("aria-label").isBlank()) {
        out.add(href + ": page break without role=\"doc-pagebreak\" and aria-label");
      }
    }
  }

  private static boolean decorative(Element img) {
    return img.attr("role").equals("presentation") || img.attr("role").equals("none");
  }

  private static void pageBreaks(
      List<PageBreak> list, Map<String, Document> docs, Document opf, List<String> out) {
    int markers = 0;
    for (Document d : docs.values()) {
      markers += d.select("[epub:type~=pagebreak]").size();
    }
    List<String> features = properties(opf, "schema:accessibilityFeature");
    boolean source = !properties(opf, "pageBreakSource").isEmpty();
    if (list.isEmpty()) {
      if (markers > 0) {
        out.add("page break markers without a page list");
      }
      if (source || features.contains("pageBreakMarkers")) {
        out.add("OPF: page break metadata without a page list");
      }
      return;
    }
    if (!source) {
      out.add("OPF: page list without pageBreakSource");
    }
    for (String f : List.of("pageBreakMarkers", "printPageNumbers")) {
      if (!features.contains(f)) {
        out.add("OPF: page list but no schema:accessibilityFeature " + f);
      }
    }
    if (markers != list.size()) {
      out.add("page list has " + list.size() + " entries for " + markers + " markers");
    }
    // Reading order: spine order, then document order within a file.
    List<String> order = new ArrayList<>();
    for (Map.Entry<String, Document> e : docs.entrySet()) {
      for (Element m : e.getValue().select("[epub:type~=pagebreak]")) {
        order.add(e.getKey() + "#" + m.id());
      }
    }
    int last = -1;
    long lastNumber = Long.MIN_VALUE;
    for (PageBreak p : list) {
      String[] parts = p.href().split("#", 2);
      Document d = docs.get(parts[0]);
      Element target = d == null || parts.length < 2 ? null : d.getElementById(parts[1]);
      if (target == null) {
        out.add("page list entry " + p.page() + " -> " + p.href() + " resolves to nothing");
        continue;
      }
      if (!target.attr("epub:type").contains("pagebreak")) {
        out.add("page list entry " + p.page() + " -> " + p.href() + " is not a page break");
      }
      if (!target.attr("aria-label").equals(p.page())) {
        out.add("page list entry " + p.page() + " -> marker labelled " + target.attr("aria-label"));
      }
      int at = order.indexOf(p.href());
      if (at <= last) {
        out.add("page list entry " + p.page() + " out of reading order");
      }
      last = at;
      if (p.page().matches("\\d+")) {
        long n = Long.parseLong(p.page());
        if (n <= lastNumber) {
          out.add("page list entry " + p.page() + " after page " + lastNumber);
        }
        lastNumber = n;
      }
    }
  }

  private static final Pattern CSS_RULE = Pattern.compile("([^{}]+)\\{([^{}]*)\\}");

  private static void stylesheets(Path epub, Document opf, List<String> out) throws IOException {
    for (Element item : opf.select("manifest > item[media-type=text/css]")) {
      byte[] bytes = Epubs.entry(epub, OEBPS + item.attr("href"));
      for (String problem : linkStyleProblems(new String(bytes, StandardCharsets.UTF_8))) {
        out.add(item.attr("href") + ": " + problem);
      }
    }
  }

  /**
   * Links are told apart without colour: the stylesheet underlines {@code a} and takes the
   * underline away only in lists of links (contents, masthead). Visited and hovered links keep it
   * unless a rule for them takes it away, which is reported too.
   */
  public static List<String> linkStyleProblems(String stylesheet) {
    List<String> out = new ArrayList<>();
    String css = stylesheet.replaceAll("(?s)/\\*.*?\\*/", "");
    boolean underlined = false;
    // The last rule for a selector wins (a medium's stylesheet comes after the base one).
    Map<String, Boolean> plain = new LinkedHashMap<>();
    Matcher m = CSS_RULE.matcher(css);
    while (m.find()) {
      String body = m.group(2);
      for (String selector : m.group(1).split(",")) {
        String s = selector.strip();
        if (!s.matches("(.*\\s)?a(\\.[\\w-]+|:[\\w-]+)*")) {
          continue;
        }
        if (body.matches("(?s).*text-decoration\\s*:\\s*underline.*")) {
          underlined |= s.equals("a");
          plain.put(s, false);
        } else if (body.matches("(?s).*text-decoration\\s*:\\s*none.*")) {
          plain.put(s, true);
        }
      }
    }
    plain.forEach(
        (selector, none) -> {
          if (none && !PLAIN_LINKS_ALLOWED.matcher(selector).matches()) {
            out.add("links without underline in running text: " + selector);
          }
        });
    if (!underlined) {
      out.add("links are not underlined");
    }
    return out;
  }

  private static Document xml(Path epub, String name) throws IOException {
    byte[] bytes = Epubs.entry(epub, name);
    return bytes == null
        ? null
        : Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
  }
}
