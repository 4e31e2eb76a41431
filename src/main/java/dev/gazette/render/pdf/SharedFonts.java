package dev.gazette.render.pdf;

import dev.gazette.util.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Keeps one copy of each embedded font in a PDF joined from parts (see {@link ChunkedPdf}). Every
 * part embeds the same per-digest faces whole (no subset of its own), so a face's font objects are
 * equal in every part: same font program, same widths, same ToUnicode map. Each page's font
 * resources are pointed at the first copy; the others are no longer reachable and are not written.
 */
final class SharedFonts {
  private SharedFonts() {}

  /** Points every font resource at the first equal font; returns how many distinct fonts remain. */
  static int share(PDDocument pdf) throws IOException {
    Map<String, COSBase> first = new HashMap<>();
    Set<COSDictionary> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PDPage page : pdf.getPages()) {
      visit(page.getCOSObject().getCOSDictionary(COSName.RESOURCES), first, visited);
    }
    return first.size();
  }

  private static void visit(
      COSDictionary resources, Map<String, COSBase> first, Set<COSDictionary> visited)
      throws IOException {
    if (resources == null || !visited.add(resources)) {
      return;
    }
    COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
    if (fonts != null) {
      for (COSName name : fonts.keySet()) {
        COSBase item = fonts.getItem(name);
        if (!(deref(item) instanceof COSDictionary font)) {
          continue;
        }
        String key = key(font);
        if (key == null) {
          continue;
        }
        COSBase kept = first.putIfAbsent(key, item);
        if (kept != null && deref(kept) != font) {
          fonts.setItem(name, kept);
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
          visit(s.getCOSDictionary(COSName.RESOURCES), first, visited);
        }
      }
    }
  }

  /**
   * What makes two embedded Type 0 fonts the same: name, widths, encoding, and the bytes of the
   * font program and ToUnicode map. Null for any other font (kept as it is).
   */
  static String key(COSDictionary font) throws IOException {
    if (!COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
      return null;
    }
    COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
    if (descendants == null
        || descendants.size() != 1
        || !(descendants.getObject(0) instanceof COSDictionary cid)) {
      return null;
    }
    COSDictionary descriptor = cid.getCOSDictionary(COSName.FONT_DESC);
    COSStream program = descriptor == null ? null : descriptor.getCOSStream(COSName.FONT_FILE2);
    if (program == null) {
      return null;
    }
    StringBuilder key = new StringBuilder();
    key.append(font.getNameAsString(COSName.BASE_FONT))
        .append('|')
        .append(String.valueOf(font.getDictionaryObject(COSName.ENCODING)))
        .append('|')
        .append(String.valueOf(cid.getDictionaryObject(COSName.CID_TO_GID_MAP)))
        .append('|')
        .append(String.valueOf(cid.getDictionaryObject(COSName.W)))
        .append('|')
        .append(hash(program));
    COSStream toUnicode = font.getCOSStream(COSName.TO_UNICODE);
    key.append('|').append(toUnicode == null ? "-" : hash(toUnicode));
    return key.toString();
  }

  private static String hash(COSStream stream) throws IOException {
    try (InputStream in = stream.createRawInputStream()) {
      return Hashes.sha256Hex(in.readAllBytes());
    }
  }

  private static COSBase deref(COSBase b) {
    return b instanceof COSObject o ? o.getObject() : b;
  }
}
