package dev.gazette.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * A step that reads characters of running text as the ones they stand for (a look-alike as the
 * character it imitates), said in one line per post with the first pairs read; code is left as
 * written. Its subclasses say which characters, and what each is read as.
 */
abstract class CharacterReading implements NormalizeStep {
  /** Whether a text holding the UTF-16 unit {@code c} may hold such a character: a quick test. */
  abstract boolean mayStart(char c);

  /** What the code point {@code cp} is read as: itself when it stays. */
  abstract String readAs(int cp);

  /** The warning for {@code count} characters read, {@code pairs} the first ones ("⼈→人"). */
  abstract String message(int count, String pairs);

  /** A character as the warning shows it. */
  String shown(int cp) {
    return new String(Character.toChars(cp));
  }

  private boolean mayHold(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (mayStart(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public final void apply(Element body, NormalizeContext context) {
    Map<Integer, Integer> read = new LinkedHashMap<>();
    String firstWritten = null;
    for (TextNode t : ProseText.outsideCode(body)) {
      String text = t.getWholeText();
      if (!mayHold(text)) {
        continue; // nearly every text: one plain pass over it
      }
      StringBuilder sb = new StringBuilder(text.length());
      for (int i = 0; i < text.length(); ) {
        int cp = text.codePointAt(i);
        String as = readAs(cp);
        if (as.length() != Character.charCount(cp) || as.codePointAt(0) != cp) {
          read.merge(cp, 1, Integer::sum);
          firstWritten = firstWritten == null ? new String(Character.toChars(cp)) : firstWritten;
        }
        sb.append(as);
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
                .map(cp -> shown(cp) + "→" + shown(readAs(cp).codePointAt(0)))
                .collect(Collectors.joining(", "))
            + (read.size() > 5 ? ", …" : "");
    context.warn(message(count, pairs), firstWritten);
  }
}
