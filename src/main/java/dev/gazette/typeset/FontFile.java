package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A TrueType font file: bundled (a class-path resource) or given by the user. The bytes are read
 * once and kept.
 */
public final class FontFile {
  private final String name;
  private final String location;
  private final ByteSource source;
  private volatile byte[] bytes;

  @FunctionalInterface
  interface ByteSource {
    byte[] read() throws IOException;
  }

  private FontFile(String name, String location, ByteSource source) {
    this.name = name;
    this.location = location;
    this.source = source;
  }

  /** A font bundled with Gazette, by file name in {@code fonts/}. */
  public static FontFile bundled(String fileName) {
    String resource = "/dev/gazette/fonts/" + fileName;
    return new FontFile(fileName.replaceFirst("\\.ttf$", ""), "bundled " + fileName, () -> {
      try (InputStream in = FontFile.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("bundled font " + fileName + " is missing from the class path");
        }
        return in.readAllBytes();
      }
    });
  }

  /** A font file on disk. */
  public static FontFile of(Path file) {
    return new FontFile(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""), file.toString(),
        () -> Files.readAllBytes(file));
  }

  /** A font given as bytes (e.g. one face taken out of a collection). */
  public static FontFile of(String name, byte[] data) {
    return new FontFile(name, name, () -> data);
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
