package dev.gazette.typeset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Gives a subset font a cmap for characters beyond the BMP (emoji, math alphanumerics, CJK
 * Extension B). fontbox's {@code TTFSubsetter} writes only a format 4 cmap and refuses such
 * characters, so the subsetter is given their glyphs by id and this class then replaces the cmap
 * with a format 4 subtable (platform 3, encoding 1) for the BMP and a format 12 one (3, 10) for
 * all, and writes the table directory and checksums again.
 */
final class SupplementaryCmap {
  private SupplementaryCmap() {}

  /** {@code font} with its cmap replaced by one mapping {@code glyphOf} (code point -> new id). */
  static byte[] replaceCmap(byte[] font, SortedMap<Integer, Integer> glyphOf) throws IOException {
    Map<String, byte[]> tables = new TreeMap<>(); // TTFSubsetter writes tags sorted; so do we
    ByteBuffer in = ByteBuffer.wrap(font);
    int numTables = in.getShort(4) & 0xFFFF;
    for (int i = 0; i < numTables; i++) {
      int at = 12 + 16 * i;
      String tag = new String(font, at, 4, StandardCharsets.US_ASCII);
      int offset = in.getInt(at + 8);
      int length = in.getInt(at + 12);
      byte[] data = new byte[length];
      System.arraycopy(font, offset, data, 0, length);
      tables.put(tag, data);
    }
    tables.put("cmap", cmap(glyphOf));
    return write(tables);
  }

  static byte[] cmap(SortedMap<Integer, Integer> glyphOf) throws IOException {
    SortedMap<Integer, Integer> bmp = glyphOf.headMap(0x10000);
    byte[] format4 = format4(bmp);
    byte[] format12 = format12(glyphOf);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeShort(0); // version
    out.writeShort(2); // encoding records
    out.writeShort(3);
    out.writeShort(1);
    out.writeInt(4 + 2 * 8);
    out.writeShort(3);
    out.writeShort(10);
    out.writeInt(4 + 2 * 8 + format4.length);
    out.write(format4);
    out.write(format12);
    return bytes.toByteArray();
  }

  /** Runs of consecutive code points mapped to consecutive glyphs: {start, end, startGlyph}. */
  private static java.util.List<int[]> runs(SortedMap<Integer, Integer> glyphOf) {
    java.util.List<int[]> runs = new java.util.ArrayList<>();
    int[] run = null;
    for (Map.Entry<Integer, Integer> e : glyphOf.entrySet()) {
      int cp = e.getKey();
      int gid = e.getValue();
      if (run != null && cp == run[1] + 1 && gid == run[2] + (cp - run[0])) {
        run[1] = cp;
      } else {
        run = new int[] {cp, cp, gid};
        runs.add(run);
      }
    }
    return runs;
  }

  private static byte[] format4(SortedMap<Integer, Integer> bmp) throws IOException {
    java.util.List<int[]> runs = runs(bmp);
    runs.removeIf(r -> r[0] == 0xFFFF);
    runs.add(new int[] {0xFFFF, 0xFFFF, 1}); // the required last segment (maps to glyph 0)
    int segCount = runs.size();
    int searchRange = 2 * Integer.highestOneBit(segCount);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeShort(4);
    out.writeShort(16 + 8 * segCount);
    out.writeShort(0); // language
    out.writeShort(2 * segCount);
    out.writeShort(searchRange);
    out.writeShort(Integer.numberOfTrailingZeros(searchRange / 2));
    out.writeShort(2 * segCount - searchRange);
    for (int[] r : runs) {
      out.writeShort(r[1]);
    }
    out.writeShort(0); // reservedPad
    for (int[] r : runs) {
      out.writeShort(r[0]);
    }
    for (int[] r : runs) {
      out.writeShort((r[2] - r[0]) & 0xFFFF); // idDelta, modulo 65536
    }
    for (int i = 0; i < segCount; i++) {
      out.writeShort(0); // idRangeOffset
    }
    return bytes.toByteArray();
  }

  private static byte[] format12(SortedMap<Integer, Integer> glyphOf) throws IOException {
    java.util.List<int[]> runs = runs(glyphOf);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeShort(12);
    out.writeShort(0);
    out.writeInt(16 + 12 * runs.size());
    out.writeInt(0); // language
    out.writeInt(runs.size());
    for (int[] r : runs) {
      out.writeInt(r[0]);
      out.writeInt(r[1]);
      out.writeInt(r[2]);
    }
    return bytes.toByteArray();
  }

  /** A TrueType file of {@code tables}, with directory, checksums and head's adjustment. */
  private static byte[] write(Map<String, byte[]> tables) throws IOException {
    int n = tables.size();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    int entrySelector = 31 - Integer.numberOfLeadingZeros(n);
    int searchRange = 16 * (1 << entrySelector);
    out.writeInt(0x00010000);
    out.writeShort(n);
    out.writeShort(searchRange);
    out.writeShort(entrySelector);
    out.writeShort(16 * n - searchRange);
    byte[] head = tables.get("head");
    if (head != null) {
      head[8] = head[9] = head[10] = head[11] = 0; // checkSumAdjustment, set below
    }
    long offset = 12L + 16L * n;
    for (Map.Entry<String, byte[]> e : tables.entrySet()) {
      out.write(e.getKey().getBytes(StandardCharsets.US_ASCII));
      out.writeInt((int) checksum(e.getValue()));
      out.writeInt((int) offset);
      out.writeInt(e.getValue().length);
      offset += (e.getValue().length + 3L) / 4 * 4;
    }
    int headOffset = -1;
    for (Map.Entry<String, byte[]> e : tables.entrySet()) {
      if (e.getKey().equals("head")) {
        headOffset = out.size();
      }
      out.write(e.getValue());
      out.write(new byte[(4 - e.getValue().length % 4) % 4]);
    }
    byte[] file = bytes.toByteArray();
    if (headOffset >= 0) {
      long adjustment = (0xB1B0AFBAL - checksum(file)) & 0xFFFFFFFFL;
      ByteBuffer.wrap(file).putInt(headOffset + 8, (int) adjustment);
    }
    return file;
  }

  private static long checksum(byte[] data) {
    long sum = 0;
    for (int i = 0; i < data.length; i++) {
      sum += (data[i] & 0xFFL) << (24 - i % 4 * 8);
    }
    return sum & 0xFFFFFFFFL;
  }
}
