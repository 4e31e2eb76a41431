package dev.gazette.render.pdf;

import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.util.XMLResourceDescriptor;
import org.w3c.dom.svg.SVGDocument;

/**
 * Finds the SVG pictures of a digest that Batik cannot draw, by building each one's graphics tree
 * the way the PDF renderer will. OpenHTMLtoPDF leaves a silent gap where a drawing fails; these get
 * the note of {@link SvgPlaceholders} instead. The pictures were sanitized when they were read (no
 * scripts, no external references), so building them loads nothing.
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
    try {
      SVGDocument doc =
          new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
              .createSVGDocument("gazette://digest/check.svg", new ByteArrayInputStream(svg));
      new GVTBuilder().build(context, doc);
      return true;
    } catch (Exception | LinkageError e) {
      return false; // malformed, or a feature Batik refuses: the PDF shows the note instead
    } finally {
      context.dispose();
    }
  }
}
