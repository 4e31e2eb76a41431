package dev.gazette.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.cos.ICOSVisitor;
import org.apache.pdfbox.pdfwriter.COSWriter;

/**
 * Writes a PDF object by object, straight to its output: what {@link PdfJoin} needs to join parts
 * without holding them. Objects other than streams are gathered into compressed object streams (as
 * PDFBox's own compressed save does, so the file is as small as one layout's); streams are written
 * at once with their encoded bytes as they are; the cross-reference is an xref stream written last.
 * Only the offset of each object (one {@code long} per object) stays in memory.
 *
 * <p>Values are written the way PDFBox writes them: a {@link COSObject} is a reference, a stream is
 * always an object of its own, a dictionary that is not {@linkplain COSBase#isDirect() direct} (one
 * made in memory) becomes an object of its own, everything else is written in place. {@link Refs}
 * says which number an object gets and may rewrite a dictionary on its way out.
 */
final class PdfObjectWriter {
  /** Objects per object stream: PDFBox's compressed save uses 100 too. */
  private static final int OBJECTS_PER_STREAM = 100;

  /** Numbers the objects a value refers to, and may rewrite dictionaries as they are written. */
  interface Refs {
    /** The output number of an object referred to (reserving and queueing it when new). */
    int ref(COSBase target) throws IOException;

    /** The dictionary to write in place of {@code d} (itself when nothing changes). */
    default COSDictionary rewrite(COSDictionary d) throws IOException {
      return d;
    }
  }

  /** A reference to an output object by number, for dictionaries built by the join. */
  static final class Ref extends COSBase {
    final int number;

    Ref(int number) {
      this.number = number;
    }

    @Override
    public void accept(ICOSVisitor visitor) {
      throw new UnsupportedOperationException("an output reference is written by PdfObjectWriter");
    }
  }

  private final CountingStream out;

  /**
   * Per object number: 0 unused; positive: 1 + the object's offset in the file; negative: {@code
   * -(1 + (objectStream << 16 | index))}.
   */
  private long[] xref = new long[4096];

  private int size = 1;
  private final ByteArrayOutputStream pendingBody = new ByteArrayOutputStream();
  private final StringBuilder pendingHeader = new StringBuilder();
  private final int[] pendingNumbers = new int[OBJECTS_PER_STREAM];
  private int pending;

  PdfObjectWriter(OutputStream out, String version) throws IOException {
    this.out = new CountingStream(out);
    // The binary comment tells transfer programs the file is binary (PDF/A asks for it).
    ascii(this.out, "%PDF-" + version + "\n");
    this.out.write(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
  }

  /** A new object number, for an object written later. */
  int reserve() {
    if (size == xref.length) {
      xref = Arrays.copyOf(xref, xref.length * 2);
    }
    return size++;
  }

  /** How many object numbers are taken. */
  int size() {
    return size;
  }

  /** Bytes written so far. */
  long position() {
    return out.count;
  }

  /** Writes object {@code number}: a stream at once, anything else into an object stream. */
  void put(int number, COSBase object, Refs refs) throws IOException {
    if (object instanceof COSObject o) {
      object = o.getObject() == null ? COSNull.NULL : o.getObject();
    }
    if (object instanceof COSStream s) {
      stream(number, s, refs);
      return;
    }
    pendingHeader.append(number).append(' ').append(pendingBody.size()).append(' ');
    top(object, pendingBody, refs);
    pendingBody.write('\n');
    pendingNumbers[pending++] = number;
    if (pending == OBJECTS_PER_STREAM) {
      flushObjectStream();
    }
  }

  private void stream(int number, COSStream s, Refs refs) throws IOException {
    byte[] data;
    try (InputStream in = s.createRawInputStream()) {
      data = in.readAllBytes();
    }
    COSDictionary d = refs.rewrite(s);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write(COSWriter.DICT_OPEN);
    for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
      if (!COSName.LENGTH.equals(e.getKey())) {
        e.getKey().writePDF(head);
        head.write(' ');
        value(e.getValue(), head, refs);
      }
    }
    ascii(head, "/Length " + data.length + ">>");
    startObject(number);
    head.writeTo(out);
    ascii(out, "\nstream\n");
    out.write(data);
    ascii(out, "\nendstream\nendobj\n");
  }

  private void startObject(int number) throws IOException {
    xref[number] = 1 + out.count;
    ascii(out, number + " 0 obj\n");
  }

  /**
   * Writes the objects gathered so far as an object stream, so that everything put until now is in
   * the file (the join calls it at the end of each part).
   */
  void flushObjectStream() throws IOException {
    if (pending == 0) {
      return;
    }
    int number = reserve();
    byte[] header = pendingHeader.toString().getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(packed, new Deflater(6))) {
      z.write(header);
      pendingBody.writeTo(z);
    }
    startObject(number);
    ascii(
        out,
        "<</Type/ObjStm/N "
            + pending
            + "/First "
            + header.length
            + "/Filter/FlateDecode/Length "
            + packed.size()
            + ">>\nstream\n");
    packed.writeTo(out);
    ascii(out, "\nendstream\nendobj\n");
    for (int i = 0; i < pending; i++) {
      xref[pendingNumbers[i]] = -(1 + ((long) number << 16 | i));
    }
    pending = 0;
    pendingBody.reset();
    pendingHeader.setLength(0);
  }

  /**
   * Ends the file: the xref stream with the trailer's entries ({@code /Root}, {@code /Info}, {@code
   * /ID}). Numbers reserved and never written are listed as free.
   */
  void finish(int root, int info, COSArray id) throws IOException {
    flushObjectStream();
    int number = reserve();
    long xrefAt = out.count;
    xref[number] = 1 + xrefAt;
    int offsetBytes = xrefAt < (1L << 32) ? 4 : 5;
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (int n = 0; n < size; n++) {
      long e = xref[n];
      if (e > 0) {
        rows.write(1);
        bytes(rows, e - 1, offsetBytes);
        bytes(rows, 0, 2);
      } else if (e < 0) {
        long packed = -e - 1;
        rows.write(2);
        bytes(rows, packed >>> 16, offsetBytes);
        bytes(rows, packed & 0xFFFF, 2);
      } else {
        rows.write(0);
        bytes(rows, 0, offsetBytes);
        bytes(rows, n == 0 ? 0xFFFF : 0, 2);
      }
    }
    ByteArrayOutputStream packed = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(packed, new Deflater(6))) {
      rows.writeTo(z);
    }
    ascii(out, number + " 0 obj\n<</Type/XRef/Size " + size + "/W[1 " + offsetBytes + " 2]");
    ascii(out, "/Root " + root + " 0 R/Info " + info + " 0 R/ID");
    value(id, out, null);
    ascii(out, "/Filter/FlateDecode/Length " + packed.size() + ">>\nstream\n");
    packed.writeTo(out);
    ascii(out, "\nendstream\nendobj\nstartxref\n" + xrefAt + "\n%%EOF\n");
    out.flush();
  }

  private static void bytes(ByteArrayOutputStream o, long v, int n) {
    for (int i = n - 1; i >= 0; i--) {
      o.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }

  /** An object's own value: a dictionary here is the object itself, written in place. */
  private void top(COSBase v, OutputStream o, Refs refs) throws IOException {
    if (v instanceof COSDictionary d && !(v instanceof COSStream)) {
      dictionary(refs.rewrite(d), o, refs);
    } else {
      value(v, o, refs);
    }
  }

  private void dictionary(COSDictionary d, OutputStream o, Refs refs) throws IOException {
    o.write(COSWriter.DICT_OPEN);
    for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
      e.getKey().writePDF(o);
      o.write(' ');
      value(e.getValue(), o, refs);
    }
    o.write(COSWriter.DICT_CLOSE);
  }

  void value(COSBase v, OutputStream o, Refs refs) throws IOException {
    if (v instanceof COSObject obj) {
      COSBase target = obj.getObject();
      if (target == null || target instanceof COSNull) {
        ascii(o, "null");
      } else {
        ascii(o, refs.ref(target) + " 0 R");
      }
    } else if (v instanceof Ref r) {
      ascii(o, r.number + " 0 R");
    } else if (v instanceof COSStream) {
      ascii(o, refs.ref(v) + " 0 R");
    } else if (v instanceof COSDictionary d) {
      if (d.isDirect()) {
        dictionary(refs.rewrite(d), o, refs);
      } else {
        ascii(o, refs.ref(d) + " 0 R");
      }
    } else if (v instanceof COSArray a) {
      o.write('[');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) {
          o.write(' ');
        }
        value(a.get(i), o, refs);
      }
      o.write(']');
    } else if (v instanceof COSName n) {
      n.writePDF(o);
    } else if (v instanceof COSString s) {
      COSWriter.writeString(s, o);
    } else if (v instanceof COSInteger i) {
      i.writePDF(o);
    } else if (v instanceof COSFloat f) {
      f.writePDF(o);
    } else if (v instanceof COSBoolean b) {
      b.writePDF(o);
    } else if (v == null || v instanceof COSNull) {
      ascii(o, "null");
    } else {
      throw new IOException("cannot write a " + v.getClass().getSimpleName() + " to a PDF");
    }
  }

  private static void ascii(OutputStream o, String s) throws IOException {
    o.write(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static final class CountingStream extends OutputStream {
    private final OutputStream out;
    long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
