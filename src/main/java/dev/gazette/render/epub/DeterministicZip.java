package dev.gazette.render.epub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip writer whose bytes depend only on what is added: every entry carries the same DOS time (set
 * as local time, so the machine's zone does not leak in) and no extra fields.
 */
final class DeterministicZip implements AutoCloseable {
  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private final ZipOutputStream zip;

  DeterministicZip(OutputStream out) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    zip.setLevel(Deflater.BEST_COMPRESSION);
  }

  /** Adds an uncompressed entry (the EPUB {@code mimetype} must be stored). */
  void stored(String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(data.length);
    e.setCompressedSize(data.length);
    CRC32 crc = new CRC32();
    crc.update(data);
    e.setCrc(crc.getValue());
    e.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  void deflated(String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.DEFLATED);
    e.setTimeLocal(FIXED_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  void deflated(String name, String text) throws IOException {
    deflated(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    zip.finish();
    zip.flush();
  }
}
