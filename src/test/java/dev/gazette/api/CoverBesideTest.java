package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cover is painted beside the renderers; a cover that cannot be painted still fails the build
 * with the cover's message and exit reason, and leaves nothing: no file, and no output folder the
 * build would have made.
 */
class CoverBesideTest {
  @TempDir Path dir;

  /**
   * A bundled face whose sfnt version is one AWT refuses ("Unsupported sfnt") and PDFBox reads: the
   * fonts pass the request's checks and the renderers, the cover cannot be drawn.
   */
  private Path faceAwtRefuses() throws Exception {
    byte[] font = Files.readAllBytes(Path.of("fonts", "NotoSerif-Regular.ttf"));
    font[1] = 2; // 0x00010000 -> 0x00020000
    return Files.write(dir.resolve("refused.ttf"), font);
  }

  private DigestRequest.Builder request(Path out) {
    TestPosts.write(
        dir.resolve("posts"),
        "2021-06-28-harbour.md",
        TestPosts.hexo("Harbour news", "2021-06-28 09:00", "Cranes and ships."));
    return DigestRequest.builder()
        .source(dir.resolve("posts"))
        .zone(ZoneOffset.UTC)
        .outputDir(out)
        .name("one");
  }

  @Test
  void coverThatCannotBePaintedFailsTheBuildAndLeavesNoFolder() throws Exception {
    Path out = dir.resolve("out").resolve("weekly");
    DigestRequest request =
        request(out)
            .formats(Format.EPUB, Format.PDF)
            .serifFont(new DigestRequest.FontChoice(faceAwtRefuses(), null))
            .build();
    assertThatThrownBy(() -> Gazette.create().build(request))
        .isInstanceOfSatisfying(
            GazetteException.class,
            e -> assertThat(e.reason()).isEqualTo(GazetteException.Reason.INVALID_REQUEST))
        .hasMessageStartingWith("cannot draw the cover: cannot draw with font")
        .hasMessageContaining("--no-cover");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void existingFolderIsLeftAsItWas() throws Exception {
    Path out = Files.createDirectories(dir.resolve("existing"));
    Files.writeString(out.resolve("keep.txt"), "mine");
    DigestRequest request =
        request(out)
            .formats(Format.EPUB)
            .serifFont(new DigestRequest.FontChoice(faceAwtRefuses(), null))
            .build();
    assertThatThrownBy(() -> Gazette.create().build(request))
        .isInstanceOf(GazetteException.class)
        .hasMessageStartingWith("cannot draw the cover");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).containsExactly(out.resolve("keep.txt"));
    }
  }

  @Test
  void paintedCoverIsInBothFiles() throws Exception {
    Path out = dir.resolve("ok");
    DigestResult result =
        Gazette.create().build(request(out).formats(Format.EPUB, Format.PDF).build());
    assertThat(result.outputs()).hasSize(2);
    assertThat(result.digest().cover().bytes()).hasSizeGreaterThan(10_000);
    assertThat(Epubs.check(out.resolve("one.epub"))).isEmpty();
    assertThat(Epubs.entry(out.resolve("one.epub"), "OEBPS/images/cover.jpg"))
        .isEqualTo(result.digest().cover().bytes());
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(out.resolve("one.pdf").toFile())) {
      assertThat(pdf.getPage(0).getResources().getXObjectNames()).isNotEmpty();
    }
  }
}
