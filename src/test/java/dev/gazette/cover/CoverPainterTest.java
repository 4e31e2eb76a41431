package dev.gazette.cover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.typeset.FontSet;
import dev.gazette.typeset.Theme;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CoverPainterTest {
  private static Digest digest(String title) {
    List<Article> articles = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      Post post = Post.builder(Path.of(i + ".md"), i + ".md").body(() -> "").build();
      articles.add(
          new Article(
              "a00" + i,
              post,
              "第" + i + "条新闻：港口吞吐量同比增长18.2%，海铁联运成新增长点",
              "zh-Hans",
              "<p>正文</p>",
              List.of()));
    }
    return new Digest(
        title,
        "2021年6月28日 – 7月4日",
        "zh-CN",
        ZoneId.of("Asia/Shanghai"),
        new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)),
        List.of(new Section("s01", null, articles, List.of())),
        Instant.parse("2021-07-04T00:00:00Z"),
        "id");
  }

  @Test
  void sameDigestGivesTheSameJpegBytes() throws Exception {
    Theme theme = Theme.load("book", FontSet.bundled(), "");
    Asset first = CoverPainter.paint(digest("本地周报"), theme);
    Asset second = CoverPainter.paint(digest("本地周报"), theme);
    assertThat(second.bytes()).isEqualTo(first.bytes());
    assertThat(CoverPainter.paint(digest("另一份周报"), theme).bytes()).isNotEqualTo(first.bytes());

    assertThat(first.href()).isEqualTo("images/cover.jpg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.bytes()));
    assertThat(image.getWidth()).isEqualTo(1600);
    assertThat(image.getHeight()).isEqualTo(2560);
    // Baseline JPEG with a JFIF header and nothing else: no Exif, no timestamp.
    assertThat(new String(first.bytes(), StandardCharsets.ISO_8859_1))
        .contains("JFIF")
        .doesNotContain("Exif");
    assertThat(first.bytes().length).isBetween(50_000, 600_000);
  }

  @Test
  void preparingBesideThePaintingLeavesTheBytesAlone() {
    // The modern theme is drawn by no other test here, so its faces are first opened while the
    // preparing thread may be opening them too.
    Theme modern = Theme.load("modern", FontSet.bundled(), "");
    CoverPainter.prepare(modern);
    Asset beside = CoverPainter.paint(digest("本地周报 Weekly"), modern);
    CoverPainter.prepare(modern);
    Asset after = CoverPainter.paint(digest("本地周报 Weekly"), modern);
    assertThat(after.bytes()).isEqualTo(beside.bytes());
    assertThat(beside.bytes()).isNotEqualTo(CoverPainter.paint(digest("本地周报"), modern).bytes());
  }

  @Test
  void themesHaveTheirOwnColours() {
    Theme book = Theme.load("book", FontSet.bundled(), "");
    Theme modern = Theme.load("modern", FontSet.bundled(), "");
    int bookCorner = corner(CoverPainter.paint(digest("周报"), book));
    int modernCorner = corner(CoverPainter.paint(digest("周报"), modern));
    assertThat(bookCorner).isNotEqualTo(modernCorner);
  }

  private static int corner(Asset cover) {
    try {
      return ImageIO.read(new ByteArrayInputStream(cover.bytes())).getRGB(5, 5) & 0xF0F0F0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
