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
          if (!simpler.equals(text)) {
            t.text(simpler);
          }
        });
  }

  /**
   * Puts the box in place of each {@code missing} character the renderer would drop without a
   * trace; the renderer's replacement text (also the box) covers the others.
   */
  static void boxDroppedCharacters(Element root, Set<Integer> missing) {
    if (missing.stream().noneMatch(PdfText::droppedByRenderer)) {
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
            if (missing.contains(cp) && droppedByRenderer(cp)) {
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

  /** OpenHTMLtoPDF's {@code OpenUtil.isCodePointPrintable}, for visible characters. */
  private static boolean droppedByRenderer(int cp) {
    int type = Character.getType(cp);
    return type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.SURROGATE;
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
