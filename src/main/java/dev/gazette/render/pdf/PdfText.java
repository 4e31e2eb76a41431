package dev.gazette.render.pdf;

import dev.gazette.typeset.EmojiSequences;
import dev.gazette.typeset.Glyphs;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Text rewrites the PDF needs and the EPUB does not: OpenHTMLtoPDF composes no emoji sequences, and
 * it silently drops a private-use or (to the JDK) unassigned character that no font has, where
 * every other character gets the replacement box. Runs on the document before layout.
 */
final class PdfText {
  private PdfText() {}

  /**
   * Emoji sequences reduced to what one glyph per code point can show ({@link EmojiSequences}), and
   * bidirectional controls (LRM U+200E, RLM, embeddings, isolates) removed: the PDF lays text out
   * without a bidi pass, so they do nothing, and a font that maps them (Noto Serif does) draws a
   * visible mark. Zero width space, word joiner and soft hyphen stay: they steer line breaking.
   */
  static void simplify(Element root) {
    eachText(
        root,
        t -> {
          String text = t.getWholeText();
          String simpler = withoutBidiControls(EmojiSequences.simplify(text));
          if (!isCode(t)) {
            simpler = bracketSpacesKept(simpler, t.previousSibling() != null);
          }
          if (!simpler.equals(text)) {
            t.text(simpler);
          }
        });
  }

  /**
   * The opening and closing marks a space written inside them is glued to: of the marks no line may
   * end or start with ({@link InlineEdgePunctuation#OPENING}, {@link
   * InlineEdgePunctuation#CLOSING}), those a space beside is a writer's slip. Not Western sentence
   * marks ({@code file .NET}) nor {@code ’}, an apostrophe after a space as often ({@code Rock ’n’
   * roll}, {@code ’90s}).
   */
  static final String OPENING = "“‘（《「『【〔〈([{";

  static final String CLOSING = "，。、；：？！”）》」』】〕〉…)]}";

  /**
   * A space a writer put inside a quote or bracket ({@code 无论是“ combo 插件”}, {@code “ A.css ”、}) as
   * a no-break space: the line breaker may break after any space, so the opening mark ended a line
   * and the closing one started the next (20 lines of FEX's blog). Spaces at the start of a text
   * that nothing precedes (a block's start) are left alone.
   */
  static String bracketSpacesKept(String text, boolean afterSomething) {
    StringBuilder sb = null;
    int n = text.length();
    int copied = 0;
    for (int i = 0; i < n; ) {
      if (!isSpace(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < n && isSpace(text.charAt(end))) {
        end++;
      }
      boolean afterOpening = i > 0 && OPENING.indexOf(text.charAt(i - 1)) >= 0;
      boolean beforeClosing =
          end < n && CLOSING.indexOf(text.charAt(end)) >= 0 && (i > 0 || afterSomething);
      if (afterOpening || beforeClosing) {
        if (sb == null) {
          sb = new StringBuilder(n);
        }
        sb.append(text, copied, i).append('\u00A0');
        copied = end;
      }
      i = end;
    }
    return sb == null ? text : sb.append(text, copied, n).toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }

  private static boolean isCode(TextNode t) {
    for (Node p = t.parent(); p instanceof Element e; p = e.parent()) {
      switch (e.normalName()) {
        case "pre", "code", "kbd", "samp" -> {
          return true;
        }
        default -> {}
      }
    }
    return false;
  }

  /**
   * Puts the box in place of each {@code missing} character. The renderer would draw its
   * replacement (also the box) for some and drop others without a trace, by what the running JDK
   * knows of them: JDK 17 (Unicode 13) dropped the CJK ideographs of Extension H, which JDK 25
   * replaced, and the two broke the lines around them differently.
   */
  static void boxMissingCharacters(Element root, Set<Integer> missing) {
    if (missing.isEmpty()) {
      return;
    }
    eachText(
        root,
        t -> {
          String text = t.getWholeText();
          StringBuilder sb = new StringBuilder(text.length());
          boolean changed = false;
          for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (missing.contains(cp)) {
              sb.appendCodePoint(Glyphs.BOX);
              changed = true;
            } else {
              sb.appendCodePoint(cp);
            }
          }
          if (changed) {
            t.text(sb.toString());
          }
        });
  }

  static String withoutBidiControls(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (isBidiControl(text.charAt(i))) {
        StringBuilder sb = new StringBuilder(text.length());
        text.chars().filter(c -> !isBidiControl(c)).forEach(c -> sb.append((char) c));
        return sb.toString();
      }
    }
    return text;
  }

  private static boolean isBidiControl(int c) {
    return c == 0x200E
        || c == 0x200F
        || c == 0x061C
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }

  private static void eachText(Element root, java.util.function.Consumer<TextNode> action) {
    for (Node child : root.childNodes()) {
      if (child instanceof TextNode t) {
        action.accept(t);
      } else if (child instanceof Element e
          && !e.normalName().equals("style")
          && !e.normalName().equals("script")) {
        eachText(e, action);
      }
    }
  }
}
