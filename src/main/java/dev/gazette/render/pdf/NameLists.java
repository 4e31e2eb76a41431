package dev.gazette.render.pdf;

import org.jsoup.nodes.Element;

/**
 * Finds paragraphs of Latin-script articles that are run-in lists (contributors, handles, tags:
 * {@code Thanks to Ada Lovelace, Alan Turing, @grace, …}) and marks them {@code ragged}, which
 * {@code pdf.css} sets flush left instead of justified.
 *
 * <p>Such a paragraph is mostly proper names, which hyphenation rarely breaks, so a justified line
 * of it must take a whole name's width of slack in its word spaces: on a real Jekyll archive these
 * lists were most of the justified English lines with a space over twice the normal one. A
 * typesetter sets a credits list ragged-right.
 */
final class NameLists {
  static final String RAGGED_CLASS = "ragged";

  /** A list has at least this many words ... */
  private static final int MIN_WORDS = 16;

  /** ... and at most this many words per comma-separated item, on average. */
  private static final double MAX_WORDS_PER_ITEM = 3.5;

  private NameLists() {}

  /** Marks the run-in lists among the paragraphs under {@code root}. */
  static void apply(Element root) {
    for (Element p : root.select("p")) {
      if (isList(p.text())) {
        p.addClass(RAGGED_CLASS);
      }
    }
  }

  static boolean isList(String text) {
    String[] words = text.strip().split("\\s+");
    if (words.length < MIN_WORDS) {
      return false;
    }
    int items = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == ';' || c == '·' || c == '|') {
        items++;
      }
    }
    return (double) words.length / items <= MAX_WORDS_PER_ITEM;
  }
}
