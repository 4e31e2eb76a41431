package dev.gazette.assets;

import dev.gazette.util.Hashes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Finished images kept between runs: what {@link ImageProcessor} made of an image's bytes, so a
 * build that meets the same picture again (the next weekly digest, a second build of an archive, a
 * PDF after an EPUB) does not decode, scale and encode it again. On a real archive of 515 pictures
 * that work was over half of a build's CPU (docs/performance.md).
 *
 * <p>An entry is named by the SHA-256 of the source bytes and of everything else that decides the
 * result: the processor's settings, {@link ImageProcessor#RENDITION_VERSION} and the Java version
 * (whose image codecs encode). So an entry is only ever what this build would have made itself, and
 * a build gives the same bytes with an empty cache or a full one. Entries are written to a
 * temporary file and moved into place, with a CRC-32C of the image; an unreadable, cut-off or
 * damaged entry is a miss and is written again, and an unwritable folder only costs the work next
 * time. Failures are not kept: a picture that cannot be used is reported by every build that meets
 * it.
 */
public final class RenditionCache {
  /** First bytes of an entry, with the entry layout's version. */
  private static final byte[] MAGIC = "GZR1".getBytes(StandardCharsets.US_ASCII);

  private final Path dir;
  private final AtomicInteger reused = new AtomicInteger();

  /** The renditions kept beside the downloads of an image cache folder ({@link ImageCache}). */
  public static RenditionCache in(Path imageCacheDir) {
    return new RenditionCache(imageCacheDir.resolve("renditions"));
  }

  private RenditionCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  /** How many images {@link #get} gave back so far. */
  public int reused() {
    return reused.get();
  }

  /** The entry name for {@code source} processed with {@code settings}. */
  static String key(String settings, byte[] source) {
    MessageDigest sha = Hashes.sha256();
    sha.update(settings.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(source);
    return HexFormat.of().formatHex(sha.digest());
  }

  Optional<ProcessedImage> get(String key) {
    byte[] entry;
    try {
      entry = Files.readAllBytes(file(key));
    } catch (IOException e) {
      return Optional.empty(); // not there (NoSuchFileException) or unreadable: made again
    }
    Optional<ProcessedImage> image = read(entry);
    image.ifPresent(i -> reused.incrementAndGet());
    return image;
  }

  void put(String key, ProcessedImage image) {
    Path file = file(key);
    Path temp = null;
    try {
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".part");
      Files.write(temp, entry(image));
      // Moved into place whole, not flushed to disk first: an entry cut short or damaged by a
      // crash fails its checksum and is made again.
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UnsupportedOperationException e) {
      // an unwritable cache costs the work next time, nothing more
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // left for nobody: a stray temporary is never read
        }
      }
    }
  }

  static byte[] entry(ProcessedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.bytes().length + 64);
    try (DataOutputStream data = new DataOutputStream(bytes)) {
      data.write(MAGIC);
      data.writeUTF(image.type().name());
      data.writeInt(image.width());
      data.writeInt(image.height());
      data.writeInt(image.bytes().length);
      data.writeInt(crc(image.bytes()));
      data.write(image.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in memory: not thrown
    }
    return bytes.toByteArray();
  }

  private static int crc(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  /** The image an entry holds, or empty for anything but a whole entry of a known type. */
  static Optional<ProcessedImage> read(byte[] entry) {
    try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(entry))) {
      byte[] magic = data.readNBytes(MAGIC.length);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        return Optional.empty();
      }
      ImageType type = ImageType.valueOf(data.readUTF());
      int width = data.readInt();
      int height = data.readInt();
      int length = data.readInt();
      if (width <= 0 || height <= 0 || length < 0) {
        return Optional.empty();
      }
      int crc = data.readInt();
      if (length != data.available()) {
        return Optional.empty();
      }
      byte[] bytes = data.readNBytes(length);
      if (crc(bytes) != crc || ImageType.sniff(bytes).orElse(null) != type) {
        return Optional.empty();
      }
      return Optional.of(new ProcessedImage(type, bytes, width, height));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".bin");
  }
}
