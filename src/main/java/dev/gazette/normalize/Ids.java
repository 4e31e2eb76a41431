package dev.gazette.normalize;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Makes every {@code id} unique in the digest by prefixing it with the article id, and follows the
 * rename in {@code #fragment} links. A link to a heading by the id its blog engine gave it ({@code
 * #getting-started}, {@code #Getting-Started}, {@code #%E5%AE%89%E8%A3%85}: Markdown here gives
 * headings no ids) finds the heading by its text (Zola's ids spell an emoji by its name: {@link
 * EmojiNames}); a link to a place that does not exist becomes text, said once per post.
 */
final class Ids implements NormalizeStep {
  private static final Evaluator WITH_ID = Selector.evaluatorOf("[id]");

  /** Links to a place in the post; not those to another article ({@link PostLinks}). */
  private static final Evaluator FRAGMENT_LINKS =
      Selector.evaluatorOf("a[href^=#]:not(." + PostLinks.CLASS + ")");

  private static final Evaluator UPPER_HEADINGS_WITHOUT_ID =
      Selector.evaluatorOf("h1:not([id]), h2:not([id]), h3:not([id]), h4:not([id])");
  private static final Evaluator LOWER_HEADINGS_WITHOUT_ID =
      Selector.evaluatorOf("h5:not([id]), h6:not([id])");

  @Override
  public void apply(Element body, NormalizeContext context) {
    Map<String, Element> aliases = idsForLinkedHeadings(body);
    String prefix = context.idPrefix() + "-";
    Map<String, String> renamed = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Element el : body.select(WITH_ID)) {
      String old = el.id();
      if (old.startsWith(prefix) && used.add(old)) {
        renamed.put(old, old);
        continue;
      }
      String base = prefix + asciiId(old);
      String id = base;
      for (int n = 2; !used.add(id); n++) {
        id = base + "-" + n;
      }
      renamed.putIfAbsent(old, id);
      el.attr("id", id);
    }
    aliases.forEach((fragment, heading) -> renamed.putIfAbsent(fragment, heading.id()));
    List<String> lost = new ArrayList<>();
    for (Element a : body.select(FRAGMENT_LINKS)) {
      String fragment = a.attr("href").substring(1);
      String target = renamed.getOrDefault(fragment, renamed.get(decoded(fragment)));
      if (target == null) {
        lost.add(a.attr("href"));
        Element paragraph = a.closest("p");
        a.unwrap();
        if (paragraph != null) {
          // Breaks inside and beside the link now stand side by side: a paragraph end, as
          // LineBreaks would have seen it with the link gone.
          LineBreaks.splitParagraph(paragraph);
        }
      } else {
        a.attr("href", "#" + target);
      }
    }
    context.warnKeptAsText(lost, "no such place in the post");
  }

  /**
   * Gives a heading without an id the one a link in the post uses for it, matched by its text; the
   * other fragments that name an already named heading (one post linking {@code
   * #faster-builds-crab} and {@code #faster-builds-}, as Zola and GitHub spell it) are returned, to
   * go to the heading's id.
   */
  private static Map<String, Element> idsForLinkedHeadings(Element body) {
    Elements links = body.select(FRAGMENT_LINKS);
    if (links.isEmpty()) {
      return Map.of(); // most posts: no heading keys to compute
    }
    Set<String> ids = new HashSet<>();
    for (Element el : body.select(WITH_ID)) {
      ids.add(el.id());
    }
    Map<String, Element> headings = new LinkedHashMap<>();
    for (Element h : body.select(UPPER_HEADINGS_WITHOUT_ID)) {
      headings.putIfAbsent(key(h.text()), h);
    }
    headings.remove("");
    for (Element h : body.select(LOWER_HEADINGS_WITHOUT_ID)) {
      headings.putIfAbsent(key(h.text()), h);
    }
    List<EmojiNames.Spelling> spelled = null;
    Map<String, Element> aliases = new HashMap<>();
    for (Element a : links) {
      String fragment = decoded(a.attr("href").substring(1));
      if (fragment.isEmpty() || ids.contains(fragment)) {
        continue;
      }
      Element h = headings.get(key(fragment));
      if (h == null) {
        if (spelled == null) {
          spelled = EmojiNames.spellings(headings.values());
        }
        h = EmojiNames.find(spelled, key(fragment));
      }
      if (h == null) {
        continue;
      }
      if (h.id().isEmpty()) {
        h.attr("id", fragment);
        ids.add(fragment);
      } else {
        aliases.put(fragment, h);
      }
    }
    return aliases;
  }

  /**
   * What heading ids of the common engines keep of a heading's text (kramdown, goldmark, marked,
   * Zola: lower or mixed case, spaces as {@code -} or {@code _}, punctuation dropped): its letters
   * and digits, lower-cased.
   */
  static String key(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /**
   * An id of ASCII letters, digits, {@code _} and {@code -}: the id with other characters as {@code
   * _}, or, when that leaves none of its letters ({@code 安装步骤}), {@code x} and a hash of it, so ids
   * stay apart and read as more than underscores.
   */
  private static String asciiId(String id) {
    String ascii = id.replaceAll("[^A-Za-z0-9_-]", "_");
    if (ascii.matches("[_-]*")) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(id.getBytes(StandardCharsets.UTF_8));
      return String.format("x%08x", crc.getValue());
    }
    return ascii;
  }

  private static String decoded(String fragment) {
    try {
      return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }
}
