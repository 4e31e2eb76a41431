package dev.gazette.digest;

import dev.gazette.normalize.SitePages;
import dev.gazette.source.FrontMatter;
import dev.gazette.source.PostFormatException;
import dev.gazette.util.Urls;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a Jekyll site publishes the files its posts name with {@code {% link _docs/history.md %}}
 * (written {@code @/_docs/history.md} by then): at the file's own {@code permalink}, else at its
 * collection's ({@code collections.docs.permalink: /:collection/:path/}), else where Jekyll puts a
 * collection's or a page's file by default ({@code /docs/history.html}). The Jekyll project's
 * release notes link their changelog so. Only a file of the site's folder is read, and only its
 * front matter.
 *
 * @param root the site's folder, the one holding {@code _config.yml}
 * @param site the site's address
 * @param config the site config's values by dotted key ({@code collections.docs.permalink})
 */
public record JekyllPages(Path root, String site, Map<String, String> config) implements SitePages {
  public JekyllPages {
    root = root.toAbsolutePath().normalize();
    site = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
    config = Map.copyOf(config);
  }

  /** Largest page whose front matter is read. */
  private static final long MAX_BYTES = 4L << 20;

  @Override
  public String address(Path from, String href) {
    if (!href.startsWith("@/")) {
      return null;
    }
    int cut = href.indexOf('#');
    String path = href.substring(2, cut < 0 ? href.length() : cut);
    String fragment = cut < 0 ? "" : href.substring(cut);
    Path file;
    try {
      file = root.resolve(path).normalize();
    } catch (IllegalArgumentException e) { // InvalidPathException
      return null;
    }
    if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file)) {
      return null;
    }
    Object permalink;
    try {
      if (Files.size(file) > MAX_BYTES) {
        return null;
      }
      // only the front matter is read, its bytes decoded as new String would (bad ones replaced)
      try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
        permalink = FrontMatter.read(in).fields().get("permalink");
      }
    } catch (IOException | PostFormatException | RuntimeException e) {
      return null;
    }
    String page = permalink instanceof String p ? p.strip() : defaultAddress(root.relativize(file));
    if (page == null || page.contains(":") || !page.startsWith("/")) {
      return null; // a placeholder Gazette does not fill
    }
    return Urls.followable(site + page + fragment).orElse(null);
  }

  /**
   * Jekyll's address for a file without a permalink: its collection's pattern (by default {@code
   * /:collection/:path:output_ext}), or a page's {@code /:path:output_ext} ({@code /:path/} with
   * the site's {@code permalink: pretty}); {@code index.md} is its folder.
   */
  private String defaultAddress(Path relative) {
    String first = relative.getName(0).toString();
    String inside = relative.toString().replace('\\', '/');
    String pattern;
    if (first.startsWith("_") && relative.getNameCount() > 1) {
      String collection = first.substring(1);
      if (collection.equals("posts") || collection.equals("drafts")) {
        return null; // a post's address needs its date and title: the post links do that
      }
      inside = inside.substring(first.length() + 1);
      pattern =
          config
              .getOrDefault(
                  "collections." + collection + ".permalink", "/:collection/:path:output_ext")
              .replace(":collection", collection);
    } else {
      pattern = "pretty".equals(config.get("permalink")) ? "/:path/" : "/:path:output_ext";
    }
    String stem = inside.replaceFirst("\\.[^./]*$", "");
    String name = stem.substring(stem.lastIndexOf('/') + 1);
    if (name.equals("index")) {
      return "/" + stem.substring(0, stem.length() - "index".length());
    }
    return pattern.replace(":path", stem).replace(":name", name).replace(":output_ext", ".html");
  }
}
