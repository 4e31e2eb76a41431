package dev.gazette.cover;

import dev.gazette.typeset.EmojiSequences;
import dev.gazette.typeset.FontFace;
import dev.gazette.typeset.FontFile;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.Glyphs;
import dev.gazette.typeset.Theme;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A role's fallback chain as AWT fonts at one size, for the cover: each character is drawn by the
 * first face of {@link Theme#chain} that has it, as in the PDF and the EPUB, so a title with an
 * emoji, {@code Łódź}, {@code İstanbul} or a math letter shows every glyph instead of the CJK
 * face's missing-glyph box. Java2D would otherwise pick one font for a whole string.
 */
final class FaceChain {
  /** A piece of text drawn with one font. */
  record Run(String text, Font font) {}

  /** The chain's font files, each once, in chain order. */
  private final List<FontFile> files;

  /** The AWT font of each file at {@link #size}, made when a character first needs it. */
  private final Font[] fonts;

  private final float size;

  private FaceChain(List<FontFile> files, float size) {
    this.files = files;
    this.fonts = new Font[files.size()];
    this.size = size;
  }

  /**
   * The chain of {@code role}. Its faces are loaded lazily: a title in the role's own face never
   * reads the fallback faces (emoji, math, symbols), whose loading was most of the cover's time.
   */
  static FaceChain of(Theme theme, FontRole role, float size) {
    List<FontFile> files = theme.chain(role).stream().map(FontFace::file).distinct().toList();
    return new FaceChain(files, size);
  }

  /** The i-th face's font, or the earlier equal one (two files of the same font count once). */
  private Font font(int i) {
    if (fonts[i] == null) {
      Font font = CoverPainter.awtFont(files.get(i)).deriveFont(size);
      for (int j = 0; j < i; j++) {
        if (font.equals(fonts[j])) {
          font = fonts[j];
        }
      }
      fonts[i] = font;
    }
    return fonts[i];
  }

  float size() {
    return size;
  }

  /**
   * {@code text} as the cover can draw it: emoji sequences simplified as in the PDF ({@link
   * EmojiSequences}), invisible format characters (ZWJ, VS16, direction marks) left out, and a
   * character no face has replaced by the box the PDF draws (□).
   */
  String drawable(String text) {
    String simple = EmojiSequences.simplify(text);
    StringBuilder sb = new StringBuilder(simple.length());
    simple
        .codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
              } else if (!Glyphs.invisible(cp)) {
                sb.appendCodePoint(fontFor(cp) == null ? Glyphs.BOX : cp);
              }
            });
    return sb.toString();
  }

  /** The first face that has {@code cp}, or null. */
  Font fontFor(int cp) {
    for (int i = 0; i < fonts.length; i++) {
      if (font(i).canDisplay(cp)) {
        return font(i);
      }
    }
    return null;
  }

  /** {@code text} (already {@link #drawable}) cut into runs of one font each. */
  List<Run> runs(String text) {
    List<Run> runs = new ArrayList<>();
    Font current = null;
    int start = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      // A space is the role's own face's: the emoji face's space is a full em wide.
      Font font = cp == ' ' ? font(0) : fontFor(cp);
      if (font == null) {
        font = font(0);
      }
      if (current != null && !font.equals(current)) {
        runs.add(new Run(text.substring(start, i), current));
        start = i;
      }
      current = font;
      i += Character.charCount(cp);
    }
    if (start < text.length()) {
      runs.add(new Run(text.substring(start), current));
    }
    return runs;
  }

  /** The advance width of {@code text}, run by run. */
  int width(Graphics2D g, String text) {
    int w = 0;
    for (Run run : runs(text)) {
      w += g.getFontMetrics(run.font()).stringWidth(run.text());
    }
    return w;
  }

  /** Draws {@code text} with its baseline at {@code y}, run by run. */
  void draw(Graphics2D g, String text, int x, int y) {
    int at = x;
    for (Run run : runs(text)) {
      g.setFont(run.font());
      g.drawString(run.text(), at, y);
      at += g.getFontMetrics(run.font()).stringWidth(run.text());
    }
  }
}
