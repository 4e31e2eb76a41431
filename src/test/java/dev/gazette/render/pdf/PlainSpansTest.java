package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.junit.jupiter.api.Test;

/**
 * Plain spans fold into their parent with their content in order, each marked content still on its
 * page, and the parent tree naming the parent; spans that say something stay.
 */
class PlainSpansTest {
  @Test
  void plainSpansFoldIntoTheirParentAndTheParentTreeFollows() throws Exception {
    try (PDDocument pdf = new PDDocument()) {
      PDPage one = new PDPage();
      PDPage two = new PDPage();
      pdf.addPage(one);
      pdf.addPage(two);
      PDStructureTreeRoot root = new PDStructureTreeRoot();
      pdf.getDocumentCatalog().setStructureTreeRoot(root);
      PDStructureElement p = new PDStructureElement("P", root);
      p.setPage(one);
      root.appendKid(p);
      // P: [Span [Span [mcid 0]], Span lang=en [mcid 1], Span on page two [mcid 0]]
      PDStructureElement outer = span(p, one);
      PDStructureElement inner = span(outer, one);
      inner.appendKid(0);
      PDStructureElement english = span(p, one);
      english.setLanguage("en");
      english.appendKid(1);
      PDStructureElement next = span(p, two);
      next.appendKid(0);
      one.setStructParents(0);
      two.setStructParents(1);
      COSArray nums = new COSArray();
      nums.add(COSInteger.get(0));
      nums.add(owners(inner, english));
      nums.add(COSInteger.get(1));
      nums.add(owners(next));
      COSDictionary tree = new COSDictionary();
      tree.setItem(COSName.NUMS, nums);
      root.setParentTree(new PDNumberTreeNode(tree, PDParentTreeValue.class));

      assertThat(PlainSpans.fold(pdf)).isEqualTo(3);

      List<Object> kids = p.getKids();
      assertThat(kids).hasSize(3);
      assertThat(kids.get(0)).isEqualTo(0);
      assertThat(((PDStructureElement) kids.get(1)).getLanguage()).isEqualTo("en");
      assertThat(((PDStructureElement) kids.get(1)).getParent().getCOSObject())
          .isSameAs(p.getCOSObject());
      PDMarkedContentReference onTwo = (PDMarkedContentReference) kids.get(2);
      assertThat(onTwo.getMCID()).isZero();
      assertThat(onTwo.getPage().getCOSObject()).isSameAs(two.getCOSObject());
      // Page one: mcid 0 belongs to P now, mcid 1 still to the English span; page two: P.
      assertThat(owner(nums, 1, 0)).isSameAs(p.getCOSObject());
      assertThat(owner(nums, 1, 1)).isSameAs(english.getCOSObject());
      assertThat(owner(nums, 3, 0)).isSameAs(p.getCOSObject());
    }
  }

  private static PDStructureElement span(
      org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode parent,
      PDPage page) {
    PDStructureElement span = new PDStructureElement("Span", parent);
    span.setPage(page);
    parent.appendKid(span);
    return span;
  }

  private static COSArray owners(PDStructureElement... elements) {
    COSArray array = new COSArray();
    for (PDStructureElement e : elements) {
      array.add(e);
    }
    return array;
  }

  private static COSBase owner(COSArray nums, int entry, int mcid) {
    return ((COSArray) nums.getObject(entry)).getObject(mcid);
  }
}
