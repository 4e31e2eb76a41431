package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A TrueType font file: bundled (a class-path resource) or given by the user. The bytes are read
 * once and kept.
 */
public final class FontFile {
  private final String name;
  private final String location;
  private final String faceName;
  private final ByteSource source;
  private volatile byte[] bytes;

  @FunctionalInterface
  interface ByteSource {
    byte[] read() throws IOException;
  }

  private FontFile(String name, String location, String faceName, ByteSource source) {
    this.name = name;
    this.location = location;
    this.faceName = faceName;
    this.source = source;
  }

  /** A font bundled with Gazette, by file name in {@code fonts/}. */
  public static FontFile bundled(String fileName) {
    String resource = "/dev/gazette/fonts/" + fileName;
    return new FontFile(
        fileName.replaceFirst("\\.ttf$", ""),
        "bundled " + fileName,
        null,
        () -> {
          URL url = FontFile.class.getResource(resource);
          if (url == null) {
            throw new IOException("bundled font " + fileName + " is missing from the class path");
          }
          URLConnection connection = url.openConnection();
          try (InputStream in = connection.getInputStream()) {
            return readAll(in, connection.getContentLengthLong());
          }
        });
  }

  /**
   * The stream's bytes into one array of the size the jar gives: {@code readAllBytes} gathers a 15
   * MB font in pieces and copies it again, a quarter of the CPU of reading it.
   */
  static byte[] readAll(InputStream in, long size) throws IOException {
    if (size <= 0 || size > Integer.MAX_VALUE - 8) {
      return in.readAllBytes();
    }
    byte[] bytes = new byte[(int) size];
    int n = in.readNBytes(bytes, 0, bytes.length);
    if (n < bytes.length) {
      return Arrays.copyOf(bytes, n);
    }
    byte[] more = in.readAllBytes();
    if (more.length == 0) {
      return bytes;
    }
    byte[] all = Arrays.copyOf(bytes, bytes.length + more.length);
    System.arraycopy(more, 0, all, bytes.length, more.length);
    return all;
  }

  /**
   * A font file on disk: a TrueType font, or one face of a TrueType collection.
   *
   * @param faceName the face to use when the file is a collection (.ttc), else null
   */
  public static FontFile of(Path file, String faceName) {
    String base = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    return new FontFile(
        faceName != null ? base + "-" + faceName : base,
        faceName != null ? file + "#" + faceName : file.toString(),
        faceName,
        () -> Files.readAllBytes(file));
  }

  /** The face to take from a collection, or null. */
  public String faceName() {
    return faceName;
  }

  /** A short name for file names and messages, e.g. {@code NotoSerifSC-Regular}. */
  public String name() {
    return name;
  }

  /** Where the font comes from, for messages. */
  public String location() {
    return location;
  }

  public byte[] bytes() {
    byte[] b = bytes;
    if (b == null) {
      synchronized (this) {
        b = bytes;
        if (b == null) {
          try {
            b = Objects.requireNonNull(source.read());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          bytes = b;
        }
      }
    }
    return b;
  }

  @Override
  public String toString() {
    return location;
  }
}
