package dev.gazette.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished images kept between builds: reused only when they are what the build would make. */
class RenditionCacheTest {
  @TempDir Path dir;

  private final byte[] photo = TestImages.jpeg(TestImages.photo(2400, 1600));

  private static List<Path> entries(RenditionCache cache) throws Exception {
    if (!Files.isDirectory(cache.dir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cache.dir())) {
      return files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
    }
  }

  @Test
  void theSecondProcessingOfTheSameBytesIsTheFirstsResultTakenFromTheCache() throws Exception {
    RenditionCache cache = RenditionCache.in(dir);
    ImageProcessor processor = new ImageProcessor().withRenditions(cache);

    ProcessedImage first = processor.process(photo);
    assertThat(cache.reused()).isZero();
    assertThat(entries(cache)).hasSize(1);
    ProcessedImage again = processor.process(photo);

    assertThat(cache.reused()).isEqualTo(1);
    assertThat(again.bytes()).isEqualTo(first.bytes());
    assertThat(again.type()).isEqualTo(first.type());
    assertThat(again.width()).isEqualTo(first.width()).isEqualTo(1600);
    assertThat(again.height()).isEqualTo(first.height());
    // and it is what a processor without a cache makes
    assertThat(new ImageProcessor().process(photo).bytes()).isEqualTo(first.bytes());
  }

  @Test
  void aProcessorSetOtherwiseMakesItsOwnEntry() throws Exception {
    RenditionCache cache = RenditionCache.in(dir);
    new ImageProcessor().withRenditions(cache).process(photo);

    ProcessedImage smaller =
        new ImageProcessor(800, 50_000_000L).withRenditions(cache).process(photo);
    ProcessedImage plainer =
        new ImageProcessor(1600, 50_000_000L, 0.5f).withRenditions(cache).process(photo);

    assertThat(cache.reused()).isZero();
    assertThat(entries(cache)).hasSize(3);
    assertThat(smaller.width()).isEqualTo(800);
    assertThat(plainer.bytes().length)
        .isLessThan(new ImageProcessor().process(photo).bytes().length);
    assertThat(new ImageProcessor(800, 50_000_000L).settings())
        .isNotEqualTo(new ImageProcessor().settings())
        .contains("rendition " + ImageProcessor.RENDITION_VERSION)
        .contains("java " + Runtime.version().feature());
  }

  @Test
  void aDamagedOrCutOffEntryIsMadeAgain() throws Exception {
    RenditionCache cache = RenditionCache.in(dir);
    ImageProcessor processor = new ImageProcessor().withRenditions(cache);
    byte[] made = processor.process(photo).bytes();
    Path entry = entries(cache).get(0);
    byte[] whole = Files.readAllBytes(entry);

    byte[] damaged = whole.clone();
    damaged[damaged.length / 2] ^= 0x20; // one bit in the image: the checksum fails
    Files.write(entry, damaged);
    assertThat(processor.process(photo).bytes()).isEqualTo(made);
    assertThat(cache.reused()).isZero();
    assertThat(Files.readAllBytes(entry)).isEqualTo(whole); // written again

    Files.write(entry, java.util.Arrays.copyOf(whole, whole.length - 100));
    assertThat(processor.process(photo).bytes()).isEqualTo(made);
    Files.write(entry, new byte[0]);
    assertThat(processor.process(photo).bytes()).isEqualTo(made);
    assertThat(cache.reused()).isZero();

    assertThat(processor.process(photo).bytes()).isEqualTo(made);
    assertThat(cache.reused()).isEqualTo(1);
  }

  @Test
  void entriesReadBackAsTheyWereWrittenAndNothingElseIsAnEntry() {
    ProcessedImage png = new ProcessedImage(ImageType.PNG, TestImages.pngWithAlpha(30, 20), 30, 20);
    byte[] entry = RenditionCache.entry(png);

    ProcessedImage read = RenditionCache.read(entry).orElseThrow();
    assertThat(read.bytes()).isEqualTo(png.bytes());
    assertThat(List.of(read.type(), read.width(), read.height()))
        .containsExactly(ImageType.PNG, 30, 20);

    byte[] otherType =
        RenditionCache.entry(new ProcessedImage(ImageType.JPEG, png.bytes(), 30, 20));
    assertThat(RenditionCache.read(otherType)).isEmpty(); // says JPEG, holds a PNG
    assertThat(RenditionCache.read(png.bytes())).isEmpty();
    assertThat(RenditionCache.read(new byte[0])).isEmpty();
    byte[] longer = java.util.Arrays.copyOf(entry, entry.length + 1);
    assertThat(RenditionCache.read(longer)).isEmpty();
  }

  @Test
  void anUnwritableFolderCostsTheWorkNextTimeAndNothingMore() throws Exception {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "a file where the cache folder would be");
    RenditionCache cache = RenditionCache.in(file);
    ImageProcessor processor = new ImageProcessor().withRenditions(cache);

    byte[] made = processor.process(photo).bytes();

    assertThat(processor.process(photo).bytes()).isEqualTo(made);
    assertThat(cache.reused()).isZero();
  }

  @Test
  void checkingHeadersOnlyKeepsNothing() throws Exception {
    RenditionCache cache = RenditionCache.in(dir);
    ImageProcessor.headersOnly(50_000_000L).withRenditions(cache).process(photo);
    assertThat(entries(cache)).isEmpty();
  }

  @Test
  void failuresAreNotKept() throws Exception {
    RenditionCache cache = RenditionCache.in(dir);
    ImageProcessor processor = new ImageProcessor().withRenditions(cache);
    byte[] cut = TestImages.truncated(photo, 0.5);
    for (int i = 0; i < 2; i++) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> processor.process(cut))
          .isInstanceOf(ImageException.class);
    }
    assertThat(entries(cache)).isEmpty();
  }
}
