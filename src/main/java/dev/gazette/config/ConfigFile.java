package dev.gazette.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code gazette.yml} says, as written: each value with its key and line, in file order.
 * Values are not interpreted here; the request's settings table does that, and {@link #error(Entry,
 * String)} words its complaints with the file and the line.
 *
 * @param file the file read
 * @param entries the values, in the order the file gives them
 */
public record ConfigFile(Path file, List<Entry> entries) {
  /**
   * One value.
   *
   * @param key the setting's key (a nested spelling such as {@code output.dir} becomes {@code
   *     output-dir})
   * @param spelled the key as the file spells it, for messages
   * @param line 1-based line of the key
   * @param value a String, a {@code List<String>} or a {@code Map<String, String>} (a mapping)
   */
  public record Entry(String key, String spelled, int line, Object value) {}

  public ConfigFile {
    entries = List.copyOf(entries);
  }

  /** The folder relative paths are resolved against. */
  public Path base() {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("") : parent;
  }

  public Optional<Entry> find(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }

  /** A complaint about one value, naming the file, the line and the key as spelled. */
  public ConfigException error(Entry entry, String message) {
    return new ConfigException(file, entry.line(), entry.spelled(), message);
  }
}
