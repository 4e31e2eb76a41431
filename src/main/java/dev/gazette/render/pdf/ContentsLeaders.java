package dev.gazette.render.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * Makes the dot leaders of the contents artifacts, so a screen reader reads an entry's title and
 * page number, not "dot dot dot". The layout engine tags every text it draws, the leader too
 * ({@code pdf.css}: {@code .toc-leader::after { content: " ." leader(dotted) }}); the contents
 * markup puts the leader in an element of its own marked {@code lang="zxx"} (BCP 47: no linguistic
 * content; see {@link ContentsEntries}), which the layout engine copies to the structure element.
 * Here each such element of the contents table leaves the structure tree, and its marked content
 * becomes an {@code /Artifact} in the page. No text is decoded: before saving, the fonts have no
 * Unicode map yet.
 */
final class ContentsLeaders {
  private ContentsLeaders() {}

  /** The language tag of the leader's element (ISO 639-2: no linguistic content). */
  static final String NO_LANGUAGE = "zxx";

  /** Turns the contents' leaders into artifacts; returns how many runs were turned. */
  static int toArtifacts(PDDocument pdf) throws IOException {
    var root = pdf.getDocumentCatalog().getStructureTreeRoot();
    PDStructureElement table = root == null ? null : contentsTable(root);
    if (table == null) {
      return 0;
    }
    List<PDStructureElement> leaders = new ArrayList<>();
    leaders(table, leaders);
    // The leaders' marked content, by page: its number and the element holding it.
    Map<COSDictionary, Map<Integer, PDStructureElement>> held = new IdentityHashMap<>();
    Map<COSDictionary, PDPage> pages = new IdentityHashMap<>();
    for (PDStructureElement leader : leaders) {
      collect(leader, held, pages);
      if (leader.getParent() instanceof PDStructureElement parent) {
        parent.removeKid(leader);
      }
    }
    COSBase parentTree = root.getCOSObject().getDictionaryObject(COSName.PARENT_TREE);
    int turned = 0;
    for (Map.Entry<COSDictionary, Map<Integer, PDStructureElement>> e : held.entrySet()) {
      PDPage page = pages.get(e.getKey());
      Set<Integer> mcids = e.getValue().keySet();
      rewrite(pdf, page, mcids);
      COSArray owners = owners(parentTree, page.getStructParents());
      for (Integer mcid : mcids) {
        if (owners != null && mcid < owners.size()) {
          owners.set(mcid, COSNull.NULL);
        }
      }
      turned += mcids.size();
    }
    return turned;
  }

  /** The outermost elements of the table marked as having no language. */
  private static void leaders(PDStructureElement e, List<PDStructureElement> out) {
    for (Object kid : e.getKids()) {
      if (kid instanceof PDStructureElement child) {
        if (NO_LANGUAGE.equals(child.getLanguage())) {
          out.add(child);
        } else {
          leaders(child, out);
        }
      }
    }
  }

  /** The contents: the first table outside the articles, in reading order. */
  private static PDStructureElement contentsTable(PDStructureNode node) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e && !"Art".equals(e.getStructureType())) {
        if ("Table".equals(e.getStructureType())) {
          return e;
        }
        PDStructureElement found = contentsTable(e);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static void collect(
      PDStructureElement e,
      Map<COSDictionary, Map<Integer, PDStructureElement>> held,
      Map<COSDictionary, PDPage> pages) {
    for (Object kid : e.getKids()) {
      if (kid instanceof PDStructureElement child) {
        collect(child, held, pages);
        continue;
      }
      MarkedContentKid mc = MarkedContentKid.of(e, kid);
      if (mc != null && mc.page() != null && mc.mcid() >= 0) {
        pages.putIfAbsent(mc.page().getCOSObject(), mc.page());
        held.computeIfAbsent(mc.page().getCOSObject(), p -> new HashMap<>()).put(mc.mcid(), e);
      }
    }
  }

  /** {@code /Span <</MCID n>> BDC} becomes {@code /Artifact BMC} for each leader {@code n}. */
  private static void rewrite(PDDocument pdf, PDPage page, Set<Integer> leaders)
      throws IOException {
    List<Object> tokens = new PDFStreamParser(page).parse();
    List<Object> out = new ArrayList<>(tokens.size());
    for (Object t : tokens) {
      int n = out.size();
      if (t instanceof Operator op
          && op.getName().equals(OperatorName.BEGIN_MARKED_CONTENT_SEQ)
          && n >= 2
          && out.get(n - 1) instanceof COSDictionary props
          && props.containsKey(COSName.MCID)
          && leaders.contains(props.getInt(COSName.MCID))) {
        out.remove(n - 1);
        out.set(n - 2, COSName.ARTIFACT);
        out.add(Operator.getOperator(OperatorName.BEGIN_MARKED_CONTENT));
        continue;
      }
      out.add(t);
    }
    PDStream stream = new PDStream(pdf);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(os).writeTokens(out);
    }
    page.setContents(stream);
  }

  private static COSArray owners(COSBase node, int key) {
    if (key < 0 || !(node instanceof COSDictionary d)) {
      return null;
    }
    if (d.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
      for (int i = 0; i + 1 < nums.size(); i += 2) {
        if (nums.getObject(i) instanceof COSInteger k
            && k.intValue() == key
            && nums.getObject(i + 1) instanceof COSArray owners) {
          return owners;
        }
      }
    }
    if (d.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
      for (COSBase kid : kids) {
        COSArray found = owners(kid instanceof COSObject o ? o.getObject() : kid, key);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
