package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The PDF stores a picture with no more pixels than its page shows at 300 dpi; the EPUB keeps its
 * own cap (1,600 px). Measured on the image objects PDFBox reads back.
 */
class PageImagesTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writePosts() throws Exception {
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts);
    // A wide photo (JPEG) and a tall photo: 1600 px on the long side after reading, as in the EPUB.
    Files.write(posts.resolve("wide.jpg"), TestImages.jpeg(TestImages.photo(2400, 1200)));
    Files.write(posts.resolve("tall.jpg"), TestImages.jpeg(TestImages.photo(800, 2000)));
    TestPosts.write(
        posts,
        "pictures.md",
        """
        ---
        title: Pictures
        date: 2024-05-01 10:00:00
        ---

        A wide picture:

        ![wide](wide.jpg)

        A tall picture:

        ![tall](tall.jpg)
        """);
  }

  /** Width and height in pixels of every raster image the PDF stores, wide one first. */
  static List<int[]> imagePixels(Path pdf) throws Exception {
    List<int[]> sizes = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
            sizes.add(new int[] {image.getWidth(), image.getHeight()});
          }
        }
      }
    }
    sizes.sort((a, b) -> Integer.compare(b[0] * 1000 / b[1], a[0] * 1000 / a[1]));
    return sizes;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // page, theme, widest picture across the text (78, 120, 150 mm),
    // tallest (85, 150, 230 mm down)
    "6in, book, 922, 1004",
    "A5, book, 1418, 1600",
    "A4, book, 1600, 1600",
    "A4, print, 1600, 1600",
  })
  void pdfPicturesHoldWhatThePageShowsAt300Dpi(
      String page, String theme, int maxWidth, int maxHeight) throws Exception {
    String name = (page + "-" + theme).toLowerCase(java.util.Locale.ROOT);
    TestBuilds.build(
        TestBuilds.utc(dir.resolve("posts"), dir)
            .name(name)
            .pageSize(page)
            .theme(theme)
            .cover(false)
            .formats(Format.PDF, Format.EPUB));
    List<int[]> pdf = imagePixels(dir.resolve(name + ".pdf"));
    assertThat(pdf).hasSize(2);
    int[] wide = pdf.get(0);
    int[] tall = pdf.get(1);
    // The wide picture is held by the column's width, the tall one by the height cap; both keep
    // their shape (2:1 and 2:5).
    assertThat(wide[0]).isBetween(maxWidth - 2, maxWidth);
    assertThat((double) wide[0] / wide[1])
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(tall[1]).isBetween(Math.min(maxHeight, 1600) - 2, Math.min(maxHeight, 1600));
    assertThat((double) tall[1] / tall[0])
        .isCloseTo(2.5, org.assertj.core.data.Offset.offset(0.01));
    // The EPUB keeps its own cap: 1,600 px on the long side.
    Path epub = dir.resolve(name + ".epub");
    assertThat(Epubs.check(epub)).isEmpty();
    List<Integer> epubWidths = new ArrayList<>();
    for (var entry : Epubs.entries(epub)) {
      if (entry.getName().endsWith(".jpg")) {
        var image = ImageIO.read(new ByteArrayInputStream(Epubs.entry(epub, entry.getName())));
        epubWidths.add(Math.max(image.getWidth(), image.getHeight()));
      }
    }
    assertThat(epubWidths).containsExactly(1600, 1600);
  }

  /**
   * The painted cover (1600 x 2560) is within {@link PageImages#COVER_SLACK} of an A5 page at 300
   * dpi (1748 x 2480): the PDF embeds the EPUB's JPEG as it is. On a 6-inch page (1063 x 1418) it
   * is scaled down to the page.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"A5, true, 2560", "6in, false, 1418"})
  void theCoverKeepsItsBytesWhenNearThePagesSize(String page, boolean same, int height)
      throws Exception {
    String name = "cover-" + page.toLowerCase(java.util.Locale.ROOT);
    TestBuilds.build(
        TestBuilds.utc(dir.resolve("posts"), dir)
            .name(name)
            .pageSize(page)
            .cover(true)
            .formats(Format.PDF, Format.EPUB));
    byte[] epubCover = Epubs.entry(dir.resolve(name + ".epub"), "OEBPS/images/cover.jpg");
    try (PDDocument doc = Loader.loadPDF(dir.resolve(name + ".pdf").toFile())) {
      PDPage first = doc.getPage(0);
      List<PDImageXObject> images = new ArrayList<>();
      for (COSName n : first.getResources().getXObjectNames()) {
        if (first.getResources().getXObject(n) instanceof PDImageXObject image) {
          images.add(image);
        }
      }
      assertThat(images).hasSize(1);
      PDImageXObject cover = images.get(0);
      assertThat(cover.getSuffix()).isEqualTo("jpg");
      assertThat(cover.getHeight()).isEqualTo(height);
      byte[] embedded;
      try (var in = cover.getCOSObject().createRawInputStream()) {
        embedded = in.readAllBytes();
      }
      if (same) {
        assertThat(embedded).isEqualTo(epubCover);
      } else {
        assertThat(embedded).isNotEqualTo(epubCover);
        assertThat((double) cover.getWidth() / cover.getHeight())
            .isCloseTo(1600.0 / 2560, org.assertj.core.data.Offset.offset(0.002));
      }
    }
  }
}
