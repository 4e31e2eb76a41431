package dev.gazette.render.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Removes the artifact sequences that mark nothing ({@code /Artifact /Prop7 BDC EMC}) and the
 * property lists only they used.
 *
 * <p>In tagged mode the layout engine opens an artifact, with a property list of its own (an
 * indirect object naming the box: {@code /Type /Background /BBox […]}), for the background and
 * borders of every box it paints, also when the box has neither. On a 142-post Chinese archive (834
 * pages) that was 120,015 property lists, almost all around nothing: 2 MB of a 7 MB file. An empty
 * artifact hides nothing from a screen reader, so leaving it out changes no reading.
 */
final class EmptyArtifacts {
  private EmptyArtifacts() {}

  /** Removes the empty artifacts of every page; returns how many went. */
  static int remove(PDDocument pdf) throws IOException {
    int removed = 0;
    Map<COSDictionary, Set<COSName>> used = new IdentityHashMap<>();
    for (PDPage page : pdf.getPages()) {
      List<Object> tokens = new PDFStreamParser(page).parse();
      List<Object> out = new ArrayList<>(tokens.size());
      for (Object t : tokens) {
        if (t instanceof Operator op
            && op.getName().equals(OperatorName.END_MARKED_CONTENT)
            && emptyArtifactAtEnd(out)) {
          removeOpening(out);
          removed++;
          continue;
        }
        out.add(t);
      }
      COSDictionary properties = properties(page);
      if (properties != null) {
        used.computeIfAbsent(properties, p -> new HashSet<>()).addAll(propertyNames(out));
      }
      if (out.size() != tokens.size()) {
        PDStream stream = new PDStream(pdf);
        try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
          new ContentStreamWriter(os).writeTokens(out);
        }
        page.setContents(stream);
      }
    }
    // Property lists no page uses any more are left out of the file (resources may be shared).
    for (Map.Entry<COSDictionary, Set<COSName>> e : used.entrySet()) {
      COSDictionary properties = e.getKey();
      for (COSName name : new ArrayList<>(properties.keySet())) {
        if (!e.getValue().contains(name)) {
          properties.removeItem(name);
        }
      }
    }
    return removed;
  }

  private static COSDictionary properties(PDPage page) {
    return page.getResources() == null
        ? null
        : page.getResources().getCOSObject().getCOSDictionary(COSName.PROPERTIES);
  }

  /** Does {@code out} end with the opening of an artifact ({@code BMC} or {@code BDC})? */
  private static boolean emptyArtifactAtEnd(List<Object> out) {
    int n = out.size();
    if (n >= 2 && isOperator(out.get(n - 1), OperatorName.BEGIN_MARKED_CONTENT)) {
      return COSName.ARTIFACT.equals(out.get(n - 2));
    }
    if (n >= 3 && isOperator(out.get(n - 1), OperatorName.BEGIN_MARKED_CONTENT_SEQ)) {
      return COSName.ARTIFACT.equals(out.get(n - 3));
    }
    return false;
  }

  private static void removeOpening(List<Object> out) {
    int operands = isOperator(out.get(out.size() - 1), OperatorName.BEGIN_MARKED_CONTENT) ? 1 : 2;
    for (int i = 0; i <= operands; i++) {
      out.remove(out.size() - 1);
    }
  }

  /** The property lists named by {@code BDC} or {@code DP} operators ({@code /Tag /Name BDC}). */
  private static Set<COSName> propertyNames(List<Object> tokens) {
    Set<COSName> names = new HashSet<>();
    for (int i = 1; i < tokens.size(); i++) {
      if ((isOperator(tokens.get(i), OperatorName.BEGIN_MARKED_CONTENT_SEQ)
              || isOperator(tokens.get(i), OperatorName.MARKED_CONTENT_POINT_WITH_PROPS))
          && tokens.get(i - 1) instanceof COSName name) {
        names.add(name);
      }
    }
    return names;
  }

  private static boolean isOperator(Object token, String name) {
    return token instanceof Operator op && op.getName().equals(name);
  }
}
