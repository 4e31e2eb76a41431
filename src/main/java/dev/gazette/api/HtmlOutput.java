package dev.gazette.api;

import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.render.RenderContext;
import dev.gazette.render.html.HtmlRenderer;
import dev.gazette.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the HTML edition: {@code NAME.html} and its pictures in {@code NAME-images/}, the same
 * processed bytes the EPUB carries, each picture once (its name is its hash). Pictures are written
 * first and pictures the new page no longer shows are removed last, so a reader opening the page at
 * any moment finds every picture it shows.
 */
final class HtmlOutput {
  /**
   * The names Gazette gives pictures ({@code 3f2a9c01d4e5b6a7.jpg}, a formula's {@code
   * math-3f2a9c01d4e5b6a7.svg}); nothing else is removed.
   */
  private static final Pattern PICTURE = Pattern.compile("(math-)?[0-9a-f]{16}\\.[a-z]{3,4}");

  private HtmlOutput() {}

  static OutputFile write(Digest digest, RenderContext context, Path page) throws GazetteException {
    Path folder = imageFolder(page);
    List<Asset> assets = digest.assets();
    try {
      for (Asset asset : assets) {
        Path file = folder.resolve(fileName(asset));
        if (!sameBytes(file, asset.bytes())) {
          AtomicFiles.write(file, out -> out.write(asset.bytes()));
        }
      }
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot write " + folder + ": " + e.getMessage(), e);
    }
    OutputFile written =
        Gazette.write(new HtmlRenderer(folder.getFileName().toString()), digest, context, page);
    try {
      removeUnused(folder, assets);
    } catch (IOException e) {
      // The page is complete and every picture it shows is there; a leftover is harmless.
    }
    return written;
  }

  /** {@code news-2021-W26.html} keeps its pictures in {@code news-2021-W26-images}. */
  static Path imageFolder(Path page) {
    String name = page.getFileName().toString();
    String base = name.endsWith(".html") ? name.substring(0, name.length() - 5) : name;
    return page.resolveSibling(base + "-images");
  }

  private static String fileName(Asset asset) {
    return asset.href().substring(asset.href().lastIndexOf('/') + 1);
  }

  private static boolean sameBytes(Path file, byte[] bytes) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == bytes.length
        && Arrays.equals(Files.readAllBytes(file), bytes);
  }

  private static void removeUnused(Path folder, List<Asset> assets) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Set<String> used = new HashSet<>();
    assets.forEach(a -> used.add(fileName(a)));
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (PICTURE.matcher(name).matches() && !used.contains(name) && Files.isRegularFile(f)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
