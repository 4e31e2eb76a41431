package dev.gazette.normalize;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.util.Urls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Shows the front matter's header image ({@code headimg}, {@code cover}, {@code image}, {@code
 * thumbnail}, …) at the top of the article, unless the body already shows the same picture (same
 * bytes, hence same asset) or it comes from a placeholder service. A header image that cannot be
 * had is reported, but leaves no note: it was decoration, not content.
 */
final class HeaderImage implements NormalizeStep {
  /** The posts, whose folders hold the pictures other posts name by their addresses. */
  private final PostLinks postLinks;

  /** The front-matter keys that name a header image on the site, in order. */
  private final List<String> keys;

  HeaderImage(PostLinks postLinks, List<String> keys) {
    this.postLinks = postLinks;
    this.keys = keys;
  }

  private static final Evaluator MISSING_IMAGE_LINKS = Selector.evaluatorOf(".image-missing a");

  @Override
  public void apply(Element body, NormalizeContext context) {
    Optional<String> src = source(context.post());
    if (src.isEmpty()) {
      return;
    }
    String absolute = Urls.withScheme(src.get());
    if (body.select(MISSING_IMAGE_LINKS).stream().anyMatch(a -> a.attr("href").equals(absolute))) {
      return; // the body shows the same picture as missing, with its own warning
    }
    String file = postLinks.bundleFile(context.post(), src.get()).orElse(src.get());
    Optional<Asset> asset =
        context
            .images()
            .resolve(context.post(), file, reason -> context.warn("header " + reason, src.get()));
    if (asset.isEmpty()) {
      return;
    }
    if (!body.select("img[src=\"" + asset.get().href() + "\"]").isEmpty()) {
      return; // the body shows it already (and a second normalization finds it here)
    }
    context.addAsset(asset.get());
    Element figure =
        new Element("figure")
            .addClass("header-image")
            .appendChild(new Element("img").attr("src", asset.get().href()).attr("alt", ""));
    body.prependChild(figure);
  }

  /** The header image named in the front matter, unless it is a placeholder service. */
  Optional<String> source(Post post) {
    Map<String, Object> fields = post.fields();
    for (String key : keys) {
      Object value = fields.get(key);
      if (value instanceof List<?> list && !list.isEmpty()) {
        value = list.get(0);
      }
      if (value instanceof Map<?, ?> map) {
        value = map.containsKey("src") ? map.get("src") : map.get("url");
      }
      if (value instanceof String s && !s.isBlank()) {
        String v = s.strip();
        return PlaceholderImages.isPlaceholder(v) ? Optional.empty() : Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
