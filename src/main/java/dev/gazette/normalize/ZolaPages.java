package dev.gazette.normalize;

import dev.gazette.model.Post;
import dev.gazette.util.Urls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a Zola site publishes the files of a post's folder ({@code index.md} and what lies beside
 * it): in the post's page, whose address is its {@code path} ({@code path =
 * "2024/02/19/2023-Rust-Annual-Survey-2023-results"}), else the folder's own path under {@code
 * content/}. A post links such a file relatively ({@code [![Chart](chart.png)](chart.svg)}, {@code
 * [glxinfo](glxinfo.txt)}); in the digest the link goes to the file on the site (the Rust blog's
 * survey results: 143 such links were kept as text).
 *
 * @param content the site's content folder
 * @param site the site's address, ending in {@code /}
 */
public record ZolaPages(Path content, String site) implements SitePages {
  /** A path segment Zola publishes as it is: already a slug. */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  public ZolaPages {
    content = content.toAbsolutePath().normalize();
    site = site.endsWith("/") ? site : site + "/";
  }

  @Override
  public String address(Path from, String href) {
    return null; // Zola's posts link pages with @/, which PostLinks reads
  }

  @Override
  public String fileAddress(Post post, String href) {
    Path folder = post.file().toAbsolutePath().normalize().getParent();
    String path = Ids.withoutQueryOrFragment(href);
    if (!Post.isBundleText(post.file())
        || path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || Post.hasTextExtension(path)) {
      return null;
    }
    Path target = SitePages.resolve(folder, path);
    if (target == null || !target.startsWith(folder) || !Files.isRegularFile(target)) {
      return null;
    }
    String page = pagePath(post, folder);
    return page == null ? null : Urls.followable(site + page + href).orElse(null);
  }

  /** The post's page from the site's root, ending in {@code /}; null when not known for sure. */
  private String pagePath(Post post, Path folder) {
    if (post.fields().get("path") instanceof String own && !own.isBlank()) {
      String trimmed = own.strip().replaceAll("^/+|/+$", "");
      return trimmed.isEmpty() || trimmed.contains("..") ? null : trimmed + "/";
    }
    if (!folder.startsWith(content) || folder.equals(content)) {
      return null;
    }
    StringBuilder page = new StringBuilder();
    for (Path part : content.relativize(folder)) {
      String name = part.toString();
      // Zola slugifies the names of folders (slugify.paths): one that is no slug already would
      // be published under another name
      if (!SLUG.matcher(name).matches() || !name.equals(name.toLowerCase(Locale.ROOT))) {
        return null;
      }
      page.append(name).append('/');
    }
    return page.toString();
  }
}
