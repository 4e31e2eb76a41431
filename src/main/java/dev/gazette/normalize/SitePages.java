package dev.gazette.normalize;

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
}
