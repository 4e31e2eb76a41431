package dev.gazette.normalize;

import dev.gazette.util.Urls;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Keeps links a reader can follow (http, https, mailto, and anchors inside the article); other
 * links (relative paths into the blog, {@code javascript:}, {@code data:}, {@code file:}) become
 * plain text.
 */
final class Links implements NormalizeStep {

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element a : body.select("a")) {
      String href = a.attr("href").strip();
      String lower = href.toLowerCase(Locale.ROOT);
      String kept = null;
      if (lower.startsWith("//")) {
        kept = Urls.followable("https:" + href).orElse(null);
      } else if (lower.startsWith("http://")
          || lower.startsWith("https://")
          || lower.startsWith("mailto:")) {
        kept = Urls.followable(href).orElse(null);
      } else if (href.startsWith("#") && href.length() > 1) {
        kept = href;
      }
      if (kept != null) {
        a.attr("href", kept);
      } else {
        a.unwrap();
      }
    }
  }
}
