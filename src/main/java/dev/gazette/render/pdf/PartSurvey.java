package dev.gazette.render.pdf;

import dev.gazette.typeset.FontUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What one part of a chunked PDF ({@link ChunkedPdf}) tells before anything is laid out, read from
 * its typeset markup: the characters each font role draws, the ids it holds (in document order) and
 * the ids its links point at. Parts are surveyed on several threads at once; {@link #merge} gathers
 * them in part order, so the result is that of one pass over the parts in order.
 *
 * @param usage the characters the part draws, by role ({@link FontUsage#part})
 * @param ids the part's ids in document order
 * @param linked the ids its {@code #id} links point at
 */
record PartSurvey(FontUsage usage, List<String> ids, Set<String> linked) {
  /** Surveys a part's typeset markup with the digest's style rules ({@code like}). */
  static PartSurvey of(Document doc, FontUsage like) {
    FontUsage usage = like.part().add(doc);
    List<String> ids = new ArrayList<>();
    for (Element e : doc.select("[id]")) {
      ids.add(e.id());
    }
    Set<String> linked = new HashSet<>();
    for (Element a : doc.select("a[href^=#]")) {
      linked.add(a.attr("href").substring(1));
    }
    return new PartSurvey(usage, ids, linked);
  }

  /**
   * Gathers the parts' surveys, given in part order: every character into {@code usage}, the part
   * of each id into {@code partOfId} (the first part holding it, as a pass in order finds it), and
   * into {@code targets} every id a link in another part points at.
   */
  static void merge(
      List<PartSurvey> parts, FontUsage usage, Map<String, Integer> partOfId, Set<String> targets) {
    for (int p = 0; p < parts.size(); p++) {
      usage.addAll(parts.get(p).usage());
      for (String id : parts.get(p).ids()) {
        partOfId.putIfAbsent(id, p);
      }
    }
    for (int p = 0; p < parts.size(); p++) {
      for (String id : parts.get(p).linked()) {
        Integer holder = partOfId.get(id);
        if (holder != null && holder != p) {
          targets.add(id);
        }
      }
    }
  }
}
