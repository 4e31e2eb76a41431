package dev.gazette.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The same header for a picture's ICC profile whatever the JDK. A PNG with an {@code iCCP} chunk
 * reaches the PDF through the JDK's colour management, which writes the profile out again: JDK 17
 * names the primary platform {@code APPL} whatever the file said, JDK 25 keeps the file's ({@code
 * MSFT} in a Hexo blog's chart), so one stream of 9,806 objects differed between the two. The
 * platform, an informational field, is written as none (zero); so is the profile id, an MD5 over
 * the header that would no longer match (zero means "not computed"). Everything that says how the
 * colours read is left as it is.
 */
final class IccHeaders {
  private IccHeaders() {}

  private static final int PLATFORM = 40;
  private static final int PROFILE_ID = 84;
  private static final int HEADER = 128;

  /** Rewrites the profiles of the pictures on {@code pdf}'s pages; returns how many changed. */
  static int canonical(PDDocument pdf) throws IOException {
    Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    int changed = 0;
    for (PDPage page : pdf.getPages()) {
      changed += inResources(page.getResources(), seen, 0);
    }
    return changed;
  }

  private static int inResources(PDResources resources, Set<COSStream> seen, int depth)
      throws IOException {
    if (resources == null || depth > 8) {
      return 0;
    }
    int changed = 0;
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDImageXObject image) {
        changed +=
            inColourSpace(image.getCOSObject().getDictionaryObject(COSName.COLORSPACE), seen);
      } else if (x instanceof PDFormXObject form) {
        changed += inResources(form.getResources(), seen, depth + 1);
      }
    }
    return changed;
  }

  private static int inColourSpace(COSBase space, Set<COSStream> seen) throws IOException {
    if (space instanceof COSObject o) {
      space = o.getObject();
    }
    if (space instanceof COSArray indexed
        && indexed.size() > 1
        && COSName.INDEXED.equals(indexed.getObject(0))) {
      return inColourSpace(indexed.get(1), seen); // a palette over the profile's colours
    }
    if (!(space instanceof COSArray array)
        || array.size() < 2
        || !COSName.getPDFName("ICCBased").equals(array.getObject(0))
        || !(array.getObject(1) instanceof COSStream profile)
        || !seen.add(profile)) {
      return 0;
    }
    byte[] bytes;
    try (InputStream in = profile.createInputStream()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length < HEADER || (isZero(bytes, PLATFORM, 4) && isZero(bytes, PROFILE_ID, 16))) {
      return 0;
    }
    Arrays.fill(bytes, PLATFORM, PLATFORM + 4, (byte) 0);
    Arrays.fill(bytes, PROFILE_ID, PROFILE_ID + 16, (byte) 0);
    try (OutputStream out = profile.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(bytes);
    }
    return 1;
  }

  private static boolean isZero(byte[] b, int from, int length) {
    for (int i = from; i < from + length; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
