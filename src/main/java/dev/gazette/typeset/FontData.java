package dev.gazette.typeset;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A font file's bytes, read in ranges: a file on disk (only the ranges asked for are read) or an
 * array already in memory. {@link SparseFont} reads a CJK font's few hundred kilobytes of tables
 * and the glyphs a subset needs, instead of all 10-15 MB of it.
 */
abstract class FontData {
  /** An open view, for a run of reads; close it when done. */
  interface Reader extends AutoCloseable {
    /** {@code length} bytes from {@code at}; an {@link EOFException} past the end. */
    byte[] read(long at, int length) throws IOException;

    @Override
    void close() throws IOException;
  }

  abstract long size() throws IOException;

  abstract Reader open() throws IOException;

  static FontData of(byte[] bytes) {
    return new FontData() {
      @Override
      long size() {
        return bytes.length;
      }

      @Override
      Reader open() {
        return new Reader() {
          @Override
          public byte[] read(long at, int length) throws IOException {
            if (at < 0 || length < 0 || at + length > bytes.length) {
              throw new EOFException(
                  "reading " + length + " bytes at " + at + " of a " + bytes.length + "-byte font");
            }
            byte[] out = new byte[length];
            System.arraycopy(bytes, (int) at, out, 0, length);
            return out;
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  static FontData of(Path file) {
    return new FontData() {
      @Override
      long size() throws IOException {
        return java.nio.file.Files.size(file);
      }

      @Override
      Reader open() throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new Reader() {
          @Override
          public byte[] read(long at, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(length);
            long position = at;
            while (buffer.hasRemaining()) {
              int n = channel.read(buffer, position);
              if (n < 0) {
                throw new EOFException(
                    "reading " + length + " bytes at " + at + " of " + file + ": past its end");
              }
              position += n;
            }
            return buffer.array();
          }

          @Override
          public void close() throws IOException {
            channel.close();
          }
        };
      }
    };
  }
}
