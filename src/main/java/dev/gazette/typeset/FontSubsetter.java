package dev.gazette.typeset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Makes a standalone TrueType subset holding only the given characters. Layout tables (GSUB,
 * GPOS, vmtx) are left out on purpose: fontbox would copy them with stale glyph ids, and a font
 * without GSUB is also what makes PDF rendering fast (see FINDINGS.md).
 */
public final class FontSubsetter {
  static final List<String> TABLES = List.of("head", "hhea", "maxp", "OS/2", "name", "cmap", "glyf", "loca",
      "hmtx", "post", "cvt ", "fpgm", "prep", "gasp");

  private FontSubsetter() {}

  /** Thrown for a font that is not TrueType-outlined. */
  public static final class UnsupportedFontException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedFontException(String message) {
      super(message);
    }
  }

  /** Parses {@code bytes} and checks it has TrueType outlines. */
  public static TrueTypeFont parse(byte[] bytes, String name) throws UnsupportedFontException {
    if (bytes.length >= 4 && bytes[0] == 'O' && bytes[1] == 'T' && bytes[2] == 'T' && bytes[3] == 'O') {
      throw new UnsupportedFontException(name + " has CFF (PostScript) outlines, which cannot be subset or "
          + "embedded properly; use a TrueType-outlined font (.ttf with glyf outlines), such as the "
          + "bundled Noto Serif SC / Noto Sans SC or LXGW WenKai");
    }
    if (bytes.length >= 4 && bytes[0] == 't' && bytes[1] == 't' && bytes[2] == 'c' && bytes[3] == 'f') {
      throw new UnsupportedFontException(name + " is a font collection (.ttc); choose one face with FILE#FaceName");
    }
    try {
      TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
      if (ttf.getGlyph() == null) {
        throw new UnsupportedFontException(name + " has no glyf table (CFF outlines?); use a TrueType-outlined font");
      }
      return ttf;
    } catch (IOException e) {
      throw new UnsupportedFontException(name + " is not a readable TrueType font: " + e.getMessage());
    }
  }

  /** The subset of {@code font} with {@code codePoints} (those it has). */
  public static byte[] subset(TrueTypeFont font, Set<Integer> codePoints) throws IOException {
    synchronized (font) {
      TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
      subsetter.addAll(new TreeSet<>(codePoints));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      subsetter.writeToStream(out);
      return out.toByteArray();
    }
  }

  /** The code points of {@code codePoints} the font has no glyph for. */
  public static Set<Integer> missing(TrueTypeFont font, Set<Integer> codePoints) throws IOException {
    synchronized (font) {
      CmapLookup cmap = font.getUnicodeCmapLookup(false);
      Set<Integer> missing = new TreeSet<>();
      for (int cp : codePoints) {
        if (!Character.isWhitespace(cp) && !Character.isISOControl(cp) && (cmap == null || cmap.getGlyphId(cp) == 0)) {
          missing.add(cp);
        }
      }
      return missing;
    }
  }
}
