package dev.gazette.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Eleventy's directory data: {@code library/Eccentric Existence/Eccentric Existence.11tydata.json}
 * gives every page of its folder, and of the folders below it, values its templates output as the
 * page's own ({@code {{ book.title }}}). chriskrycho.com keeps a book's title, author and link so
 * for the reading notes on it, and 60 notes lost them. Only the JSON files are read: a {@code .js}
 * one is a program. Each folder's file is read once for all the posts of a digest.
 */
public final class DirectoryData {
  /** Each folder's own values, keys lower-cased; empty for a folder without a data file. */
  private final Map<Path, Map<String, Object>> byFolder = new ConcurrentHashMap<>();

  /**
   * The values of the data files of {@code folder} and the folders above it up to {@code top}, keys
   * lower-cased as the front matter's, the nearer folder's winning; empty when there are none.
   */
  public Map<String, Object> of(Path folder, Path top) {
    Deque<Map<String, Object>> found = new ArrayDeque<>();
    for (Path dir = folder;
        dir != null && top != null && dir.startsWith(top);
        dir = dir.getParent()) {
      found.push(byFolder.computeIfAbsent(dir, DirectoryData::read)); // the farthest first
    }
    Map<String, Object> values = new LinkedHashMap<>();
    found.forEach(values::putAll); // the nearer ones overwrite it
    return values;
  }

  private static Map<String, Object> read(Path dir) {
    Path name = dir.getFileName();
    Path file = name == null ? null : dir.resolve(name + ".11tydata.json");
    Map<String, Object> values = new LinkedHashMap<>();
    try {
      if (file != null
          && Files.isRegularFile(file)
          && Files.size(file) <= SiteData.MAX_BYTES
          && SiteConfig.parseValue(file) instanceof Map<?, ?> map) {
        map.forEach((k, v) -> values.put(String.valueOf(k).toLowerCase(Locale.ROOT), v));
      }
    } catch (IOException | RuntimeException e) {
      // a file that does not parse gives nothing: what names its values is removed with a word
    }
    return values;
  }
}
