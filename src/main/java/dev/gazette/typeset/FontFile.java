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
          try (InputStream in = FontFile.class.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IOException("bundled font " + fileName + " is missing from the class path");
            }
            return in.readAllBytes();
          }
        });
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
