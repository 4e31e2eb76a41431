package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gazette check} reads a picture's header and end, never its pixels (issue 16, point 4). */
class CheckImagesTest {
  @TempDir Path dir;

  @Test
  void checkReadsHeadersSoPixelDataThatWouldNotDecodeGoesUnnoticedUntilABuild() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("images"));
    Files.write(
        src.resolve("images/big.png"),
        withBrokenPixels(TestImages.png(TestImages.photo(2400, 1600))));
    Files.write(src.resolve("images/fine.jpg"), TestImages.jpeg(TestImages.photo(800, 600)));
    for (int i = 1; i <= 3; i++) {
      TestPosts.write(
          src,
          "p" + i + ".md",
          "---\ntitle: 第"
              + i
              + "篇\ndate: 2021-03-0"
              + i
              + " 10:00\n---\n\n照片。\n\n![大图](images/big.png)\n\n![小图](images/fine.jpg)\n");
    }
    DigestRequest.Builder request = TestBuilds.utc(src, dir.resolve("out"));

    CheckResult checked = Gazette.create().check(request.build());

    // The header, the size limit and the end of the file are fine: check has nothing to say.
    assertThat(checked.posts()).hasSize(3);
    assertThat(checked.problems()).isEmpty();

    // A build decodes the pixels, finds them broken and says so for each post that shows it.
    DigestResult built = Gazette.create().build(request.formats(Format.EPUB).build());
    assertThat(built.problems())
        .extracting(Problem::message)
        .filteredOn(m -> m.contains("images/big.png"))
        .hasSize(3);
    assertThat(built.problems()).noneMatch(p -> p.message().contains("fine.jpg"));
    assertThat(Epubs.check(built.outputs().get(0).path())).isEmpty();
  }

  /** A PNG whose chunks and IEND are where they belong but whose compressed pixels are noise. */
  private static byte[] withBrokenPixels(byte[] png) {
    byte[] idat = "IDAT".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(png, idat);
    assertThat(at).isPositive();
    byte[] broken = png.clone();
    for (int i = at + 4 + 2; i < at + 4 + 400 && i < broken.length - 20; i++) {
      broken[i] = (byte) (i * 31 + 7);
    }
    return broken;
  }

  private static int indexOf(byte[] bytes, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= bytes.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (bytes[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
