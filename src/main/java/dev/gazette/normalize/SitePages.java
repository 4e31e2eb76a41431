package dev.gazette.normalize;

import dev.gazette.model.Post;
import java.nio.file.Path;

/**
 * Where the site publishes its pages that are no posts: a post's link to one of their files ({@code
 * ../setup/search.md}, Jekyll's {@code {% link _docs/history.md %}}) goes to that page on the site.
 */
public interface SitePages {
  /**
   * The web address of the page that {@code href}, a link to a Markdown file written in the post at
   * {@code from}, names; null when it names none of the site's pages.
   */
  String address(Path from, String href);

  /**
   * The web address of the file that {@code href}, a relative link written in {@code post} to a
   * file that is no post, names where the site publishes it beside the post's page ({@code
   * chart.svg} of a page bundle); null when the site does not say.
   */
  default String fileAddress(Post post, String href) {
    return null;
  }

  /**
   * The file {@code path}, a link's path still percent-encoded, names from {@code folder}; null
   * when it is no path.
   */
  static Path resolve(Path folder, String path) {
    try {
      String decoded = Ids.decodedPath(path).orElse(null);
      return decoded == null ? null : folder.resolve(decoded).normalize();
    } catch (IllegalArgumentException e) { // InvalidPathException
      return null;
    }
  }
}
