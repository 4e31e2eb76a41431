package dev.gazette.source;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * folder's files is taken: Ruan Yifeng's ES6 book keeps a GitBook {@code SUMMARY.md} that lists 28
 * of its 36 chapters and the ditto {@code sidebar.md} its site reads, which lists 32.
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

  /**
   * A link and its target. GitBook takes a target as written, spaces and balanced parentheses
   * included ({@code (blog/Codeforces Round #172 (Div. 1)/index.md)}), which CommonMark would not.
   */
  private static final Pattern LINK =
      Pattern.compile(
          "\\[[^\\]]*\\]\\(\\s*<?((?:[^()\\s>]|\\([^()]*\\))+(?:"
              + " (?!\")(?:[^()\\s>]|\\([^()]*\\))+)*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

  /**
   * A listed path, the line of the order file that lists it, and the groups it stands in, outermost
   * first: a part heading ({@code # Reference}) and each list item it is nested under, or that
   * nests items under it (a chapter's own page opens its group).
   */
  public record Entry(String path, int line, List<Group> groups) {
    public Entry {
      groups = List.copyOf(groups);
    }

    public Entry(String path, int line) {
      this(path, line, List.of());
    }
  }

  /**
   * A part or a chapter with sub-chapters, as the order file writes it.
   *
   * @param key unique within the file (its line)
   * @param title the heading's or the item's text
   * @param path the file of the chapter's own page, or null (a heading, an item without a link)
   */
  public record Group(String key, String title, String path) {}

  public OrderFile {
    entries = List.copyOf(entries);
  }

  /** This file without the entries of {@code paths}. */
  public OrderFile without(java.util.Set<String> paths) {
    return paths.isEmpty()
        ? this
        : new OrderFile(file, entries.stream().filter(e -> !paths.contains(e.path())).toList());
  }

  /**
   * True for the names that are order files wherever they stand, never posts: {@code SUMMARY.md},
   * {@code _order.txt}, {@code _sidebar.md}. A {@code sidebar.md} is one only when it lists a file
   * of its folder: it is then among {@link #all}.
   */
  public static boolean isOrderFile(String relativePath) {
    return NAMES.stream()
        .filter(n -> !n.equals("sidebar.md"))
        .anyMatch(n -> n.equalsIgnoreCase(relativePath));
  }

  /** The order files of {@code folder}, in the order of {@link #NAMES}; empty for none. */
  public static List<OrderFile> all(Path folder) throws IOException {
    List<OrderFile> found = new ArrayList<>();
    if (Files.isDirectory(folder)) {
      for (String name : NAMES) {
        OrderFile read = read(folder, name);
        if (read != null) {
          found.add(read);
        }
      }
    }
    return found;
  }

  /**
   * Of a folder's order files ({@link #all}), the one listing the most files that are there (the
   * first of those listing as many); null for none.
   */
  public static OrderFile best(List<OrderFile> orderFiles) {
    OrderFile best = null;
    long bestCount = -1;
    for (OrderFile f : orderFiles) {
      long count = f.entries.stream().filter(e -> exists(f.file.getParent(), e.path())).count();
      if (count > bestCount) {
        best = f;
        bestCount = count;
      }
    }
    return best;
  }

  /**
   * The order file {@code name} of {@code folder}; null when there is none, or a sidebar of no file
   * here.
   */
  private static OrderFile read(Path folder, String name) throws IOException {
    Path file = folder.resolve(name);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Entry> entries =
        !name.endsWith(".md")
            ? paths(lines)
            : SIDEBARS.contains(name)
                ? routes(folder, links(lines, true, folder))
                : links(lines, false, folder);
    if (SIDEBARS.contains(name) && entries.stream().noneMatch(e -> exists(folder, e.path()))) {
      return null; // a page named sidebar.md, or a sidebar of links elsewhere
    }
    return new OrderFile(file, entries);
  }

  private static boolean exists(Path folder, String path) {
    try {
      return Files.isRegularFile(folder.resolve(path));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /**
   * A sidebar's links as the files they route to: {@code docs/intro} is {@code docs/intro.md}, a
   * folder ({@code guide/}) its {@code README.md}, as docsify and ditto read them.
   */
  private static List<Entry> routes(Path folder, List<Entry> links) {
    List<Entry> files = new ArrayList<>();
    for (Entry e : links) {
      List<Group> groups = new ArrayList<>();
      for (Group g : e.groups()) {
        groups.add(
            new Group(g.key(), g.title(), g.path() == null ? null : route(folder, g.path())));
      }
      files.add(new Entry(route(folder, e.path()), e.line(), groups));
    }
    return files;
  }

  private static String route(Path folder, String path) {
    if (path.isEmpty() || path.endsWith("/")) {
      return path + "README.md";
    }
    if (!exists(folder, path) && exists(folder, path + ".md")) {
      return path + ".md";
    }
    return path;
  }

  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)[\\s#]*$");
  private static final Pattern ITEM = Pattern.compile("^([ \\t]*)(?:[-*+]|\\d+[.)])\\s+(.*)$");
  private static final Pattern LINK_TEXT = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

  /** A line of an outline: a heading (indent -1), a list item, or a link standing alone (0). */
  private record Line(int number, int indent, String text, String path, boolean heading) {}

  /**
   * The files a Markdown order file links to, in order, with the groups of its outline: parts
   * (headings after the file's title heading) and chapters with sub-chapters (nested list items). A
   * group every entry stands in is the whole book, not a group: a sidebar's one "## 目录".
   *
   * @param hashRoutes whether {@code #docs/intro} names a page (a ditto sidebar's hash route), not
   *     a place in one
   */
  private static List<Entry> links(List<String> lines, boolean hashRoutes, Path folder) {
    List<Line> outline = new ArrayList<>();
    boolean titleSeen = false;
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      Matcher heading = HEADING.matcher(text);
      if (heading.matches()) {
        if (titleSeen) {
          outline.add(new Line(i + 1, -1, plain(heading.group(1)), null, true));
        }
        titleSeen = true;
        continue;
      }
      Matcher item = ITEM.matcher(text);
      boolean isItem = item.matches();
      String body = isItem ? item.group(2) : text;
      Matcher m = LINK.matcher(body);
      String path = m.find() ? target(m.group(1), hashRoutes, folder) : null;
      if (path == null && !isItem) {
        continue; // a line with no link, or whose only link is an external one
      }
      outline.add(new Line(i + 1, isItem ? width(item.group(1)) : 0, plain(body), path, false));
    }
    List<Entry> entries = new ArrayList<>();
    Group part = null;
    ArrayDeque<Line> open = new ArrayDeque<>(); // enclosing items, innermost last
    for (int i = 0; i < outline.size(); i++) {
      Line line = outline.get(i);
      if (line.heading()) {
        part = new Group("L" + line.number(), line.text(), null);
        open.clear();
        continue;
      }
      while (!open.isEmpty() && open.peekLast().indent() >= line.indent()) {
        open.removeLast();
      }
      Line next = i + 1 < outline.size() ? outline.get(i + 1) : null;
      boolean hasChildren = next != null && !next.heading() && next.indent() > line.indent();
      if (line.path() != null && !line.path().isEmpty()) {
        List<Group> groups = new ArrayList<>();
        if (part != null) {
          groups.add(part);
        }
        open.forEach(o -> groups.add(group(o)));
        if (hasChildren) {
          groups.add(group(line));
        }
        entries.add(new Entry(line.path(), line.number(), groups));
      }
      if (hasChildren) {
        open.addLast(line);
      }
    }
    return withoutSharedGroups(entries);
  }

  private static Group group(Line line) {
    return new Group("L" + line.number(), line.text(), line.path());
  }

  /** The entries without the leading groups every one of them stands in. */
  private static List<Entry> withoutSharedGroups(List<Entry> entries) {
    if (entries.isEmpty()) {
      return entries;
    }
    int shared = entries.get(0).groups().size();
    for (Entry e : entries) {
      int n = 0;
      while (n < Math.min(shared, e.groups().size())
          && e.groups().get(n).equals(entries.get(0).groups().get(n))) {
        n++;
      }
      shared = n;
    }
    if (shared == 0) {
      return entries;
    }
    List<Entry> result = new ArrayList<>();
    for (Entry e : entries) {
      result.add(new Entry(e.path(), e.line(), e.groups().subList(shared, e.groups().size())));
    }
    return result;
  }

  /**
   * A link's target as a path in the folder; null for an external link, "" for none. A {@code #}
   * starts a place in the page unless the file is named with it, as GitBook takes {@code
   * (Codeforces Round #172/index.md)}.
   */
  private static String target(String target, boolean hashRoutes, Path folder) {
    if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
      return null; // an external link, not a file of the book
    }
    if (hashRoutes && target.startsWith("#") && target.length() > 1) {
      target = target.substring(1);
    }
    String whole = normalize(URLDecoder.decode(target.replace("+", "%2B"), StandardCharsets.UTF_8));
    if (whole.contains("#") && exists(folder, whole)) {
      return whole;
    }
    return normalize(
        URLDecoder.decode(
            target.replace("+", "%2B").replaceFirst("#.*$", ""), StandardCharsets.UTF_8));
  }

  /** An item's text without its links' targets and emphasis marks. */
  private static String plain(String markdown) {
    return LINK_TEXT.matcher(markdown).replaceAll("$1").replaceAll("[*_`]", "").strip();
  }

  private static int width(String indent) {
    return indent.replace("\t", "    ").length();
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
