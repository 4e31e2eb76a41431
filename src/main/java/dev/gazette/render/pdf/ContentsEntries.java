package dev.gazette.render.pdf;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import dev.gazette.util.Xml;

/**
 * The title of a contents entry as the PDF sets it: its last word (a Latin title) or last two
 * characters (a CJK title, an emoji) in a {@code span.toc-tail} that {@code pdf.css} keeps on one
 * line with the dot leader (in the tail, see {@link #LEADER}). So a long title never wraps leaving
 * one character on a line of its own, and the leader always has room for its dots before the page
 * number: when the tail does not fit, it moves to the next line together with the leader.
 */
final class ContentsEntries {
  static final String TAIL_CLASS = "toc-tail";

  /**
   * The dot leader ({@code pdf.css} draws it), in the tail so it stays on the tail's line; its
   * language "no linguistic content" makes it an artifact in the tagged PDF ({@link
   * ContentsLeaders}).
   */
  static final String LEADER =
      "<span class=\"toc-leader\" lang=\"" + ContentsLeaders.NO_LANGUAGE + "\"></span>";

  /** A last word longer than this is not kept whole: it may break (see {@link LatinRuns}). */
  private static final int MAX_TAIL_WORD = 14;

  private ContentsEntries() {}

  /** The escaped markup of {@code title}, its tail in a span. */
  static String title(String title) {
    String t = title.strip();
    int tail = tailStart(t);
    return Xml.escape(t.substring(0, tail))
        + "<span class=\""
        + TAIL_CLASS
        + "\">"
        + Xml.escape(t.substring(tail))
        + LEADER
        + "</span>";
  }

  /** Where the unbreakable tail of {@code title} starts. */
  static int tailStart(String title) {
    int space = title.lastIndexOf(' ');
    String lastWord = title.substring(space + 1);
    if (space > 0 && lastWord.length() <= MAX_TAIL_WORD && isLatinWord(lastWord)) {
      // A one-letter last word ("Narrow C") takes the word before it along: alone on a line it
      // would be the one character the tail is there to prevent.
      int before = title.lastIndexOf(' ', space - 1);
      if (lastWord.codePointCount(0, lastWord.length()) == 1
          && before >= 0
          && space - before - 1 <= MAX_TAIL_WORD
          && isLatinWord(title.substring(before + 1, space))) {
        return before + 1;
      }
      return space + 1;
    }
    // The last two user-perceived characters (ICU: an emoji with its modifier is one).
    BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
    graphemes.setText(title);
    int start = graphemes.last();
    for (int n = 0; n < 2 && start > 0; n++) {
      start = graphemes.preceding(start);
    }
    return Math.max(start, 0);
  }

  private static boolean isLatinWord(String word) {
    return word.codePoints()
        .allMatch(
            cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                    || Character.UnicodeScript.of(cp) == Character.UnicodeScript.COMMON
                        && cp < 0x2000);
  }
}
