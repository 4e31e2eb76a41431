package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import dev.gazette.util.Hashes;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Embeds images stored beside the posts. A path is resolved against the post's folder and must
 * stay inside the source folder. Remote images are left to the caller (not resolved here).
 */
public final class LocalImageResolver implements ImageResolver {
  /** Formats every EPUB reader and the PDF renderer take as they are. */
  private static final Set<ImageType> EMBEDDABLE = Set.of(ImageType.JPEG, ImageType.PNG, ImageType.GIF);

  private final Path root;
  private final long maxBytes;
  private final long maxPixels;

  public LocalImageResolver(Path root, long maxBytes) {
    this(root, maxBytes, dev.gazette.api.Limits.defaults().maxImagePixels());
  }

  /** @param maxPixels the most pixels an image may declare; checked on its header, before decoding */
  public LocalImageResolver(Path root, long maxBytes, long maxPixels) {
    this.root = root.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  @Override
  public Optional<Asset> resolve(Post post, String src, Consumer<String> problems) {
    String lower = src.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")
        || lower.startsWith("data:")) {
      return Optional.empty();
    }
    String pathPart = src.replaceFirst("[?#].*$", "");
    Path file;
    try {
      String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (decoded.startsWith("/") || decoded.matches("^[A-Za-z]:.*") || lower.startsWith("file:")) {
        problems.accept("image '" + src + "' is an absolute path; only paths relative to the post are used");
        return Optional.empty();
      }
      file = post.file().getParent().resolve(decoded).normalize();
    } catch (RuntimeException e) {
      problems.accept("image '" + src + "' is not a usable path");
      return Optional.empty();
    }
    if (!file.startsWith(root)) {
      problems.accept("image '" + src + "' points outside the source folder; left out");
      return Optional.empty();
    }
    if (!Files.exists(file)) {
      problems.accept("image '" + src + "' not found");
      return Optional.empty();
    }
    try {
      if (!file.toRealPath().startsWith(root.toRealPath())) {
        problems.accept("image '" + src + "' points outside the source folder; left out");
        return Optional.empty();
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
        problems.accept("image '" + src + "' not found");
        return Optional.empty();
      }
      if (Files.size(file) > maxBytes) {
        problems.accept("image '" + src + "' is larger than " + maxBytes / (1024 * 1024) + " MiB; left out");
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(file);
      Optional<ImageType> type = ImageType.sniff(bytes);
      if (type.isEmpty() || !EMBEDDABLE.contains(type.get())) {
        problems.accept("image '" + src + "' is " + type.map(t -> t.name() + ", not supported yet").orElse("not a known image format") + "; left out");
        return Optional.empty();
      }
      Optional<String> refusal = ImageHeader.refusal(bytes, maxPixels);
      if (refusal.isPresent()) {
        problems.accept("image '" + src + "' " + refusal.get() + "; left out");
        return Optional.empty();
      }
      int[] size = dimensions(bytes);
      if (size == null) {
        problems.accept("image '" + src + "' cannot be decoded; left out");
        return Optional.empty();
      }
      String href = "images/" + Hashes.sha256Hex(bytes).substring(0, 16) + "." + type.get().extension();
      return Optional.of(new Asset(href, type.get().mediaType(), bytes, size[0], size[1]));
    } catch (IOException e) {
      problems.accept("image '" + src + "' cannot be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Width and height from the image header, without decoding pixels; null when unreadable. */
  static int[] dimensions(byte[] bytes) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new int[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
