package dev.gazette.render.epub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Entries deflated on several threads give the bytes the JDK's {@link ZipOutputStream} writes on
 * one (the writer the EPUB used before), at every pool size, and read back as written.
 */
class DeterministicZipTest {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** One entry: stored (the EPUB mimetype) or deflated. */
  private record Item(String name, byte[] data, boolean stored) {}

  @Test
  void bytesEqualTheJdkWritersAtOneTwoAndFourThreads() throws Exception {
    List<Item> items = epubLike(new Random(16));
    byte[] reference = jdk(items);
    for (int threads : new int[] {1, 2, 4}) {
      assertThat(ours(items, threads)).as("%d thread(s)", threads).isEqualTo(reference);
    }
    assertThat(readBack(reference)).isEqualTo(contents(items));
  }

  @Test
  void manyRunsOnFourThreadsGiveOneResult() throws Exception {
    List<Item> items = epubLike(new Random(7));
    byte[] first = ours(items, 4);
    for (int i = 0; i < 5; i++) {
      assertThat(ours(items, 4)).isEqualTo(first);
    }
  }

  @Test
  void zipNeedingZip64RecordsIsWrittenAsTheJdkWritesIt() throws Exception {
    // 65,535 entries or more need a Zip64 end record and locator, written as the JDK writes them.
    List<Item> items = new ArrayList<>();
    items.add(
        new Item("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII), true));
    for (int i = 0; i < 65_600; i++) {
      items.add(
          new Item(
              "p/" + i + ".xhtml", ("<p>" + i + "</p>").getBytes(StandardCharsets.UTF_8), false));
    }
    byte[] reference = jdk(items);
    assertThat(ours(items, 2)).isEqualTo(reference);
    assertThat(readBack(reference)).hasSize(items.size());
  }

  @Test
  void emptyZipEqualsTheJdkWriters() throws Exception {
    assertThat(ours(List.of(), 2)).isEqualTo(jdk(List.of()));
  }

  /** A mimetype, pages of mixed Chinese and Latin text, an empty file, incompressible bytes. */
  private static List<Item> epubLike(Random random) {
    List<Item> items = new ArrayList<>();
    items.add(
        new Item("mimetype", "application/epub+zip".getBytes(StandardCharsets.US_ASCII), true));
    items.add(
        new Item(
            "META-INF/container.xml", "<container/>\n".getBytes(StandardCharsets.UTF_8), false));
    items.add(new Item("OEBPS/empty.txt", new byte[0], false));
    for (int i = 0; i < 300; i++) {
      StringBuilder page = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<p>");
      int length = random.nextInt(i % 50 == 0 ? 200_000 : 5_000);
      for (int c = 0; c < length; c++) {
        page.append(
            random.nextInt(4) == 0
                ? (char) ('a' + random.nextInt(26))
                : (char) ('一' + random.nextInt(300)));
      }
      items.add(
          new Item(
              "OEBPS/第" + i + "篇.xhtml",
              page.append("</p>\n").toString().getBytes(StandardCharsets.UTF_8),
              false));
    }
    byte[] noise = new byte[300_000];
    random.nextBytes(noise);
    items.add(new Item("OEBPS/images/noise.jpg", noise, false));
    byte[] storedNoise = new byte[1_000];
    random.nextBytes(storedNoise);
    items.add(new Item("OEBPS/stored.bin", storedNoise, true));
    return items;
  }

  private static byte[] ours(List<Item> items, int threads) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(
              () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (DeterministicZip zip = new DeterministicZip(out)) {
                  for (Item item : items) {
                    if (item.stored()) {
                      zip.stored(item.name(), item.data());
                    } else {
                      zip.deflated(item.name(), item.data());
                    }
                  }
                }
                return out.toByteArray();
              })
          .get();
    } finally {
      pool.shutdown();
    }
  }

  /** What the EPUB writer wrote before entries were deflated in parallel. */
  private static byte[] jdk(List<Item> items) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      for (Item item : items) {
        ZipEntry e = new ZipEntry(item.name());
        e.setTimeLocal(FIXED_TIME);
        if (item.stored()) {
          e.setMethod(ZipEntry.STORED);
          e.setSize(item.data().length);
          e.setCompressedSize(item.data().length);
          CRC32 crc = new CRC32();
          crc.update(item.data());
          e.setCrc(crc.getValue());
        } else {
          e.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(e);
        zip.write(item.data());
        zip.closeEntry();
      }
      zip.finish();
    }
    return out.toByteArray();
  }

  private static Map<String, String> contents(List<Item> items) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Item item : items) {
      map.put(item.name(), java.util.HexFormat.of().formatHex(item.data()));
    }
    return map;
  }

  private static Map<String, String> readBack(byte[] zip) throws IOException {
    Map<String, String> map = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        map.put(e.getName(), java.util.HexFormat.of().formatHex(in.readAllBytes()));
      }
    }
    return map;
  }
}
