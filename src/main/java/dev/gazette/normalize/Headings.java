package dev.gazette.normalize;

import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The article title is the only {@code h1}: a first body heading repeating the title is dropped,
 * and the body's headings are shifted so the highest becomes {@code h2}.
 */
final class Headings implements NormalizeStep {
  @Override
  public void apply(Element body, NormalizeContext context) {
    Element first = body.children().first();
    if (first != null
        && first.normalName().matches("h[1-6]")
        && same(first.text(), context.title())) {
      first.remove();
    }
    Elements headings = body.select("h1, h2, h3, h4, h5, h6");
    int min = 7;
    for (Element h : headings) {
      min = Math.min(min, level(h));
    }
    int shift = min < 2 ? 2 - min : 0;
    if (shift == 0) {
      return;
    }
    for (Element h : headings) {
      h.tagName("h" + Math.min(6, level(h) + shift));
    }
  }

  private static int level(Element h) {
    return h.normalName().charAt(1) - '0';
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("\\s+", "").equalsIgnoreCase(b.replaceAll("\\s+", ""));
  }
}
