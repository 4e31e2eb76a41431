package dev.gazette.normalize;

import dev.gazette.model.Asset;
import dev.gazette.util.Urls;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Points every {@code img} at a digest asset. All sources are handed to the resolver first, so
 * downloads run side by side. An image that cannot be embedded never disappears silently: in a
 * figure it becomes a note (alt text, and a link to the original when it is remote) beside the
 * caption; inside text it becomes a bracketed link or text. Images of random placeholder services
 * are left out.
 */
final class Images implements NormalizeStep {
  /** The posts, whose folders hold the pictures other posts name by their addresses. */
  private final PostLinks postLinks;

  /** The step that shows the header image, fetched here with the body's pictures. */
  private final HeaderImage headerImage;

  Images(PostLinks postLinks, HeaderImage headerImage) {
    this.postLinks = postLinks;
    this.headerImage = headerImage;
  }

  private static final Evaluator IMAGES = Selector.evaluatorOf("img");
  private static final Evaluator IMAGES_OR_CAPTIONS = Selector.evaluatorOf("img, figcaption");

  private static final Pattern ASSET_HREF =
      Pattern.compile("^images/[0-9a-f]{16}\\.(jpg|png|gif|svg)$");

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<Element> images = body.select(IMAGES);
    for (Element img : images) {
      String src = img.attr("src").strip();
      if (!src.isEmpty()
          && !Formulas.isFormula(img)
          && !ASSET_HREF.matcher(src).matches()
          && !PlaceholderImages.isPlaceholder(src)) {
        context.images().prefetch(context.post(), src);
      }
    }
    headerImage
        .source(context.post())
        .ifPresent(src -> context.images().prefetch(context.post(), src));
    for (Element img : images) {
      String src = img.attr("src").strip();
      if (ASSET_HREF.matcher(src).matches() || Formulas.isFormula(img)) {
        continue; // already a digest asset: normalizing twice changes nothing
      }
      if (PlaceholderImages.isPlaceholder(src)) {
        context.warn("image '" + src + "' comes from a placeholder service; left out", src);
        removeWithEmptyFigure(img);
        continue;
      }
      String file = postLinks.bundleFile(context.post(), src).orElse(src);
      Optional<Asset> asset =
          src.isEmpty()
              ? Optional.empty()
              : context.images().resolve(context.post(), file, m -> context.warn(m, src));
      if (asset.isPresent()) {
        context.addAsset(asset.get());
        img.attr("src", asset.get().href());
        if (asset.get().width() > 0 && asset.get().height() > 0) {
          img.removeAttr("width").removeAttr("height"); // the original's sizes may no longer match
        }
      } else if (img.hasClass(Embeds.POSTER_CLASS)) {
        img.remove(); // the video's link stays; the resolver said why its frame is not shown
      } else {
        if (src.isEmpty()) {
          context.warn("image without a source; shown as a note");
        }
        replaceWithNote(img, src, Notes.forTitle(context.title()));
      }
    }
  }

  private static void removeWithEmptyFigure(Element img) {
    Element parent = img.parent();
    img.remove();
    if (parent != null
        && parent.normalName().equals("figure")
        && parent.select(IMAGES_OR_CAPTIONS).isEmpty()) {
      parent.remove();
    }
  }

  private static void replaceWithNote(Element img, String src, Notes notes) {
    String alt = img.attr("alt").strip();
    String lower = src.toLowerCase(Locale.ROOT);
    // Only a link that is a valid URL is written (EPUBCheck RSC-020); otherwise a plain note.
    String href =
        lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")
            ? Urls.followable(Urls.withScheme(src)).orElse(null)
            : null;
    boolean remote = href != null;
    boolean inFigure = img.parent() != null && img.parent().normalName().equals("figure");
    if (inFigure) {
      Element note = new Element("p").addClass("figure-note").addClass("image-missing");
      note.appendChild(new TextNode("[" + notes.imageMissing() + "] "));
      String label = !alt.isEmpty() ? alt : fileName(src);
      if (remote) {
        note.appendChild(new Element("a").attr("href", href).text(label));
      } else if (!label.isEmpty()) {
        note.appendChild(new TextNode(label));
      }
      img.replaceWith(note);
    } else if (remote) {
      img.replaceWith(
          new Element("a")
              .attr("href", href)
              .addClass("image-link")
              .text("[" + (alt.isEmpty() ? notes.imageMissing() : alt) + "]"));
    } else {
      img.replaceWith(
          new Element("span")
              .addClass("image-missing")
              .text("[" + (alt.isEmpty() ? notes.imageMissing() : alt) + "]"));
    }
  }

  private static String fileName(String src) {
    String path = src.replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
