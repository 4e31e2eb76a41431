package dev.gazette.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/** Font fixtures for tests: collections built from our own subsets, cmap inspection. */
public final class Fonts {
  private Fonts() {}

  /** A TrueType collection (.ttc) holding the given TrueType fonts, in order. */
  public static byte[] collection(List<byte[]> fonts) {
    int n = fonts.size();
    int headerSize = 12 + 4 * n;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int[] offsets = new int[n];
    int position = headerSize;
    for (int f = 0; f < n; f++) {
      ByteBuffer src = ByteBuffer.wrap(fonts.get(f));
      int numTables = Short.toUnsignedInt(src.getShort(4));
      int dirSize = 12 + 16 * numTables;
      offsets[f] = position;
      ByteBuffer dir = ByteBuffer.allocate(dirSize);
      dir.put(fonts.get(f), 0, 12);
      ByteArrayOutputStream tables = new ByteArrayOutputStream();
      int tableStart = position + dirSize;
      for (int t = 0; t < numTables; t++) {
        int rec = 12 + 16 * t;
        int tag = src.getInt(rec);
        int checksum = src.getInt(rec + 4);
        int offset = src.getInt(rec + 8);
        int length = src.getInt(rec + 12);
        dir.putInt(tag).putInt(checksum).putInt(tableStart + tables.size()).putInt(length);
        tables.write(fonts.get(f), offset, length);
        while (tables.size() % 4 != 0) {
          tables.write(0);
        }
      }
      body.writeBytes(dir.array());
      body.writeBytes(tables.toByteArray());
      position = headerSize + body.size();
    }
    ByteBuffer header = ByteBuffer.allocate(headerSize);
    header.put(new byte[] {'t', 't', 'c', 'f'}).putInt(0x00010000).putInt(n);
    for (int o : offsets) {
      header.putInt(o);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** Every code point the font maps to a glyph. */
  public static Set<Integer> codePoints(byte[] ttf) throws IOException {
    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
    Set<Integer> cps = new TreeSet<>();
    var cmap = font.getUnicodeCmapLookup(false);
    for (int cp = 0; cp <= 0x2FFFF; cp++) {
      if (cmap.getGlyphId(cp) != 0) {
        cps.add(cp);
      }
    }
    return cps;
  }
}
