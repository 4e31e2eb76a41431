package dev.gazette.render.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * Mends what OpenHTMLtoPDF's tagging leaves wrong, on the finished document:
 *
 * <ul>
 *   <li>It gives every link an {@code /Alt} from the anchor's {@code title}, empty when there is
 *       none; an empty {@code /Alt} tells a screen reader to read nothing in place of the link
 *       text. Empty ones are removed, so the link's own text is read.
 *   <li>A bullet drawn by {@code li::before} (the stylesheet's bullets, see pdf.css) is tagged as a
 *       list item of its own at the root of the tree, out of its list (PDF/UA-1 7.2-17). Each such
 *       bullet becomes the label ({@code Lbl}) of the next unlabelled list item, in reading order;
 *       should the counts ever differ, the bullets become plain spans where they are. A bullet set
 *       in the item's first line ({@link ListMarkers}) is tagged inside the item's body instead and
 *       becomes its label there.
 *   <li>The contents' dot leaders become artifacts ({@link ContentsLeaders}).
 *   <li>Spans that say nothing are folded into their parents ({@link PlainSpans}), and artifacts
 *       around nothing are removed ({@link EmptyArtifacts}): both only cost bytes.
 *   <li>It paints a page's background colour ({@code @page { background-color }}, the cover page)
 *       before the first marked content, untagged (PDF/UA-1 7.1-3). That fill becomes an artifact.
 * </ul>
 */
final class StructureFixes {
  private StructureFixes() {}

  private static final Set<String> PAINTING =
      Set.of(
          OperatorName.FILL_NON_ZERO,
          OperatorName.LEGACY_FILL_NON_ZERO,
          OperatorName.FILL_EVEN_ODD,
          OperatorName.STROKE_PATH,
          OperatorName.CLOSE_AND_STROKE,
          OperatorName.FILL_NON_ZERO_AND_STROKE,
          OperatorName.FILL_EVEN_ODD_AND_STROKE,
          OperatorName.CLOSE_FILL_NON_ZERO_AND_STROKE,
          OperatorName.CLOSE_FILL_EVEN_ODD_AND_STROKE);

  /**
   * @param clean the pages {@link EmptyArtifacts} need not read, or null
   */
  static void apply(PDDocument pdf, EmptyArtifacts.Clean clean) throws IOException {
    PDStructureTreeRoot root = pdf.getDocumentCatalog().getStructureTreeRoot();
    if (root != null) {
      dropEmptyAlt(root);
      bulletsAsLabels(root);
      PlainSpans.fold(pdf);
      ContentsLeaders.toArtifacts(pdf);
    }
    EmptyArtifacts.remove(pdf, clean);
    for (PDPage page : pdf.getPages()) {
      backgroundAsArtifact(pdf, page);
    }
  }

  private static void dropEmptyAlt(PDStructureTreeRoot root) {
    Deque<Object> todo = new ArrayDeque<>(root.getKids());
    while (!todo.isEmpty()) {
      if (!(todo.pop() instanceof PDStructureElement e)) {
        continue;
      }
      String alt = e.getAlternateDescription();
      if (alt != null
          && alt.isBlank()
          && !StandardStructureTypes.Figure.equals(e.getStructureType())) {
        e.getCOSObject().removeItem(COSName.ALT);
      }
      for (Object kid : e.getKids()) {
        if (kid instanceof PDStructureNode) {
          todo.push(kid);
        }
      }
    }
  }

  private static void bulletsAsLabels(PDStructureTreeRoot root) {
    List<PDStructureElement> stray = new ArrayList<>();
    List<PDStructureElement> unlabelled = new ArrayList<>();
    collectItems(root, null, stray, unlabelled);
    unlabelled.removeIf(StructureFixes::labelInlineBullet);
    if (stray.isEmpty()) {
      return;
    }
    int next = 0;
    for (PDStructureElement bullet : stray) {
      List<PDStructureElement> bodies = new ArrayList<>();
      for (Object kid : bullet.getKids()) {
        if (kid instanceof PDStructureElement e) {
          bodies.add(e);
        }
      }
      // The item the bullet belongs to is the next unlabelled one on the bullet's page (lists
      // without bullets, like the masthead's, are skipped that way).
      while (next < unlabelled.size() && !samePage(unlabelled.get(next), bullet)) {
        next++;
      }
      if (next == unlabelled.size() || bodies.size() != 1 || bullet.getParent() == null) {
        bullet.setStructureType(StandardStructureTypes.SPAN);
        bodies.forEach(b -> b.setStructureType(StandardStructureTypes.SPAN));
        continue;
      }
      // The body element owns the bullet's marked content (the parent tree points at it), so it
      // moves as a whole and becomes the label.
      PDStructureElement label = bodies.get(0);
      PDStructureElement item = unlabelled.get(next++);
      bullet.getParent().removeKid(bullet);
      label.setStructureType(StandardStructureTypes.LBL);
      List<Object> kids = item.getKids();
      if (kids.isEmpty()) {
        item.appendKid(label);
      } else {
        item.insertBefore(label, kids.get(0));
      }
      label.setParent(item);
    }
  }

  /**
   * A bullet set in the item's first line ({@link ListMarkers}) is tagged as a paragraph inside the
   * first block of the item's body ({@code LI > LBody > P > P}), holding only the bullet's marked
   * content: HTML has no paragraph inside a paragraph, so that is the bullet. It becomes the item's
   * label, before the body. Returns whether the item got one.
   */
  private static boolean labelInlineBullet(PDStructureElement item) {
    PDStructureElement body = firstElement(item);
    PDStructureElement block = body == null ? null : firstElement(body);
    PDStructureElement bullet = block == null ? null : firstElement(block);
    if (bullet == null
        || !StandardStructureTypes.L_BODY.equals(body.getStructureType())
        || !StandardStructureTypes.P.equals(block.getStructureType())
        || !StandardStructureTypes.P.equals(bullet.getStructureType())
        || !(block.getKids().get(0) instanceof PDStructureElement)
        || bullet.getKids().isEmpty()
        || bullet.getKids().stream().anyMatch(k -> k instanceof PDStructureNode)) {
      return false;
    }
    block.removeKid(bullet);
    bullet.setStructureType(StandardStructureTypes.LBL);
    item.insertBefore(bullet, body);
    bullet.setParent(item);
    return true;
  }

  private static PDStructureElement firstElement(PDStructureElement e) {
    for (Object kid : e.getKids()) {
      if (kid instanceof PDStructureElement child) {
        return child;
      }
    }
    return null;
  }

  private static boolean samePage(PDStructureElement a, PDStructureElement b) {
    PDPage pa = a.getPage();
    PDPage pb = b.getPage();
    return pa != null && pb != null && pa.getCOSObject() == pb.getCOSObject();
  }

  /** List items outside a list, and items in a list without a label, in reading order. */
  private static void collectItems(
      PDStructureNode node,
      String parentType,
      List<PDStructureElement> stray,
      List<PDStructureElement> unlabelled) {
    for (Object kid : node.getKids()) {
      if (!(kid instanceof PDStructureElement e)) {
        continue;
      }
      if (StandardStructureTypes.LI.equals(e.getStructureType())) {
        if (!StandardStructureTypes.L.equals(parentType)) {
          stray.add(e);
          continue;
        }
        boolean labelled =
            e.getKids().stream()
                .anyMatch(
                    k ->
                        k instanceof PDStructureElement l
                            && StandardStructureTypes.LBL.equals(l.getStructureType()));
        if (!labelled) {
          unlabelled.add(e);
        }
      }
      collectItems(e, e.getStructureType(), stray, unlabelled);
    }
  }

  /**
   * Wraps the painting a page's content stream starts with, before its first marked content, in an
   * {@code /Artifact} sequence. Only the stream's head is read unless there is such painting.
   */
  private static void backgroundAsArtifact(PDDocument pdf, PDPage page) throws IOException {
    if (!untaggedPaintingFirst(page)) {
      return;
    }
    List<Object> tokens = new PDFStreamParser(page).parse();
    List<Object> out = new ArrayList<>(tokens.size() + 4);
    out.add(COSName.ARTIFACT);
    out.add(Operator.getOperator(OperatorName.BEGIN_MARKED_CONTENT));
    boolean closed = false;
    int operands = out.size(); // where the current operator's operands start
    for (Object t : tokens) {
      if (!closed && isMarkedContentStart(t)) {
        // Before the operands (the tag and properties), not between them and the operator.
        out.add(operands, Operator.getOperator(OperatorName.END_MARKED_CONTENT));
        closed = true;
      }
      out.add(t);
      if (t instanceof Operator) {
        operands = out.size();
      }
    }
    if (!closed) {
      out.add(Operator.getOperator(OperatorName.END_MARKED_CONTENT));
    }
    PDStream stream = new PDStream(pdf);
    try (OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
      new ContentStreamWriter(os).writeTokens(out);
    }
    page.setContents(stream);
  }

  private static boolean untaggedPaintingFirst(PDPage page) throws IOException {
    PDFStreamParser parser = new PDFStreamParser(page);
    for (Object t = parser.parseNextToken(); t != null; t = parser.parseNextToken()) {
      if (isMarkedContentStart(t)) {
        return false;
      }
      if (t instanceof Operator op && PAINTING.contains(op.getName())) {
        return true;
      }
      if (t instanceof Operator op
          && (op.getName().equals(OperatorName.BEGIN_TEXT)
              || op.getName().equals(OperatorName.DRAW_OBJECT))) {
        return false; // text or a picture: real content, never hidden as an artifact
      }
    }
    return false;
  }

  private static boolean isMarkedContentStart(Object t) {
    return t instanceof Operator op
        && (op.getName().equals(OperatorName.BEGIN_MARKED_CONTENT_SEQ)
            || op.getName().equals(OperatorName.BEGIN_MARKED_CONTENT));
  }
}
