package dev.gazette.digest;

import dev.gazette.model.DateRange;
import java.nio.file.Path;

/** The base name of a digest's files, and the source's name that placeholders use. */
public final class OutputName {
  private OutputName() {}

  /** The source folder's (or file's, without .md) name; {@code gazette} when there is none. */
  public static String sourceName(Path source) {
    Path abs = source.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    String s = name == null ? "gazette" : name.toString().replaceFirst("\\.(md|markdown)$", "");
    return s.isEmpty() ? "gazette" : s;
  }

  /**
   * The name asked for with its placeholders filled, else the source's name and the range's label
   * ({@code samples-2021-W26}).
   *
   * @throws IllegalArgumentException for a placeholder that cannot be filled
   */
  public static String of(String name, DateRange range, String rangeLabel, Path source) {
    if (name != null && !name.isBlank()) {
      return NameTemplate.expand(name.strip(), range, sourceName(source));
    }
    String base = sourceName(source);
    return rangeLabel == null ? base : base + "-" + rangeLabel;
  }
}
