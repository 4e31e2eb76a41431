package dev.gazette.render.pdf;

import dev.gazette.typeset.EmbeddedFonts;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * One subset per face in a PDF joined from parts (see {@link ChunkedPdf}). Each part subsets the
 * per-digest faces for what it draws, as a one-document layout does; PDFBox keeps a glyph's id in
 * the face as its character id (CID) and maps it to the subset's glyph with a CIDToGIDMap, so text
 * drawn in any part names glyphs of the same per-digest face. Each saved part tells the glyphs it
 * drew ({@link #glyphsDrawn}); the join ({@link PdfJoin}) subsets every face once from the
 * per-digest face for the union ({@link #subset}: PDFBox's own subsetting, so widths, CIDToGIDMap,
 * CIDSet and ToUnicode follow) and writes a reference to it in place of every part's copy ({@link
 * #sharedFace}), which is never written. Pictures shown in several parts are written once ({@link
 * #imageKey}).
 */
final class SharedFonts {
  private SharedFonts() {}

  /** The per-digest faces by PostScript name: the programs every part subsets. */
  static Map<String, byte[]> programs(EmbeddedFonts faces) throws IOException {
    Map<String, byte[]> programs = new LinkedHashMap<>();
    for (EmbeddedFonts.Subset s : faces.subsets()) {
      programs.putIfAbsent(postScriptName(s.data()), s.data());
    }
    return programs;
  }

  /**
   * The glyphs a saved part drew from each per-digest face (named in {@code faces}): the CIDs its
   * subsets' CIDToGIDMaps map to a glyph. Read once per part, before the join.
   */
  static Map<String, Set<Integer>> glyphsDrawn(PDDocument part, Set<String> faces)
      throws IOException {
    Map<String, Set<Integer>> glyphs = new TreeMap<>();
    Set<COSDictionary> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<COSDictionary> read = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PDPage page : part.getPages()) {
      collect(
          page.getCOSObject().getCOSDictionary(COSName.RESOURCES), faces, glyphs, visited, read);
    }
    return glyphs;
  }

  /**
   * One subset of {@code program} for {@code glyphs}, made in {@code scratch} by PDFBox's own
   * subsetting (widths, CIDToGIDMap, CIDSet and ToUnicode follow): the Type 0 font dictionary that
   * replaces every part's subset of the face.
   */
  static COSDictionary subset(PDDocument scratch, byte[] program, Set<Integer> glyphs)
      throws IOException {
    PDType0Font font =
        PDType0Font.load(scratch, new TTFParser().parse(new RandomAccessReadBuffer(program)), true);
    font.addGlyphsToSubset(glyphs);
    font.subset();
    return font.getCOSObject();
  }

  /**
   * The per-digest face a part's font dictionary is a subset of (one of {@code faces}), or null.
   */
  static String sharedFace(COSDictionary font, Set<String> faces) {
    String face = faceOf(font);
    return face != null && faces.contains(face) && cidToGidMap(font) != null ? face : null;
  }

  private static void collect(
      COSDictionary resources,
      Set<String> faces,
      Map<String, Set<Integer>> glyphs,
      Set<COSDictionary> visited,
      Set<COSDictionary> read)
      throws IOException {
    if (resources == null || !visited.add(resources)) {
      return;
    }
    COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
    if (fonts != null) {
      for (COSName name : fonts.keySet()) {
        if (!(fonts.getDictionaryObject(name) instanceof COSDictionary font)) {
          continue;
        }
        String face = sharedFace(font, faces);
        if (face != null && read.add(font)) {
          usedGlyphs(cidToGidMap(font), glyphs.computeIfAbsent(face, f -> new TreeSet<>()));
        }
      }
    }
    // Pictures drawn as forms (SVG) and patterns carry resources of their own.
    for (COSName group : new COSName[] {COSName.XOBJECT, COSName.PATTERN}) {
      COSDictionary objects = resources.getCOSDictionary(group);
      if (objects == null) {
        continue;
      }
      for (COSName name : objects.keySet()) {
        if (objects.getDictionaryObject(name) instanceof COSStream s) {
          collect(s.getCOSDictionary(COSName.RESOURCES), faces, glyphs, visited, read);
        }
      }
    }
  }

  /** The PostScript name of a subset Type 0 font ({@code ABCDEF+Name} → {@code Name}), or null. */
  private static String faceOf(COSDictionary font) {
    if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
      return null;
    }
    String base = font.getNameAsString(COSName.BASE_FONT);
    int plus = base == null ? -1 : base.indexOf('+');
    return plus == 6 ? base.substring(plus + 1) : null;
  }

  private static COSStream cidToGidMap(COSDictionary font) {
    COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
    if (descendants == null
        || descendants.size() != 1
        || !(descendants.getObject(0) instanceof COSDictionary cid)) {
      return null;
    }
    COSBase map = cid.getDictionaryObject(COSName.CID_TO_GID_MAP);
    return map instanceof COSStream s ? s : null;
  }

  /** The glyphs of the face the part drew: the CIDs its CIDToGIDMap maps to a subset glyph. */
  private static void usedGlyphs(COSStream map, Set<Integer> into) throws IOException {
    byte[] b;
    try (InputStream in = map.createInputStream()) {
      b = in.readAllBytes();
    }
    for (int cid = 0; 2 * cid + 1 < b.length; cid++) {
      int gid = (b[2 * cid] & 0xFF) << 8 | (b[2 * cid + 1] & 0xFF);
      if (gid != 0) {
        into.add(cid);
      }
    }
  }

  /** What makes two pictures the same: their bytes, size, colours and mask. */
  static String imageKey(COSStream image) throws IOException {
    StringBuilder key = new StringBuilder(hash(image));
    for (COSName n :
        new COSName[] {
          COSName.WIDTH, COSName.HEIGHT, COSName.BITS_PER_COMPONENT, COSName.FILTER, COSName.DECODE
        }) {
      key.append('|').append(image.getDictionaryObject(n));
    }
    COSBase colours = image.getDictionaryObject(COSName.COLORSPACE);
    key.append('|').append(colours instanceof COSName c ? c.getName() : colourKey(colours));
    COSBase mask = image.getDictionaryObject(COSName.SMASK);
    key.append('|').append(mask instanceof COSStream m ? imageKey(m) : "-");
    return key.toString();
  }

  private static String colourKey(COSBase colours) throws IOException {
    if (colours instanceof COSArray a) {
      StringBuilder key = new StringBuilder("[");
      for (int i = 0; i < a.size(); i++) {
        COSBase item = a.getObject(i);
        key.append(item instanceof COSStream s ? hash(s) : String.valueOf(item)).append(' ');
      }
      return key.append(']').toString();
    }
    return String.valueOf(colours);
  }

  private static String hash(COSStream stream) throws IOException {
    try (InputStream in = stream.createRawInputStream()) {
      return dev.gazette.util.Hashes.sha256Hex(in.readAllBytes());
    }
  }

  private static String postScriptName(byte[] data) throws IOException {
    try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(data))) {
      return ttf.getName();
    }
  }
}
