package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.testing.PageGraphics;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What reaches the edges of a page, at A5, a 6-inch page and the print theme's A4: body text stays
 * inside the page's content area and is drawn once, and a quote's rule or a code block's shading is
 * never left at a page foot (or head) with nothing beside it. Quotes and code blocks follow
 * paragraphs of growing length, so they meet the page foot at every distance.
 */
class PageEdgesTest {
  /** Name, theme, page size, top and bottom page margins in mm. */
  static final Map<String, Object[]> VARIANTS =
      Map.of(
          "a5", new Object[] {"book", "A5", 16, 18},
          "6in", new Object[] {"book", "6in", 8, 10},
          "print", new Object[] {"print", "A4", 16, 18});

  static final int QUOTE_RULE = 0xcccccc;
  static final int CODE_SHADING = 0xf5f5f3;

  @TempDir static Path dir;
  static final Map<String, Path> pdfs = new HashMap<>();

  @BeforeAll
  static void build() throws Exception {
    Path source = dir.resolve("posts");
    StringBuilder en =
        new StringBuilder(
            "---\ntitle: Quotes and code at the page foot\ndate: 2024-05-01\n---\n\n");
    StringBuilder zh = new StringBuilder("---\ntitle: 页脚的引用\ndate: 2024-05-02\n---\n\n");
    for (int b = 0; b < 36; b++) {
      en.append("Paragraph ").append(b).append(". ");
      en.append(
          "Words to move the next quote down the page by a line or so. ".repeat(1 + b * 3 % 7));
      en.append("\n\n> Quote ").append(b).append(" opens. ");
      en.append("A quoted sentence that runs over a few lines of the measure. ".repeat(1 + b % 4));
      en.append("\n>\n> Quote ").append(b).append(" closes.\n\n");
      if (b % 3 == 0) {
        en.append("Code ").append(b).append(" follows.\n\n```java\n");
        for (int l = 0; l < 2 + b % 5; l++) {
          en.append("int c").append(b).append("x").append(l).append(" = ").append(l).append(";\n");
        }
        en.append("```\n\n");
      }
      zh.append("第").append(b).append("段。");
      zh.append("这一段文字把下面的引用推向页脚，每段长短不同。".repeat(2 + b * 5 % 9));
      zh.append("\n\n> 引用").append(b).append("开始。");
      zh.append("引用里的句子跨过几行，看页脚是否只剩一条竖线。".repeat(1 + b % 3));
      zh.append("\n\n");
    }
    TestPosts.write(source, "quotes-en.md", en.toString());
    TestPosts.write(source, "quotes-zh.md", zh.toString());
    Gazette gazette = Gazette.create();
    for (Map.Entry<String, Object[]> v : VARIANTS.entrySet()) {
      gazette.build(
          TestBuilds.utc(source, dir)
              .name(v.getKey())
              .theme((String) v.getValue()[0])
              .pageSize((String) v.getValue()[1])
              .cover(false)
              .formats(Format.PDF)
              .build());
      pdfs.put(v.getKey(), dir.resolve(v.getKey() + ".pdf"));
    }
  }

  /** A glyph: page (1-based), left edge, baseline and top (from the page top), text. */
  record Glyph(int page, float x, float baseline, float top, String text) {}

  static List<Glyph> glyphs(PDDocument doc) throws IOException {
    List<Glyph> glyphs = new ArrayList<>();
    new PDFTextStripper() {
      @Override
      protected void processTextPosition(TextPosition t) {
        glyphs.add(
            new Glyph(
                getCurrentPageNo(),
                t.getXDirAdj(),
                t.getYDirAdj(),
                t.getYDirAdj() - t.getHeightDir(),
                t.getUnicode()));
      }
    }.getText(doc);
    return glyphs;
  }

  static float points(Object mm) {
    return ((Integer) mm) * 72 / 25.4f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"a5", "6in", "print"})
  void bodyTextStaysInsideTheContentAreaAndIsDrawnOnce(String variant) throws IOException {
    Object[] v = VARIANTS.get(variant);
    try (PDDocument doc = Loader.loadPDF(pdfs.get(variant).toFile())) {
      float height = doc.getPage(0).getMediaBox().getHeight();
      float top = points(v[2]);
      float bottom = height - points(v[3]);
      Map<Integer, StringBuilder> above = new HashMap<>();
      Map<Integer, StringBuilder> below = new HashMap<>();
      StringBuilder inside = new StringBuilder();
      List<Glyph> all = new ArrayList<>(glyphs(doc));
      // Reading order: the renderer draws a line's runs in its own order.
      all.sort(
          java.util.Comparator.comparingInt(Glyph::page)
              .thenComparingDouble(g -> Math.round(g.baseline()))
              .thenComparingDouble(Glyph::x));
      for (Glyph g : all) {
        if (g.baseline() <= top) {
          above.computeIfAbsent(g.page(), k -> new StringBuilder()).append(g.text());
        } else if (g.baseline() > bottom) {
          below.computeIfAbsent(g.page(), k -> new StringBuilder()).append(g.text());
        } else {
          inside.append(g.text());
        }
      }
      // Above the content area only the running header, below it only the page number.
      assertThat(above.values().stream().map(s -> s.toString().replace(" ", "")).distinct())
          .singleElement()
          .satisfies(s -> assertThat(s).startsWith("posts").doesNotContain("Paragraph", "段"));
      assertThat(below.values()).allSatisfy(s -> assertThat(s.toString()).matches("\\d+"));
      // Every paragraph, quote and code line is drawn exactly once.
      String text = inside.toString().replace(" ", "");
      for (String marker : List.of("Paragraph(\\d+)\\.", "Quote(\\d+)opens", "第(\\d+)段")) {
        Matcher m = Pattern.compile(marker).matcher(text);
        Map<String, Integer> seen = new HashMap<>();
        while (m.find()) {
          seen.merge(m.group(1), 1, Integer::sum);
        }
        assertThat(seen).as(marker).hasSize(36).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
      }
      // The Chinese post's sentence, as often as it was written.
      int written = 0;
      for (int b = 0; b < 36; b++) {
        written += 2 + b * 5 % 9;
      }
      assertThat(text.split("把下面的引用推向页脚", -1)).hasSize(written + 1);
      assertThat(text).contains("intc33x4=4;");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"a5", "6in", "print"})
  void noQuoteRuleOrCodeShadingIsLeftAloneAtAPageEdge(String variant) throws IOException {
    Object[] v = VARIANTS.get(variant);
    try (PDDocument doc = Loader.loadPDF(pdfs.get(variant).toFile())) {
      List<Glyph> glyphs = glyphs(doc);
      float height = doc.getPage(0).getMediaBox().getHeight();
      float top = points(v[2]);
      float bottom = height - points(v[3]);
      int rules = 0;
      int shadings = 0;
      int pageNo = 0;
      for (PDPage page : doc.getPages()) {
        pageNo++;
        for (Fill fill : fills(page)) {
          boolean rule = fill.rgb() == QUOTE_RULE && fill.box().getWidth() < 6;
          boolean shading = fill.rgb() == CODE_SHADING && fill.box().getWidth() > 50;
          if (!rule && !shading) {
            continue;
          }
          // What shows of it: the part inside the content area (the page clips the rest).
          double y0 = Math.max(height - fill.box().getMaxY(), top);
          double y1 = Math.min(height - fill.box().getMinY(), bottom);
          if (y1 - y0 < 0.5) {
            continue;
          }
          double x0 = fill.box().getMinX();
          double x1 = rule ? x0 + 40 : fill.box().getMaxX();
          int p = pageNo;
          long beside =
              glyphs.stream()
                  .filter(g -> g.page() == p && !g.text().isBlank())
                  .filter(g -> g.x() > x0 && g.x() < x1 && g.baseline() > y0 && g.top() < y1)
                  .count();
          assertThat(beside)
              .as(
                  "%s page %d: %s from %.1f to %.1f pt has no text beside it",
                  variant, p, rule ? "quote rule" : "code shading", y0, y1)
              .isPositive();
          if (rule) {
            rules++;
          } else {
            shadings++;
          }
        }
      }
      // 72 quotes (some of several paragraphs, some across pages) and 12 code blocks.
      assertThat(rules).isGreaterThanOrEqualTo(72);
      assertThat(shadings).isGreaterThanOrEqualTo(12);
    }
  }

  /** A filled shape: its bounds in PDF user space and its fill colour. */
  record Fill(Rectangle2D box, int rgb) {}

  static List<Fill> fills(PDPage page) throws IOException {
    List<Fill> fills = new ArrayList<>();
    new PageGraphics(page) {
      final Path2D.Float path = new Path2D.Float();

      @Override
      public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        path.moveTo(p0.getX(), p0.getY());
        path.lineTo(p1.getX(), p1.getY());
        path.lineTo(p2.getX(), p2.getY());
        path.lineTo(p3.getX(), p3.getY());
        path.closePath();
      }

      @Override
      public void moveTo(float x, float y) {
        super.moveTo(x, y);
        path.moveTo(x, y);
      }

      @Override
      public void lineTo(float x, float y) {
        super.lineTo(x, y);
        path.lineTo(x, y);
      }

      @Override
      public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        super.curveTo(x1, y1, x2, y2, x3, y3);
        path.curveTo(x1, y1, x2, y2, x3, y3);
      }

      @Override
      public void clip(int windingRule) {
        path.reset();
      }

      @Override
      public void endPath() {
        path.reset();
      }

      @Override
      public void strokePath() {
        path.reset();
      }

      @Override
      public void fillPath(int windingRule) {
        if (path.getCurrentPoint() != null) {
          try {
            fills.add(
                new Fill(path.getBounds2D(), getGraphicsState().getNonStrokingColor().toRGB()));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        path.reset();
      }

      @Override
      public void fillAndStrokePath(int windingRule) {
        fillPath(windingRule);
      }
    }.run();
    return fills;
  }
}
