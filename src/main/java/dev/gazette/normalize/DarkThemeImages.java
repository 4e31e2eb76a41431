package dev.gazette.normalize;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A picture a post shows twice, once for a light theme and once for a dark one, is printed once: on
 * a page, which is light. The dark copy goes, said in one line per post; the light one stays, its
 * marker taken off. A copy is known as dark by GitHub's {@code #gh-dark-mode-only} at the end of
 * its address, by a class that says so ({@code dark-image}, {@code dark-only}, Tailwind's {@code
 * hidden dark:block}), or by a {@code <source media="(prefers-color-scheme: dark)">} of a {@code
 * <picture>}. Runs before {@link LazyImages} reads sources.
 */
final class DarkThemeImages implements NormalizeStep {
  private static final Evaluator IMAGES = Selector.evaluatorOf("img");
  private static final Evaluator DARK_SOURCES = Selector.evaluatorOf("picture > source[media]");

  private static final Set<String> DARK_CLASSES =
      Set.of("dark-image", "dark-only", "only-dark", "dark-mode-only", "show-on-dark", "dark-img");

  private static final Pattern TAILWIND_DARK_ONLY =
      Pattern.compile("^dark:(?:block|inline\\S*|flex)$");

  private static final String GH_DARK = "#gh-dark-mode-only";
  private static final String GH_LIGHT = "#gh-light-mode-only";

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element source : body.select(DARK_SOURCES)) {
      if (source
          .attr("media")
          .toLowerCase(Locale.ROOT)
          .replace(" ", "")
          .contains("prefers-color-scheme:dark")) {
        source.remove(); // the picture's img is its light one
      }
    }
    int dark = 0;
    String first = null;
    for (Element img : body.select(IMAGES)) {
      String src = img.attr("src").strip();
      if (src.endsWith(GH_LIGHT)) {
        img.attr("src", src.substring(0, src.length() - GH_LIGHT.length()));
      } else if (src.endsWith(GH_DARK) || darkByClass(img)) {
        first = first == null ? src : first;
        dark++;
        Element picture =
            img.parent() != null && img.parent().nameIs("picture") ? img.parent() : null;
        img.remove();
        if (picture != null && picture.select(IMAGES).isEmpty()) {
          picture.remove();
        }
      }
    }
    if (dark > 0) {
      context.warn(
          (dark == 1 ? "a picture" : dark + " pictures")
              + " for a dark theme left out (the digest's pages are light)",
          first);
    }
  }

  private static boolean darkByClass(Element img) {
    Set<String> classes = img.classNames();
    if (classes.stream().anyMatch(c -> DARK_CLASSES.contains(c.toLowerCase(Locale.ROOT)))) {
      return true;
    }
    return classes.contains("hidden")
        && classes.stream().anyMatch(c -> TAILWIND_DARK_ONLY.matcher(c).matches());
  }
}
