package dev.gazette.normalize;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads CJK compatibility ideographs in running text as the unified ideographs they are canonically
 * equal to ({@code 敏} U+FA41 is {@code 敏} U+654F), as Unicode's normalization form C does: they
 * come from converters that keep a legacy character set's duplicates, and neither the bundled
 * Chinese faces nor a reader's search know them (divinerapier's blog: "no font can draw 敏
 * (U+FA41)", a box in the PDF). The dozen in the block that are ideographs of their own ({@code 﨎}
 * U+FA0E) have no equal and stay. Said in one line per post; code is left as written.
 */
final class CompatibilityIdeographs implements NormalizeStep {
  @Override
  public void apply(Element body, NormalizeContext context) {
    Map<Integer, Integer> read = new LinkedHashMap<>();
    String firstWritten = null;
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (!holdsCompatibilityIdeograph(text)) {
        continue;
      }
      StringBuilder sb = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        String c = new String(Character.toChars(cp));
        String unified = isCompatibilityIdeograph(cp) ? unified(c) : c;
        if (!unified.equals(c)) {
          read.merge(cp, 1, Integer::sum);
          firstWritten = firstWritten == null ? c : firstWritten;
        }
        sb.append(unified);
        i += Character.charCount(cp);
      }
      t.text(sb.toString());
    }
    if (read.isEmpty()) {
      return;
    }
    int count = read.values().stream().mapToInt(Integer::intValue).sum();
    String pairs =
        read.keySet().stream()
            .limit(5)
            .map(cp -> codePoint(cp) + "→" + codePoint(unified(new String(Character.toChars(cp)))))
            .collect(Collectors.joining(", "));
    context.warn(
        count
            + (count == 1
                ? " CJK compatibility ideograph read as the unified ideograph it equals ("
                : " CJK compatibility ideographs read as the unified ideographs they equal (")
            + pairs
            + (read.size() > 5 ? ", …" : "")
            + "): the fonts draw those",
        firstWritten);
  }

  private static String unified(String c) {
    return Normalizer.normalize(c, Normalizer.Form.NFC);
  }

  private static String codePoint(int cp) {
    return new String(Character.toChars(cp)) + String.format(" U+%04X", cp);
  }

  private static String codePoint(String c) {
    return codePoint(c.codePointAt(0));
  }

  /** The compatibility blocks: U+F900–U+FAFF, and the supplement U+2F800–U+2FA1F. */
  static boolean isCompatibilityIdeograph(int cp) {
    return (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }

  private static boolean holdsCompatibilityIdeograph(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\uF900' && c <= '\uFAFF') || (c == '\uD87E')) { // U+2F800–U+2FBFF's high half
        return true;
      }
    }
    return false;
  }
}
