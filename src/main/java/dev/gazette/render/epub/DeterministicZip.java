package dev.gazette.render.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip writer whose bytes depend only on what is added: every entry carries the same DOS time (set
 * as local time, so the machine's zone does not leak in) and no extra fields.
 *
 * <p>Entries are deflated on all cores (a 10,000-post EPUB is ~10,000 pages: one thread deflating
 * them was a serial tail of the build): the common pool starts on each as it is added, entries at
 * the head whose bytes are ready are written at once, the adding thread deflates too once a window
 * of entries waits (so only that window of bytes is held), and {@link #close()} deflates what is
 * left in a parallel stream (its own thread included: with two cores the common pool has one
 * worker) and writes the rest. Each entry is deflated on its own, with the level and settings
 * {@link ZipOutputStream} uses, and laid out exactly as {@link ZipOutputStream} lays it out (local
 * header with a data descriptor, central directory, Zip64 end records from 65,535 entries), so the
 * bytes are the JDK writer's whatever the number of threads ({@code DeterministicZipTest} compares
 * them). A zip of 4 GiB or more is refused with an error.
 */
final class DeterministicZip implements AutoCloseable {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final int LEVEL = Deflater.BEST_COMPRESSION;

  /** MS-DOS date and time of {@link #FIXED_TIME}, as the zip headers store it. */
  private static final int DOS_TIME =
      (FIXED_TIME.getYear() - 1980) << 25
          | FIXED_TIME.getMonthValue() << 21
          | FIXED_TIME.getDayOfMonth() << 16
          | FIXED_TIME.getHour() << 11
          | FIXED_TIME.getMinute() << 5
          | FIXED_TIME.getSecond() >> 1;

  private static final int FLAG_DATA_DESCRIPTOR = 0x8;
  private static final int FLAG_UTF8_NAMES = 0x800;
  private static final long ZIP32_LIMIT = 0xFFFFFFFFL;
  private static final int ZIP64_COUNT = 0xFFFF;

  /** Entries added but not yet written beyond which the adding thread deflates too. */
  private static final int WINDOW = 64;

  private final ZipBytes zip;
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();
  private final List<Written> written = new ArrayList<>();

  /**
   * An entry to write: name and bytes, and its deflated bytes once ready (stored entries: none).
   * Whichever thread claims it first deflates it.
   */
  private record Entry(
      String name, byte[] data, AtomicBoolean claimed, CompletableFuture<Deflated> deflated)
      implements Runnable {
    boolean stored() {
      return deflated == null;
    }

    boolean ready() {
      return stored() || deflated.isDone();
    }

    @Override
    public void run() {
      if (!stored() && claimed.compareAndSet(false, true)) {
        try {
          deflated.complete(deflate(data));
        } catch (RuntimeException | Error e) {
          deflated.completeExceptionally(e);
        }
      }
    }
  }

  private record Deflated(byte[] bytes, long crc) {}

  /** What the central directory says of a written entry. */
  private record Written(
      byte[] name, boolean stored, long crc, long compressedSize, long size, long offset) {}

  DeterministicZip(OutputStream out) {
    this.zip = new ZipBytes(out);
  }

  /** Adds an uncompressed entry (the EPUB {@code mimetype} must be stored). */
  void stored(String name, byte[] data) throws IOException {
    pending.add(new Entry(name, data, null, null));
    writeReady();
  }

  void deflated(String name, byte[] data) throws IOException {
    Entry e = new Entry(name, data, new AtomicBoolean(), new CompletableFuture<>());
    pending.add(e);
    ForkJoinPool.commonPool().execute(e);
    writeReady();
  }

  void deflated(String name, String text) throws IOException {
    deflated(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Deflates what no thread has started yet, then writes the remaining entries in the order added
   * and the central directory. Run inside a {@link ForkJoinPool}, the parallel part uses that pool.
   */
  @Override
  public void close() throws IOException {
    new ArrayList<>(pending).parallelStream().forEach(Entry::run);
    while (!pending.isEmpty()) {
      write(pending.poll());
    }
    writeDirectory();
    zip.flush();
  }

  /**
   * Writes the entries at the head that are ready. Past {@link #WINDOW} waiting entries the adding
   * thread deflates the head itself: it works as one more deflater, and the bytes held stay bounded
   * (each page's UTF-8 bytes live only until written).
   */
  private void writeReady() throws IOException {
    while (!pending.isEmpty() && (pending.peek().ready() || pending.size() > WINDOW)) {
      Entry head = pending.poll();
      head.run();
      write(head);
    }
  }

  private static Deflated deflate(byte[] data) {
    Deflater deflater = new Deflater(LEVEL, true);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, data.length / 3));
      byte[] buffer = new byte[Math.max(512, Math.min(data.length, 1 << 16))];
      while (!deflater.finished()) {
        int n = deflater.deflate(buffer);
        bytes.write(buffer, 0, n);
      }
      return new Deflated(bytes.toByteArray(), crc(data));
    } finally {
      deflater.end();
    }
  }

  private static long crc(byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }

  /** One entry as {@link ZipOutputStream} writes it: local header, bytes, data descriptor. */
  private void write(Entry e) throws IOException {
    Deflated d = e.stored() ? new Deflated(e.data(), crc(e.data())) : join(e.deflated());
    byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
    long offset = zip.written();
    if (offset + 30 + name.length + d.bytes().length + 16 >= ZIP32_LIMIT) {
      throw new IOException("the EPUB would be larger than 4 GiB");
    }
    zip.int32(0x04034b50);
    if (e.stored()) {
      zip.int16(10).int16(FLAG_UTF8_NAMES).int16(ZipEntry.STORED).int32(DOS_TIME);
      zip.int32(d.crc()).int32(e.data().length).int32(e.data().length);
    } else {
      zip.int16(20).int16(FLAG_UTF8_NAMES | FLAG_DATA_DESCRIPTOR).int16(ZipEntry.DEFLATED);
      zip.int32(DOS_TIME).int32(0).int32(0).int32(0);
    }
    zip.int16(name.length).int16(0).bytes(name).bytes(d.bytes());
    if (!e.stored()) {
      zip.int32(0x08074b50).int32(d.crc()).int32(d.bytes().length).int32(e.data().length);
    }
    written.add(new Written(name, e.stored(), d.crc(), d.bytes().length, e.data().length, offset));
  }

  private static Deflated join(CompletableFuture<Deflated> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IOException("cannot compress: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The central directory and its end records, as {@link ZipOutputStream} writes them. */
  private void writeDirectory() throws IOException {
    long directory = zip.written();
    for (Written w : written) {
      int version = w.stored() ? 10 : 20;
      int flag = w.stored() ? FLAG_UTF8_NAMES : FLAG_UTF8_NAMES | FLAG_DATA_DESCRIPTOR;
      zip.int32(0x02014b50).int16(version).int16(version).int16(flag);
      zip.int16(w.stored() ? ZipEntry.STORED : ZipEntry.DEFLATED).int32(DOS_TIME).int32(w.crc());
      zip.int32(w.compressedSize()).int32(w.size());
      zip.int16(w.name().length).int16(0).int16(0).int16(0).int16(0).int32(0).int32(w.offset());
      zip.bytes(w.name());
    }
    long end = zip.written();
    long directorySize = end - directory;
    if (end >= ZIP32_LIMIT) {
      throw new IOException("the EPUB would be larger than 4 GiB");
    }
    int count = written.size();
    if (count >= ZIP64_COUNT) {
      // Zip64 end record and its locator: the entry count does not fit in 16 bits.
      zip.int32(0x06064b50).int64(44).int16(45).int16(45).int32(0).int32(0);
      zip.int64(count).int64(count).int64(directorySize).int64(directory);
      zip.int32(0x07064b50).int32(0).int64(end).int32(1);
      count = ZIP64_COUNT;
    }
    zip.int32(0x06054b50).int16(0).int16(0).int16(count).int16(count);
    zip.int32(directorySize).int32(directory).int16(0);
  }

  /** Little-endian fields, counting what was written. */
  private static final class ZipBytes {
    private final OutputStream out;
    private final byte[] field = new byte[8];
    private long written;

    ZipBytes(OutputStream out) {
      this.out = out;
    }

    long written() {
      return written;
    }

    ZipBytes int16(int v) throws IOException {
      return field(v, 2);
    }

    ZipBytes int32(long v) throws IOException {
      return field(v, 4);
    }

    ZipBytes int64(long v) throws IOException {
      return field(v, 8);
    }

    private ZipBytes field(long v, int size) throws IOException {
      for (int i = 0; i < size; i++) {
        field[i] = (byte) (v >>> (8 * i));
      }
      out.write(field, 0, size);
      written += size;
      return this;
    }

    ZipBytes bytes(byte[] b) throws IOException {
      out.write(b);
      written += b.length;
      return this;
    }

    void flush() throws IOException {
      out.flush();
    }
  }
}
