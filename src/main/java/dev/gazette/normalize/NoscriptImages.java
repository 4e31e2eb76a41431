package dev.gazette.normalize;

import java.util.HashSet;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps the pictures a {@code <noscript>} holds for readers without script, before {@link Sanitize}
 * drops the element: a digest runs no script, so a chart drawn by JavaScript shows as the fallback
 * image the page gives ({@code <noscript><img src="chart.png"></noscript>}). A picture the page
 * also has outside (a lazy-loading {@code <img data-src>} and its fallback copy, whose source
 * {@link LazyImages} has already recovered) is not shown twice. Text in a {@code noscript} ("enable
 * JavaScript to see the comments") goes with it.
 */
final class NoscriptImages implements NormalizeStep {
  private static final Evaluator NOSCRIPT = Selector.evaluatorOf("noscript");
  private static final Evaluator IMG = Selector.evaluatorOf("img");

  @Override
  public void apply(Element body, NormalizeContext context) {
    Elements fallbacks = body.select(NOSCRIPT);
    if (fallbacks.isEmpty()) {
      return;
    }
    Set<String> shown = new HashSet<>();
    for (Element img : body.select(IMG)) {
      if (img.closest(NOSCRIPT) == null) {
        shown.add(img.attr("src"));
      }
    }
    for (Element noscript : fallbacks) {
      if (noscript.parent() == null) {
        continue; // inside a noscript already moved out or removed
      }
      for (Element img : noscript.select(IMG)) {
        if (!img.attr("src").isBlank() && shown.add(img.attr("src"))) {
          noscript.before(img.shallowClone());
        }
      }
      noscript.remove();
    }
  }
}
