package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monthly digest set up in gazette.yml, with a title and a cover picture given on the command
 * line.
 */
class ConfigAndCoverCliTest {
  @TempDir static Path tmp;
  static PeriodicalFixture.Run run;
  static Path epub;
  static Path pdf;

  @BeforeAll
  static void build() throws Exception {
    Path posts = PeriodicalFixture.write(tmp.resolve("posts"));
    TestPosts.write(
        posts,
        "gazette.yml",
        """
        # Monthly digest of the local news site.
        title: "月报 {year}年{month}月"
        zone: Asia/Shanghai
        month: last
        output:
          dir: ../out
          name: "monthly-{range}"
        """);
    BufferedImage picture = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    var g = picture.createGraphics();
    g.setColor(new Color(0x204060));
    g.fillRect(0, 0, 600, 800);
    g.dispose();
    ImageIO.write(picture, "png", tmp.resolve("cover.png").toFile());
    run =
        PeriodicalFixture.run(
            "build",
            posts.toString(),
            "--today",
            "2021-07-20",
            "--title",
            "命令行标题",
            "--cover",
            tmp.resolve("cover.png").toString());
    epub = tmp.resolve("out/monthly-2021-06.epub");
    pdf = tmp.resolve("out/monthly-2021-06.pdf");
  }

  @Test
  void fileSetsRangeZoneAndOutputWhileTheCommandLineTitleWins() throws Exception {
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(epub).exists();
    Map<String, String> entries = Epubs.textEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains("<dc:title>命令行标题</dc:title>");
    assertThat(entries.get("OEBPS/title.xhtml")).contains("2021 年 6 月").contains("共 3 篇");
  }

  @Test
  void aMonthIsGroupedByCategoryInBothFormats() throws Exception {
    assertThat(Epubs.check(epub)).isEmpty();
    String nav = Epubs.textEntries(epub).get("OEBPS/nav.xhtml");
    assertThat(nav.indexOf(">新闻</a>")).isPositive().isLessThan(nav.indexOf(">体育</a>"));
    List<Pdfs.Bookmark> outline = Pdfs.outline(pdf);
    assertThat(outline).extracting(Pdfs.Bookmark::title).containsExactly("新闻", "体育");
    assertThat(outline.get(0).children())
        .extracting(Pdfs.Bookmark::title)
        .containsExactly("周一早间新闻", "周三地方新闻");
    assertThat(outline.get(1).children())
        .extracting(Pdfs.Bookmark::title)
        .containsExactly("周三晚间体育");
  }

  @Test
  void theGivenPictureIsTheCover() throws Exception {
    String opf = Epubs.textEntries(epub).get("OEBPS/content.opf");
    assertThat(opf)
        .contains(
            "<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\""
                + " properties=\"cover-image\"/>");
    assertThat(Epubs.entry(epub, "OEBPS/images/cover.png"))
        .isEqualTo(java.nio.file.Files.readAllBytes(tmp.resolve("cover.png")));
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      var page = doc.getPage(0);
      var name = page.getResources().getXObjectNames().iterator().next();
      var image =
          (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
              page.getResources().getXObject(name);
      assertThat(image.getWidth()).isEqualTo(600);
      assertThat(image.getHeight()).isEqualTo(800);
    }
  }
}
