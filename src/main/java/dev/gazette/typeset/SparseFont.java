package dev.gazette.typeset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType font read in parts: its small tables at once, its glyphs when a subset needs them.
 *
 * <p>A bundled CJK face is 10-15 MB, 97% of it outlines ({@code glyf}); a digest embeds a few
 * hundred to a few thousand of its 30,000-65,000 glyphs. fontbox copies a font it parses three
 * times (the file, the {@code glyf} table, and a stream over that), so parsing the four CJK faces
 * of a one-post build allocated ~200 MB and cost more in garbage collection than in parsing. Here
 * fontbox parses only a <em>skeleton</em> (every table a subset keeps, with an empty {@code glyf}),
 * enough for character lookups; {@link FontSubsetter#subset} then hands it a <em>compact</em> font:
 * the same tables, the same glyph ids, and outlines for just the glyphs the subset takes (with the
 * parts of composite glyphs). fontbox's subsetter reads nothing else, so the subset is the same
 * bytes a full parse gives ({@code SparseFontTest}).
 */
final class SparseFont {
  /** The sparse font behind each skeleton fontbox parsed, for {@link #behind}. */
  private static final Map<TrueTypeFont, SparseFont> BEHIND =
      Collections.synchronizedMap(new WeakHashMap<>());

  private static final int OFFSET_TABLE = 12;
  private static final int ENTRY = 16;

  private final FontData data;
  private final byte[] version;

  /** The tables a subset keeps, except {@code glyf}, as the file has them. */
  private final Map<String, byte[]> tables;

  private final long glyfOffset;
  private final boolean longOffsets;

  /** Where each glyph starts in {@code glyf}, and (last) where the last one ends. */
  private final long[] loca;

  /**
   * The Unicode lookup over the cmap's bytes when its one Unicode subtable is a well-formed format
   * 12 (then the skeleton is parsed with an empty cmap); null to let fontbox read the cmap.
   */
  private final Format12 unicode;

  private SparseFont(
      FontData data,
      byte[] version,
      Map<String, byte[]> tables,
      long glyfOffset,
      boolean longOffsets,
      long[] loca) {
    this.data = data;
    this.version = version;
    this.tables = tables;
    this.glyfOffset = glyfOffset;
    this.longOffsets = longOffsets;
    this.loca = loca;
    this.unicode =
        tables.containsKey("cmap") ? Format12.of(tables.get("cmap"), loca.length - 1) : null;
  }

  /**
   * The font's skeleton, parsed by fontbox: every table a subset keeps, no outlines. Null when the
   * data is not a plain TrueType-outlined font whose tables this reader trusts (a collection, CFF
   * outlines, a table past the end of the file, glyph offsets out of order): the caller parses it
   * whole, and fontbox says what is wrong.
   */
  static TrueTypeFont skeleton(FontData data) throws IOException {
    SparseFont font = read(data);
    if (font == null) {
      return null;
    }
    Map<String, byte[]> skeletonTables = new TreeMap<>(font.tables);
    skeletonTables.put("glyf", new byte[0]);
    if (font.unicode != null) {
      // fontbox would turn the subtable into hash maps of every character (~30,000 entries for a
      // CJK face, 5% of a one-post build's samples); unicodeLookup answers from the bytes. fontbox
      // requires a cmap: an empty one.
      skeletonTables.put("cmap", cmapOf(new TreeMap<>()));
    }
    TrueTypeFont parsed = parse(font.assemble(skeletonTables));
    // Nothing in the sparse font may point back at its skeleton: the map holds it strongly, and
    // the skeleton, with each Gazette's font cache, would never be collected.
    BEHIND.put(parsed, font);
    return parsed;
  }

  /**
   * fontbox's {@code getUnicodeCmapLookup(strict)} of {@code font}, for a skeleton too: a skeleton
   * whose cmap fontbox did not read answers from the cmap's bytes, with the same glyph for every
   * character ({@code SparseFontTest}). Callers that may hold a skeleton look characters up here.
   */
  static CmapLookup unicodeLookup(TrueTypeFont font, boolean strict) throws IOException {
    SparseFont sparse = behind(font);
    if (sparse != null && sparse.unicode != null) {
      return sparse.unicode;
    }
    return font.getUnicodeCmapLookup(strict);
  }

  /** The sparse font a skeleton was parsed from, or null for a font fontbox parsed whole. */
  static SparseFont behind(TrueTypeFont font) {
    return BEHIND.get(font);
  }

  private static SparseFont read(FontData data) throws IOException {
    long size = data.size();
    if (size < OFFSET_TABLE) {
      return null;
    }
    try (FontData.Reader reader = data.open()) {
      byte[] header = reader.read(0, OFFSET_TABLE);
      String version = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
      if (!version.equals("\0\1\0\0") && !version.equals("true")) {
        return null; // a collection, CFF outlines, or not a font: the whole parse says which
      }
      int count = ByteBuffer.wrap(header).getShort(4) & 0xFFFF;
      if (OFFSET_TABLE + (long) count * ENTRY > size) {
        return null;
      }
      ByteBuffer directory = ByteBuffer.wrap(reader.read(OFFSET_TABLE, count * ENTRY));
      Map<String, long[]> where = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        int at = i * ENTRY;
        byte[] tag = new byte[4];
        directory.get(at, tag);
        long offset = directory.getInt(at + 8) & 0xFFFFFFFFL;
        long length = directory.getInt(at + 12) & 0xFFFFFFFFL;
        where.put(new String(tag, StandardCharsets.ISO_8859_1), new long[] {offset, length});
      }
      if (where.containsKey("CFF ") || where.containsKey("CFF2")) {
        return null;
      }
      for (String needed : new String[] {"glyf", "loca", "head", "maxp"}) {
        long[] w = where.get(needed);
        if (w == null || w[0] + w[1] > size) {
          return null;
        }
      }
      Map<String, byte[]> tables = new TreeMap<>();
      for (String tag : FontSubsetter.TABLES) {
        long[] w = where.get(tag);
        if (tag.equals("glyf") || w == null) {
          continue;
        }
        if (w[0] + w[1] > size || w[1] > Integer.MAX_VALUE) {
          return null;
        }
        tables.put(tag, reader.read(w[0], (int) w[1]));
      }
      if (tables.containsKey("cmap")) {
        tables.put("cmap", unicodeSubtableOnly(tables.get("cmap")));
      }
      ByteBuffer head = ByteBuffer.wrap(tables.get("head"));
      ByteBuffer maxp = ByteBuffer.wrap(tables.get("maxp"));
      if (head.capacity() < 54 || maxp.capacity() < 6) {
        return null;
      }
      boolean longOffsets = head.getShort(50) == 1;
      int glyphs = maxp.getShort(4) & 0xFFFF;
      ByteBuffer locaTable = ByteBuffer.wrap(tables.get("loca"));
      if (locaTable.capacity() < (glyphs + 1) * (longOffsets ? 4 : 2)) {
        return null;
      }
      long glyfLength = where.get("glyf")[1];
      long[] loca = new long[glyphs + 1];
      for (int g = 0; g <= glyphs; g++) {
        loca[g] =
            longOffsets
                ? locaTable.getInt(g * 4) & 0xFFFFFFFFL
                : (locaTable.getShort(g * 2) & 0xFFFFL) * 2;
        if (loca[g] > glyfLength || (g > 0 && loca[g] < loca[g - 1])) {
          return null;
        }
      }
      return new SparseFont(data, header.clone(), tables, where.get("glyf")[0], longOffsets, loca);
    }
  }

  /**
   * A font fontbox can subset {@code codePoints} from as it would from the whole font: the same
   * tables and glyph ids, with outlines only for the glyphs those characters map to (and their
   * composite parts).
   */
  TrueTypeFont compactFor(TrueTypeFont skeleton, Set<Integer> codePoints) throws IOException {
    Set<Integer> glyphs = new TreeSet<>();
    glyphs.add(0); // fontbox's subsets always hold the missing-glyph box
    // The characters' glyphs, for a cmap of just them, when both of fontbox's lookups agree on
    // them (then both pick that cmap too). Parsing a CJK face's whole cmap again for each subset
    // made 30-40 MB of map entries each time, and the subsetter writes a cmap of its own anyway.
    TreeMap<Integer, Integer> glyphOf = new TreeMap<>();
    synchronized (skeleton) {
      CmapLookup lenient = unicodeLookup(skeleton, false);
      CmapLookup strict;
      try {
        strict = unicodeLookup(skeleton, true);
      } catch (IOException e) {
        strict = null;
      }
      for (int cp : codePoints) {
        int lenientGid = lenient == null ? 0 : lenient.getGlyphId(cp);
        int strictGid = strict == null ? 0 : strict.getGlyphId(cp);
        for (int gid : new int[] {lenientGid, strictGid}) {
          if (gid > 0 && gid < loca.length - 1) {
            glyphs.add(gid);
          }
        }
        if (glyphOf != null
            && (strict == null || lenientGid != strictGid || lenientGid >= loca.length - 1)) {
          glyphOf = null;
        } else if (glyphOf != null && lenientGid != 0) {
          glyphOf.put(cp, lenientGid);
        }
      }
    }
    Map<Integer, byte[]> outlines = new TreeMap<>();
    try (FontData.Reader reader = data.open()) {
      Deque<Integer> todo = new ArrayDeque<>(glyphs);
      while (!todo.isEmpty()) {
        int gid = todo.pop();
        if (outlines.containsKey(gid)) {
          continue;
        }
        byte[] outline = reader.read(glyfOffset + loca[gid], (int) (loca[gid + 1] - loca[gid]));
        outlines.put(gid, outline);
        for (int part : components(outline)) {
          if (part < loca.length - 1 && !outlines.containsKey(part)) {
            todo.push(part);
          }
        }
      }
    }
    long end = 0;
    for (byte[] outline : outlines.values()) {
      end += outline.length;
    }
    if (!longOffsets && end > 0x1FFFE) {
      return null; // short offsets cannot say where the glyphs are; the caller parses it whole
    }
    int count = loca.length - 1;
    ByteBuffer newLoca = ByteBuffer.allocate((count + 1) * (longOffsets ? 4 : 2));
    ByteBuffer glyf = ByteBuffer.allocate((int) end);
    for (int gid = 0; gid <= count; gid++) {
      int at = glyf.position();
      if (longOffsets) {
        newLoca.putInt(at);
      } else {
        newLoca.putShort((short) (at / 2));
      }
      byte[] outline = gid < count ? outlines.get(gid) : null;
      if (outline != null) {
        glyf.put(outline);
      }
    }
    Map<String, byte[]> compact = new TreeMap<>(tables);
    compact.put("loca", newLoca.array());
    compact.put("glyf", glyf.array());
    if (glyphOf != null) {
      compact.put("cmap", cmapOf(glyphOf));
    }
    return parse(assemble(compact));
  }

  /**
   * The glyph ids a composite glyph is made of, read as fontbox's subsetter reads them (a glyph
   * whose contour count is -1); none for a simple glyph.
   */
  static Set<Integer> components(byte[] outline) {
    Set<Integer> parts = new TreeSet<>();
    if (outline.length < 2 || outline[0] != -1 || outline[1] != -1) {
      return parts;
    }
    int off = 10;
    int flags;
    do {
      if (off + 4 > outline.length) {
        break; // malformed: fontbox's subsetter fails on it the same way with or without us
      }
      flags = (outline[off] & 0xFF) << 8 | outline[off + 1] & 0xFF;
      parts.add((outline[off + 2] & 0xFF) << 8 | outline[off + 3] & 0xFF);
      off += 4;
      off += (flags & 1) != 0 ? 4 : 2; // ARG_1_AND_2_ARE_WORDS
      if ((flags & 1 << 7) != 0) { // WE_HAVE_A_TWO_BY_TWO
        off += 8;
      } else if ((flags & 1 << 6) != 0) { // WE_HAVE_AN_X_AND_Y_SCALE
        off += 4;
      } else if ((flags & 1 << 3) != 0) { // WE_HAVE_A_SCALE
        off += 2;
      }
    } while ((flags & 1 << 5) != 0); // MORE_COMPONENTS
    return parts;
  }

  /** The (platform, encoding) pairs fontbox's Unicode lookups try, in their order. */
  private static final int[][] UNICODE_SUBTABLES = {
    {0, 4}, {3, 10}, {0, 3}, {3, 1}, {3, 0}, {0, 1}
  };

  /**
   * {@code cmap} with only the subtable fontbox's Unicode lookups would use, or {@code cmap} as it
   * is when it has none (then the lenient lookup takes the first, whatever it is). fontbox turns
   * every subtable into hash maps; a CJK face has two of 30,000-45,000 characters each, and their
   * maps were most of the time and memory of reading the face.
   */
  static byte[] unicodeSubtableOnly(byte[] cmap) {
    try {
      ByteBuffer b = ByteBuffer.wrap(cmap);
      int count = b.getShort(2) & 0xFFFF;
      for (int[] wanted : UNICODE_SUBTABLES) {
        for (int i = 0; i < count; i++) {
          int at = 4 + i * 8;
          if ((b.getShort(at) & 0xFFFF) == wanted[0]
              && (b.getShort(at + 2) & 0xFFFF) == wanted[1]) {
            int offset = b.getInt(at + 4);
            int format = b.getShort(offset) & 0xFFFF;
            long length =
                switch (format) {
                  case 0, 2, 4, 6 -> b.getShort(offset + 2) & 0xFFFF;
                  case 8, 10, 12, 13 -> b.getInt(offset + 4) & 0xFFFFFFFFL;
                  default -> -1;
                };
            if (length <= 0 || offset + length > cmap.length) {
              return cmap;
            }
            ByteBuffer out = ByteBuffer.allocate(12 + (int) length);
            out.putShort((short) 0).putShort((short) 1);
            out.putShort((short) wanted[0]).putShort((short) wanted[1]).putInt(12);
            out.put(cmap, offset, (int) length);
            return out.array();
          }
        }
      }
    } catch (IndexOutOfBoundsException e) {
      // a cmap fontbox may read in its own way: leave it to it
    }
    return cmap;
  }

  /**
   * A cmap with one Windows Unicode (full repertoire) subtable, format 12, mapping each key of
   * {@code glyphOf} to its glyph: what both of fontbox's Unicode lookups pick when it is alone.
   */
  static byte[] cmapOf(TreeMap<Integer, Integer> glyphOf) {
    List<int[]> groups = new ArrayList<>();
    for (Map.Entry<Integer, Integer> e : glyphOf.entrySet()) {
      int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null
          && e.getKey() == last[1] + 1
          && e.getValue() == last[2] + (e.getKey() - last[0])) {
        last[1] = e.getKey();
      } else {
        groups.add(new int[] {e.getKey(), e.getKey(), e.getValue()});
      }
    }
    int subtable = 16 + 12 * groups.size();
    ByteBuffer out = ByteBuffer.allocate(12 + subtable);
    out.putShort((short) 0).putShort((short) 1); // version, one subtable
    out.putShort((short) 3).putShort((short) 10).putInt(12); // Windows, Unicode full repertoire
    out.putShort((short) 12).putShort((short) 0).putInt(subtable).putInt(0).putInt(groups.size());
    for (int[] g : groups) {
      out.putInt(g[0]).putInt(g[1]).putInt(g[2]);
    }
    return out.array();
  }

  /** A font file of {@code tables}, in tag order, each at a 4-byte boundary; no checksums. */
  private byte[] assemble(Map<String, byte[]> tables) {
    int count = tables.size();
    long size = OFFSET_TABLE + (long) ENTRY * count;
    for (byte[] t : tables.values()) {
      size += (t.length + 3) & ~3;
    }
    ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
    out.put(version, 0, 4);
    int power = Integer.highestOneBit(Math.max(count, 1));
    out.putShort((short) count)
        .putShort((short) (power * 16))
        .putShort((short) Integer.numberOfTrailingZeros(power))
        .putShort((short) (count * 16 - power * 16));
    int offset = OFFSET_TABLE + ENTRY * count;
    for (Map.Entry<String, byte[]> e : tables.entrySet()) {
      out.put(e.getKey().getBytes(StandardCharsets.ISO_8859_1))
          .putInt(0)
          .putInt(offset)
          .putInt(e.getValue().length);
      offset += (e.getValue().length + 3) & ~3;
    }
    for (byte[] t : tables.values()) {
      out.put(t);
      out.position((out.position() + 3) & ~3);
    }
    return out.array();
  }

  /**
   * A cmap of one subtable that both of fontbox's Unicode lookups pick ((0, 4) or (3, 10)), format
   * 12, looked up by binary search over its groups. Only for what fontbox reads as the plain union
   * of the groups: groups in order, not overlapping, with valid characters and glyph ids below the
   * font's glyph count; anything else (where fontbox stops, warns or fails) is left to fontbox.
   */
  static final class Format12 implements CmapLookup {
    private final int[] starts;
    private final int[] ends;
    private final int[] glyphs;

    private Format12(int[] starts, int[] ends, int[] glyphs) {
      this.starts = starts;
      this.ends = ends;
      this.glyphs = glyphs;
    }

    /** The lookup of {@code cmap} (as {@link #unicodeSubtableOnly} leaves it), or null. */
    static Format12 of(byte[] cmap, int numGlyphs) {
      try {
        ByteBuffer b = ByteBuffer.wrap(cmap);
        if (b.getShort(2) != 1 || numGlyphs <= 0) {
          return null;
        }
        int platform = b.getShort(4) & 0xFFFF;
        int encoding = b.getShort(6) & 0xFFFF;
        if (!(platform == 0 && encoding == 4) && !(platform == 3 && encoding == 10)) {
          return null;
        }
        int at = b.getInt(8);
        if ((b.getShort(at) & 0xFFFF) != 12) {
          return null;
        }
        long count = b.getInt(at + 12) & 0xFFFFFFFFL;
        if (count > (cmap.length - at - 16) / 12) {
          return null;
        }
        int n = (int) count;
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] glyphs = new int[n];
        long previousEnd = -1;
        for (int i = 0; i < n; i++) {
          int g = at + 16 + i * 12;
          long start = b.getInt(g) & 0xFFFFFFFFL;
          long end = b.getInt(g + 4) & 0xFFFFFFFFL;
          long glyph = b.getInt(g + 8) & 0xFFFFFFFFL;
          if (start <= previousEnd
              || end < start
              || end > 0x10FFFF
              || start <= 0xDFFF && end >= 0xD800
              || glyph + (end - start) >= numGlyphs) {
            return null;
          }
          starts[i] = (int) start;
          ends[i] = (int) end;
          glyphs[i] = (int) glyph;
          previousEnd = end;
        }
        return new Format12(starts, ends, glyphs);
      } catch (IndexOutOfBoundsException e) {
        return null;
      }
    }

    @Override
    public int getGlyphId(int codePoint) {
      int i = Arrays.binarySearch(starts, codePoint);
      if (i < 0) {
        i = -i - 2; // the group starting before it
      }
      return i >= 0 && codePoint <= ends[i] ? glyphs[i] + (codePoint - starts[i]) : 0;
    }

    @Override
    public List<Integer> getCharCodes(int glyphId) {
      List<Integer> codes = new ArrayList<>();
      for (int i = 0; i < starts.length; i++) {
        if (glyphId >= glyphs[i] && glyphId - glyphs[i] <= ends[i] - starts[i]) {
          codes.add(starts[i] + (glyphId - glyphs[i]));
        }
      }
      return codes.isEmpty() ? null : codes;
    }
  }

  /** The whole font, parsed: for the rare subset {@link #compactFor} cannot make. */
  TrueTypeFont whole() throws IOException {
    byte[] all;
    try (FontData.Reader reader = data.open()) {
      all = reader.read(0, Math.toIntExact(data.size()));
    }
    TableDirectory directory = TableDirectory.of(all);
    return new TTFParser()
        .parse(
            directory == null
                ? new RandomAccessReadBuffer(all)
                : directory.withOnly(FontSubsetter.TABLES));
  }

  private static TrueTypeFont parse(byte[] font) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(font));
  }
}
