package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.util.Hashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@link ImageProcessor} makes of the project's own pictures, for the EPUB and at a printed
 * size: a change here means builds with a {@link RenditionCache} would keep taking the results of
 * the code before it. Raise {@link ImageProcessor#RENDITION_VERSION} and write the new results
 * below (the failure prints them) in the same change.
 */
class RenditionVersionTest {
  /** Version 1: processor, input, then type, size and the first 16 hex digits of the SHA-256. */
  private static final String VERSION_1 =
      """
      0 battery.png PNG 900x540 201c4875299f5ad0
      0 harbor.jpg JPEG 1200x800 ed81166c4c375256
      0 market.jpg JPEG 1024x683 c20788be02694a82
      0 metro-map.png PNG 800x600 8ba0bf1f93d82520
      0 mountains.jpg JPEG 1600x900 9646d9e65ae0c115
      0 rainfall.png PNG 900x540 41d1facacc0be3c6
      0 skyline.jpg JPEG 1280x720 7a44977a4d6eb7fe
      0 stadium.jpg JPEG 1400x788 4130bd8b3c762cd8
      0 benchmark.png PNG 900x500 84657bb3a804f3b0
      0 pipeline.png PNG 1000x320 fc69b5f78b89b7a7
      0 trail.jpg JPEG 1200x800 6ab04f68ffd2927b
      0 book-contents.png PNG 943x674 ce5c263738462f23
      0 cover-and-masthead.png JPEG 732x513 454f573b10b1c7dc
      0 epub-page.png JPEG 570x790 af245ca2f416e7b8
      0 pdf-code.png PNG 560x794 f0cea59975a091ff
      0 pdf-contents.png PNG 562x796 1bef4478026afb40
      0 pdf-page.png PNG 562x796 951882ef3ea17793
      0 typography-before-after.png PNG 1240x464 0e1d3f3f4e302ee7
      0 gradient.webp PNG 40x24 c75b8275dd3e169f
      1 battery.png PNG 600x360 74f8afa7b0d4a233
      1 harbor.jpg JPEG 600x400 8d316e4c74dc914d
      1 market.jpg JPEG 600x400 731f148ac53ae941
      1 metro-map.png PNG 600x450 16415b06836374ad
      1 mountains.jpg JPEG 600x338 f18433a1699bb972
      1 rainfall.png PNG 600x360 4f04fb7e8b4154bd
      1 skyline.jpg JPEG 600x338 87c7e26a5efb930f
      1 stadium.jpg JPEG 600x338 30bf03674ed676ad
      1 benchmark.png PNG 600x333 379dbfde6ffcbcac
      1 pipeline.png PNG 600x192 8e83744366804b9e
      1 trail.jpg JPEG 600x400 728a37b2b5d5af3f
      1 book-contents.png PNG 600x429 4b76fdce76733626
      1 cover-and-masthead.png JPEG 600x420 bbce668b245ca599
      1 epub-page.png JPEG 433x600 0123c3bef52ee6ea
      1 pdf-code.png PNG 423x600 14eec8dfeb37fcbf
      1 pdf-contents.png PNG 424x600 48398cd8df8953a3
      1 pdf-page.png PNG 424x600 3a513c345cbfb673
      1 typography-before-after.png PNG 600x225 de43cd927ffbfded
      1 gradient.webp PNG 40x24 c75b8275dd3e169f
      2 battery.png PNG 480x288 a25d2ab7fb6926f1
      2 harbor.jpg JPEG 480x320 88c348bfa6600d2b
      2 market.jpg JPEG 480x320 355833a37a2c1ec4
      2 metro-map.png PNG 480x360 bcaa634a939f727a
      2 mountains.jpg JPEG 480x270 92b7d416e948ff24
      2 rainfall.png PNG 480x288 2b0b8117345d8ebe
      2 skyline.jpg JPEG 480x270 39710476d51bd725
      2 stadium.jpg JPEG 480x270 33dfe7bb59e6531f
      2 benchmark.png PNG 480x267 8d88f495e5f21560
      2 pipeline.png PNG 480x154 cd904d591be596c5
      2 trail.jpg JPEG 480x320 3b4a3be20a44891b
      2 book-contents.png PNG 480x343 24f9f0f20bfe3ff2
      2 cover-and-masthead.png JPEG 480x336 d1bcf90b85584bf7
      2 epub-page.png JPEG 346x480 105e80ee4343a29b
      2 pdf-code.png PNG 339x480 41ae7aab134c569e
      2 pdf-contents.png PNG 339x480 0687a8aa28fbca14
      2 pdf-page.png PNG 339x480 49749cb6ff0abeb9
      2 typography-before-after.png PNG 480x180 779226d89bb727c8
      2 gradient.webp PNG 40x24 c75b8275dd3e169f
      """;

  private static final List<ImageProcessor> PROCESSORS =
      List.of(
          new ImageProcessor(),
          new ImageProcessor(600, 50_000_000L),
          new ImageProcessor(480, 50_000_000L, 0.6f));

  @Test
  void theProcessorsResultsAreThoseOfItsRenditionVersion() throws Exception {
    List<Path> inputs = new ArrayList<>();
    for (String folder :
        List.of("samples/news/images", "samples/blog/images", "samples/screenshots")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(f -> !f.toString().endsWith(".sh")).sorted().forEach(inputs::add);
      }
    }
    inputs.add(Path.of("src/test/resources/images/gradient.webp"));
    StringBuilder results = new StringBuilder();
    for (int p = 0; p < PROCESSORS.size(); p++) {
      for (Path input : inputs) {
        ProcessedImage image = PROCESSORS.get(p).process(Files.readAllBytes(input));
        results.append(
            String.format(
                Locale.ROOT,
                "%d %s %s %dx%d %s%n",
                p,
                input.getFileName(),
                image.type(),
                image.width(),
                image.height(),
                Hashes.sha256Hex(image.bytes()).substring(0, 16)));
      }
    }

    assertThat(ImageProcessor.RENDITION_VERSION)
        .as("the version whose results are written here")
        .isEqualTo(1);
    assertThat(results.toString())
        .as(
            "ImageProcessor makes other images than rendition version %d did: raise"
                + " RENDITION_VERSION and write these results here",
            ImageProcessor.RENDITION_VERSION)
        .isEqualTo(VERSION_1);
  }
}
