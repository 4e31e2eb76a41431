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
 * (the mdBook/GitBook convention: Markdown links, in order), {@code _order.txt} (one relative path
 * per line, {@code #} starts a comment), or the sidebar of a docsify ({@code _sidebar.md}) or ditto
 * ({@code sidebar.md}) site, whose links may leave out {@code .md} ({@code /docs/intro}) or be the
 * page's hash route ({@code #docs/intro}). When several are found the one listing the most of the
 * folder's files is taken: Ruan Yifeng's ES6 book keeps a GitBook {@code SUMMARY.md} that lists 29
 * of its chapters and the ditto {@code sidebar.md} its site reads, which lists all 37.
 *
 * @param file the order file
 * @param entries the listed paths, relative to the folder, in order
 */
public record OrderFile(Path file, List<Entry> entries) {
  /** The names looked for; of files listing as many posts, the first here is taken. */
  public static final List<String> NAMES =
      List.of("SUMMARY.md", "_order.txt", "_sidebar.md", "sidebar.md");

  /** Sidebars, whose links name a page as the site routes to it. */
  private static final List<String> SIDEBARS = List.of("_sidebar.md", "sidebar.md");

  private static final Pattern LINK =
      Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /** A listed path and the line of the order file that lists it. */
  public record Entry(String path, int line) {}

  public OrderFile {
    entries = List.copyOf(entries);
  }

  /**
   * True for the order files themselves, which are never posts: {@code SUMMARY.md}, {@code
   * _order.txt} and {@code _sidebar.md} always; a {@code sidebar.md} only when it lists a file of
   * the folder (see {@link #find}).
   */
  public static boolean isOrderFile(String relativePath) {
    return NAMES.stream()
        .filter(n -> !n.equals("sidebar.md"))
        .anyMatch(n -> n.equalsIgnoreCase(relativePath));
  }

  /**
   * The order file of {@code folder}, or null when it has none: of the files named {@link #NAMES},
   * the one listing the most files that are there.
   */
  public static OrderFile find(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    OrderFile best = null;
    long bestCount = -1;
    for (String name : NAMES) {
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<Entry> entries =
          !name.endsWith(".md")
              ? paths(lines)
              : SIDEBARS.contains(name) ? routes(folder, links(lines, true)) : links(lines, false);
      long count =
          entries.stream().filter(e -> Files.isRegularFile(folder.resolve(e.path()))).count();
      if (SIDEBARS.contains(name) && count == 0) {
        continue; // a page named sidebar.md, or a sidebar of links elsewhere
      }
      if (count > bestCount) {
        best = new OrderFile(file, entries);
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * A sidebar's links as the files they route to: {@code docs/intro} is {@code docs/intro.md}, a
   * folder ({@code guide/}) its {@code README.md}, as docsify and ditto read them.
   */
  private static List<Entry> routes(Path folder, List<Entry> links) {
    List<Entry> files = new ArrayList<>();
    for (Entry e : links) {
      String path = e.path();
      if (path.isEmpty() || path.endsWith("/")) {
        path = path + "README.md";
      } else if (!Files.isRegularFile(folder.resolve(path))
          && Files.isRegularFile(folder.resolve(path + ".md"))) {
        path = path + ".md";
      }
      files.add(new Entry(path, e.line()));
    }
    return files;
  }

  /**
   * @param hashRoutes whether {@code #docs/intro} names a page (a ditto sidebar's hash route), not
   *     a place in one
   */
  private static List<Entry> links(List<String> lines, boolean hashRoutes) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINK.matcher(lines.get(i));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
          continue; // an external link, not a file of the book
        }
        if (hashRoutes && target.startsWith("#") && target.length() > 1) {
          target = target.substring(1);
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
