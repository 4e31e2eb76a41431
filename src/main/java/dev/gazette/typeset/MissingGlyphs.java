package dev.gazette.typeset;

import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Warnings for characters no face can draw: one per post that uses any, naming the post's file and
 * each character with its code point, and one without a file for the rest (digest and section
 * titles). Invisible characters (ZWJ, VS16, direction marks) never count: {@link
 * EmbeddedFonts#missing()} leaves them out. Both outputs word it the same, so a build of both
 * reports each post once.
 */
public final class MissingGlyphs {
  private MissingGlyphs() {}

  /**
   * @param missing characters no face can draw
   * @param textOf the text an output prints for an article (title, meta line and body)
   */
  public static List<Problem> problems(
      Set<Integer> missing, List<Article> articles, Function<Article, String> textOf) {
    List<Problem> problems = new ArrayList<>();
    if (missing.isEmpty()) {
      return problems;
    }
    Set<Integer> seen = new TreeSet<>();
    for (Article a : articles) {
      Set<Integer> here = new TreeSet<>();
      textOf.apply(a).codePoints().filter(missing::contains).forEach(here::add);
      if (!here.isEmpty()) {
        seen.addAll(here);
        problems.add(Problem.warning(a.post().file(), 0, message(here)));
      }
    }
    Set<Integer> rest = new TreeSet<>(missing);
    rest.removeAll(seen);
    if (!rest.isEmpty()) {
      problems.add(Problem.warning(null, 0, message(rest)));
    }
    return problems;
  }

  static String message(Set<Integer> cps) {
    return "no font can draw "
        + EmbeddedFonts.describe(cps)
        + ": the PDF shows a box (□) in "
        + (cps.size() == 1 ? "its" : "their")
        + " place, EPUB readers use their own fonts; --font-fallback FILE adds a font that has "
        + (cps.size() == 1 ? "it" : "them");
  }
}
