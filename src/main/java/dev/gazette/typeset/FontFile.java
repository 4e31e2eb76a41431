package dev.gazette.typeset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
  private final DiskCopy diskCopy;
  private volatile byte[] bytes;
  private volatile Path onDisk;
  private volatile boolean onDiskLooked;

  /**
   * Where to find (or make) a file on disk that holds exactly the font's bytes and never changes;
   * null when there is none.
   */
  @FunctionalInterface
  interface DiskCopy {
    Path find(FontFile font) throws IOException;
  }

  /**
   * The system property naming a folder where bundled fonts are kept unpacked, one file per font
   * and version ({@code bin/gazette} sets it to a folder beside the jar). A font in a jar is
   * compressed: reading any of it means inflating all of it (50 MB for the four CJK faces).
   * Unpacked once, a build reads only the tables and glyphs it uses ({@link SparseFont}), and the
   * cover's AWT fonts open the file itself instead of a temporary copy.
   */
  public static final String UNPACKED_FONTS = "gazette.fontCache";

  @FunctionalInterface
  interface ByteSource {
    byte[] read() throws IOException;
  }

  private FontFile(
      String name, String location, String faceName, ByteSource source, DiskCopy diskCopy) {
    this.name = name;
    this.location = location;
    this.faceName = faceName;
    this.source = source;
    this.diskCopy = diskCopy;
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
        },
        font -> unpacked(font, resource));
  }

  /**
   * The bundled font as a file: the class-path resource itself when it is one (a build tree), else
   * its unpacked copy in the {@link #UNPACKED_FONTS} folder, made now if missing. The copy's name
   * holds the jar entry's size and CRC, so a new jar never meets an old copy.
   */
  private static Path unpacked(FontFile font, String resource) throws IOException {
    return unpacked(
        font, FontFile.class.getResource(resource), System.getProperty(UNPACKED_FONTS, ""));
  }

  static Path unpacked(FontFile font, URL url, String folder) throws IOException {
    if (url == null) {
      return null;
    }
    if (url.getProtocol().equals("file")) {
      try {
        return Path.of(url.toURI());
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
        return null;
      }
    }
    if (folder.isBlank() || !(url.openConnection() instanceof JarURLConnection jar)) {
      return null;
    }
    java.util.jar.JarEntry entry = jar.getJarEntry();
    if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0) {
      return null;
    }
    Path dir = Path.of(folder);
    Path copy =
        dir.resolve(
            String.format(
                java.util.Locale.ROOT,
                "%s-%d-%08x.ttf",
                font.name(),
                entry.getSize(),
                entry.getCrc()));
    if (Files.isRegularFile(copy) && Files.size(copy) == entry.getSize()) {
      return copy;
    }
    byte[] data = font.bytes();
    if (data.length != entry.getSize()) {
      return null;
    }
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, font.name(), ".part");
    try {
      Files.write(tmp, data);
      Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return copy;
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
        () -> Files.readAllBytes(file),
        // A user's file may change while a long-lived Gazette keeps what it parsed: its bytes are
        // read once and kept, never read again in parts.
        font -> null);
  }

  /**
   * A file on disk that holds exactly this font's bytes and stays the same while the process runs,
   * or null (a user's font, or a bundled one read from a jar without an {@link #UNPACKED_FONTS}
   * folder). Unreadable or unwritable folders give null: the font is then read into memory.
   */
  public Path unchangingFile() {
    if (!onDiskLooked) {
      synchronized (this) {
        if (!onDiskLooked) {
          try {
            onDisk = diskCopy.find(this);
          } catch (IOException | RuntimeException e) {
            onDisk = null;
          }
          onDiskLooked = true;
        }
      }
    }
    return onDisk;
  }

  /** The font's bytes, read in ranges: from its {@link #unchangingFile} when it has one. */
  FontData data() {
    Path file = unchangingFile();
    return file != null && bytes == null ? FontData.of(file) : FontData.of(bytes());
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
