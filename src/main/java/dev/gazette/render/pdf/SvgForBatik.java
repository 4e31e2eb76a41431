package dev.gazette.render.pdf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.anim.dom.SVGDOMImplementation;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;
import org.w3c.dom.DOMException;

/**
 * The elements of an SVG picture rearranged so that Batik draws them inside OpenHTMLtoPDF, where
 * two things that browsers draw ended the whole build:
 *
 * <ul>
 *   <li>An element Batik's SVG DOM does not know, such as the {@code <boundingbox>} that Gadfly (a
 *       Julia plotting package) writes inside {@code <metadata>}: OpenHTMLtoPDF copies the drawing
 *       into Batik's DOM, which refuses to make it ({@code DOMException}; Julia's blog). Such an
 *       element draws nothing in a browser either; it goes.
 *   <li>An element with a {@code clip-path} that Batik paints off screen, for its {@code opacity},
 *       {@code filter} or {@code mask}: Batik leaves a copy of the graphics undisposed, and the
 *       PDF's graphics refuse to go on ({@code IllegalStateException: Don't use the main context as
 *       long as a copy is active}; LLVM's blog, a matplotlib chart whose lines have {@code opacity:
 *       0.5}). The element's {@code transform} and {@code clip-path} move to a {@code <g>} around
 *       it, which draws the same: the element's user space and its clip are the group's.
 * </ul>
 *
 * The EPUB keeps the drawing as written.
 */
final class SvgForBatik {
  private SvgForBatik() {}

  private static final Pattern UNPREFIXED_TAG = Pattern.compile("<([A-Za-z_][\\w.-]*)[\\s/>]");

  private static final Pattern EMPTY_SIZE = Pattern.compile("\\s(?:width|height)=[\"']\\s*[\"']");

  private static final Pattern OFFSCREEN_STYLE =
      Pattern.compile("(?i)(?:^|;)\\s*(opacity|filter|mask)\\s*:\\s*([^;]*)");

  private static final Pattern CLIP_STYLE =
      Pattern.compile("(?i)(?:^|;)\\s*(clip-path|transform)\\s*:\\s*([^;]*);?");

  /** Whether Batik's SVG DOM makes an element of each name, as it was asked. */
  private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

  /** {@code svg} as Batik draws it inside OpenHTMLtoPDF: the same bytes when nothing needs it. */
  static byte[] drawable(byte[] svg) {
    String xml = new String(svg, StandardCharsets.UTF_8);
    Set<String> unknown = unknownElements(xml);
    if (unknown.isEmpty() && !xml.contains("clip-path") && !EMPTY_SIZE.matcher(xml).find()) {
      return svg;
    }
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    boolean changed = false;
    for (String name : unknown) {
      for (Element e : doc.getElementsByTag(name)) {
        e.remove();
        changed = true;
      }
    }
    for (Element root : doc.select("svg")) {
      for (String size : new String[] {"width", "height"}) {
        if (root.hasAttr(size) && root.attr(size).isBlank()) {
          root.removeAttr(size); // as a browser reads it: no size, the viewBox's proportions
          changed = true;
        }
      }
    }
    for (Element e : doc.select("[clip-path], [style*=clip-path]")) {
      if (e.parent() != null
          && paintedOffscreen(e)
          && e.parents().stream().noneMatch(p -> p.normalName().equals("clippath"))) {
        clipAround(doc, e);
        changed = true;
      }
    }
    if (!changed) {
      return svg;
    }
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
  }

  /** The names of the drawing's unprefixed (SVG) elements that Batik's DOM cannot make. */
  private static Set<String> unknownElements(String xml) {
    Set<String> out = new TreeSet<>();
    Matcher m = UNPREFIXED_TAG.matcher(xml);
    while (m.find()) {
      String name = m.group(1);
      if (!KNOWN.computeIfAbsent(name, SvgForBatik::batikMakes)) {
        out.add(name);
      }
    }
    return out;
  }

  private static boolean batikMakes(String name) {
    try {
      SVGDOMImplementation.getDOMImplementation()
          .createDocument(SVGDOMImplementation.SVG_NAMESPACE_URI, "svg", null)
          .createElementNS(SVGDOMImplementation.SVG_NAMESPACE_URI, name);
      return true;
    } catch (DOMException e) {
      return false;
    }
  }

  /** Whether Batik paints {@code e} off screen: an opacity below 1, a filter or a mask. */
  private static boolean paintedOffscreen(Element e) {
    if (offscreen("opacity", e.attr("opacity"))
        || offscreen("filter", e.attr("filter"))
        || offscreen("mask", e.attr("mask"))) {
      return true;
    }
    Matcher m = OFFSCREEN_STYLE.matcher(e.attr("style"));
    while (m.find()) {
      if (offscreen(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean offscreen(String property, String value) {
    String v = value.strip();
    if (v.isEmpty() || v.equalsIgnoreCase("none") || v.equalsIgnoreCase("inherit")) {
      return false;
    }
    if (!property.equals("opacity")) {
      return true;
    }
    try {
      return Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v)
          < (v.endsWith("%") ? 100 : 1);
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  /** Moves {@code e}'s transform and clip-path, attributes or style, to a group around it. */
  private static void clipAround(Document doc, Element e) {
    Element g = doc.createElement("g");
    for (String name : new String[] {"transform", "clip-path"}) {
      if (e.hasAttr(name)) {
        g.attr(name, e.attr(name));
        e.removeAttr(name);
      }
    }
    Matcher m = CLIP_STYLE.matcher(e.attr("style"));
    StringBuilder rest = new StringBuilder();
    while (m.find()) {
      g.attr(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2).strip());
      m.appendReplacement(rest, ";");
    }
    m.appendTail(rest);
    if (!rest.toString().equals(e.attr("style"))) {
      e.attr("style", rest.toString().replaceAll("^;+|;+$", "").replaceAll(";;+", ";"));
    }
    e.before(g);
    g.appendChild(e);
  }
}
