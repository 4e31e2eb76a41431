package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.PageSetups;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.PdfLines.Line;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CJK line-breaking rules where punctuation touches an inline element's edge: generated Chinese
 * text puts every closing mark after, and every opening mark before, a link, inline code, emphasis,
 * strong text, a footnote reference and a span, with the text before it growing one character at a
 * time so the edge falls at every column. Measured on the printed lines (PDFBox text positions) at
 * A5, a 6-inch page and the print theme's A4 page.
 */
class InlineEdgeKinsokuTest {
  static final String CLOSING = "，。、；：？！”’）》」』】〕〉…";
  static final String OPENING = "“‘（《「『【〔〈";
  static final String FILLER = "城市交通委员会今天公布了新的公交线路调整方案将在下个月起陆续实施市民可以通过官方网站查询具体站点变化";
  static final String[] KINDS = {"link", "code", "em", "strong", "footnote", "span"};

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();
  static final Map<String, String> markdownByPost = new HashMap<>();

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    int post = 0;
    for (String kind : KINDS) {
      String md = post(kind, post);
      markdownByPost.put(kind, md);
      TestPosts.write(
          source,
          "edge-" + kind + ".md",
          "---\ntitle: 行内边界标点 " + kind + "\ndate: 2024-05-0" + (post + 1) + "\n---\n\n" + md);
      post++;
    }
    pdfs.putAll(
        PageSetups.pdfs(
            source,
            dir,
            ZoneId.of("Asia/Shanghai"),
            PageSetups.A5,
            PageSetups.SIX_INCH,
            PageSetups.print("a4")));
  }

  /**
   * One paragraph per mark: the element and the mark repeated, with 1, 2, 3, ... characters of text
   * between them, so over a paragraph the edge meets every column of the measure.
   */
  static String post(String kind, int seed) {
    StringBuilder md = new StringBuilder();
    int note = 0;
    int step = seed;
    for (String marks : new String[] {CLOSING, OPENING}) {
      boolean closing = marks == CLOSING;
      for (int m = 0; m < marks.length(); m++) {
        char mark = marks.charAt(m);
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < 14; i++) {
          step++;
          p.append(filler(step * 5 % 41 + 1, step));
          String element = element(kind, step % 2 == 0, ++note);
          p.append(closing ? element + mark : "" + mark + element);
        }
        md.append(p).append("。\n\n");
      }
    }
    if (kind.equals("footnote")) {
      for (int n = 1; n <= note; n++) {
        md.append("[^").append(n).append("]: 注释").append(n).append("。\n");
      }
    }
    return md.toString();
  }

  static String filler(int length, int offset) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(FILLER.charAt((offset * 7 + i) % FILLER.length()));
    }
    return sb.toString();
  }

  static String element(String kind, boolean latin, int n) {
    // Every third one holds marks of its own at its edges (ruanyf/weekly: "**《前端面试攻略》**，").
    String text = latin ? "JavaScript" : n % 3 == 0 ? "《编码规范》" : "编码规范";
    return switch (kind) {
      case "link" -> "[" + text + "](https://example.org/" + n + ")";
      case "code" -> "`" + (latin ? "getValue()" : "配置项") + "`";
      case "em" -> "<em>" + text + "</em>";
      case "strong" -> "<strong>" + text + "</strong>";
      case "footnote" -> "[^" + n + "]";
      case "span" -> "<span>" + text + "</span>";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  static List<Line> bodyLines(String variant) throws Exception {
    List<Line> lines = PdfLines.read(pdfs.get(variant), 1);
    // Articles start after the table of contents (the pages with dot leaders).
    int lastTocPage =
        lines.stream().filter(l -> l.text().contains("....")).mapToInt(Line::page).max().orElse(0);
    float topMargin = variant.equals("6in") ? 8 * 72 / 25.4f : 16 * 72 / 25.4f;
    return lines.stream()
        .filter(l -> l.page() > lastTocPage)
        .filter(l -> l.y() > topMargin)
        .toList();
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in", "a4"})
  void noLineStartsWithClosingOrEndsWithOpeningPunctuationAtAnInlineEdge(String variant)
      throws Exception {
    List<Line> lines = bodyLines(variant);
    List<String> violations = new ArrayList<>();
    int endsWithClosing = 0;
    int startsWithOpening = 0;
    for (Line l : lines) {
      String t = l.text();
      if (t.matches("[0-9]+")) {
        continue; // a footnote number: raised, so PDFBox gives it a row of its own
      }
      if (CLOSING.indexOf(t.charAt(0)) >= 0 && !footnoteNumberAt(lines, l, l.x0(), true)) {
        violations.add("starts with " + t.charAt(0) + ": " + t);
      }
      if (OPENING.indexOf(t.charAt(t.length() - 1)) >= 0
          && !footnoteNumberAt(lines, l, l.x1(), false)) {
        violations.add("ends with " + t.charAt(t.length() - 1) + ": " + t);
      }
      endsWithClosing += CLOSING.indexOf(t.charAt(t.length() - 1)) >= 0 ? 1 : 0;
      startsWithOpening += OPENING.indexOf(t.charAt(0)) >= 0 ? 1 : 0;
    }
    // The edges did fall at line ends: many lines end right after an element's closing mark, or
    // start with an opening mark and the element.
    assertThat(endsWithClosing).as("lines ending with a closing mark").isGreaterThan(40);
    assertThat(startsWithOpening).as("lines starting with an opening mark").isGreaterThan(20);
    assertThat(violations).as("%d lines checked", lines.size()).isEmpty();
  }

  /**
   * Whether a raised footnote number touches {@code line} at {@code x}: ending there (the line
   * really starts with the number) or starting there (the line really ends with it).
   */
  static boolean footnoteNumberAt(List<Line> lines, Line line, float x, boolean endsAtX) {
    return lines.stream()
        .anyMatch(
            o ->
                o.page() == line.page()
                    && o.text().matches("[0-9]+")
                    && o.y() < line.y()
                    && o.y() > line.y() - line.fontSize()
                    && Math.abs((endsAtX ? o.x1() : o.x0()) - x) < 1.5);
  }

  @ParameterizedTest
  @CsvSource({"a5", "6in", "a4"})
  void textExtractsInSourceOrder(String variant) throws Exception {
    StringBuilder lines = new StringBuilder();
    bodyLines(variant).forEach(l -> lines.append(l.text()));
    String text = Pdfs.compact(lines.toString());
    for (String kind : new String[] {"em", "strong", "span"}) {
      String plain = markdownByPost.get(kind).replaceAll("</?(em|strong|span)>", "");
      String firstParagraph = plain.substring(0, plain.indexOf("\n\n"));
      assertThat(text).contains(Pdfs.compact(firstParagraph.substring(0, 200)));
    }
  }

  /** Each link keeps a clickable area over all of its text, including the part moved to a unit. */
  @Test
  void linksStillCoverTheirText() throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdfs.get("a5").toFile())) {
      Map<String, StringBuilder> linkedText = new HashMap<>();
      for (PDPage page : doc.getPages()) {
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        List<PDAnnotationLink> links = new ArrayList<>();
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI) {
            String name = "r" + links.size();
            var r = link.getRectangle();
            float h = page.getMediaBox().getHeight();
            // A glyph counts as inside when its left edge is: widen by a rounding's worth.
            stripper.addRegion(
                name,
                new java.awt.geom.Rectangle2D.Float(
                    r.getLowerLeftX() - 0.5f, h - r.getUpperRightY(), r.getWidth(), r.getHeight()));
            links.add(link);
          }
        }
        stripper.extractRegions(page);
        for (int i = 0; i < links.size(); i++) {
          String uri = ((PDActionURI) links.get(i).getAction()).getURI();
          linkedText
              .computeIfAbsent(uri, k -> new StringBuilder())
              .append(Pdfs.compact(stripper.getTextForRegion("r" + i)));
        }
      }
      int checked = 0;
      for (var e : linkedText.entrySet()) {
        if (!e.getKey().startsWith("https://example.org/")) {
          continue;
        }
        int n = Integer.parseInt(e.getKey().substring("https://example.org/".length()));
        String expected = n % 2 == 0 ? "JavaScript" : "编码规范";
        // The areas of one link (one per line or part) together show its text, and no more of the
        // surrounding punctuation than a neighbouring glyph's edge.
        assertThat(e.getValue().toString()).as(e.getKey()).contains(expected);
        checked++;
      }
      assertThat(checked).isGreaterThan(300);
    }
  }

  @Test
  void rewriteKeepsTextAndStyleOfTheEdge() {
    Document doc =
        Jsoup.parse(
            "<p>见<a href=\"u\" id=\"x\" class=\"c\">编码规范</a>），以及（<code>foo()</code>）"
                + "和<strong><em>强调</em></strong>。还有<sup id=\"r1\"><a href=\"#fn1\">1</a></sup>，"
                + "末尾</p>",
            "",
            Parser.xmlParser());
    InlineEdgePunctuation.apply(doc.selectFirst("p"));
    assertThat(doc.selectFirst("p").outerHtml().replace("\n", ""))
        .isEqualTo(
            "<p>见<a href=\"u\" id=\"x\" class=\"c\">编码规</a>"
                + "<span class=\"kinsoku-unit\"><a href=\"u\" class=\"c\">范</a>），</span>以及"
                + "<span class=\"kinsoku-unit\">（<code>foo()</code>）</span>和<strong><em>强</em>"
                + "</strong><span class=\"kinsoku-unit\"><strong><em>调</em></strong>。</span>还有"
                + "<span class=\"kinsoku-unit\"><sup id=\"r1\"><a href=\"#fn1\">1</a></sup>，</span>"
                + "末尾</p>");
    assertThat(doc.selectFirst("p").text()).isEqualTo("见编码规范），以及（foo()）和强调。还有1，末尾");
  }

  @Test
  void marksAtTheElementsEdgeStayWithTheTextTheyCloseOrOpen() {
    Document doc =
        Jsoup.parse(
            "<p>见<strong>《前端面试攻略》</strong>，参考<a href=\"u\">链接（Permalinks）</a>，和"
                + "“<em>“引”</em>”</p>",
            "",
            Parser.xmlParser());
    LatinRuns.apply(doc.selectFirst("p"), true);
    InlineEdgePunctuation.apply(doc.selectFirst("p"));
    assertThat(doc.selectFirst("p").outerHtml().replace("\n", ""))
        .isEqualTo(
            "<p>见<strong>《前端面试攻</strong><span class=\"kinsoku-unit\"><strong>略》</strong>，"
                + "</span>参考<a href=\"u\">链接</a><span class=\"kinsoku-unit\"><a href=\"u\">"
                + "<span class=\"kinsoku-unit\">（Permalinks）</span></a>，</span>和"
                + "<span class=\"kinsoku-unit\">“<em>“引</em><em>”</em>”</span></p>");
    assertThat(doc.selectFirst("p").text()).isEqualTo("见《前端面试攻略》，参考链接（Permalinks），和““引””");
  }

  /**
   * divinerapier's blog: "<strong>…优化(<code>join pushdown optimization</code>)</strong>，" set ")，"
   * at the start of a line. The ")" had its unit with "optimization"; the comma's unit took the ")"
   * out of it, and a line could break between the two. The whole unit moves into the comma's.
   */
  @Test
  void aUnitAtTheEdgeMovesWholeIntoThePunctuationsUnit() {
    Document doc =
        Jsoup.parse(
            "<p>支持<strong>优化(<code>join pushdown optimization</code>)</strong>，能将"
                + "（<em>（<code>x</code>查询</em>）</p>",
            "",
            Parser.xmlParser());
    InlineEdgePunctuation.apply(doc.selectFirst("p"));
    assertThat(doc.selectFirst("p").outerHtml().replace("\n", ""))
        .isEqualTo(
            "<p>支持<strong>优化<span class=\"kinsoku-unit\">(<code>join</code></span><code>"
                + " pushdown </code></strong><span class=\"kinsoku-unit\"><strong><span"
                + " class=\"kinsoku-unit\"><code>optimization</code>)</span></strong>，</span>能将"
                + "<span class=\"kinsoku-unit\">（<em><span class=\"kinsoku-unit\">（<code>x</code>"
                + "</span></em></span><em>查</em><span class=\"kinsoku-unit\"><em>询</em>）</span>"
                + "</p>");
    assertThat(doc.selectFirst("p").text()).isEqualTo("支持优化(join pushdown optimization)，能将（（x查询）");
  }

  @Test
  void latinTokensMoveWholeAndSpacesAreLeftAlone() {
    Document doc =
        Jsoup.parse(
            "<p>use <a href=\"u\">the JavaScript</a>, or <em>this </em>, and "
                + "(<code>a very_long_identifier_name_here</code>)</p>",
            "",
            Parser.xmlParser());
    InlineEdgePunctuation.apply(doc.selectFirst("p"));
    assertThat(doc.selectFirst("p").outerHtml().replace("\n", ""))
        .isEqualTo(
            "<p>use <a href=\"u\">the </a><span class=\"kinsoku-unit\"><a"
                + " href=\"u\">JavaScript</a>,</span> or <em>this </em>, and <span"
                + " class=\"kinsoku-unit\">(<code>a</code></span><code> very_long_iden</code><span"
                + " class=\"kinsoku-unit\"><code>tifier_name_here</code>)</span></p>");
  }
}
