package dev.gazette.source;

import dev.gazette.model.LeftOut;
import dev.gazette.model.Limits;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds post files under a folder and reads their front matter. Files are visited in path order so
 * results never depend on the file system's listing order. Symbolic links are not followed.
 */
public final class PostScanner {
  /** Package folders (npm's, Bower's: a README per package) and drafts (unless asked for). */
  private static final Set<String> SKIPPED_DIRS =
      Set.of("node_modules", "bower_components", "_drafts");

  /** What a scan found. */
  public record Scan(List<Post> posts, List<SkippedPost> skipped, List<Problem> problems) {}

  private final PostReader reader;
  private final boolean includeDrafts;

  public PostScanner(ZoneId zone) {
    this(zone, false);
  }

  /**
   * @param includeDrafts whether to read {@code _drafts/} folders too
   */
  public PostScanner(ZoneId zone, boolean includeDrafts) {
    this(zone, includeDrafts, Limits.defaults());
  }

  /**
   * @param limits post size, front-matter size and title length
   */
  public PostScanner(ZoneId zone, boolean includeDrafts, Limits limits) {
    this(zone, includeDrafts, limits, WallClock.none());
  }

  /**
   * @param wallClock posts whose written time is read in a given zone, whatever zone it states
   */
  public PostScanner(ZoneId zone, boolean includeDrafts, Limits limits, WallClock wallClock) {
    this.reader = new PostReader(zone, limits, wallClock);
    this.includeDrafts = includeDrafts;
  }

  /**
   * Scans {@code source}: a folder (recursively) or a single post file. Front matter is read in
   * parallel (it is most of the time of selecting from a large archive); results are merged in path
   * order, so they do not depend on thread timing.
   */
  public Scan scan(Path source) throws IOException {
    Path root = source.toAbsolutePath().normalize();
    List<Post> posts = new ArrayList<>();
    List<SkippedPost> skipped = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Path> files =
        Files.isDirectory(root)
            ? listPostFiles(root, includeDrafts, problems, skipped)
            : List.of(root);
    Path base = Files.isDirectory(root) ? root : root.getParent();
    SiteRoot site = Files.isDirectory(root) ? SiteRoot.of(root).orElse(null) : null;
    if (site != null) {
      // A site's root: only what its generator publishes is content; the rest (themes, Hexo's
      // scaffolds, static/img's README, the site's own README) is not. Paths start below the
      // content folder, so sections are not all "content › …".
      List<Path> published = new ArrayList<>();
      for (Path f : files) {
        if (f.startsWith(site.content())
            && site.publishes(site.content().relativize(f).toString().replace('\\', '/'))) {
          published.add(f);
        } else {
          skipped.add(new SkippedPost(f, site.reason()));
        }
      }
      files = published;
      base = site.content();
      if (Files.isSymbolicLink(site.content())) {
        // Not followed, as no link in the scan is; without a word the site would just look empty.
        problems.add(
            Problem.warning(
                site.content(),
                0,
                "symbolic link; not followed, so the site's posts and pages in it were not read"
                    + " (give the folder it points to)"));
      }
    }
    // Read in parallel, merged back in path order so results never depend on thread timing.
    Path from = base;
    List<FileOutcome> outcomes = files.parallelStream().map(file -> read(from, file)).toList();
    for (FileOutcome o : outcomes) {
      if (o.post() != null) {
        posts.add(o.post());
      }
      if (o.skipped() != null) {
        skipped.add(o.skipped());
      }
      problems.addAll(o.problems());
    }
    // The walk meets links and unreadable folders in the file system's listing order; sorting is
    // stable, so the problems of one file keep their order.
    skipped.sort(Comparator.comparing(s -> s.file().toString()));
    problems.sort(Comparator.comparing(p -> p.file().toString()));
    return new Scan(posts, skipped, List.copyOf(problems));
  }

  /** What reading one file gave: a post or the reason it was skipped, and its problems. */
  private record FileOutcome(Post post, SkippedPost skipped, List<Problem> problems) {}

  private FileOutcome read(Path base, Path file) {
    String rel = base.relativize(file).toString().replace('\\', '/');
    List<Problem> local = new ArrayList<>();
    try {
      return new FileOutcome(reader.read(file, rel, local), null, local);
    } catch (PostFormatException e) {
      local.add(Problem.error(file, e.line(), e.getMessage() + "; post skipped"));
      return new FileOutcome(null, new SkippedPost(file, e.getMessage()), local);
    } catch (IOException e) {
      local.add(Problem.error(file, 0, "cannot read: " + e.getMessage() + "; post skipped"));
      return new FileOutcome(null, new SkippedPost(file, "cannot read: " + e.getMessage()), local);
    }
  }

  /** Whether {@code file}, found under the scanned folder {@code root}, is a post's text. */
  static boolean isPostFile(Path file, Path root) {
    String name = file.getFileName().toString();
    return (Post.hasTextExtension(name) || isHtmlPost(file, root))
        && !name.startsWith(".")
        && !ContentFiles.isNeverContent(file.getFileName().toString());
  }

  private static boolean isPostsFolder(Path name) {
    return name != null && (name.toString().equals("content") || name.toString().equals("_posts"));
  }

  /** Whether {@code file} is named as a Djot file ({@code .djot}, {@code .dj}, any case). */
  static boolean isDjotName(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".djot") || name.endsWith(".dj");
  }

  /** Whether {@code file} is named as an HTML file ({@code .html}, {@code .htm}, any case). */
  static boolean isHtmlName(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".html") || name.endsWith(".htm");
  }

  /**
   * An HTML file with front matter in a site's posts ({@code content/} of Hugo and Zola, a {@code
   * _posts/} folder of Jekyll and Hexo): a post, as those generators read it. LLVM's blog keeps 234
   * of its 290 posts so (imported from Blogger), which Gazette did not read. An HTML file anywhere
   * else (a layout, a Jekyll page of Liquid) is not a post.
   */
  static boolean isHtmlPost(Path file, Path root) {
    if (!isHtmlName(file)) {
      return false;
    }
    // the folders from the scanned one down: a folder named content above it is someone's disk
    Path base = root.toAbsolutePath().normalize();
    boolean inPosts = isPostsFolder(base.getFileName());
    for (Path folder : base.relativize(file.toAbsolutePath().normalize().getParent())) {
      inPosts |= isPostsFolder(folder);
    }
    if (!inPosts) {
      return false;
    }
    try (java.io.BufferedReader in =
        Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
      String first = in.readLine();
      first = first == null ? "" : first.replace("\uFEFF", "").strip();
      return first.equals("---") || first.equals("+++");
    } catch (IOException | java.io.UncheckedIOException e) {
      return false; // not text: no post
    }
  }

  /**
   * The post files under {@code root}, in path order. Symbolic links are not followed (a link can
   * point out of the folder or into a loop): one that looks like a post is reported and skipped, as
   * is a folder that cannot be read.
   */
  private static List<Path> listPostFiles(
      Path root, boolean includeDrafts, List<Problem> problems, List<SkippedPost> skipped)
      throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String name = dir.getFileName().toString();
            if (name.equals("_drafts") && !includeDrafts) {
              // Left out, but counted: nothing is left out without a word.
              try (var drafts = Files.walk(dir)) {
                drafts
                    .filter(
                        f ->
                            Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)
                                && isPostFile(f, root))
                    .sorted()
                    .forEach(
                        f -> skipped.add(new SkippedPost(f, LeftOut.DRAFT + " (in _drafts/)")));
              } catch (IOException | java.io.UncheckedIOException e) {
                problems.add(Problem.warning(dir, 0, "cannot count the drafts: " + e.getMessage()));
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (name.startsWith(".")
                || (SKIPPED_DIRS.contains(name) && !(includeDrafts && name.equals("_drafts")))) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && isPostFile(file, root)) {
              files.add(file);
            } else if (attrs.isSymbolicLink() && isPostFile(file, root)) {
              problems.add(Problem.warning(file, 0, "symbolic link; not followed, post skipped"));
              skipped.add(new SkippedPost(file, "symbolic link; not followed"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            problems.add(Problem.error(file, 0, "cannot read: " + exc.getMessage() + "; skipped"));
            skipped.add(new SkippedPost(file, "cannot read: " + exc.getMessage()));
            return FileVisitResult.CONTINUE;
          }
        });
    // Relative paths computed once: relativizing inside the comparator dominated listing 10,000
    // files.
    Map<Path, String> relative = new HashMap<>();
    files.forEach(f -> relative.put(f, root.relativize(f).toString()));
    files.sort(Comparator.comparing(relative::get));
    return files;
  }
}
