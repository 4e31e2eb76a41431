package dev.gazette.render.pdf;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;

/**
 * A structure element's kid that stands for marked content: the page it is on and its MCID. A bare
 * MCID lies on the element's own page; a marked-content reference names its page or, without one,
 * also lies on the element's.
 */
record MarkedContentKid(PDPage page, int mcid) {

  /** The marked content {@code kid} of {@code parent} stands for, or null for any other kid. */
  static MarkedContentKid of(PDStructureElement parent, Object kid) {
    if (kid instanceof Integer n) {
      return new MarkedContentKid(parent.getPage(), n);
    }
    if (kid instanceof PDMarkedContentReference r) {
      return new MarkedContentKid(
          r.getPage() != null ? r.getPage() : parent.getPage(), r.getMCID());
    }
    return null;
  }
}
