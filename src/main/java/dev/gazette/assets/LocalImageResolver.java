package dev.gazette.assets;

import dev.gazette.model.Asset;
import dev.gazette.model.Limits;
import dev.gazette.model.Post;
import dev.gazette.normalize.ImageResolver;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Embeds images stored beside the posts. A relative path is looked up in the post's folder, then in
 * the post's own asset folder (Hexo {@code post_asset_folder}: a folder named like the post, or
 * {@code assets/}), then in the site roots of the folders above it (Hexo {@code source/}, Hugo and
 * Zola {@code static/}); a path starting with {@code /} is looked up in those site roots. No path
 * may leave the input folder, even through a symbolic link. Images written into the page as {@code
 * data:} URIs are decoded too.
 *
 * <p>Built from a folder inside a site ({@code content/post} of a Hugo site, {@code docs/_posts} of
 * a Jekyll one), the site's pictures are outside the input folder: what is not found there is then
 * looked up in the site's folder (the one holding the site config the build reads): its {@code
 * static/} (Hugo, Zola), its {@code source/} (Hexo), its {@code public/} (Next.js, Astro), its
 * {@code assets/} (Zine) and the folder itself (Jekyll's {@code img/} beside {@code _config.yml}),
 * and Franklin's {@code _assets/}, which its site publishes as {@code /assets/}. Those paths may
 * not leave the site's folder either.
 *
 * <p>A site published in a folder ({@code baseurl: /notes}) has its posts write {@code
 * /notes/img/x.png} ({@code {{ site.baseurl }}/img/x.png}) for its file {@code img/x.png}: a path
 * from the root that starts with that folder and is not found as written is looked up without it.
 */
public final class LocalImageResolver implements ImageResolver {
  /**
   * Static folders: Hexo's; Hugo's, Zola's and Docusaurus's; VuePress's; Next.js's, Astro's and
   * Vite's; Zine's site assets ({@code $image.siteAsset('x.png')}); the source folder Lume and
   * Eleventy sites commonly publish from ({@code src/static/img/x.png} is {@code
   * /static/img/x.png}); a Gleam project's {@code priv/}, which Gleam's website publishes; last the
   * content folder, whose files Hugo and Zola publish at their own paths and a site built by its
   * own script may publish whole (matklad's {@code content/assets/x.png} is {@code /assets/x.png}).
   */
  private static final List<String> SITE_ROOTS =
      List.of("source", "static", ".vuepress/public", "public", "assets", "src", "priv", "content");

  /** Where Franklin.jl publishes its site's {@code _assets/} folder. */
  private static final String FRANKLIN_ASSETS_URL = "assets/";

  private final java.util.function.Function<Post, Optional<String>> pageFolder;
  private final Path root;
  private final Path realRoot;
  private final Path siteRoot;
  private final Path realSiteRoot;
  private final String basePath;
  private final long maxBytes;
  private final ImageProcessor processor;
  private final ImageStats stats;
  private final Map<Path, ImageOutcome> loaded = new ConcurrentHashMap<>();

  public LocalImageResolver(Path root, long maxBytes, ImageProcessor processor, ImageStats stats) {
    this(root, null, maxBytes, processor, stats);
  }

  /** As the next constructor, for a site published at its web address's root. */
  public LocalImageResolver(
      Path root, Path siteRoot, long maxBytes, ImageProcessor processor, ImageStats stats) {
    this(root, siteRoot, "", maxBytes, processor, stats, post -> Optional.empty());
  }

  /**
   * @param siteRoot the folder of the site the input folder is in, or null; used only when it holds
   *     the input folder and is not the input folder itself
   * @param basePath the folder the site is published in, as its web address writes it ({@code
   *     /notes}, no slash at the end), or empty
   * @param pageFolder the folder of the site a post's page is published in ({@code blog/syncthing}
   *     for Jekyll's {@code /:categories/:title/}), where a picture the post names relatively is
   *     looked for last, or empty
   */
  public LocalImageResolver(
      Path root,
      Path siteRoot,
      String basePath,
      long maxBytes,
      ImageProcessor processor,
      ImageStats stats,
      java.util.function.Function<Post, Optional<String>> pageFolder) {
    this.pageFolder = pageFolder;
    this.root = root.toAbsolutePath().normalize();
    this.realRoot = real(this.root);
    Path site = siteRoot == null ? null : siteRoot.toAbsolutePath().normalize();
    this.siteRoot =
        site != null && this.root.startsWith(site) && !site.equals(this.root) ? site : null;
    this.realSiteRoot = this.siteRoot == null ? null : real(this.siteRoot);
    this.basePath = basePath.isEmpty() ? "" : decodedPath(basePath);
    this.maxBytes = maxBytes;
    this.processor = processor;
    this.stats = stats;
  }

  @Override
  public Optional<Asset> resolve(Post post, String src, Consumer<String> problems) {
    String lower = src.toLowerCase(Locale.ROOT);
    if (RemoteImageResolver.isRemote(src)) {
      return Optional.empty();
    }
    if (lower.startsWith("data:")) {
      return fromDataUri(src)
          .toAsset(src.length() > 48 ? src.substring(0, 48) + "…" : src, problems);
    }
    String decoded;
    try {
      decoded = decodedPath(src);
    } catch (RuntimeException e) {
      problems.accept("image '" + src + "' is not a usable path");
      return Optional.empty();
    }
    if (lower.startsWith("file:")
        || decoded.matches("^[A-Za-z]:.*")
        || decoded.startsWith("\\")
        || decoded.contains("\0")) {
      problems.accept(
          "image '"
              + src
              + "' is a path on the writer's machine; only paths inside the input folder are used");
      return Optional.empty();
    }
    Lookup found = lookUp(post.file().toAbsolutePath(), decoded);
    if (found.file() == null && decoded.startsWith("../")) {
      // A web address's climb (thumbnail: ../img/logo.png, written for the blog's list page at
      // /blog/, gRPC's blog) ends at the site's root: the site's /img/logo.png.
      Lookup fromRoot =
          lookUp(post.file().toAbsolutePath(), "/" + decoded.replaceFirst("^(\\.\\./)+", ""));
      found = fromRoot.file() != null ? fromRoot : found;
    }
    if (found.file() == null && !decoded.startsWith("/")) {
      // beside the post's page as the site publishes it (Jekyll's /blog/syncthing/dropbox_1.png)
      Optional<String> folder = pageFolder.apply(post);
      if (folder.isPresent()) {
        Lookup atPage =
            lookUp(
                post.file().toAbsolutePath(),
                "/" + folder.get() + "/" + decoded.replaceFirst("^(\\./)+", ""));
        found = atPage.file() != null ? atPage : found;
      }
    }
    if (found.file() == null && !basePath.isEmpty() && decoded.startsWith(basePath + "/")) {
      Lookup withoutBase =
          lookUp(post.file().toAbsolutePath(), decoded.substring(basePath.length()));
      found = withoutBase.file() != null ? withoutBase : found;
    }
    if (found.file() == null) {
      problems.accept(
          "image '"
              + src
              + "' "
              + (found.escaped()
                  ? "points outside the input folder; left out"
                  : "not found beside the post, in its asset folder, or in the site's source/,"
                      + " static/ or public/"));
      return Optional.empty();
    }
    return embed(found.file(), src, problems);
  }

  /**
   * The site's file at {@code path}, a path from the site's root as a web address writes it ({@code
   * /images/a%20b.png}), looked up as {@link #resolve} looks up {@code /images/a b.png}; empty,
   * without a word, when there is none.
   */
  Optional<Path> siteFile(Post post, String path) {
    try {
      String decoded = decodedPath(path);
      return decoded.startsWith("/") && !decoded.contains("\0")
          ? Optional.ofNullable(lookUp(post.file().toAbsolutePath(), decoded).file())
          : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The picture in {@code file}, read once per build; {@code src} is what the post wrote. */
  Optional<Asset> embed(Path file, String src, Consumer<String> problems) {
    return loaded.computeIfAbsent(file, this::load).toAsset(src, problems);
  }

  /** A source's path as a file name: query and fragment off, percent-escapes decoded. */
  private static String decodedPath(String src) {
    return URLDecoder.decode(
        src.replaceFirst("[?#].*$", "").replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Where a path was found; or, with a null file, whether the path as written led outside the input
   * folder.
   */
  private record Lookup(Path file, boolean escaped) {}

  private Lookup lookUp(Path postFile, String decoded) {
    boolean escaped = false;
    List<Path> candidates = candidates(postFile, decoded);
    for (Path candidate : candidates) {
      if (!inside(candidate, root, realRoot)) {
        // only the path as written decides: a site root higher up may reach outside with it
        escaped |= candidate == candidates.get(0);
        continue;
      }
      if (Files.isRegularFile(candidate)) {
        return new Lookup(candidate, false);
      }
    }
    if (siteRoot != null) {
      for (Path candidate : siteCandidates(postFile, decoded)) {
        if (inside(candidate, siteRoot, realSiteRoot) && Files.isRegularFile(candidate)) {
          return new Lookup(candidate, false);
        }
      }
      // ../assets/x.gif from blog/: a file the site's folder lacks, not one outside the reach
      escaped &= candidates.isEmpty() || !inside(candidates.get(0), siteRoot, realSiteRoot);
    }
    String rel = decoded.replaceFirst("^/+", "");
    if (decoded.startsWith("/") && !rel.isEmpty()) {
      // Last: a Hugo page bundle's cover written from the root (cover: "/cover.jpg", SOFAStack's
      // blog, 22 posts) is the bundle's file, which its theme puts at the page's address.
      Path beside = postFile.getParent().resolve(rel).normalize();
      if (beside.startsWith(postFile.getParent())
          && inside(beside, root, realRoot)
          && Files.isRegularFile(beside)) {
        return new Lookup(beside, false);
      }
    }
    return new Lookup(null, escaped);
  }

  /** Where {@code path} may live, most specific first. */
  private List<Path> candidates(Path postFile, String path) {
    Path postDir = postFile.getParent();
    List<Path> out = new ArrayList<>();
    boolean rootRelative = path.startsWith("/");
    String rel = path.replaceFirst("^/+", "");
    if (rel.isEmpty()) {
      return out;
    }
    if (!rootRelative) {
      out.add(postDir.resolve(rel).normalize());
      out.add(assetFolder(postFile).resolve(rel).normalize());
      out.add(postDir.resolve("assets").resolve(rel).normalize());
    }
    for (Path dir = postDir; dir != null && dir.startsWith(root); dir = dir.getParent()) {
      for (String site : SITE_ROOTS) {
        out.add(dir.resolve(site).resolve(rel).normalize());
      }
    }
    out.add(root.resolve(rel).normalize());
    if (root.getParent() != null) {
      // the input folder published under its own name: /articles/img/x.png for articles/img/x.png
      // (outside the input folder, so never used, unless the path starts with the folder's name)
      out.add(root.getParent().resolve(rel).normalize());
    }
    return out;
  }

  /**
   * Where {@code path} may live in the site's folder: as written from the post's folder ({@code
   * ../../static/img/x.png}), then in the site's static folders, then in the folder itself.
   */
  private List<Path> siteCandidates(Path postFile, String path) {
    String rel = path.replaceFirst("^/+", "");
    List<Path> out = new ArrayList<>();
    if (!rel.isEmpty()) {
      if (!path.startsWith("/")) {
        out.add(postFile.getParent().resolve(rel).normalize());
      }
      for (String site : SITE_ROOTS) {
        out.add(siteRoot.resolve(site).resolve(rel).normalize());
      }
      out.add(siteRoot.resolve(rel).normalize());
      if (rel.startsWith(FRANKLIN_ASSETS_URL)) {
        // Franklin publishes its _assets/ folder as /assets/
        out.add(
            siteRoot
                .resolve("_assets")
                .resolve(rel.substring(FRANKLIN_ASSETS_URL.length()))
                .normalize());
      }
    }
    return out;
  }

  /**
   * Hexo's post asset folder: {@code source/_posts/my-post.md} keeps its images in {@code
   * my-post/}.
   */
  static Path assetFolder(Path postFile) {
    String name = postFile.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    return postFile.getParent().resolve(name);
  }

  /** Whether {@code candidate} is inside {@code folder}, also once symbolic links are followed. */
  private static boolean inside(Path candidate, Path folder, Path realFolder) {
    if (!candidate.startsWith(folder)) {
      return false;
    }
    try {
      return !Files.exists(candidate) || candidate.toRealPath().startsWith(realFolder);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path real(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException e) {
      return folder;
    }
  }

  /** An image written into the page itself ({@code data:image/png;base64,…}). */
  private ImageOutcome fromDataUri(String src) {
    int comma = src.indexOf(',');
    if (comma < 0 || !src.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
      return ImageOutcome.failed("a data: URI that is not base64");
    }
    if ((src.length() - comma) * 3L / 4 > maxBytes) {
      return ImageOutcome.failed("larger than " + Limits.describeBytes(maxBytes));
    }
    try {
      byte[] raw = java.util.Base64.getMimeDecoder().decode(src.substring(comma + 1));
      ProcessedImage image = processor.process(raw);
      stats.local();
      stats.processed(raw.length, image.bytes().length);
      return ImageOutcome.of(processor.asset(image));
    } catch (IllegalArgumentException e) {
      return ImageOutcome.failed("a data: URI with broken base64");
    } catch (ImageException e) {
      return ImageOutcome.failed(e.getMessage());
    }
  }

  private ImageOutcome load(Path file) {
    try {
      if (Files.size(file) > maxBytes) {
        stats.failed();
        return ImageOutcome.failed("larger than " + Limits.describeBytes(maxBytes));
      }
      byte[] raw = Files.readAllBytes(file);
      ProcessedImage image = processor.process(raw);
      stats.local();
      stats.processed(raw.length, image.bytes().length);
      return ImageOutcome.of(processor.asset(image));
    } catch (IOException e) {
      stats.failed();
      return ImageOutcome.failed("cannot be read: " + e.getMessage());
    } catch (ImageException e) {
      stats.failed();
      return ImageOutcome.failed(e.getMessage());
    }
  }
}
