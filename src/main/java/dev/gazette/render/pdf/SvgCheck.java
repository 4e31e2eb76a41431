package dev.gazette.render.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.gvt.GraphicsNode;
import org.apache.batik.util.XMLResourceDescriptor;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.svg.SVGDocument;

/**
 * Finds the SVG pictures of a digest that Batik cannot draw, by drawing each one the way the PDF
 * renderer will: copied into a new document of Batik's SVG DOM, its graphics tree built, painted on
 * PDFBox's graphics. A failure there would end the whole PDF (LLVM's blog, Julia's). OpenHTMLtoPDF
 * leaves a silent gap where a drawing fails; these get the note of {@link SvgPlaceholders} instead.
 * The pictures were sanitized when they were read (no scripts, no external references), so building
 * them loads nothing.
 */
final class SvgCheck {
  private SvgCheck() {}

  /**
   * The {@code href}s of the digest's SVG assets that cannot be drawn, each checked as the PDF will
   * draw it ({@code forBatik}: its bytes by href, style sheets mended by {@link SvgStyles}).
   */
  static Set<String> undrawable(Digest digest, Function<String, byte[]> forBatik) {
    Set<String> out = new TreeSet<>();
    for (Asset a : digest.assets()) {
      // a formula's picture is Gazette's own paths (MathPictures), drawable by construction
      if (a.href().endsWith(".svg") && !a.isFormula() && !drawable(forBatik.apply(a.href()))) {
        out.add(a.href());
      }
    }
    return out;
  }

  static boolean drawable(byte[] svg) {
    UserAgent agent = new UserAgentAdapter();
    BridgeContext context = new BridgeContext(agent, new DocumentLoader(agent));
    context.setDynamicState(BridgeContext.STATIC);
    try (PDDocument scratch = new PDDocument()) {
      SVGDocument parsed =
          new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
              .createSVGDocument("gazette://digest/check.svg", new ByteArrayInputStream(svg));
      // OpenHTMLtoPDF copies the drawing into a new document of Batik's SVG DOM, which refuses
      // elements it does not know (SvgForBatik removes those it can)
      Element root = parsed.getDocumentElement();
      Document copy =
          SVGDOMImplementation.getDOMImplementation()
              .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null);
      for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
        copy.getDocumentElement().appendChild(copy.importNode(child, true));
      }
      NamedNodeMap attributes = root.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        copy.getDocumentElement()
            .setAttribute(attributes.item(i).getNodeName(), attributes.item(i).getNodeValue());
      }
      GraphicsNode node = new GVTBuilder().build(context, copy);
      // painted as the PDF paints it: PDFBox's graphics refuse what Batik leaves undone
      PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(scratch, 100f, 100f);
      try {
        node.paint(graphics);
        // what the page does next with its graphics: refused if the drawing left a copy undone
        graphics.setTransform(new java.awt.geom.AffineTransform());
      } finally {
        graphics.dispose();
      }
      return true;
    } catch (Exception | LinkageError | StackOverflowError e) {
      return false; // malformed, or a feature Batik refuses: the PDF shows the note instead
    } finally {
      try {
        context.dispose();
      } catch (RuntimeException e) {
        // Batik's SVG 1.2 bridges fail to let go of a 1.1 document's text (Gadfly's plots say
        // version="1.2"); the drawing was made, and nothing else holds the context
      }
    }
  }
}
