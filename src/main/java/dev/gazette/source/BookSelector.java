package dev.gazette.source;

import dev.gazette.model.DateRange;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Limits;
import dev.gazette.model.OrderRule;
import dev.gazette.model.Ordering;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.PostSelection;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scans a folder (or one file), sets aside the files that are not articles (section index files,
 * the root README, the order file), selects and orders the posts. The result says whether the posts
 * make a <em>book</em>: no date range was given and they are not simply ordered by date (some post
 * is undated, the folder gives an explicit order, or path order was asked for), or the source is a
 * single file.
 */
public final class BookSelector {
  /** What to select. {@code order} null chooses a rule; {@code preface} null means none. */
  public record Options(
      DateRange range,
      ZoneId zone,
      Predicate<Post> filter,
      OrderRule order,
      boolean drafts,
      Path preface,
      Limits limits,
      WallClock wallClock) {
    /** Options without wall-clock overrides. */
    public Options(
        DateRange range,
        ZoneId zone,
        Predicate<Post> filter,
        OrderRule order,
        boolean drafts,
        Path preface,
        Limits limits) {
      this(range, zone, filter, order, drafts, preface, limits, WallClock.none());
    }

    /** Options with {@link Limits#defaults()}. */
    public Options(
        DateRange range,
        ZoneId zone,
        Predicate<Post> filter,
        OrderRule order,
        boolean drafts,
        Path preface) {
      this(range, zone, filter, order, drafts, preface, Limits.defaults());
    }
  }

  /**
   * @param selection the posts in reading order, with the rule that ordered them
   * @param title the book title the folder gives ({@code index.md}/{@code _index.md} or README), or
   *     null
   * @param sectionTitles titles of folders (relative path, {@code /}) taken from their index files
   * @param book whether the posts make a book (sections from folders, chapters from a single file)
   * @param singleFile whether the source was one file
   * @param outline the groups each listed post stands in (relative path), when an order file gave
   *     the order: its parts and chapters are the book's sections, not its folders; else empty
   */
  public record Outcome(
      PostSelection selection,
      String title,
      Map<String, String> sectionTitles,
      boolean book,
      boolean singleFile,
      Map<String, List<OrderFile.Group>> outline) {}

  private BookSelector() {}

  public static Outcome select(Path source, Options options) throws IOException {
    Path root = source.toAbsolutePath().normalize();
    boolean singleFile = !Files.isDirectory(root);
    PostScanner.Scan scan =
        new PostScanner(options.zone(), options.drafts(), options.limits(), options.wallClock())
            .scan(root);
    List<Problem> problems = new ArrayList<>(scan.problems());
    List<SkippedPost> skipped = new ArrayList<>();
    Map<String, String> sectionTitles = new LinkedHashMap<>();
    String title = null;
    Post preface = null;
    List<Post> candidates = scan.posts();
    List<Post> indexPages = new ArrayList<>();
    Set<String> titleOnly = new HashSet<>();
    List<OrderFile> orderFiles = singleFile ? List.of() : OrderFile.all(root);
    OrderFile orderFile = OrderFile.best(orderFiles);
    Set<String> listed = new HashSet<>();
    if (orderFile != null) {
      orderFile.entries().forEach(e -> listed.add(e.path()));
    }
    // with a range, an index page is no post even when the order file gives the order
    boolean byOrderFile =
        options.range() == null && PostOrder.byOrderFile(options.order(), false, orderFile);
    if (!singleFile) {
      preface = preface(root, options, problems);
      Set<String> indexFolders = indexFolders(scan.posts(), root);
      Set<String> postFolders = postFolders(scan.posts());
      List<Post> content = new ArrayList<>();
      Post readme = null;
      Post rootIndex = null;
      for (Post p : scan.posts()) {
        String rel = p.relativePath();
        String name = p.file().getFileName().toString();
        String folder = ContentFiles.folderOf(rel);
        if (OrderFile.isOrderFile(rel)
            || orderFiles.stream().anyMatch(f -> f.file().equals(p.file()))) {
          continue;
        }
        if (ContentFiles.isIndexName(name) && indexFolders.contains(rel)) {
          if (folder.isEmpty()) {
            rootIndex = p;
          } else {
            headingTitle(p)
                .map(t -> cut(t, options.limits().maxTitleChars()))
                .ifPresent(t -> sectionTitles.put(folder, t));
          }
          boolean text = (options.drafts() || !p.draft()) && IndexPages.hasText(p);
          if (text && byOrderFile) {
            content.add(p); // a chapter's page where the order file lists it, else after, said
          } else if (text) {
            indexPages.add(p);
          } else if (listed.contains(rel)) {
            titleOnly.add(rel); // its title names its part; it is listed, not missing
          }
          continue;
        }
        String sibling = ContentFiles.withoutExtension(rel);
        if (postFolders.contains(sibling)) {
          // blog.md beside blog/ (VitePress, Jekyll's docs): the page the site shows at /blog/
          headingTitle(p)
              .map(t -> cut(t, options.limits().maxTitleChars()))
              .ifPresent(t -> sectionTitles.putIfAbsent(sibling, t));
        }
        boolean rootReadme = folder.isEmpty() && ContentFiles.isReadme(name);
        readme = rootReadme ? p : readme;
        if (preface != null && p.file().equals(preface.file())) {
          continue;
        }
        if (rootReadme && !listed.contains(rel)) {
          skipped.add(
              new SkippedPost(
                  p.file(),
                  "the root README is a preface only when asked (--preface " + name + ")"));
          continue;
        }
        content.add(p);
      }
      Optional<String> readmeTitle =
          Optional.ofNullable(readme).flatMap(BookSelector::headingTitle);
      title =
          Optional.ofNullable(rootIndex)
              .flatMap(BookSelector::headingTitle)
              .or(() -> readmeTitle)
              .orElse(null);
      candidates = content;
    }
    PostScanner.Scan contentScan = new PostScanner.Scan(candidates, scan.skipped(), List.of());
    PostSelection selected =
        PostSelector.select(
            contentScan, options.range(), options.zone(), options.filter(), options.drafts());
    skipped.addAll(0, selected.skipped());
    PostOrder.Result ordered =
        PostOrder.order(
            selected.posts(),
            options.order(),
            options.range() != null,
            orderFile == null ? null : orderFile.without(titleOnly));
    problems.addAll(ordered.problems());
    List<Post> posts = new ArrayList<>(ordered.posts());
    Ordering ordering = ordered.ordering();
    boolean book = singleFile || (options.range() == null && ordering.rule() != OrderRule.DATE);
    List<Post> unplaced = new ArrayList<>();
    if (book) {
      posts = IndexPages.placed(posts, indexPages, unplaced);
    } else {
      unplaced.addAll(indexPages);
    }
    for (Post index : unplaced) {
      skipped.add(new SkippedPost(index.file(), book ? LeftOut.EMPTY_SECTION : LeftOut.INDEX_TEXT));
    }
    if (preface != null) {
      posts.add(0, preface);
    }
    Map<String, List<OrderFile.Group>> outline = new LinkedHashMap<>();
    if (book && orderFile != null && ordering.rule() == OrderRule.EXPLICIT) {
      orderFile.entries().forEach(e -> outline.putIfAbsent(e.path(), e.groups()));
    }
    return new Outcome(
        new PostSelection(posts, skipped, problems, ordering),
        title,
        sectionTitles,
        book,
        singleFile,
        outline);
  }

  /** A title cut to {@code max} characters (on a character boundary), ending in an ellipsis. */
  static String cut(String title, int max) {
    if (title.codePointCount(0, title.length()) <= max) {
      return title;
    }
    return title.substring(0, title.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** The title written in a file: front matter, else its first heading. */
  static Optional<String> headingTitle(Post p) {
    if (p.declaredTitle().isPresent()) {
      return p.declaredTitle();
    }
    try {
      return Headings.firstHeading(p.body());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The index files that name a section: every {@code _index.md}, and an {@code index.md} whose
   * folder holds other posts (alone, it is a page bundle's post). On a Hugo or Zola site, where
   * {@code index.md} is always a page, one below the top whose front matter gives a date is a post
   * whose folder holds more pages: Wesley Moore's Zola blog splits "One Hundred Rust Binaries" into
   * {@code index.md} and {@code page2.md}, and the first page was left out, unsaid.
   */
  private static Set<String> indexFolders(List<Post> posts, Path root) {
    Set<String> result = new HashSet<>();
    Boolean[] indexIsPage = {null}; // read once, when an index asks
    for (Post p : posts) {
      String name = p.file().getFileName().toString();
      if (!ContentFiles.isIndexName(name)) {
        continue;
      }
      String folder = ContentFiles.folderOf(p.relativePath());
      String prefix = folder.isEmpty() ? "" : folder + "/";
      boolean others = posts.stream().anyMatch(q -> q != p && q.relativePath().startsWith(prefix));
      boolean dated = p.date().map(d -> d.source() == PostDate.Source.FRONT_MATTER).orElse(false);
      if (others && dated && !folder.isEmpty() && !name.startsWith("_")) {
        if (indexIsPage[0] == null) {
          indexIsPage[0] =
              SiteConfig.find(root).config().map(c -> c.isHugo() || c.isZola()).orElse(false);
        }
        others = !indexIsPage[0];
      }
      if (name.startsWith("_") || others) {
        result.add(p.relativePath());
      }
    }
    return result;
  }

  /** The folders holding posts, at any depth, as relative paths with {@code /}. */
  private static Set<String> postFolders(List<Post> posts) {
    Set<String> folders = new HashSet<>();
    for (Post p : posts) {
      String f = ContentFiles.folderOf(p.relativePath());
      while (!f.isEmpty() && folders.add(f)) {
        f = ContentFiles.folderOf(f);
      }
    }
    return folders;
  }

  private static Post preface(Path root, Options options, List<Problem> problems)
      throws IOException {
    if (options.preface() == null) {
      return null;
    }
    Path file = root.resolve(options.preface()).toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new java.io.FileNotFoundException("preface not found: " + file);
    }
    String rel =
        file.startsWith(root)
            ? root.relativize(file).toString().replace('\\', '/')
            : file.getFileName().toString();
    List<Problem> local = new ArrayList<>();
    try {
      Post post =
          new PostReader(options.zone(), options.limits(), options.wallClock())
              .read(file, rel, local);
      problems.addAll(local);
      return post;
    } catch (PostFormatException e) {
      problems.add(Problem.error(file, e.line(), e.getMessage() + "; preface skipped"));
      return null;
    }
  }
}
