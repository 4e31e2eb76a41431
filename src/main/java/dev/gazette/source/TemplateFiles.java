package dev.gazette.source;

import dev.gazette.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The template files of a site's layout folders, which {@link HugoLayouts} and {@link SiteLayouts}
 * read.
 */
final class TemplateFiles {
  private TemplateFiles() {}

  /** Folders below a layouts folder searched: {@code layouts/_partials/blog/x.html} is two. */
  private static final int DEPTH = 6;

  /**
   * Adds to {@code files} the regular files under {@code folder} whose lower-cased name {@code
   * named} accepts; an unreadable folder or file adds nothing.
   */
  static void collect(Path folder, Predicate<String> named, List<Path> files) {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try {
      FileTrees.regularFiles(
          folder,
          DEPTH,
          dir -> false,
          file -> named.test(file.getFileName().toString().toLowerCase(Locale.ROOT)),
          files);
    } catch (IOException | RuntimeException e) {
      // an unreadable folder adds nothing
    }
  }
}
