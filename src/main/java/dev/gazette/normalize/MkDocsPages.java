package dev.gazette.normalize;

import java.nio.file.Path;

/**
 * Where a site built from a folder of Markdown pages publishes each page: MkDocs makes {@code
 * docs/setup/search.md} {@code SITE/setup/search/} ({@code SITE/setup/search.html} without
 * directory addresses) and {@code docs/plugins/index.md} {@code SITE/plugins/}. A post of Material
 * for MkDocs' blog links the documentation so ({@code ../../setup/search.md#exclusion}); in the
 * digest such a link goes to the page on the site. No file is read.
 *
 * @param docs the folder of the site's pages
 * @param site the site's address, ending in {@code /}
 * @param directoryUrls whether a page is published as a folder ({@code use_directory_urls})
 */
public record MkDocsPages(Path docs, String site, boolean directoryUrls) implements SitePages {
  public MkDocsPages {
    docs = docs.toAbsolutePath().normalize();
    site = site.endsWith("/") ? site : site + "/";
  }

  @Override
  public String address(Path from, String href) {
    int cut = href.indexOf('#');
    String path = cut < 0 ? href : href.substring(0, cut);
    String fragment = cut < 0 ? "" : href.substring(cut);
    if (!path.toLowerCase(java.util.Locale.ROOT).endsWith(".md") || from.getParent() == null) {
      return null;
    }
    Path target = SitePages.resolve(from.toAbsolutePath().getParent(), path);
    if (target == null || !target.startsWith(docs) || target.equals(docs)) {
      return null;
    }
    StringBuilder page = new StringBuilder();
    for (Path part : docs.relativize(target)) {
      page.append(page.length() == 0 ? "" : "/").append(part);
    }
    String name = page.substring(0, page.length() - 3); // without .md
    String url;
    if (name.equals("index") || name.endsWith("/index")) {
      url = name.substring(0, name.length() - "index".length());
    } else if (name.equals("README") || name.endsWith("/README")) {
      url = name.substring(0, name.length() - "README".length());
    } else {
      url = directoryUrls ? name + "/" : name + ".html";
    }
    return dev.gazette.util.Urls.followable(site + url + fragment).orElse(null);
  }
}
