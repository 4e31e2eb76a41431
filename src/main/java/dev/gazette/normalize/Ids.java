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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Makes every {@code id} unique in the digest by prefixing it with the article id, and follows the
 * rename in {@code #fragment} links. A link to a heading by the id its blog engine gave it ({@code
 * #getting-started}, {@code #Getting-Started}, {@code #%E5%AE%89%E8%A3%85}: Markdown here gives
 * headings no ids) finds the heading by its text (Zola's ids spell an emoji by its name: {@link
 * EmojiNames}), {@code #setup-1} the second heading reading "Setup", {@code #fn:2} the second
 * footnote, and a link to the heading that became the article's title goes to the article's start;
 * a link to a place that does not exist becomes text, said once per post.
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
  private static final Evaluator ALL_HEADINGS_WITHOUT_ID =
      Selector.evaluatorOf(
          "h1:not([id]), h2:not([id]), h3:not([id]), h4:not([id]), h5:not([id]), h6:not([id])");

  /**
   * The id engines give a heading whose text an earlier one has: GitHub, markdown-it-anchor,
   * goldmark, kramdown and pandoc add {@code -1} for the second, {@code -2} for the third.
   */
  private static final Pattern NTH = Pattern.compile("(.+)-([1-9][0-9]{0,2})");

  /**
   * A footnote or its mark as other engines name the n-th ({@code #fn:3} goldmark and kramdown,
   * {@code #fn3} pandoc and markdown-it): Markdown here names them {@code fn-3}, {@code fnref-3}.
   * Let's Encrypt's blog links a note a second time by hand so.
   */
  private static final Pattern OTHER_ENGINES_NOTE = Pattern.compile("(fn|fnref)[:_]?([1-9][0-9]*)");

  @Override
  public void apply(Element body, NormalizeContext context) {
    Map<String, Element> aliases = idsForLinkedHeadings(body);
    String prefix = context.idPrefix() + "-";
    String titleKey = key(context.title());
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
      Matcher note = OTHER_ENGINES_NOTE.matcher(fragment);
      if (target == null && note.matches()) {
        target = renamed.get(note.group(1) + "-" + note.group(2));
      }
      if (target == null
          && (fragment.equals(context.idPrefix())
              || (!titleKey.isEmpty() && key(decoded(fragment)).equals(titleKey)))) {
        // the post's first heading, now the article's title (Headings)
        target = context.idPrefix();
      }
      if (target == null && decoded(fragment).equalsIgnoreCase("top")) {
        // "Back to top" (Flink's blog): a browser goes to the page's top when nothing is named
        // top, as HTML says; here, the article's
        target = context.idPrefix();
      }
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
    // Before any heading takes a fragment as its id below: the n-th of one text counts them all.
    Map<String, List<Element>> repeated = new HashMap<>();
    for (Element heading : body.select(ALL_HEADINGS_WITHOUT_ID)) {
      repeated.computeIfAbsent(key(heading.text()), k -> new ArrayList<>()).add(heading);
    }
    List<EmojiNames.Spelling> spelled = null;
    Map<String, Element> byMarkup = null;
    Map<String, Element> aliases = new HashMap<>();
    for (Element a : links) {
      String fragment = decoded(a.attr("href").substring(1));
      if (fragment.isEmpty() || ids.contains(fragment)) {
        continue;
      }
      Element h = headings.get(key(fragment));
      if (h == null) {
        if (byMarkup == null) {
          byMarkup = markupKeys(headings.values());
        }
        h = byMarkup.get(key(fragment));
      }
      if (h == null) {
        if (spelled == null) {
          spelled = EmojiNames.spellings(headings.values());
        }
        h = EmojiNames.find(spelled, key(fragment));
      }
      Matcher nth = NTH.matcher(fragment);
      if (h == null && nth.matches()) {
        List<Element> same = repeated.getOrDefault(key(nth.group(1)), List.of());
        int n = Integer.parseInt(nth.group(2));
        h = n < same.size() ? same.get(n) : null;
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
   * The headings that hold markup, by the key of their HTML as written, tags and all: converters
   * that slug a heading's HTML give {@code 使用 <code>transferTo()</code> 将数据} the id {@code
   * 使用-code-transferto-code-将数据} (IBM developerWorks articles in daichangya's archive).
   */
  private static Map<String, Element> markupKeys(java.util.Collection<Element> headings) {
    Map<String, Element> keys = new HashMap<>();
    for (Element h : headings) {
      if (!h.children().isEmpty()) {
        keys.putIfAbsent(key(h.html()), h);
      }
    }
    return keys;
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

  /**
   * An address without its query and fragment: what comes before the first {@code ?} or {@code #}.
   */
  static String withoutQueryOrFragment(String href) {
    for (int i = 0; i < href.length(); i++) {
      if (href.charAt(i) == '?' || href.charAt(i) == '#') {
        return href.substring(0, i);
      }
    }
    return href;
  }

  /** A link address or fragment percent-decoded ({@code +} kept); as written when malformed. */
  static String decoded(String fragment) {
    return decodedPath(fragment).orElse(fragment);
  }

  /**
   * A path of an address percent-decoded, a {@code +} kept as a plus (it is one in a path; only
   * forms write a space so); empty when its escapes are malformed ({@code %zz}).
   */
  static java.util.Optional<String> decodedPath(String path) {
    try {
      return java.util.Optional.of(
          URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
