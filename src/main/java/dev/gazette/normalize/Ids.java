package dev.gazette.normalize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Makes every {@code id} unique in the digest by prefixing it with the article id, and follows the
 * rename in {@code #fragment} links; a link to an id that does not exist becomes text.
 */
final class Ids implements NormalizeStep {
  @Override
  public void apply(Element body, NormalizeContext context) {
    String prefix = context.idPrefix() + "-";
    Map<String, String> renamed = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Element el : body.select("[id]")) {
      String old = el.id();
      if (old.startsWith(prefix) && used.add(old)) {
        renamed.put(old, old);
        continue;
      }
      String base = prefix + old.replaceAll("[^A-Za-z0-9_-]", "_");
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "-" + n;
      }
      renamed.putIfAbsent(old, id);
      el.attr("id", id);
    }
    for (Element a : body.select("a[href^=#]")) {
      String target = renamed.get(a.attr("href").substring(1));
      if (target == null) {
        a.unwrap();
      } else {
        a.attr("href", "#" + target);
      }
    }
  }
}
