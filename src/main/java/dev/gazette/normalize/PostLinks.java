package dev.gazette.normalize;

import dev.gazette.assets.SiteAddress;
import dev.gazette.model.Article;
import dev.gazette.model.Post;
import dev.gazette.util.Urls;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links from one post to another post of the same digest, written as the blog's engine has them: a
 * path to the other post's file ({@code ./rust-vision-doc.md}, {@code
 * 2020-06-19-data-rep-int.md#x}, {@code ../other-post/}, {@code 2022-04-07-timing.html}, {@code
 * 2017_09_17-haskell.md.html}) or Zola's {@code @/path/to/post.md}. In the digest such a link goes
 * to the start of that article, as mdBook turns links to chapters' files into links between its
 * pages; a post outside the digest stays what it was (a link the digest cannot follow, said as
 * such). No file is read: a link goes to a post only when that post's file is one of the digest's.
 */
public final class PostLinks {
  /**
   * The class of a link to another article; renderers make its {@code #id} one they can follow. Not
   * {@code post-link}: Jekyll's default theme gives that class to links in the posts it writes.
   */
  public static final String CLASS = "gazette-post-link";

  /**
   * The attribute of a link to another article that names a place in it ({@code [[Note#Heading]]},
   * {@code other.md#goals}), which {@code ArticleLinks} finds there.
   */
  public static final String PLACE = "data-gazette-place";

  /**
   * The attribute of a link to another article that holds the post's line it is written on, for
   * {@code ArticleLinks} to say where, should that article not be in the digest.
   */
  public static final String LINE = "data-gazette-line";

  /** None: every relative link stays as it was. */
  public static final PostLinks NONE =
      new PostLinks(Map.of(), Map.of(), Map.of(), Map.of(), List.of());

  private final Map<Path, String> articleByFile;

  /** The posts by article id. */
  private final Map<String, Post> postById;

  /** The posts' files by file name, for links from the site's root. */
  private final Map<String, List<Path>> filesByName = new HashMap<>();

  /**
   * The posts by the addresses their front matter gives them on the site: Hugo's {@code url} and
   * {@code aliases}, Jekyll's and Hexo's {@code permalink}, Zola's {@code path}, as {@link
   * #address} writes them.
   */
  private final Map<String, String> articleByAddress;

  /**
   * The posts by the dated addresses engines give them unless told otherwise, {@code 2012/8/8/name}
   * and {@code 2012/8/name} (numbers without leading zeros, name in lower case), where the day is
   * the one in the file name or the post's date in the digest's zone and the name is the front
   * matter's {@code slug} or the file's name without its date: Jekyll's {@code
   * /:year/:month/:day/:title}, Hexo's {@code :year/:month/:day/:title/}, Octopress's and Pelican's
   * {@code blog/…}, WordPress's {@code /%year%/%monthnum%/%postname%/}. A key two posts have maps
   * to the empty string: neither is meant for sure.
   */
  private final Map<String, String> articleByDatedName;

  private final List<SiteAddress> ownSites;

  /** The site's pages that are not posts, for a link to one of their files; null for none. */
  private SitePages pages;

  /**
   * These links, and a relative link to a Markdown file of the site that is no post of the digest
   * goes to that page of the site ({@link SitePages}).
   */
  public PostLinks withPages(SitePages pages) {
    PostLinks with =
        new PostLinks(articleByFile, articleByAddress, articleByDatedName, postById, ownSites);
    with.pages = pages;
    return with;
  }

  /**
   * The web address of the site's page that {@code href}, a relative link to a Markdown file
   * written in {@code post}, names; null when the site's pages are not known or it is not one.
   */
  public String pageAddress(Post post, String href) {
    return pages == null ? null : pages.address(post.file(), href);
  }

  /**
   * The web address of the file beside {@code post}'s page that {@code href}, a relative link to a
   * file that is no post, names ({@link SitePages#fileAddress}); null when not known.
   */
  public String fileAddress(Post post, String href) {
    return pages == null ? null : pages.fileAddress(post, href);
  }

  private PostLinks(
      Map<Path, String> articleByFile,
      Map<String, String> articleByAddress,
      Map<String, String> articleByDatedName,
      Map<String, Post> postById,
      List<SiteAddress> ownSites) {
    this.articleByFile = articleByFile;
    this.postById = postById;
    this.articleByAddress = articleByAddress;
    this.articleByDatedName = articleByDatedName;
    this.ownSites = ownSites;
    for (Path file : articleByFile.keySet()) {
      filesByName.computeIfAbsent(file.getFileName().toString(), k -> new ArrayList<>()).add(file);
    }
  }

  /**
   * The posts of a digest, each under the article id it will have ({@link Article#idFor}), their
   * dates read in {@code zone}.
   */
  public static PostLinks of(List<Post> posts, ZoneId zone) {
    Map<Path, String> byFile = new HashMap<>();
    Map<String, String> byAddress = new HashMap<>();
    Map<String, String> byDatedName = new HashMap<>();
    Map<String, Post> byId = new HashMap<>();
    Set<String> shared = new HashSet<>();
    Set<String> sharedDated = new HashSet<>();
    Set<String> origins = new HashSet<>();
    for (int i = 0; i < posts.size(); i++) {
      String id = Article.idFor(i + 1, posts.size());
      Post post = posts.get(i);
      byId.put(id, post);
      byFile.putIfAbsent(key(post.file()), id);
      for (String dated : datedNames(post, zone)) {
        String before = byDatedName.putIfAbsent(dated, id);
        if (before != null && !before.equals(id)) {
          sharedDated.add(dated);
        }
      }
      for (String field : ADDRESS_FIELDS) {
        Object value = post.fields().get(field);
        if (value == null) {
          continue;
        }
        for (Object one : value instanceof List<?> list ? list : List.of(value)) {
          Urls.origin(String.valueOf(one)).ifPresent(origins::add);
          String address = address(String.valueOf(one));
          if (address != null && !address.equals("/")) {
            String before = byAddress.putIfAbsent(address, id);
            if (before != null && !before.equals(id)) {
              shared.add(address); // two posts claim it: neither is meant for sure
            }
          }
        }
      }
    }
    shared.forEach(byAddress::remove);
    sharedDated.forEach(dated -> byDatedName.put(dated, ""));
    return new PostLinks(
        byFile,
        byAddress,
        byDatedName,
        byId,
        origins.stream().sorted().map(SiteAddress::of).toList());
  }

  /**
   * The sites the posts' own addresses are on ({@code link: http://rossmounce.co.uk/2011/05/23/x/},
   * written by WordPress's exporters): a link to a page there is a link within the blog, found as
   * one from its root.
   */
  public List<SiteAddress> ownSites() {
    return ownSites;
  }

  private static final Pattern DATED_FILE =
      Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})-(.+)$");

  /**
   * A title as Hugo's {@code urlize} makes it a path: spaces become hyphens, and only letters,
   * digits and {@code %./_-#+~} stay ({@code Linkerd's 2.10, and more} is {@code
   * linkerds-2.10-and-more}).
   */
  static String hugoUrlize(String title) {
    StringBuilder out = new StringBuilder(title.length());
    title
        .strip()
        .codePoints()
        .forEach(
            cp -> {
              if (cp == ' ') {
                out.append('-');
              } else if (Character.isLetterOrDigit(cp)
                  || Character.getType(cp) == Character.NON_SPACING_MARK
                  || "%./_-#+~".indexOf(cp) >= 0) {
                out.appendCodePoint(cp);
              }
            });
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** The keys of {@link #articleByDatedName} a post is found by. */
  private static Set<String> datedNames(Post post, ZoneId zone) {
    Path file = post.file();
    String stem = stem(file.getFileName().toString());
    if (Post.isBundleText(file) && file.getParent() != null) {
      stem = file.getParent().getFileName().toString();
    }
    Set<String> names = new java.util.LinkedHashSet<>();
    Set<java.time.LocalDate> days = new java.util.LinkedHashSet<>();
    Matcher dated = DATED_FILE.matcher(stem);
    if (dated.matches()) {
      try {
        days.add(
            java.time.LocalDate.of(
                Integer.parseInt(dated.group(1)),
                Integer.parseInt(dated.group(2)),
                Integer.parseInt(dated.group(3))));
      } catch (java.time.DateTimeException e) {
        // not a day: the name is still the post's
      }
      names.add(dated.group(4));
    } else {
      names.add(stem);
    }
    if (post.fields().get("slug") instanceof String slug && !slug.isBlank()) {
      names.add(slug.strip());
    } else if (post.declaredTitle().filter(t -> !t.isBlank()).isPresent()) {
      // Hugo's :slug is the title made a path when the post has no slug: Linkerd's
      // /2019/10/03/linkerds-commitment-to-open-governance/ is 1003-linkerd-and-open-governance
      names.add(hugoUrlize(post.declaredTitle().get()));
    }
    post.date().ifPresent(d -> days.add(d.day(d.wallClock() != null ? d.wallClock() : zone)));
    Set<String> keys = new java.util.LinkedHashSet<>();
    for (java.time.LocalDate day : days) {
      for (String name : names) {
        String n = name.toLowerCase(Locale.ROOT);
        keys.add(day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth() + "/" + n);
        keys.add(day.getYear() + "/" + day.getMonthValue() + "/" + n);
      }
    }
    return keys;
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /** {@code …/2012/08/08/name/} or {@code …/2012/08/name.html}, anywhere in a site's path. */
  private static final Pattern DATED_PATH =
      Pattern.compile(
          "(?:^|/)(\\d{4})/(\\d{1,2})/(?:(\\d{1,2})/)?([^/]+?)(?:/index)?(?:\\.html?)?/?$");

  /**
   * The article of a dated address ({@link #articleByDatedName}); null for none, empty when two
   * posts have that day and name.
   */
  private String fromDatedPath(String path) {
    Matcher m = DATED_PATH.matcher(path);
    if (!m.find()) {
      return null;
    }
    String key =
        Integer.parseInt(m.group(1))
            + "/"
            + Integer.parseInt(m.group(2))
            + "/"
            + (m.group(3) == null ? "" : Integer.parseInt(m.group(3)) + "/")
            + m.group(4).toLowerCase(Locale.ROOT);
    return articleByDatedName.get(key);
  }

  /**
   * The id of the place {@code place} names in an article's body: the element whose id is the
   * place's within the article, or the heading of that text (as {@link Ids} matches a heading's
   * text, so {@code In logic} and {@code in-logic} are one), given the id {@code ARTICLE-hN} (its
   * place among the headings) when it has none; null for none.
   */
  public static String placeIn(
      org.jsoup.nodes.Element articleBody, String articleId, String place) {
    org.jsoup.nodes.Element byId = articleBody.getElementById(articleId + "-" + place);
    if (byId != null) {
      return byId.id();
    }
    String key = Ids.key(place);
    if (key.isEmpty()) {
      return null;
    }
    org.jsoup.select.Elements headings = articleBody.select("h1, h2, h3, h4, h5, h6");
    for (int i = 0; i < headings.size(); i++) {
      org.jsoup.nodes.Element h = headings.get(i);
      if (Ids.key(h.text()).equals(key)) {
        if (h.id().isEmpty()) {
          h.attr("id", articleId + "-h" + (i + 1));
        }
        return h.id();
      }
    }
    return null;
  }

  /**
   * The file a picture's address from the site's root names in another post's folder, as a path
   * from {@code post}'s folder: Hugo publishes a page bundle's files beside its page, so Linkerd's
   * {@code /2023/06/21/linkerd-edge-roundup/cover.jpg} is {@code cover.jpg} of the post at that
   * address ({@code 2023/0621-linkerd-edge-roundup/}). Empty when no post of a folder has it.
   */
  public Optional<String> bundleFile(Post post, String src) {
    int slash = src.lastIndexOf('/');
    if (!src.startsWith("/") || src.startsWith("//") || slash <= 0 || slash == src.length() - 1) {
      return Optional.empty();
    }
    String id = articleFor(post, src.substring(0, slash + 1));
    Post other = id == null ? null : postById.get(id);
    if (other == null || !Post.isBundleText(other.file()) || post.file().getParent() == null) {
      return Optional.empty();
    }
    try {
      String name = Ids.decodedPath(src.substring(slash + 1)).orElse(null);
      if (name == null) {
        return Optional.empty();
      }
      Path target = other.file().getParent().resolve(name).normalize();
      Path from = post.file().getParent();
      if (!target.startsWith(other.file().getParent())) {
        return Optional.empty();
      }
      return Optional.of(from.relativize(target).toString().replace('\\', '/'));
    } catch (IllegalArgumentException e) { // InvalidPathException
      return Optional.empty();
    }
  }

  /** The post of the article {@code id}; null for none. */
  public Post postOf(String id) {
    return postById.get(id);
  }

  /** The id of the article {@code href}, written in {@code post}, goes to; null for none. */
  public String articleFor(Post post, String href) {
    if (articleByFile.isEmpty()) {
      return null;
    }
    String path = Ids.withoutQueryOrFragment(href);
    if (path.startsWith("/") && !path.startsWith("//")) {
      return fromSiteRoot(path);
    }
    if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\")) {
      return null;
    }
    Path base;
    boolean fromSource = path.startsWith("@/");
    if (fromSource) {
      base = contentFolder(post.file());
      path = path.substring(2);
    } else if (SCHEME.matcher(path).find()) {
      return null;
    } else {
      base = key(post.file()).getParent();
    }
    if (base == null && !fromSource) {
      return null;
    }
    try {
      path = Ids.decodedPath(path).orElse(null);
      if (path == null) {
        return null;
      }
      boolean folder = path.endsWith("/");
      Path target = base == null ? null : base.resolve(path).normalize();
      String id = target == null ? null : byFile(target, folder);
      if (id != null) {
        return id;
      }
      if (fromSource) {
        // Jekyll's {% link zh_cn/news/_posts/x.md %} names the file from the site's folder,
        // which the digest may lie inside of: the one post whose path ends so.
        Path tail = Path.of(path).normalize();
        if (tail.getNameCount() == 0 || tail.startsWith("..")) {
          return null;
        }
        id = endingWithAny(tail, folder);
        return id == null || id.isEmpty() ? null : id;
      }
      if (path.startsWith("../") && !Post.isBundleText(post.file())) {
        // Hugo publishes x.md at /blog/x/: from there ../y/ is the post y.md beside it (gRPC's
        // blog), where the file's own folder would climb one too many.
        Path published = base.resolve(stem(post.file().getFileName().toString()));
        id = byFile(published.resolve(path).normalize(), folder);
        if (id != null) {
          return id;
        }
      }
      if (!path.startsWith("../") && !path.startsWith("./") && path.indexOf('/') > 0) {
        // Nacos's blog writes src/content/blog/x.md, a path from the repository's root, which
        // GitHub's file view follows: the one post whose path ends so.
        Path tail = Path.of(path).normalize();
        if (tail.getNameCount() > 1 && !tail.startsWith("..")) {
          id = endingWithAny(tail, folder);
          if (id != null) {
            return id.isEmpty() ? null : id; // empty: two posts end so
          }
        }
      }
      if (!path.contains("/") && target.getFileName() != null) {
        // Obsidian's [[Note]] names a note anywhere in the vault: the one post of that file name.
        List<Path> named = filesByName.get(target.getFileName().toString());
        if (named != null && named.size() == 1) {
          return articleByFile.get(named.get(0));
        }
      }
    } catch (IllegalArgumentException e) { // InvalidPathException too
      return null; // not a path: the link stays what it was
    }
    return null;
  }

  /** The article of the post at {@code target}, as a file or a folder may name it; or null. */
  private String byFile(Path target, boolean folder) {
    for (Path candidate : candidates(target, folder)) {
      String id = articleByFile.get(candidate);
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /**
   * A link from the site's root ({@code /blog/2025-02-04-release.html}, Hugo's {@code
   * /posts/my-post/}) names a post whose path ends with it, folders included: sites publish their
   * folders of posts under the folders' names. Only one post may match.
   */
  private String fromSiteRoot(String path) {
    String byAddress = articleByAddress.get(address(path));
    if (byAddress != null) {
      return byAddress;
    }
    try {
      String rel = Ids.decodedPath(path).map(p -> p.substring(1)).orElse(null);
      if (rel == null || rel.isEmpty()) {
        return null;
      }
      String byDate = fromDatedPath(rel);
      if (byDate != null) {
        return byDate.isEmpty() ? null : byDate; // empty: two posts of that day and name
      }
      Path target = Path.of(rel).normalize();
      if (target.startsWith("..") || target.getNameCount() == 0) {
        return null;
      }
      boolean folder = rel.endsWith("/");
      // The site may publish the folder of posts under a name of its own (/blog/x for x.md at the
      // folder's top): the path's leading folders are dropped one by one, never a listing's.
      int mounts = LISTINGS.contains(target.getName(0).toString().toLowerCase(Locale.ROOT)) ? 1 : 0;
      for (int drop = 0; drop < target.getNameCount() - mounts; drop++) {
        Path tail = target.subpath(drop, target.getNameCount());
        String id = endingWithAny(tail, folder);
        if (id != null) {
          // empty: two posts end so, and which one the site means is not known
          return id.isEmpty() ? null : id;
        }
      }
    } catch (IllegalArgumentException e) { // InvalidPathException too
      return null;
    }
    return null;
  }

  /** First folders of a site's listing pages (/tags/rust/ is no post named rust). */
  private static final Set<String> LISTINGS =
      Set.of(
          "tags",
          "tag",
          "categories",
          "category",
          "archives",
          "archive",
          "page",
          "authors",
          "author",
          "series");

  /**
   * The article of the one post whose path ends with {@code tail}, as a file or a folder may name
   * it ({@link #candidates}): empty when two posts end so, null when none does.
   */
  private String endingWithAny(Path tail, boolean folder) {
    for (Path candidate : candidates(tail, folder)) {
      String id = endingWith(candidate);
      if (id != null) {
        return id;
      }
    }
    return null;
  }

  /**
   * The article of the one post whose path ends with {@code candidate}; null for none, empty when
   * two posts do.
   */
  private String endingWith(Path candidate) {
    String id = null;
    for (Path file : filesByName.getOrDefault(candidate.getFileName().toString(), List.of())) {
      if (file.endsWith(candidate)) {
        if (id != null) {
          return "";
        }
        id = articleByFile.get(file);
      }
    }
    return id;
  }

  /** Fields giving a post's address; {@code link} is where WordPress published it. */
  private static final List<String> ADDRESS_FIELDS =
      List.of("url", "aliases", "permalink", "path", "link");

  /**
   * A post's address as a key: from the root, no scheme and host, no {@code index.html}, {@code
   * .html} or closing slash, lower case ({@code https://x.org/P/abc/index.html} and {@code p/abc}
   * are {@code /p/abc}); null for what is not an address.
   */
  static String address(String written) {
    String a = Ids.withoutQueryOrFragment(written.strip());
    Matcher scheme = WEB_ORIGIN.matcher(a);
    if (scheme.lookingAt()) {
      a = a.substring(scheme.end());
    } else if (SCHEME.matcher(a).find() || a.startsWith("//") || a.contains("{")) {
      return null; // another scheme, or a pattern (Jekyll's /:year/:title/ is no address)
    }
    a = Ids.decodedPath(a).orElse(null);
    if (a == null) {
      return null;
    }
    a = a.replaceFirst("(?i)(/index)?\\.html?$", "").replaceAll("/+$", "");
    a = a.startsWith("/") ? a : "/" + a;
    return a.contains(":") ? null : a.toLowerCase(Locale.ROOT);
  }

  private static final Pattern WEB_ORIGIN = Pattern.compile("(?i)https?://[^/]*");

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern PAGE_EXTENSION = Pattern.compile("(?i)\\.html?$");

  /** The post files a link to {@code target} may mean, as the engines publish them. */
  private static List<Path> candidates(Path target, boolean folder) {
    String name = target.getFileName() == null ? "" : target.getFileName().toString();
    List<Path> files = new ArrayList<>();
    files.add(target);
    Matcher page = PAGE_EXTENSION.matcher(name);
    if (page.find()) {
      String stem = name.substring(0, page.start());
      Post.TEXT_EXTENSIONS.forEach(e -> files.add(target.resolveSibling(stem + e)));
      files.add(target.resolveSibling(stem)); // sites that publish post.md as post.md.html
      return files;
    }
    // Jekyll's post_url names a post without its extension: 2022-09-07-homebrew-3.6.0
    Post.TEXT_EXTENSIONS.forEach(e -> files.add(target.resolveSibling(name + e)));
    if (!folder && name.contains(".")) {
      return files;
    }
    for (String e : Post.TEXT_EXTENSIONS) {
      files.add(target.resolve("index" + e));
      if (e.equals(".md")) {
        files.add(target.resolve("_index.md")); // Hugo's section page
      }
    }
    return files;
  }

  /** Zola's {@code @/} paths start in the site's {@code content} folder: the nearest above. */
  private static Path contentFolder(Path file) {
    for (Path p = key(file).getParent(); p != null; p = p.getParent()) {
      if (p.getFileName() != null
          && p.getFileName().toString().toLowerCase(Locale.ROOT).equals("content")) {
        return p;
      }
    }
    return null;
  }

  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }
}
