package dev.gazette.cover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.model.Section;
import dev.gazette.typeset.FontSet;
import dev.gazette.typeset.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cover is painted on a 3-byte BGR picture, which the JPEG encoder reads as it is; it was
 * painted on an {@code int} RGB picture before. Every theme, Latin and Han text, antialiased edges:
 * the JPEG must be the bytes the {@code int} picture gives.
 */
class CoverPictureTypeTest {
  private static Digest digest(String title, String headline, String lang) {
    List<Article> articles = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      Post post = Post.builder(Path.of(i + ".md"), i + ".md").body(() -> "").build();
      articles.add(new Article("a00" + i, post, headline + " " + i, lang, "<p>x</p>", List.of()));
    }
    return new Digest(
        title,
        "",
        lang,
        ZoneId.of("UTC"),
        new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)),
        List.of(new Section("s01", null, articles, List.of())),
        Instant.parse("2021-07-04T00:00:00Z"),
        "id");
  }

  @Test
  void bgrPictureGivesTheJpegOfTheIntPicture() {
    List<Digest> digests =
        List.of(
            digest("The Harbour Weekly", "Port throughput up 18.2% — rail links grow", "en"),
            digest("本地周报 Weekly", "第条新闻：港口吞吐量同比增长18.2%，海铁联运成新增长点", "zh-Hans"));
    for (String name : List.of("book", "modern", "print")) {
      Theme theme = Theme.load(name, FontSet.bundled(), "");
      for (Digest digest : digests) {
        byte[] before =
            JpegWriter.write(CoverPainter.picture(digest, theme, BufferedImage.TYPE_INT_RGB));
        assertThat(CoverPainter.jpeg(digest, theme))
            .as(name + " " + digest.title())
            .isEqualTo(before);
      }
    }
    assertThat(CoverPainter.PICTURE_TYPE).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
  }
}
