package dev.gazette.digest;

import dev.gazette.model.DateRange;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The base name of a digest's files, and the source's name that placeholders use. */
public final class OutputName {
  private OutputName() {}

  /**
   * The source folder's (or file's, without .md) name, without the leading {@code _} or {@code .}
   * of Jekyll's {@code _posts} (a file name starting so is hidden or sorts oddly); {@code gazette}
   * when there is none.
   */
  public static String sourceName(Path source) {
    Path abs = source.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    String s =
        name == null
            ? "gazette"
            : name.toString().replaceFirst("\\.(md|markdown|mdx)$", "").replaceFirst("^[_.]+", "");
    return s.isEmpty() ? "gazette" : s;
  }

  /**
   * The name a digest is titled by when nothing else names it: the source folder's, but for a
   * folder a site generator names ({@code public/} of overreacted.io, a Next.js site; {@code
   * src/content/} of an Eleventy site), the name of the site's own folder above it, which holds its
   * {@code package.json}, site config or repository. Every page's running head showed "public".
   */
  public static String titleName(Path source) {
    Path dir = source.toAbsolutePath().normalize();
    for (int up = 0; up < 3 && isGeneratorFolder(dir); up++) {
      Path parent = dir.getParent();
      if (parent == null) {
        break;
      }
      if (SITE_MARKERS.stream().anyMatch(m -> java.nio.file.Files.exists(parent.resolve(m)))) {
        return sourceName(parent);
      }
      dir = parent;
    }
    return sourceName(source);
  }

  private static boolean isGeneratorFolder(Path dir) {
    Path name = dir.getFileName();
    return name != null && GENERATOR_FOLDERS.contains(name.toString());
  }

  /** Folders named for what a site generator keeps in them, not for the site. */
  private static final java.util.Set<String> GENERATOR_FOLDERS =
      java.util.Set.of("public", "content", "source", "src", "posts", "_posts", "post", "pages");

  /**
   * What a site's own folder holds: its package (npm's, Deno's, Gleam's), its generator's config,
   * its repository.
   */
  private static final List<String> SITE_MARKERS =
      List.of(
          "package.json",
          "deno.json",
          "deno.jsonc",
          "gleam.toml",
          "_config.yml",
          "config.toml",
          "hugo.toml",
          "hugo.yaml",
          "config.yaml",
          "Gemfile",
          ".git");

  /**
   * The name asked for with its placeholders filled, else the source's name and the range's label
   * ({@code samples-2021-W26}).
   *
   * @throws IllegalArgumentException for a placeholder that cannot be filled
   */
  public static String of(String name, DateRange range, String rangeLabel, Path source) {
    return of(name, range, rangeLabel, source, List.of());
  }

  /**
   * As {@link #of(String, DateRange, String, Path)}, the default name also naming the categories
   * and tags the posts were chosen by ({@code blog-2024-W03-rust}), so two filtered digests of one
   * week do not overwrite each other.
   */
  public static String of(
      String name, DateRange range, String rangeLabel, Path source, List<String> filters) {
    if (name != null && !name.isBlank()) {
      return NameTemplate.expand(name.strip(), range, sourceName(source));
    }
    StringBuilder sb = new StringBuilder(sourceName(source));
    if (rangeLabel != null) {
      sb.append('-').append(rangeLabel);
    }
    for (String filter : filters) {
      String part = UNSAFE.matcher(filter.strip()).replaceAll("-").replaceAll("^-+|-+$", "");
      if (!part.isEmpty()) {
        sb.append('-').append(part);
      }
    }
    return sb.toString();
  }

  /** Characters some file system refuses or a shell splits at, and runs of them. */
  private static final Pattern UNSAFE = Pattern.compile("[\\s/\\\\:*?\"<>|#%&{}$!'`=+,;]+");
}
