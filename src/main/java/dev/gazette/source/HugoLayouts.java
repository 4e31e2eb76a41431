package dev.gazette.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a Hugo site's layouts ({@code layouts/}, and each theme's in {@code themes/}) show. */
final class HugoLayouts {
  private HugoLayouts() {}

  /**
   * A template naming the front matter's images: {@code .Params.images}, {@code $.Params.Images}.
   */
  private static final Pattern IMAGES_PARAM = Pattern.compile("(?i)\\.params\\.images\\b");

  /** What marks a line or a template as a social card's, not the page's. */
  private static final Pattern SOCIAL =
      Pattern.compile("(?i)og:|twitter:|<meta|opengraph|schema|seo|json|feed|rss|sitemap");

  /**
   * Whether a layout of the site names {@code .Params.images} outside a social card's markup (a
   * {@code <meta>} line, or a template whose name says Open Graph, Twitter, schema or SEO): LLVM's
   * blog theme shows {@code index .Params.images 0} above each post. Linkerd's layouts never name
   * it, and each of its posts gives its social card there ({@code images: [social.jpg]}).
   */
  static boolean showImages(Path siteRoot) {
    List<Path> folders = new ArrayList<>();
    folders.add(siteRoot.resolve("layouts"));
    try (DirectoryStream<Path> themes = Files.newDirectoryStream(siteRoot.resolve("themes"))) {
      for (Path theme : themes) {
        folders.add(theme.resolve("layouts"));
      }
    } catch (IOException | RuntimeException e) {
      // no themes folder
    }
    List<Path> templates = new ArrayList<>();
    for (Path folder : folders) {
      TemplateFiles.collect(folder, name -> name.endsWith(".html"), templates);
    }
    templates.sort(null);
    for (Path template : templates) {
      String name = template.getFileName().toString();
      if (SOCIAL.matcher(name).find()) {
        continue;
      }
      try {
        if (Files.size(template) > SiteConfig.MAX_BYTES) {
          continue;
        }
        for (String line : Files.readAllLines(template, StandardCharsets.UTF_8)) {
          if (IMAGES_PARAM.matcher(line).find() && !SOCIAL.matcher(line).find()) {
            return true;
          }
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable template shows nothing
      }
    }
    return false;
  }
}
