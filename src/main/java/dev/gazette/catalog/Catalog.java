package dev.gazette.catalog;

import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.util.AtomicFiles;
import dev.gazette.util.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Publishes a folder of digests: groups its EPUB, PDF and HTML files by base name (one digest per
 * name), reads what each says about itself (the EPUB first, then the page, then the PDF), writes
 * covers and thumbnails to {@code covers/}, then the OPDS feed and the index page. Nothing depends
 * on the clock or on the order the file system lists files, so the same folder gives the same
 * bytes. A file that cannot be read is left out with a problem; the others are still published.
 */
public final class Catalog {
  static final String COVERS = "covers";

  /** Which file's word counts first about a digest. */
  private static final List<Format> PRECEDENCE = List.of(Format.EPUB, Format.HTML, Format.PDF);

  /**
   * What publishing did.
   *
   * @param entries the digests listed, newest first (empty: nothing was written)
   * @param problems files left out, dates or covers missing
   * @param feed {@code catalog.xml}, or null when nothing was written
   * @param index {@code index.html}, or null when nothing was written
   */
  public record Outcome(
      List<CatalogEntry> entries, List<Problem> problems, Path feed, Path index) {}

  private Catalog() {}

  /**
   * @param title the catalog's title, or null for the folder's name
   * @param author the catalog's author, or null for the digests' most common author
   */
  public static Outcome publish(Path dir, String title, String author) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<CatalogEntry> entries = new ArrayList<>();
    for (Map.Entry<String, Map<Format, Path>> group : groups(dir).entrySet()) {
      CatalogEntry entry = entry(dir, group.getKey(), group.getValue(), problems);
      if (entry != null) {
        entries.add(entry);
      }
    }
    if (entries.isEmpty()) {
      return new Outcome(List.of(), problems, null, null);
    }
    entries.sort(
        Comparator.comparing(CatalogEntry::updated)
            .reversed()
            .thenComparing(CatalogEntry::title)
            .thenComparing(CatalogEntry::baseName));
    String name = title != null ? title : folderName(dir);
    String by = author != null ? author : mostCommon(entries, CatalogEntry::author, name);
    String id =
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(("gazette-catalog:" + name).getBytes(StandardCharsets.UTF_8));
    Path feed = dir.resolve(OpdsFeed.FILE_NAME);
    Path index = dir.resolve(IndexPage.FILE_NAME);
    write(feed, OpdsFeed.write(id, name, by, entries).getBytes(StandardCharsets.UTF_8));
    String language = mostCommon(entries, CatalogEntry::language, "en");
    write(index, IndexPage.write(name, language, entries).getBytes(StandardCharsets.UTF_8));
    return new Outcome(List.copyOf(entries), List.copyOf(problems), feed, index);
  }

  /** Digest files by base name, each with its formats; hidden files and our index left aside. */
  static Map<String, Map<Format, Path>> groups(Path dir) throws IOException {
    Map<String, Map<Format, Path>> groups = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (name.startsWith(".")
            || dot <= 0
            || name.equals(IndexPage.FILE_NAME)
            || !Files.isRegularFile(file)) {
          continue;
        }
        Format format = format(name.substring(dot + 1));
        if (format != null) {
          groups
              .computeIfAbsent(name.substring(0, dot), k -> new EnumMap<>(Format.class))
              .put(format, file);
        }
      }
    }
    return groups;
  }

  private static Format format(String extension) {
    for (Format f : Format.values()) {
      if (f.extension().equals(extension.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  private static CatalogEntry entry(
      Path dir, String base, Map<Format, Path> files, List<Problem> problems) throws IOException {
    DigestInfo info = null;
    List<CatalogFile> listed = new ArrayList<>();
    for (Format format : PRECEDENCE) {
      Path file = files.get(format);
      if (file == null) {
        continue;
      }
      DigestInfo own;
      try {
        own = read(format, file);
      } catch (IOException | RuntimeException e) {
        problems.add(
            Problem.warning(
                file, 0, "cannot read " + format.name() + ": " + e.getMessage() + "; not listed"));
        continue;
      }
      info = info == null ? own : info.or(own);
      listed.add(
          new CatalogFile(
              format,
              file.getFileName().toString(),
              CatalogFile.mediaType(format),
              Files.size(file)));
    }
    if (info == null) {
      return null;
    }
    listed.sort(Comparator.comparing(CatalogFile::format));
    Path first = dir.resolve(listed.get(0).fileName());
    String id = info.id() == null ? null : atomId(info.id());
    if (id == null) {
      id = PdfMetadata.idFromHash(Hashes.sha256Hex(Files.readAllBytes(first)));
    }
    Instant updated = info.updated();
    if (updated == null) {
      problems.add(Problem.warning(first, 0, "states no date; listed last (as 1970-01-01)"));
      updated = Instant.EPOCH;
    }
    CatalogImage cover = null;
    CatalogImage thumbnail = null;
    String extension = imageExtension(info.coverType());
    if (info.cover() != null && extension != null) {
      String path = COVERS + "/" + base + "." + extension;
      writeIfChanged(dir.resolve(path), info.cover());
      cover = new CatalogImage(path, info.coverType(), 0, 0);
      try {
        Thumbnails.Thumbnail t = Thumbnails.of(info.cover());
        if (t != null) {
          String thumbPath = COVERS + "/" + base + "-thumbnail.jpg";
          writeIfChanged(dir.resolve(thumbPath), t.jpeg());
          thumbnail = new CatalogImage(thumbPath, "image/jpeg", t.width(), t.height());
        }
      } catch (IOException | RuntimeException e) {
        problems.add(
            Problem.warning(first, 0, "cannot make a thumbnail of the cover: " + e.getMessage()));
      }
    }
    return new CatalogEntry(
        base,
        id,
        info.title() != null ? info.title() : base,
        info.author(),
        info.summary(),
        info.language(),
        updated,
        info.issued(),
        listed,
        cover,
        thumbnail);
  }

  private static DigestInfo read(Format format, Path file) throws IOException {
    return switch (format) {
      case EPUB -> EpubMetadata.read(file);
      case PDF -> PdfMetadata.read(file);
      case HTML -> HtmlMetadata.read(file);
    };
  }

  /** An identifier as an Atom id: a URN or URL stays; anything else becomes a name-based UUID. */
  static String atomId(String identifier) {
    if (identifier.matches("(?i)(urn:[a-z0-9][a-z0-9-]{0,31}:|https?://)\\S+")) {
      return identifier;
    }
    return "urn:uuid:" + UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8));
  }

  private static String imageExtension(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    return switch (mediaType) {
      case "image/jpeg" -> "jpg";
      case "image/png" -> "png";
      case "image/gif" -> "gif";
      case "image/webp" -> "webp";
      case "image/svg+xml" -> "svg";
      default -> null;
    };
  }

  private static String folderName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "Digests" : name.toString();
  }

  /** The most common non-null value (ties: the first in the list), or {@code otherwise}. */
  private static String mostCommon(
      List<CatalogEntry> entries, Function<CatalogEntry, String> field, String otherwise) {
    Map<String, Long> counts =
        entries.stream()
            .map(field)
            .filter(Objects::nonNull)
            .collect(
                Collectors.groupingBy(v -> v, java.util.LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(otherwise);
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    AtomicFiles.write(file, out -> out.write(bytes));
  }

  /** Leaves a file that already holds these bytes alone (its date too). */
  private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
    try {
      if (Files.isRegularFile(file)
          && Files.size(file) == bytes.length
          && Arrays.equals(Files.readAllBytes(file), bytes)) {
        return;
      }
    } catch (UncheckedIOException e) {
      // unreadable: write it again
    }
    write(file, bytes);
  }
}
