package dev.gazette.normalize;

import dev.gazette.assets.MathPictures;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * TeX formulas typeset: pandoc's {@code span.math.inline} and {@code span.math.display} (what
 * {@code $…$} and {@code $$…$$} in Markdown become) and fenced {@code math} code become SVG
 * pictures ({@link MathPictures}) sized in ems, an inline one sitting on the baseline of its line,
 * a displayed one centred on a line of its own. The TeX is the picture's text alternative. A
 * formula that cannot be typeset stays as its TeX, in code, with a warning that says why.
 */
final class Formulas implements NormalizeStep {
  private static final Evaluator FORMULAS =
      Selector.evaluatorOf("span.math.inline, span.math.display, pre > code.language-math");

  /** The size and baseline of a formula's picture: the only style the sanitizer keeps. */
  static final Pattern STYLE =
      Pattern.compile(
          "width:\\d+(\\.\\d+)?em;height:\\d+(\\.\\d+)?em;vertical-align:-?\\d+(\\.\\d+)?em");

  /**
   * Formulas drawn by this normalizer (one build's), each once: their pictures depend on their TeX
   * only. Not shared by the JVM, where a library's long life would keep every picture.
   */
  private final MathPictures pictures = new MathPictures();

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element found : body.select(FORMULAS)) {
      boolean fenced = found.normalName().equals("code");
      boolean display = fenced || found.hasClass("display");
      Element replaced = fenced ? found.parent() : found;
      String tex = fenced ? found.wholeText().strip() : withoutDelimiters(found.wholeText());
      MathPictures.Result result = pictures.draw(tex, display);
      if (result.picture().isEmpty()) {
        context.warn(
            "formula kept as TeX ("
                + result.problem()
                + "): "
                + (display ? "$$" : "$")
                + shortened(tex)
                + (display ? "$$" : "$"));
        Element code =
            new Element("code").appendText(display ? "$$" + tex + "$$" : "$" + tex + "$");
        replaced.replaceWith(fenced ? new Element("pre").appendChild(code) : code);
        continue;
      }
      MathPictures.Picture picture = result.picture().get();
      context.addAsset(picture.asset());
      Element img =
          new Element("img")
              .attr("class", display ? "math display" : "math")
              .attr("src", picture.asset().href())
              .attr("alt", tex.strip())
              .attr("style", picture.style());
      replaced.replaceWith(fenced ? new Element("p").appendChild(img) : img);
    }
  }

  /** The TeX of pandoc's {@code \(…\)} or {@code \[…\]} (or of a bare formula). */
  static String withoutDelimiters(String text) {
    String t = text.strip();
    if (t.length() >= 4
        && t.charAt(0) == '\\'
        && (t.startsWith("\\(") && t.endsWith("\\)") || t.startsWith("\\[") && t.endsWith("\\]"))) {
      return t.substring(2, t.length() - 2).strip();
    }
    return t;
  }

  private static String shortened(String tex) {
    String t = tex.strip().replaceAll("\\s+", " ");
    return t.length() <= 60 ? t : t.substring(0, 59) + "…";
  }

  /** A formula's picture ({@code img.math}): text, never a figure or a picture of its own. */
  static boolean isFormula(Element e) {
    return e.normalName().equals("img") && e.hasClass("math");
  }
}
