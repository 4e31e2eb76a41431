package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gazette.bench.CorpusGenerator;
import dev.gazette.model.Format;
import dev.gazette.testing.Pdfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunked PDF's paths that a normal build does not take, forced through their package-private
 * seams and checked against the normal build's bytes (6 generated posts with pictures, one article
 * per chunk, tagged): the save-and-read-back of each part when this PDFBox cannot subset fonts
 * ahead of a save ({@link PartWriter#plainForTests}), and the error when the front matter is
 * painted at another length than it was measured ({@link ChunkedPdf#frontLengthForTests}).
 */
class ChunkedPdfFallbacksTest {
  @TempDir static Path dir;
  static Path posts;
  static Path normal;

  @BeforeAll
  static void build() throws Exception {
    posts = dir.resolve("posts");
    CorpusGenerator.write(posts, 6, 7, true);
    normal = chunked("normal");
  }

  @AfterEach
  void seamsOff() {
    PartWriter.plainForTests = false;
    ChunkedPdf.frontLengthForTests = IntUnaryOperator.identity();
  }

  /** The posts in one-article chunks on two threads. */
  static Path chunked(String name) throws Exception {
    return ChunkedPdfTest.pdf(
        ChunkedPdfTest.buildInto(dir.resolve(name), posts, 1, 2, null, Format.PDF));
  }

  @Test
  void partsSavedAndReadBackPrintTheSame() throws Exception {
    PartWriter.plainForTests = true;
    // Each part is saved by PDFBox (fonts subset at the save) to a .painted file, read back with
    // the temp-file stream cache for its glyphs and structure fixes, and saved again.
    assertThat(PartWriter.canSubsetFonts()).isFalse();
    Path plain = chunked("plain");
    assertThat(Pdfs.pageCount(normal)).isGreaterThan(10);
    // The normal path hands each painted part to the join in memory, this one a part read back
    // from its file: the objects are numbered apart, so the bytes differ, but not what is printed.
    assertThat(ChunkedPdfTest.linesWithHeights(plain))
        .isEqualTo(ChunkedPdfTest.linesWithHeights(normal));
    ChunkedPdfTest.assertEachFaceEmbeddedOnce(plain);
    assertThat(Files.size(plain))
        .isBetween(Files.size(normal) * 95 / 100, Files.size(normal) * 105 / 100);
  }

  @Test
  void aFrontMatterPaintedAtAnotherLengthThanMeasuredIsAnError() {
    // The chunks are numbered from the measured length; a painted front matter of another length
    // would give wrong numbers, so the build fails with a clear reason instead.
    AtomicInteger readings = new AtomicInteger();
    ChunkedPdf.frontLengthForTests = pages -> pages + readings.incrementAndGet();
    Throwable thrown = catchThrowable(() -> chunked("unsettled"));
    assertThat(thrown).hasStackTraceContaining("the PDF's front matter changed length");
    assertThat(readings).hasValue(1); // the one front-matter part of these posts, painted once
  }
}
