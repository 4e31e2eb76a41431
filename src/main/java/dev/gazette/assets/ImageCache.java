package dev.gazette.assets;

import dev.gazette.util.AtomicFiles;
import dev.gazette.util.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The downloaded bytes of remote images, kept between runs (and shareable between CI jobs), one
 * file per URL named after the URL's SHA-256. Entries are written to a temporary file and moved
 * into place, so a run killed halfway never leaves a partial entry. Only bytes that looked like an
 * image are stored; failures are not, so a later run tries again.
 */
public final class ImageCache {
  private final Path dir;

  public ImageCache(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** {@code $XDG_CACHE_HOME/gazette/images}, or the platform's user cache folder. */
  public static Path defaultDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path home = Path.of(System.getProperty("user.home"));
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    Path base;
    if (xdg != null && !xdg.isBlank()) {
      base = Path.of(xdg);
    } else if (os.contains("mac")) {
      base = home.resolve("Library/Caches");
    } else if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
      base = Path.of(System.getenv("LOCALAPPDATA"));
    } else {
      base = home.resolve(".cache");
    }
    return base.resolve("gazette").resolve("images");
  }

  /** {@code dir}, or {@link #defaultDir()} when it is null. */
  public static Path dirOrDefault(Path dir) {
    return dir != null ? dir : defaultDir();
  }

  public Path dir() {
    return dir;
  }

  public Optional<byte[]> get(String url) {
    try {
      return Optional.of(Files.readAllBytes(entry(url)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // an unreadable entry is a miss; the next put replaces it
    }
  }

  public void put(String url, byte[] bytes) throws IOException {
    AtomicFiles.write(entry(url), out -> out.write(bytes));
  }

  private Path entry(String url) {
    String key = Hashes.sha256Hex(url);
    return dir.resolve(key.substring(0, 2)).resolve(key + ".bin");
  }
}
