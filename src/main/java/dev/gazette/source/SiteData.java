package dev.gazette.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A site's data files, Jekyll's {@code _data/releases.yml} that posts read as {@code
 * site.data.releases}: YAML, JSON or TOML, or a folder of them ({@code site.data.team.members}).
 * Each is read once, when a post first names it, and only from inside the data folder. Thread-safe.
 */
public final class SiteData {
  /** The largest data file read: Ruby's list of releases is 170 KB. */
  static final long MAX_BYTES = 4L << 20;

  private static final Pattern NAME = Pattern.compile("[\\w-]+");
  private static final String[] EXTENSIONS = {".yml", ".yaml", ".json", ".toml"};

  private final Path folder;
  private final Map<String, Optional<Object>> read = new ConcurrentHashMap<>();

  /** The data of the site whose config is in {@code siteRoot}; none when it is null. */
  public SiteData(Path siteRoot) {
    this(siteRoot, "_data");
  }

  /**
   * The data in {@code siteRoot}'s folder {@code folderName}: Jekyll's {@code _data}, Hugo's {@code
   * data}.
   */
  SiteData(Path siteRoot, String folderName) {
    this.folder = siteRoot == null ? null : siteRoot.resolve(folderName);
  }

  /**
   * The data file or folder {@code name}, parsed; empty when there is none or it does not parse.
   */
  public Optional<Object> get(String name) {
    if (folder == null || name == null || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return read.computeIfAbsent(name, n -> read(folder, n, 0));
  }

  private static Optional<Object> read(Path dir, String name, int depth) {
    Path sub = dir.resolve(name);
    if (depth < 3 && Files.isDirectory(sub)) {
      Map<String, Object> files = new LinkedHashMap<>();
      try (Stream<Path> list = Files.list(sub)) {
        list.map(p -> p.getFileName().toString())
            .map(f -> f.replaceFirst("\\.(ya?ml|json|toml)$", ""))
            .filter(n -> NAME.matcher(n).matches())
            .sorted()
            .distinct()
            .forEach(n -> read(sub, n, depth + 1).ifPresent(v -> files.put(n, v)));
      } catch (IOException e) {
        return Optional.empty();
      }
      return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }
    for (String extension : EXTENSIONS) {
      Path file = dir.resolve(name + extension);
      try {
        if (Files.isRegularFile(file) && Files.size(file) <= MAX_BYTES) {
          return Optional.ofNullable(SiteConfig.parseValue(file));
        }
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // a file that does not parse: what names it is left as written
      }
    }
    return Optional.empty();
  }
}
