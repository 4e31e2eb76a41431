package dev.gazette.typeset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * Makes a standalone TrueType subset holding only the given characters. Layout tables (GSUB, GPOS,
 * vmtx) are left out on purpose: fontbox would copy them with stale glyph ids, and a font without
 * GSUB is also what makes PDF rendering fast (README, "Profiles (JFR) and what was changed").
 */
public final class FontSubsetter {
  static final List<String> TABLES =
      List.of(
          "head", "hhea", "maxp", "OS/2", "name", "cmap", "glyf", "loca", "hmtx", "post", "cvt ",
          "fpgm", "prep", "gasp");

  private FontSubsetter() {}

  /** Thrown for a font that is not TrueType-outlined. */
  public static final class UnsupportedFontException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedFontException(String message) {
      super(message);
    }
  }

  private static final String CFF_REASON =
      " has CFF (PostScript) outlines, which PDFBox cannot subset (a whole CJK font would be"
          + " embedded, ~13 MB per PDF, with broken text extraction); use a TrueType-outlined font"
          + " (.ttf with glyf outlines) such as the bundled Noto Serif SC / Noto Sans SC, LXGW"
          + " WenKai or WenQuanYi Micro Hei";

  /**
   * Parses a font and checks it has TrueType outlines.
   *
   * @param faceName the face to take when {@code bytes} is a collection (.ttc), else null
   */
  public static TrueTypeFont parse(byte[] bytes, String name, String faceName)
      throws UnsupportedFontException {
    if (startsWith(bytes, "OTTO")) {
      throw new UnsupportedFontException(name + CFF_REASON);
    }
    try {
      if (startsWith(bytes, "ttcf")) {
        return face(bytes, name, faceName);
      }
      if (faceName != null) {
        throw new UnsupportedFontException(
            name + " is a single font, not a collection; drop '#" + faceName + "'");
      }
      TableDirectory directory = TableDirectory.of(bytes);
      if (directory == null) {
        // fontbox says what is wrong with it
        return checkOutlines(new TTFParser().parse(new RandomAccessReadBuffer(bytes)), name);
      }
      if (!directory.tags().contains("glyf") || directory.tags().contains("CFF ")) {
        throw new UnsupportedFontException(name + CFF_REASON);
      }
      // Only the tables a subset keeps: parsing a CJK font's GSUB, GPOS and vmtx took longer than
      // the rest of it, and nothing here uses them.
      return checkOutlines(new TTFParser().parse(directory.withOnly(TABLES)), name);
    } catch (IOException e) {
      throw new UnsupportedFontException(
          name + " is not a readable TrueType font: " + e.getMessage());
    }
  }

  /**
   * Parses {@code file} as {@link #parse(byte[], String, String)} does. A single TrueType font is
   * read sparsely ({@link SparseFont}): the font returned has no outlines, and {@link #subset}
   * reads the glyphs it needs when asked.
   */
  public static TrueTypeFont parse(FontFile file) throws UnsupportedFontException {
    if (file.faceName() == null) {
      try {
        TrueTypeFont skeleton = SparseFont.skeleton(file.data());
        if (skeleton != null) {
          return skeleton;
        }
      } catch (IOException e) {
        // read it whole below: fontbox says what is wrong with it
      }
    }
    return parse(file.bytes(), file.location(), file.faceName());
  }

  /** The font to copy the outlines of {@code codePoints} from: the font, or what is behind it. */
  private static TrueTypeFont withOutlines(TrueTypeFont font, Set<Integer> codePoints)
      throws IOException {
    SparseFont sparse = SparseFont.behind(font);
    if (sparse == null) {
      return font;
    }
    TrueTypeFont compact = sparse.compactFor(font, codePoints);
    return compact != null ? compact : sparse.whole();
  }

  private static TrueTypeFont face(byte[] bytes, String name, String faceName)
      throws IOException, UnsupportedFontException {
    TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(bytes));
    List<String> faces = new java.util.ArrayList<>();
    TrueTypeFont[] found = {null};
    collection.processAllFonts(
        font -> {
          String ps = font.getName();
          var naming = font.getNaming();
          String full = naming == null ? null : naming.getName(4, 3, 1, 0x409);
          if (full == null && naming != null && naming.getFontFamily() != null) {
            full = naming.getFontFamily() + " " + naming.getFontSubFamily();
          }
          faces.add(full != null ? full : ps);
          if (faceName != null
              && found[0] == null
              && (faceName.equalsIgnoreCase(ps) || faceName.equalsIgnoreCase(full))) {
            found[0] = font;
          }
        });
    if (found[0] == null) {
      throw new UnsupportedFontException(
          name
              + " is a font collection; choose a face with FILE#FACE, one of: "
              + String.join(", ", faces));
    }
    return checkOutlines(found[0], name);
  }

  private static TrueTypeFont checkOutlines(TrueTypeFont ttf, String name)
      throws IOException, UnsupportedFontException {
    if (ttf.getTableMap().get("glyf") == null || ttf.getTableMap().containsKey("CFF ")) {
      throw new UnsupportedFontException(name + CFF_REASON);
    }
    return ttf;
  }

  private static boolean startsWith(byte[] bytes, String tag) {
    if (bytes.length < 4) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (bytes[i] != tag.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The subset of {@code font} with {@code codePoints} (those it has). Characters beyond the BMP
   * (emoji, math alphanumerics, CJK Extension B) are added by glyph id and mapped by a format 12
   * cmap ({@link SupplementaryCmap}): fontbox's subsetter writes BMP cmaps only.
   */
  public static byte[] subset(TrueTypeFont skeletonOrFont, Set<Integer> codePoints)
      throws IOException {
    TrueTypeFont font = withOutlines(skeletonOrFont, codePoints);
    synchronized (font) {
      TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
      CmapLookup cmap = font.getUnicodeCmapLookup(false);
      java.util.SortedMap<Integer, Integer> oldGlyphOf = new java.util.TreeMap<>();
      for (int cp : new TreeSet<>(codePoints)) {
        int gid = cmap == null ? 0 : cmap.getGlyphId(cp);
        if (cp > 0xFFFF && gid != 0) {
          oldGlyphOf.put(cp, gid);
        } else if (cp <= 0xFFFF) {
          subsetter.add(cp);
          if (gid != 0) {
            oldGlyphOf.put(cp, gid);
          }
        }
      }
      boolean supplementary = !oldGlyphOf.isEmpty() && oldGlyphOf.lastKey() > 0xFFFF;
      if (supplementary) {
        subsetter.addGlyphIds(new TreeSet<>(oldGlyphOf.values()));
      }
      if (!supplementary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subsetter.writeToStream(out);
        return out.toByteArray();
      }
      return withCmap(subsetter, oldGlyphOf);
    }
  }

  /**
   * A subset of {@code font} that draws each character of {@code standIns}' keys (typically beyond
   * the BMP) under the map's value (a private-use character in the BMP), and nothing else: for a
   * drawer that looks characters up one UTF-16 unit at a time, so never finds an emoji (Batik's SVG
   * text, see {@code render.pdf.SvgFonts}). Characters the font lacks are left out.
   */
  public static byte[] subsetUnder(
      TrueTypeFont skeletonOrFont, SortedMap<Integer, Integer> standIns) throws IOException {
    TrueTypeFont font = withOutlines(skeletonOrFont, standIns.keySet());
    synchronized (font) {
      TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
      CmapLookup cmap = font.getUnicodeCmapLookup(false);
      SortedMap<Integer, Integer> oldGlyphOf = new java.util.TreeMap<>();
      standIns.forEach(
          (cp, standIn) -> {
            int gid = cmap == null ? 0 : cmap.getGlyphId(cp);
            if (gid != 0) {
              oldGlyphOf.put(standIn, gid);
            }
          });
      subsetter.addGlyphIds(new TreeSet<>(oldGlyphOf.values()));
      return withCmap(subsetter, oldGlyphOf);
    }
  }

  /** Writes the subset with a cmap mapping each key of {@code oldGlyphOf} to its glyph's new id. */
  private static byte[] withCmap(TTFSubsetter subsetter, SortedMap<Integer, Integer> oldGlyphOf)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    subsetter.writeToStream(out);
    java.util.Map<Integer, Integer> newToOld = subsetter.getGIDMap();
    java.util.Map<Integer, Integer> oldToNew = new java.util.HashMap<>();
    newToOld.forEach((n, o) -> oldToNew.put(o, n));
    SortedMap<Integer, Integer> glyphOf = new java.util.TreeMap<>();
    oldGlyphOf.forEach((cp, old) -> glyphOf.put(cp, oldToNew.get(old)));
    return SupplementaryCmap.replaceCmap(out.toByteArray(), glyphOf);
  }

  /** Whether the font maps {@code cp} to a glyph. */
  public static boolean has(TrueTypeFont font, int cp) throws IOException {
    synchronized (font) {
      CmapLookup cmap = SparseFont.unicodeLookup(font, false);
      return cmap != null && cmap.getGlyphId(cp) != 0;
    }
  }

  /** The visible code points of {@code codePoints} the font has no glyph for. */
  public static Set<Integer> missing(TrueTypeFont font, Set<Integer> codePoints)
      throws IOException {
    synchronized (font) {
      CmapLookup cmap = SparseFont.unicodeLookup(font, false);
      Set<Integer> missing = new TreeSet<>();
      for (int cp : codePoints) {
        if (!Glyphs.invisible(cp) && (cmap == null || cmap.getGlyphId(cp) == 0)) {
          missing.add(cp);
        }
      }
      return missing;
    }
  }
}
