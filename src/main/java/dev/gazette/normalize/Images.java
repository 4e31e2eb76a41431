package dev.gazette.normalize;

import dev.gazette.model.Asset;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * Points every {@code img} at a digest asset. An image that cannot be embedded is replaced by its
 * alt text, linked to the original when it is remote, so nothing disappears silently.
 */
final class Images implements NormalizeStep {
  private static final java.util.regex.Pattern ASSET_HREF =
      java.util.regex.Pattern.compile("^images/[0-9a-f]{16}\\.(jpg|png|gif|svg)$");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element img : body.select("img")) {
      String src = img.attr("src").strip();
      if (ASSET_HREF.matcher(src).matches()) {
        continue; // already a digest asset: normalizing twice changes nothing
      }
      Optional<Asset> asset = src.isEmpty() ? Optional.empty()
          : context.images().resolve(context.post(), src, context::warn);
      if (asset.isPresent()) {
        context.addAsset(asset.get());
        img.attr("src", asset.get().href());
        continue;
      }
      String alt = img.attr("alt").strip();
      String lower = src.toLowerCase(Locale.ROOT);
      boolean remote = lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
      if (remote) {
        Element link = new Element("a").attr("href", lower.startsWith("//") ? "https:" + src : src)
            .addClass("image-link").text(alt.isEmpty() ? "[image]" : "[" + alt + "]");
        img.replaceWith(link);
      } else if (!alt.isEmpty()) {
        img.replaceWith(new org.jsoup.nodes.TextNode("[" + alt + "]"));
      } else {
        img.remove();
      }
    }
  }
}
