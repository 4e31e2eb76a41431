package dev.gazette.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Decodes numeric character references that reached the text escaped twice ({@code &amp;#123;} in
 * the source shows as "&#123;"), which feed converters produce. Code inside {@code pre} and {@code
 * code} is left as written.
 */
final class LiteralEntities implements NormalizeStep {
  private static final Pattern NUMERIC =
      Pattern.compile("&#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}));");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (text.contains("&#")) {
        String decoded = decode(text);
        if (!decoded.equals(text)) {
          t.text(decoded);
        }
      }
    }
  }

  static String decode(String text) {
    Matcher m = NUMERIC.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      int cp = m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
      boolean usable =
          Character.isValidCodePoint(cp)
              && cp >= 0x20
              && !(cp >= 0xD800 && cp <= 0xDFFF)
              && cp != 0xFFFE
              && cp != 0xFFFF;
      String replacement =
          cp == '&'
              ? m.group() // decoding it could make a new reference: not idempotent
              : usable ? new String(Character.toChars(cp)) : "";
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
