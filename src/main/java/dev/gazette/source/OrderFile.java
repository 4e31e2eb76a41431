package dev.gazette.source;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file at the root of a book folder that lists its posts in reading order: {@code SUMMARY.md}
 * (the mdBook/GitBook convention: Markdown links, in order) or {@code _order.txt} (one relative
 * path per line, {@code #} starts a comment).
 *
 * @param file the order file
 * @param entries the listed paths, relative to the folder, in order
 */
public record OrderFile(Path file, List<Entry> entries) {
  /** The names looked for, in this order. */
  public static final List<String> NAMES = List.of("SUMMARY.md", "_order.txt");

  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** A listed path and the line of the order file that lists it. */
  public record Entry(String path, int line) {}

  public OrderFile {
    entries = List.copyOf(entries);
  }

  /** True for the order files themselves, which are never posts. */
  public static boolean isOrderFile(String relativePath) {
    return NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(relativePath));
  }

  /** The order file of {@code folder}, or null when it has none. */
  public static OrderFile find(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    for (String name : NAMES) {
      Path file = folder.resolve(name);
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return new OrderFile(file, name.endsWith(".md") ? links(lines) : paths(lines));
      }
    }
    return null;
  }

  private static List<Entry> links(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINK.matcher(lines.get(i));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
          continue; // an external link, not a file of the book
        }
        String path =
            normalize(
                URLDecoder.decode(
                    target.replace("+", "%2B").replaceFirst("#.*$", ""), StandardCharsets.UTF_8));
        if (!path.isEmpty()) {
          entries.add(new Entry(path, i + 1));
        }
      }
    }
    return entries;
  }

  private static List<Entry> paths(List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String path = normalize(lines.get(i).replaceFirst("#.*$", "").strip());
      if (!path.isEmpty()) {
        entries.add(new Entry(path, i + 1));
      }
    }
    return entries;
  }

  private static String normalize(String path) {
    String p = path.strip().replace('\\', '/');
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p;
  }
}
