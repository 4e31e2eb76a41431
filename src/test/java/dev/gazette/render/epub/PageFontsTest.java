package dev.gazette.render.epub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** Pages parsed on all cores record what one pass over them in order records. */
class PageFontsTest {
  private static final String CSS =
      "body { font-family: \"Gazette Body\"; }\n"
          + "h1 { font-family: \"Gazette Heading\"; }\n"
          + "em { font-family: \"Gazette Accent\"; }\n"
          + "code { font-family: \"Gazette Mono\"; }\n"
          + "p.lead::before { content: \"★\"; }\n";

  @Test
  void partsGatheredInOrderEqualOnePassAndKeepArticleOrder() {
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("title.xhtml", page("title", "<h1>周报 Weekly</h1>"));
    for (int i = 1; i <= 150; i++) {
      String id = String.format("a%03d", i);
      pages.put(
          id + ".xhtml",
          page(
              id,
              "<h1>第"
                  + i
                  + "篇 标题"
                  + (char) ('甲' + i)
                  + "</h1><p>正文"
                  + (char) ('一' + i * 7)
                  + " <em>强调"
                  + (char) ('乙' + i)
                  + "</em> <code>x"
                  + i
                  + "</code></p>"));
    }
    pages.put("nav.xhtml", page("nav", "<p>目录 ✓</p>"));

    FontUsage sequential = new FontUsage(CSS);
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : pages.entrySet()) {
      Document doc = Jsoup.parse(p.getValue(), "", Parser.xmlParser());
      sequential.add(doc);
      String id = p.getKey().replace(".xhtml", "");
      if (doc.getElementById(id) != null) {
        texts.put(id, doc.body().text());
      }
    }

    FontUsage parallel = new FontUsage(CSS);
    PageFonts.record(pages, parallel);
    Map<String, String> gathered = new LinkedHashMap<>();
    for (String id : texts.keySet()) {
      gathered.put(id, PageFonts.articleText(pages, id));
    }

    for (FontRole role : FontRole.values()) {
      assertThat(parallel.codePoints(role)).as(role.name()).isEqualTo(sequential.codePoints(role));
      assertThat(parallel.latinFirstCodePoints(role))
          .as(role.name())
          .isEqualTo(sequential.latinFirstCodePoints(role));
    }
    assertThat(parallel.all()).isEqualTo(sequential.all()).contains((int) '★', (int) '✓');
    assertThat(parallel.codePoints(FontRole.HEADING)).contains((int) ('甲' + 150));
    assertThat(new ArrayList<>(gathered.entrySet())).isEqualTo(new ArrayList<>(texts.entrySet()));
    assertThat(gathered).hasSize(152).containsKey("a150");
    assertThat(gathered.get("a007")).contains("第7篇", "x7");
    assertThat(PageFonts.articleText(pages, "a999")).isEmpty();
  }

  private static String page(String id, String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<head><title>t</title></head><body><section id=\""
        + id
        + "\">"
        + body
        + "</section></body></html>";
  }
}
