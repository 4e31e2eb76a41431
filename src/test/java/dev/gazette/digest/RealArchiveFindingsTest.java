package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defects seen on real public archives (h19-archives, 3 December 2026), each reproduced with a post
 * of our own words. These tests FAIL on main at ef838d5: each one states what a reader of the real
 * archive should have got. The archive, post and line are in each test's comment (the archives are
 * under /work/archives, outside the repo).
 */
class RealArchiveFindingsTest {
  @TempDir Path dir;

  /**
   * zh-hugo-darjun, A5 PDF: in Chinese lines justified to the edge, the few Latin spaces take the
   * whole stretch: "（Anders␣␣␣Ericsson）" on page 185 (/work/archives/_runs/png/darjun-p185-185.png,
   * content/post/2019-04-02-arts-week4.md), "3␣␣个函数" on page 448; 39 of 2,546 Chinese lines have a
   * space wider than 0.8 of the text height. The Chinese characters around them are not spread.
   */
  @Test
  void chineseLinesDoNotPutTheirStretchIntoTheirFewSpaces() throws Exception {
    String[] names = {"Anna Berg", "Tom Lee", "Ray Fox", "Ida Holm"};
    String han = "我们在项目中使用了新的方法来处理页面布局问题并记录下每一步的结果以便之后查阅";
    java.util.Random random = new java.util.Random(11);
    StringBuilder md = new StringBuilder("---\ntitle: 混排\ndate: 2024-05-01\n---\n\n");
    for (int p = 0; p < 60; p++) {
      for (int i = 0; i < 8; i++) {
        int start = random.nextInt(han.length() - 12);
        md.append(han, start, start + 3 + random.nextInt(9));
        md.append(
            random.nextBoolean()
                ? "（" + names[random.nextInt(names.length)] + "）"
                : " " + (2 + random.nextInt(7)) + " 个");
      }
      md.append("。\n\n");
    }
    Path src = dir.resolve("zh");
    TestPosts.write(src, "mixed.md", md.toString());
    TestBuilds.build(
        TestBuilds.utc(src, dir.resolve("pdf")).offline(true).name("mixed").formats(Format.PDF));

    List<List<dev.gazette.testing.PdfGlyphs.Glyph>> rows =
        dev.gazette.testing.PdfGlyphs.rows(dir.resolve("pdf/mixed.pdf"));
    float right = 0;
    for (var row : rows) {
      right = Math.max(right, row.get(row.size() - 1).x1());
    }
    List<String> wide = new ArrayList<>();
    int flush = 0;
    for (var row : rows) {
      String text = dev.gazette.testing.PdfGlyphs.text(row);
      if (right - row.get(row.size() - 1).x1() > 1.0
          || !text.matches(".*[\\u4e00-\\u9fff].*")
          || text.contains(". . .")) { // a contents entry's dot leader
        continue;
      }
      flush++;
      for (int k = 0; k + 1 < row.size(); k++) {
        var a = row.get(k);
        float gap = row.get(k + 1).x0() - a.x1();
        if (gap > a.size() * 0.1 && gap > 2 * a.space()) {
          wide.add(String.format("p%d %.1fx %s", a.page(), gap / a.space(), text));
          break;
        }
      }
    }
    assertThat(flush).isGreaterThan(100);
    assertThat(wide).as("%d of %d Chinese lines flush to the edge", wide.size(), flush).isEmpty();
  }

  /**
   * A list item that starts a page has its marker alone on a line above its text (rust-inside page
   * 107, /work/archives/_runs/png/rust-p107top-0107.png; darjun page 185): 17 markers in
   * rust-inside's PDF, 7 in zh-hexo-mushan's, 4 in zh-hugo-darjun's sit 4-18 pt above the first
   * line of their item. Own text: loose lists (items with paragraphs), so that some items start a
   * page; there 10 markers stay alone at the foot of a page while their item's text starts the next
   * one.
   */
  @Test
  void aListItemStartingAPageKeepsItsMarkerOnItsFirstLine() throws Exception {
    StringBuilder md = new StringBuilder("---\ntitle: Lists\ndate: 2024-05-01\n---\n\n");
    String[] words = {
      "plans", "the", "team", "will", "review", "each", "change", "before", "merge"
    };
    java.util.Random random = new java.util.Random(5);
    for (int list = 0; list < 12; list++) {
      md.append("Some text before the list number ").append(list).append(".\n\n");
      for (int item = 0; item < 12; item++) {
        md.append("- ");
        for (int w = 0, n = 8 + random.nextInt(40); w < n; w++) {
          md.append(words[random.nextInt(words.length)]).append(' ');
        }
        md.append("\n\n");
        if (item % 4 == 3) {
          md.append("    - a nested point\n\n");
        }
      }
    }
    Path src = dir.resolve("lists");
    TestPosts.write(src, "lists.md", md.toString());
    TestBuilds.build(
        TestBuilds.utc(src, dir.resolve("pdf")).offline(true).name("lists").formats(Format.PDF));

    List<dev.gazette.testing.PdfGlyphs.Glyph> glyphs =
        dev.gazette.testing.PdfGlyphs.read(dir.resolve("pdf/lists.pdf"));
    List<String> alone = new ArrayList<>();
    int markers = 0;
    for (var m : glyphs) {
      if (!m.text().equals("•") && !m.text().equals("◦")) {
        continue;
      }
      markers++;
      // its item's first letters: right of it, within 20 pt, on the same baseline
      boolean besideText =
          glyphs.stream()
              .anyMatch(
                  g ->
                      g.page() == m.page()
                          && g.x0() > m.x1()
                          && g.x0() - m.x1() < 20
                          && Math.abs(g.y() - m.y()) < 2);
      if (!besideText) {
        alone.add(String.format("page %d y %.0f", m.page(), m.y()));
      }
    }
    assertThat(markers).isGreaterThan(100);
    assertThat(alone).isEmpty();
  }

  /**
   * zh-hugo-darjun built from content/post (the folder of posts): the title, author and site
   * address come from ../../config.toml, but all 207 pictures written {@code /img/…} are "not found
   * beside the post, in its asset folder, or in source/ or static/" although they are in
   * ../../static/img/. The site root whose config is read could lend its static/ folder too.
   */
  @Test
  void aHugoPostFolderFindsItsPicturesInTheSitesStaticFolder() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    java.nio.file.Files.createDirectories(site.resolve("static/img"));
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "png",
        site.resolve("static/img/chart.png").toFile());
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n\n![图](/img/chart.png)\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content/post"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).noneMatch(m -> m.contains("/img/"));
  }

  /**
   * zh-hugo-darjun: built from the Hugo site root (so that {@code /img/…} is found in static/),
   * static/img/README.md became an article "blog-img" in a section "static", and the contents reads
   * "content › post › …" (Hugo's folders, not the blog's sections).
   */
  @Test
  void aHugoSitesStaticFolderHoldsNoPosts() throws Exception {
    Path site = dir.resolve("hugo");
    TestPosts.write(site, "config.toml", "baseURL = \"https://example.org\"\ntitle = \"例子\"\n");
    TestPosts.write(
        site,
        "content/post/2020-01-01-hello.md",
        "---\ntitle: 你好\ndate: 2020-01-01T10:00:00\n---\n\n正文。\n");
    TestPosts.write(site, "static/img/README.md", "# blog-img\nblog img\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.posts()).extracting(Post::title).containsExactly("你好");
  }
}
