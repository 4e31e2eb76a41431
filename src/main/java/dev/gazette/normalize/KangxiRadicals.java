package dev.gazette.normalize;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads Kangxi radicals in running text as the characters they stand for ({@code ⼈} U+2F08 is
 * {@code 人}): text copied out of a PDF brings them, drawn alike but another character. A reader's
 * search for 人 misses them, and in the PDF one such character made every 人 of the digest extract as
 * ⼈ (the font draws both with one glyph, and the text layer names a glyph by one character: Yihui
 * Xie's blog, 9,402 of them). Said in one line per post; code is left as written.
 */
final class KangxiRadicals implements NormalizeStep {
  private static final char FIRST = '\u2F00';
  private static final char LAST = '\u2FD5';

  @Override
  public void apply(Element body, NormalizeContext context) {
    Map<Character, Integer> read = new LinkedHashMap<>();
    String firstWritten = null;
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (!holdsRadical(text)) {
        continue;
      }
      StringBuilder sb = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c >= FIRST && c <= LAST) {
          read.merge(c, 1, Integer::sum);
          firstWritten = firstWritten == null ? String.valueOf(c) : firstWritten;
          sb.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC));
        } else {
          sb.append(c);
        }
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
            .map(c -> c + "→" + Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC))
            .collect(Collectors.joining(", "));
    context.warn(
        count
            + (count == 1
                ? " Kangxi radical read as the character it stands for ("
                : " Kangxi radicals read as the characters they stand for (")
            + pairs
            + (read.size() > 5 ? ", …" : "")
            + "): text copied from a PDF",
        firstWritten);
  }

  private static boolean holdsRadical(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= FIRST && c <= LAST) {
        return true;
      }
    }
    return false;
  }
}
