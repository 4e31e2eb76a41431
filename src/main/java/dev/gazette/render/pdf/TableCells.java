package dev.gazette.render.pdf;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps short code and keys in table cells whole. The stylesheet lets words break anywhere ({@code
 * body { word-wrap: break-word }}, so a long address never runs off the page), and OpenHTMLtoPDF
 * then counts a cell's narrowest width as one character: beside a column of long CJK text, a column
 * of keys was squeezed to a few characters and {@code Ctrl-B} broke inside (maku77's shortcut
 * tables). A Latin token no longer than {@link #MAX_CHARS} is set on one line ({@code Ctrl-B}, not
 * {@code Ctrl-} and {@code B}); a longer one may still break anywhere, so a table never grows past
 * the page.
 */
final class TableCells {
  static final String CLASS = "unbroken";
  static final int MAX_CHARS = 24;

  private static final Evaluator CODE_IN_CELLS =
      Selector.evaluatorOf("td code, th code, td kbd, th kbd");

  private TableCells() {}

  /** CJK text breaks between its characters, in a cell as anywhere: only Latin tokens are kept. */
  private static boolean hasCjk(String text) {
    return text.codePoints()
        .anyMatch(
            cp -> {
              Character.UnicodeScript s = Character.UnicodeScript.of(cp);
              return s == Character.UnicodeScript.HAN
                  || s == Character.UnicodeScript.HIRAGANA
                  || s == Character.UnicodeScript.KATAKANA
                  || s == Character.UnicodeScript.HANGUL;
            });
  }

  static void apply(Element root) {
    for (Element code : root.select(CODE_IN_CELLS)) {
      String text = code.text();
      if (text.length() <= MAX_CHARS && !hasCjk(text) && code.closest("pre") == null) {
        code.addClass(CLASS);
      }
    }
  }
}
