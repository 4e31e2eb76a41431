package dev.gazette.normalize;

import com.vladsch.flexmark.ext.emoji.internal.EmojiReference;
import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Shows emoji short names ({@code :tada:}, {@code :+1:}) as the emoji they name, as the site's
 * generator did when its config turns them on (Hugo's {@code enableEmoji}, Jekyll's {@code jemoji}:
 * {@code SiteConfig#emojiShortcodes}); only then, since elsewhere {@code :name:} is what was
 * written. The names are GitHub's, which Hugo, jemoji and the Markdown extensions of MkDocs and
 * Hexo all read (the table is flexmark's). A name GitHub draws as a picture of its own ({@code
 * :octocat:}) has no character and is kept as written, said in one line per post; code is left as
 * written.
 */
final class EmojiShortcodes implements NormalizeStep {
  /**
   * A short name between colons, with no letter or digit against either colon: {@code 12:30:45} and
   * {@code a:b:c} are no short names.
   */
  private static final Pattern SHORTCODE =
      Pattern.compile("(?<![\\p{L}\\p{N}]):([a-z0-9_+-]+):(?![\\p{L}\\p{N}])");

  /** Each short name and alias with the characters it stands for; "" for a picture of GitHub's. */
  private static final Map<String, String> EMOJI = load();

  private static Map<String, String> load() {
    Map<String, String> emoji = new HashMap<>();
    for (EmojiReference.Emoji e : EmojiReference.getEmojiList()) {
      String chars = characters(e.unicodeChars);
      List<String> names = new ArrayList<>();
      names.add(e.shortcut);
      if (e.aliasShortcuts != null) {
        names.addAll(List.of(e.aliasShortcuts));
      }
      for (String name : names) {
        if (name != null && !name.isBlank()) {
          // a name listed twice keeps the entry that has characters
          emoji.merge(name.strip(), chars, (a, b) -> a.isEmpty() ? b : a);
        }
      }
    }
    return Map.copyOf(emoji);
  }

  /** {@code U+0031 U+20E3} as the characters it names; "" for none. */
  private static String characters(String codePoints) {
    StringBuilder sb = new StringBuilder();
    if (codePoints != null) {
      for (String cp : codePoints.strip().split("\\s+")) {
        if (cp.startsWith("U+")) {
          sb.appendCodePoint(Integer.parseInt(cp.substring(2), 16));
        }
      }
    }
    return sb.toString();
  }

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<String> kept = new ArrayList<>();
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (text.indexOf(':') < 0) {
        continue;
      }
      Matcher m = SHORTCODE.matcher(text);
      StringBuilder sb = null;
      int copied = 0;
      int from = 0;
      while (from < text.length() && m.find(from)) {
        String chars = EMOJI.get(m.group(1));
        if (chars == null || chars.isEmpty()) {
          if (chars != null) {
            kept.add(m.group());
          }
          // the closing colon may open the next name (":status::tada:")
          from = m.end() - 1;
          continue;
        }
        sb = sb != null ? sb : new StringBuilder(text.length());
        sb.append(text, copied, m.start()).append(chars);
        copied = from = m.end();
      }
      if (sb != null) {
        t.text(sb.append(text, copied, text.length()).toString());
      }
    }
    if (!kept.isEmpty()) {
      context.warn(
          (kept.size() == 1 ? "an emoji" : kept.size() + " emoji")
              + " that GitHub draws as its own picture kept as written ("
              + Listing.firstThree(kept)
              + "): it has no character",
          kept.get(0));
    }
  }
}
