package dev.gazette.render.pdf;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Folds every structure element that says nothing, a {@code Span} with no attribute (no language,
 * alternative, actual text, attribute object, class or id), into its parent: its content and child
 * elements take its place, in order, and the parent tree then names the parent as the owner of that
 * content.
 *
 * <p>The layout engine tags each inline box as a {@code Span} of its own, and the PDF renderer
 * splits text into many inline boxes (each kept-together punctuation unit, each Latin run in
 * Chinese text, see {@link InlineEdgePunctuation} and {@link LatinRuns}). A screen reader reads a
 * plain span's text exactly as its parent's, so these elements only cost bytes: on a 142-post
 * Chinese archive they were 24,736 of 61,892 structure elements. A span with a language (an English
 * word in a Chinese paragraph) is kept.
 */
final class PlainSpans {
  private PlainSpans() {}

  /** The keys of a structure element that carry no meaning of their own. */
  private static final Set<COSName> STRUCTURAL =
      Set.of(COSName.TYPE, COSName.S, COSName.P, COSName.PG, COSName.K);

  private static final COSName SPAN = COSName.getPDFName("Span");
  private static final COSName MCR = COSName.getPDFName("MCR");
  private static final COSName OBJR = COSName.getPDFName("OBJR");

  /** Folds the document's plain spans; returns how many were folded. */
  static int fold(PDDocument pdf) {
    var root = pdf.getDocumentCatalog().getStructureTreeRoot();
    if (root == null) {
      return 0;
    }
    Map<COSDictionary, COSDictionary> heirs = new IdentityHashMap<>();
    for (COSBase kid : kids(root.getCOSObject())) {
      if (deref(kid) instanceof COSDictionary e && isElement(e)) {
        fold(e, heirs);
      }
    }
    if (!heirs.isEmpty()) {
      COSBase parentTree = root.getCOSObject().getDictionaryObject(COSName.PARENT_TREE);
      if (parentTree instanceof COSDictionary node) {
        reassign(node, heirs);
      }
    }
    return heirs.size();
  }

  /**
   * Folds the plain spans below {@code element}, deepest first, so a span in a span ends up in the
   * nearest element that is kept. {@code heirs} records, for each folded span, the element that
   * took its content.
   */
  private static void fold(COSDictionary element, Map<COSDictionary, COSDictionary> heirs) {
    List<COSBase> kids = kids(element);
    boolean changed = false;
    List<COSBase> out = new ArrayList<>(kids.size());
    for (COSBase kid : kids) {
      if (!(deref(kid) instanceof COSDictionary child) || !isElement(child)) {
        out.add(kid);
        continue;
      }
      fold(child, heirs);
      if (!isPlainSpan(child)) {
        out.add(kid);
        continue;
      }
      changed = true;
      heirs.put(child, element);
      for (COSBase grandchild : kids(child)) {
        out.add(adopt(grandchild, child, element));
      }
    }
    if (changed) {
      setKids(element, out);
    }
  }

  /** A kid of {@code from} as a kid of {@code to}: still pointing at its own page. */
  private static COSBase adopt(COSBase kid, COSDictionary from, COSDictionary to) {
    COSBase fromPage = deref(from.getItem(COSName.PG));
    COSBase target = deref(kid);
    if (target instanceof COSInteger mcid) {
      // A bare number is marked content on the element's own page.
      if (fromPage == null || samePage(to, fromPage)) {
        return kid;
      }
      if (to.getItem(COSName.PG) == null && !hasNumbers(to)) {
        to.setItem(COSName.PG, from.getItem(COSName.PG));
        return kid;
      }
      COSDictionary mcr = new COSDictionary();
      mcr.setDirect(true);
      mcr.setItem(COSName.TYPE, MCR);
      mcr.setItem(COSName.PG, from.getItem(COSName.PG));
      mcr.setItem(COSName.MCID, mcid);
      return mcr;
    }
    if (target instanceof COSDictionary d) {
      if (isElement(d)) {
        d.setItem(COSName.P, to);
      } else if ((MCR.equals(d.getCOSName(COSName.TYPE)) || OBJR.equals(d.getCOSName(COSName.TYPE)))
          && d.getItem(COSName.PG) == null
          && fromPage != null
          && !samePage(to, fromPage)) {
        // A reference without a page of its own is on its element's page.
        d.setItem(COSName.PG, from.getItem(COSName.PG));
      }
    }
    return kid;
  }

  private static boolean samePage(COSDictionary element, COSBase page) {
    return deref(element.getItem(COSName.PG)) == page;
  }

  private static boolean hasNumbers(COSDictionary element) {
    return kids(element).stream().anyMatch(k -> deref(k) instanceof COSInteger);
  }

  /** Points every entry of the parent tree that names a folded span at the element kept. */
  private static void reassign(COSDictionary node, Map<COSDictionary, COSDictionary> heirs) {
    if (node.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
      for (int i = 1; i < nums.size(); i += 2) {
        COSBase value = deref(nums.get(i));
        if (value instanceof COSArray owners) {
          for (int j = 0; j < owners.size(); j++) {
            COSDictionary heir = heir(deref(owners.get(j)), heirs);
            if (heir != null) {
              owners.set(j, heir);
            }
          }
        } else {
          COSDictionary heir = heir(value, heirs);
          if (heir != null) {
            nums.set(i, heir);
          }
        }
      }
    }
    if (node.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
      for (COSBase kid : kids) {
        if (deref(kid) instanceof COSDictionary d) {
          reassign(d, heirs);
        }
      }
    }
  }

  private static COSDictionary heir(COSBase owner, Map<COSDictionary, COSDictionary> heirs) {
    COSDictionary heir = null;
    for (COSBase o = owner; o instanceof COSDictionary d && heirs.containsKey(d); ) {
      heir = heirs.get(d);
      o = heir;
    }
    return heir;
  }

  private static boolean isElement(COSDictionary d) {
    return d.containsKey(COSName.S);
  }

  private static boolean isPlainSpan(COSDictionary e) {
    return SPAN.equals(e.getCOSName(COSName.S)) && STRUCTURAL.containsAll(e.keySet());
  }

  private static List<COSBase> kids(COSDictionary element) {
    COSBase k = element.getItem(COSName.K);
    List<COSBase> out = new ArrayList<>();
    if (deref(k) instanceof COSArray array) {
      for (COSBase kid : array) {
        out.add(kid);
      }
    } else if (k != null) {
      out.add(k);
    }
    return out;
  }

  private static void setKids(COSDictionary element, List<COSBase> kids) {
    if (kids.isEmpty()) {
      element.removeItem(COSName.K);
    } else if (kids.size() == 1) {
      element.setItem(COSName.K, kids.get(0));
    } else {
      COSArray array = new COSArray();
      kids.forEach(array::add);
      element.setItem(COSName.K, array);
    }
  }

  private static COSBase deref(COSBase b) {
    return b instanceof COSObject o ? o.getObject() : b;
  }
}
