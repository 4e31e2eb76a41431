package dev.gazette.normalize;

import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Removes the icon shortcodes of Material for MkDocs ({@code :octicons-search-24:}, {@code
 * :material-trash-can:}, {@code :fontawesome-brands-github:}, {@code :simple-python:}), which its
 * site draws from icon sets the digest does not have: they showed as written, 20 in the 13 posts of
 * its blog. An attribute list right after one ({@code :octicons-heart-fill-24:{ .mdx-heart }}) goes
 * with it. Said in one line per post; code is left as written.
 */
final class IconShortcodes implements NormalizeStep {
  private static final Pattern ICON =
      Pattern.compile(
          "(:(?:material|octicons|simple|fontawesome-(?:brands|regular|solid))-[a-z0-9]+"
              + "(?:-[a-z0-9]+)*:)(?:\\{[^{}\\n]*\\})?[ \\u00A0]?");

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<String> removed = new ArrayList<>();
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (text.indexOf(':') < 0) {
        continue;
      }
      Matcher m = ICON.matcher(text);
      if (!m.find()) {
        continue;
      }
      StringBuilder sb = new StringBuilder(text.length());
      do {
        removed.add(m.group(1)); // the icon, without its attribute list
        m.appendReplacement(sb, "");
      } while (m.find());
      m.appendTail(sb);
      t.text(sb.toString());
    }
    if (!removed.isEmpty()) {
      context.warn(
          (removed.size() == 1 ? "an icon" : removed.size() + " icons")
              + " of Material for MkDocs removed ("
              + Listing.firstThree(removed)
              + "): the digest has no icon sets",
          removed.get(0));
    }
  }
}
