package dev.gazette.render.epub;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
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
 * them was a serial tail of the build): the common pool starts on each as it is added, and {@link
 * #close()} deflates what is left in a parallel stream (its own thread included: with two cores the
 * common pool has one worker), then writes the entries in the order they were added. Each entry is
 * deflated on its own, with the same level and settings {@link ZipOutputStream} uses, and laid out
 * exactly as {@link ZipOutputStream} lays it out (local header with a data descriptor, central
 * directory), so the bytes are those of the JDK's writer whatever the number of threads ({@code
 * DeterministicZipTest} compares them). A zip that would need Zip64 records (65,535 entries or
 * more, 4 GiB) is handed to {@link ZipOutputStream} itself, serially.
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
  private static final long ZIP64_LIMIT = 0xFFFFFFFFL;
  private static final int ZIP64_COUNT = 0xFFFF;

  private final OutputStream out;
  private final List<Entry> entries = new ArrayList<>();

  /**
   * An entry's name and bytes, and its deflated bytes once ready (stored entries: none). Whichever
   * thread claims it first deflates it.
   */
  private record Entry(
      String name, byte[] data, AtomicBoolean claimed, CompletableFuture<Deflated> deflated)
      implements Runnable {
    boolean stored() {
      return deflated == null;
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

  DeterministicZip(OutputStream out) {
    this.out = out;
  }

  /** Adds an uncompressed entry (the EPUB {@code mimetype} must be stored). */
  void stored(String name, byte[] data) {
    entries.add(new Entry(name, data, null, null));
  }

  void deflated(String name, byte[] data) {
    Entry e = new Entry(name, data, new AtomicBoolean(), new CompletableFuture<>());
    entries.add(e);
    ForkJoinPool.commonPool().execute(e);
  }

  void deflated(String name, String text) {
    deflated(name, text.getBytes(StandardCharsets.UTF_8));
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

  /**
   * Deflates what no thread has started yet, then writes every entry in the order added. Run inside
   * a {@link ForkJoinPool}, the parallel part uses that pool.
   */
  @Override
  public void close() throws IOException {
    entries.parallelStream().forEach(Entry::run);
    List<Deflated> deflated = new ArrayList<>(entries.size());
    long size = 22;
    for (Entry e : entries) {
      Deflated d = e.stored() ? new Deflated(e.data(), crc(e.data())) : join(e.deflated());
      deflated.add(d);
      int name = e.name().getBytes(StandardCharsets.UTF_8).length;
      size += 30 + 46 + 2L * name + d.bytes().length + (e.stored() ? 0 : 16);
    }
    if (entries.size() >= ZIP64_COUNT || size >= ZIP64_LIMIT) {
      writeWithJdk();
    } else {
      write(deflated);
    }
    out.flush();
  }

  private static Deflated join(CompletableFuture<Deflated> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw new IOException("cannot compress: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** The layout {@link ZipOutputStream} writes, field by field, with sizes known in advance. */
  private void write(List<Deflated> deflated) throws IOException {
    ZipBytes zip = new ZipBytes(out);
    long[] offsets = new long[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Deflated d = deflated.get(i);
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      offsets[i] = zip.written();
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
    }
    long directory = zip.written();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      Deflated d = deflated.get(i);
      byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
      int version = e.stored() ? 10 : 20;
      int flag = e.stored() ? FLAG_UTF8_NAMES : FLAG_UTF8_NAMES | FLAG_DATA_DESCRIPTOR;
      zip.int32(0x02014b50).int16(version).int16(version).int16(flag);
      zip.int16(e.stored() ? ZipEntry.STORED : ZipEntry.DEFLATED).int32(DOS_TIME).int32(d.crc());
      zip.int32(d.bytes().length).int32(e.data().length);
      zip.int16(name.length).int16(0).int16(0).int16(0).int16(0).int32(0).int32(offsets[i]);
      zip.bytes(name);
    }
    long directorySize = zip.written() - directory;
    zip.int32(0x06054b50).int16(0).int16(0).int16(entries.size()).int16(entries.size());
    zip.int32(directorySize).int32(directory).int16(0);
  }

  /** Serially, through the JDK's writer: it writes the Zip64 records a very large zip needs. */
  private void writeWithJdk() throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(LEVEL);
    for (Entry e : entries) {
      ZipEntry z = new ZipEntry(e.name());
      z.setTimeLocal(FIXED_TIME);
      if (e.stored()) {
        z.setMethod(ZipEntry.STORED);
        z.setSize(e.data().length);
        z.setCompressedSize(e.data().length);
        z.setCrc(crc(e.data()));
      } else {
        z.setMethod(ZipEntry.DEFLATED);
      }
      zip.putNextEntry(z);
      zip.write(e.data());
      zip.closeEntry();
    }
    zip.finish();
  }

  /** Little-endian fields, counting what was written. */
  private static final class ZipBytes {
    private final OutputStream out;
    private final byte[] field = new byte[4];
    private long written;

    ZipBytes(OutputStream out) {
      this.out = out;
    }

    long written() {
      return written;
    }

    ZipBytes int16(int v) throws IOException {
      field[0] = (byte) v;
      field[1] = (byte) (v >>> 8);
      out.write(field, 0, 2);
      written += 2;
      return this;
    }

    ZipBytes int32(long v) throws IOException {
      field[0] = (byte) v;
      field[1] = (byte) (v >>> 8);
      field[2] = (byte) (v >>> 16);
      field[3] = (byte) (v >>> 24);
      out.write(field, 0, 4);
      written += 4;
      return this;
    }

    ZipBytes bytes(byte[] b) throws IOException {
      out.write(b);
      written += b.length;
      return this;
    }
  }
}
