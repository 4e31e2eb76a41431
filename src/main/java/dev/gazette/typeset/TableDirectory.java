package dev.gazette.typeset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A TrueType file's table directory, and a view of the file that lists only some of its tables.
 * fontbox parses every table a font lists; for a CJK font the layout tables (GSUB, GPOS, vmtx) are
 * most of that work, and Gazette never uses them (subsets leave them out, see {@link
 * FontSubsetter#TABLES}). The view changes only the directory at the start of the file: tables are
 * found by absolute offset, so the data stays where it is and is not copied.
 */
final class TableDirectory {
  private static final int OFFSET_TABLE = 12;
  private static final int ENTRY = 16;

  private final byte[] font;
  private final List<String> tags;

  private TableDirectory(byte[] font, List<String> tags) {
    this.font = font;
    this.tags = tags;
  }

  /** The directory of a single TrueType font (not a collection), or null when it is unreadable. */
  static TableDirectory of(byte[] font) {
    if (font.length < OFFSET_TABLE) {
      return null;
    }
    ByteBuffer b = ByteBuffer.wrap(font);
    int count = b.getShort(4) & 0xFFFF;
    if (OFFSET_TABLE + (long) count * ENTRY > font.length) {
      return null;
    }
    List<String> tags = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tags.add(new String(font, OFFSET_TABLE + i * ENTRY, 4, StandardCharsets.ISO_8859_1));
    }
    return new TableDirectory(font, List.copyOf(tags));
  }

  /** The tags of the tables the font lists, in directory order. */
  List<String> tags() {
    return tags;
  }

  /** The font as fontbox reads it, listing only the tables of {@code keep} it has. */
  RandomAccessRead withOnly(Collection<String> keep) {
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < tags.size(); i++) {
      if (keep.contains(tags.get(i))) {
        kept.add(i);
      }
    }
    byte[] header = new byte[OFFSET_TABLE + kept.size() * ENTRY];
    System.arraycopy(font, 0, header, 0, OFFSET_TABLE);
    header[4] = (byte) (kept.size() >>> 8);
    header[5] = (byte) kept.size();
    for (int k = 0; k < kept.size(); k++) {
      System.arraycopy(
          font, OFFSET_TABLE + kept.get(k) * ENTRY, header, OFFSET_TABLE + k * ENTRY, ENTRY);
    }
    return new Patched(font, header);
  }

  /** The font's bytes with {@code header} read in place of its first bytes. */
  private static final class Patched extends RandomAccessReadBuffer {
    private final byte[] header;

    Patched(byte[] font, byte[] header) {
      super(font);
      this.header = header;
    }

    @Override
    public int read() throws IOException {
      long at = getPosition();
      int b = super.read();
      return b >= 0 && at < header.length ? header[(int) at] & 0xFF : b;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      long at = getPosition();
      int n = super.read(into, offset, length);
      for (long p = at; p < at + n && p < header.length; p++) {
        into[offset + (int) (p - at)] = header[(int) p];
      }
      return n;
    }
  }
}
