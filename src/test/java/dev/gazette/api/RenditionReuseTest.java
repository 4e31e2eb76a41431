package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second build of the same posts takes its finished pictures from the image cache folder (for the
 * EPUB and sized for the PDF's page) and writes the same bytes as the first, which made them.
 */
class RenditionReuseTest {
  @TempDir Path dir;

  private DigestResult build(Path posts, String out, Path cache) throws Exception {
    return TestBuilds.build(
        TestBuilds.utc(posts, dir.resolve(out))
            .formats(Format.EPUB, Format.PDF)
            .name("digest")
            .imageCache(cache));
  }

  private static long entries(Path cache) throws Exception {
    Path renditions = cache.resolve("renditions");
    if (!Files.isDirectory(renditions)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(renditions)) {
      return files.filter(f -> f.toString().endsWith(".bin")).count();
    }
  }

  @Test
  void aSecondBuildReusesEveryPictureAndWritesTheSameBytes() throws Exception {
    Path posts = dir.resolve("posts");
    Files.createDirectories(posts.resolve("images"));
    // Larger than the EPUB keeps (1,600 px) and than an A5 column at 300 dpi: two renditions each.
    Files.write(posts.resolve("images/harbour.jpg"), TestImages.jpeg(TestImages.photo(2400, 1600)));
    Files.write(posts.resolve("images/diagram.png"), TestImages.pngWithAlpha(2000, 900));
    Files.write(posts.resolve("images/small.png"), TestImages.png(TestImages.photo(300, 200)));
    TestPosts.write(
        posts,
        "2024-03-01-pictures.md",
        """
        ---
        title: Pictures
        date: 2024-03-01
        ---

        ![The harbour](images/harbour.jpg)

        Between the pictures.

        ![A diagram](images/diagram.png)

        ![A small one](images/small.png)
        """);
    Path cache = dir.resolve("cache");

    DigestResult first = build(posts, "first", cache);
    long made = entries(cache);
    DigestResult second = build(posts, "second", cache);

    assertThat(first.images().local()).isEqualTo(3);
    assertThat(first.images().reused()).isZero();
    // three for the EPUB, two sized for the PDF (the small one fits as it is)
    assertThat(made).isEqualTo(5);
    assertThat(second.images().local()).isEqualTo(3);
    assertThat(second.images().reused()).isEqualTo(3);
    assertThat(entries(cache)).isEqualTo(made);
    assertThat(first.problems()).isEmpty();
    for (String file : new String[] {"digest.epub", "digest.pdf"}) {
      assertThat(Files.readAllBytes(dir.resolve("second").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(file)));
    }
    assertThat(Epubs.check(dir.resolve("second/digest.epub"))).isEmpty();
    assertThat(Pdfs.imageSizes(dir.resolve("second/digest.pdf"), 3)).isNotEmpty();

    // and the same bytes as a build whose cache is empty
    DigestResult fresh = build(posts, "fresh", dir.resolve("empty-cache"));
    assertThat(fresh.images().reused()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("fresh/digest.pdf")))
        .isEqualTo(Files.readAllBytes(dir.resolve("first/digest.pdf")));
  }
}
