package dev.gazette.normalize;

import dev.gazette.util.Urls;
import java.util.Locale;
import org.jsoup.nodes.Element;

/**
 * Keeps links a reader can follow (http, https, mailto, and anchors inside the article); other
 * links (relative paths into the blog, {@code javascript:}, {@code data:}, {@code file:}) become
 * plain text. Kept links are repaired into valid URLs ({@link Urls#followable}); a web address that
 * cannot be repaired loses its link with a warning.
 */
final class Links implements NormalizeStep {
  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

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
        if (Urls.looksFollowable(href)) {
          context.warn(
              "link '" + shorten(href) + "' is not a valid URL; its text is kept without the link",
              href);
        }
        a.unwrap();
      }
    }
    for (Element q : body.select("blockquote[cite], q[cite]")) {
      Urls.followable(Urls.withScheme(q.attr("cite").strip()))
          .ifPresentOrElse(u -> q.attr("cite", u), () -> q.removeAttr("cite"));
    }
  }
}
