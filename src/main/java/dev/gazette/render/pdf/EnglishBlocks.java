package dev.gazette.render.pdf;

import dev.gazette.typeset.EnglishParagraphs;
import org.jsoup.nodes.Element;

/**
 * Paragraphs of English inside a CJK article ({@code p[lang=en]}, marked by {@link
 * EnglishParagraphs} in the article's markup), set as English in the PDF.
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

  private EnglishBlocks() {}

  /** Marks the English paragraphs under {@code body}, a CJK article's. */
  static void apply(Element body) {
    for (Element p : body.select("p[lang=en]")) {
      p.addClass(CLASS);
    }
  }
}
