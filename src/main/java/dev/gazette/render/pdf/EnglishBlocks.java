package dev.gazette.render.pdf;

import dev.gazette.util.Cjk;
import org.jsoup.nodes.Element;

/**
 * Paragraphs of English inside a CJK article, set as English: a quote from an English source, or
 * the English half of a bilingual post (Huxpro's blog has four such articles, 300 pages of them).
 *
 * <p>A CJK article's text is justified between characters, with its Latin words and spaces kept out
 * of the stretch ({@link LatinRuns}). A paragraph that is all English then had nothing left to
 * stretch but its one-letter words: {@code I love PRPL} and {@code gives you a high-level}, every
 * other line ragged. Such a paragraph gets {@code class="latin-block"}: {@link LatinRuns} treats it
 * as Latin text, and {@code pdf.css} and the theme's font rules set it as an English article's
 * paragraph (the Latin face first, word spaces stretched to at most about twice their width,
 * hyphenated), keeping the article's indent.
 */
final class EnglishBlocks {
  static final String CLASS = "latin-block";

  /** Fewer letters than this: a short line ("Codex cloud") stays as it is. */
  private static final int MIN_LETTERS = 40;

  /** At most one CJK character per this many Latin letters: a name or a word, not Chinese text. */
  private static final int LETTERS_PER_CJK = 50;

  private EnglishBlocks() {}

  /** Marks the English paragraphs under {@code body}, a CJK article's. */
  static void apply(Element body) {
    for (Element p : body.getElementsByTag("p")) {
      if (isEnglish(p.text())) {
        p.addClass(CLASS);
      }
    }
  }

  static boolean isEnglish(String text) {
    int latin = 0;
    int cjk = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Cjk.isEastAsianWide(cp)) {
        cjk++;
      } else if (Character.isLetter(cp)) {
        latin++;
      }
    }
    return latin >= MIN_LETTERS && (long) cjk * LETTERS_PER_CJK <= latin;
  }
}
