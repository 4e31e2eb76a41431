package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.render.pdf.PdfObjectWriter.Ref;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/**
 * The join's object writer ({@link PdfObjectWriter}): every kind of value reads back with PDFBox as
 * written, from object streams and an xref stream, and a stream keeps its encoded bytes.
 */
class PdfObjectWriterTest {
  /** Numbers objects in the order they are referred to; writes them when drained. */
  private static final class Numbering implements PdfObjectWriter.Refs {
    final PdfObjectWriter w;
    final Map<COSBase, Integer> numbers = new IdentityHashMap<>();
    final List<COSBase> queue = new ArrayList<>();

    Numbering(PdfObjectWriter w) {
      this.w = w;
    }

    @Override
    public int ref(COSBase target) {
      return numbers.computeIfAbsent(
          target,
          t -> {
            queue.add(t);
            return w.reserve();
          });
    }

    void drain() throws IOException {
      for (int i = 0; i < queue.size(); i++) {
        w.put(numbers.get(queue.get(i)), queue.get(i), this);
      }
    }
  }

  @Test
  void valuesReadBackAsWritten() throws Exception {
    byte[] content = "BT /F1 12 Tf (Hi) Tj ET".getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    PdfObjectWriter w = new PdfObjectWriter(file, "1.7");
    Numbering refs = new Numbering(w);
    int catalog = w.reserve();
    int pages = w.reserve();

    try (PDDocument scratch = new PDDocument()) {
      COSStream stream = scratch.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(content);
      }
      COSDictionary page = new COSDictionary();
      page.setItem(COSName.TYPE, COSName.PAGE);
      page.setItem(COSName.PARENT, new Ref(pages));
      page.setItem(COSName.MEDIA_BOX, PDRectangle.A5.getCOSArray());
      page.setItem(COSName.CONTENTS, stream);
      // Names with delimiters and non-ASCII, strings with brackets and UTF-16, all number kinds.
      COSDictionary odd = new COSDictionary();
      odd.setDirect(true);
      odd.setItem(COSName.getPDFName("A b#(c)/d"), COSName.getPDFName("中文 name"));
      odd.setItem(COSName.getPDFName("S"), new COSString("(paren) \\ back\nslash"));
      odd.setItem(COSName.getPDFName("U"), new COSString("标题"));
      odd.setItem(COSName.getPDFName("N"), COSInteger.get(-42));
      odd.setItem(COSName.getPDFName("F"), new COSFloat(0.125f));
      odd.setItem(COSName.getPDFName("B"), COSBoolean.TRUE);
      odd.setItem(COSName.getPDFName("Z"), COSNull.NULL);
      COSArray nested = new COSArray();
      nested.add(COSInteger.get(1));
      nested.add(new COSArray());
      odd.setItem(COSName.getPDFName("Arr"), nested);
      page.setItem(COSName.getPDFName("Odd"), odd);
      int pageNumber = refs.ref(page);
      refs.drain();

      COSDictionary tree = new COSDictionary();
      tree.setItem(COSName.TYPE, COSName.PAGES);
      COSArray kids = new COSArray();
      kids.add(new Ref(pageNumber));
      tree.setItem(COSName.KIDS, kids);
      tree.setInt(COSName.COUNT, 1);
      w.put(pages, tree, refs);
      COSDictionary cat = new COSDictionary();
      cat.setItem(COSName.TYPE, COSName.CATALOG);
      cat.setItem(COSName.PAGES, new Ref(pages));
      w.put(catalog, cat, refs);
      COSDictionary info = new COSDictionary();
      info.setString(COSName.TITLE, "T");
      int infoNumber = refs.ref(info);
      refs.drain();
      COSArray id = new COSArray();
      id.add(new COSString(new byte[] {1, 2, 3}));
      id.add(new COSString(new byte[] {1, 2, 3}));
      w.finish(catalog, infoNumber, id);
    }

    try (PDDocument pdf = Loader.loadPDF(file.toByteArray())) {
      assertThat(pdf.getDocument().isXRefStream()).isTrue();
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("T");
      PDPage page = pdf.getPage(0);
      assertThat(page.getMediaBox().getWidth()).isEqualTo(PDRectangle.A5.getWidth());
      try (InputStream in = page.getContents()) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
      COSDictionary odd = page.getCOSObject().getCOSDictionary(COSName.getPDFName("Odd"));
      assertThat(odd.getCOSName(COSName.getPDFName("A b#(c)/d")).getName()).isEqualTo("中文 name");
      assertThat(odd.getString(COSName.getPDFName("S"))).isEqualTo("(paren) \\ back\nslash");
      assertThat(odd.getString(COSName.getPDFName("U"))).isEqualTo("标题");
      assertThat(odd.getInt(COSName.getPDFName("N"))).isEqualTo(-42);
      assertThat(odd.getFloat(COSName.getPDFName("F"))).isEqualTo(0.125f);
      assertThat(odd.getBoolean(COSName.getPDFName("B"), false)).isTrue();
      assertThat(odd.getDictionaryObject(COSName.getPDFName("Z"))).isNull();
      COSArray arr = odd.getCOSArray(COSName.getPDFName("Arr"));
      assertThat(arr.getInt(0)).isEqualTo(1);
      assertThat(arr.getObject(1)).isInstanceOf(COSArray.class);
      assertThat(pdf.getDocument().getTrailer().getCOSArray(COSName.ID).size()).isEqualTo(2);
    }
  }
}
