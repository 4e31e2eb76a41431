package dev.gazette.normalize;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The article title is the only {@code h1}: a first body heading repeating the title is dropped
 * (links to its id go to the article), and the body's headings are renumbered so the highest
 * becomes {@code h2} and no level is skipped (WCAG heading order; Ace by DAISY reports skips).
 * Levels stop at {@code h6}.
 */
final class Headings implements NormalizeStep {
  private static final Evaluator HEADINGS = Selector.evaluatorOf("h1, h2, h3, h4, h5, h6");
  private static final Evaluator FRAGMENT_LINKS = Selector.evaluatorOf("a[href^=#]");

  @Override
  public void apply(Element body, NormalizeContext context) {
    Element first = body.children().first();
    if (first != null
        && first.normalName().matches("h[1-6]")
        && same(first.text(), context.title())) {
      first.remove();
      if (first.hasAttr("id")) {
        // VitePress names each page's title heading ({#migration-from-v7}) and links to it
        String toTitle = "#" + first.id();
        for (Element a : body.select(FRAGMENT_LINKS)) {
          String href = a.attr("href");
          if (href.equals(toTitle) || Ids.decoded(href).equals(toTitle)) {
            a.attr("href", "#" + context.idPrefix()); // the article, whose title it became
          }
        }
      }
    }
    // Levels step down one at a time from the title (h1), as screen reader users navigate them:
    // the levels used are closed up (h2, h4 -> h2, h3; a body starting at h3 starts at h2), and
    // a heading deeper than one below the one before it comes up to that.
    Elements headings = body.select(HEADINGS);
    // An empty heading (breaks only, too) is removed at the end (Whitespace): counted here, it
    // would push the others a level down, and only normalizing the output again would bring them
    // back up.
    headings.removeIf(Whitespace::removesAsEmpty);
    java.util.TreeSet<Integer> used = new java.util.TreeSet<>();
    for (Element h : headings) {
      used.add(level(h));
    }
    int previous = 1;
    for (Element h : headings) {
      // A body using all six levels would need h7 under the title, which XHTML lacks: the two
      // deepest levels share h6.
      int level = Math.min(Math.min(2 + used.headSet(level(h)).size(), previous + 1), 6);
      if (level != level(h)) {
        h.tagName("h" + level);
      }
      previous = level;
    }
  }

  private static int level(Element h) {
    return h.normalName().charAt(1) - '0';
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("\\s+", "").equalsIgnoreCase(b.replaceAll("\\s+", ""));
  }
}
