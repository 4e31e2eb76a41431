package dev.gazette.assets;

import dev.gazette.util.Decimals;
import java.awt.geom.PathIterator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.parser.AWTPathProducer;
import org.apache.batik.parser.ParseException;
import org.apache.batik.parser.PathParser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Makes an SVG safe to ship in an EPUB: no DTD (so no entity tricks), no scripts or event handlers,
 * no {@code foreignObject} (its text becomes SVG text), and no reference to anything outside the
 * file (only {@code #id} links, {@code url(#id)} and pictures held as PNG, JPEG or GIF {@code
 * data:} addresses survive; an {@code image} or {@code use} left without its reference, or whose
 * {@code #id} names nothing, goes). The XML parser used never fetches or expands external entities.
 * Text is set in the digest's faces first ({@link SvgFontFamilies}).
 */
final class SvgSanitizer {
  private static final Set<String> DROP =
      Set.of(
          "script",
          "foreignobject",
          "iframe",
          "embed",
          "object",
          "audio",
          "video",
          "handler",
          "listener");

  /** Elements that mean nothing (and stop renderers) once their reference is removed. */
  private static final Set<String> REFERENCING = Set.of("use", "image", "feimage");

  /**
   * A bitmap the drawing holds itself: Affinity Designer and Inkscape embed their pictures so
   * ({@code <image id="_Image1" xlink:href="data:image/png;base64,…">}, used by {@code <use>}).
   * Only PNG, JPEG and GIF, which hold no script.
   */
  private static final Pattern RASTER_DATA =
      Pattern.compile("(?i)data:image/(?:png|jpeg|jpg|gif);base64,[A-Za-z0-9+/=\\s]+");

  private static final Pattern EXTERNAL_URL = Pattern.compile("(?i)url\\(\\s*(?!['\"]?\\s*#)");
  private static final Pattern LENGTH =
      Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(px)?\\s*$");

  /** An XML name without a colon (an NCName): what an id must be. */
  private static final Pattern XML_NAME =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}._\\-\\u00B7]*");

  private static final Pattern URL_REF =
      Pattern.compile("(url\\(\\s*['\"]?#)([^)'\"]+?)(\\s*['\"]?\\s*\\))");
  private static final String SVG_NS = "http://www.w3.org/2000/svg";

  private SvgSanitizer() {}

  static ProcessedImage sanitize(byte[] bytes) throws ImageException {
    Document doc = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
    Element svg =
        doc.children().stream()
            .filter(e -> e.normalName().equals("svg"))
            .findFirst()
            .orElseThrow(() -> new ImageException("SVG without an <svg> root element"));
    for (Node n : doc.childNodes().toArray(new Node[0])) {
      if (n != svg) {
        n.remove(); // doctype, comments, processing instructions, stray text
      }
    }
    clean(svg);
    uniqueIds(svg);
    xmlNameIds(svg);
    outsideStrokeMasks(svg);
    referencesToNothing(svg);
    SvgFontFamilies.apply(svg);
    svg.attr("xmlns", SVG_NS);
    if (!svg.select("[xlink:href]").isEmpty()) {
      svg.attr("xmlns:xlink", "http://www.w3.org/1999/xlink");
    }
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.outerHtml() + "\n";
    int[] size = size(svg);
    return new ProcessedImage(
        ImageType.SVG, xml.getBytes(StandardCharsets.UTF_8), size[0], size[1]);
  }

  private static void clean(Element el) {
    for (Element child : el.children().toArray(new Element[0])) {
      String local = localName(child);
      String css = local.equals("style") ? child.data() + child.wholeText() : "";
      if (DROP.contains(local)
          || EXTERNAL_URL.matcher(css).find()
          || css.toLowerCase(Locale.ROOT).contains("@import")) {
        Element label = local.equals("foreignobject") ? label(child) : null;
        if (label != null) {
          child.replaceWith(label);
        } else {
          child.remove();
        }
      } else {
        clean(child);
        if (REFERENCING.contains(local) && !child.hasAttr("href") && !child.hasAttr("xlink:href")) {
          child.remove(); // its outside reference is gone: without one it is invalid SVG
        }
      }
    }
    boolean picture = localName(el).endsWith("image"); // image, feImage, svg:image
    for (Attribute a : el.attributes().asList()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      String value = a.getValue().strip();
      boolean reference = isHref(key) || key.equals("src");
      boolean inside = value.startsWith("#") || (picture && RASTER_DATA.matcher(value).matches());
      if (key.startsWith("on")
          || (reference && !inside)
          || EXTERNAL_URL.matcher(value).find()
          || value.toLowerCase(Locale.ROOT).contains("javascript:")) {
        el.removeAttr(a.getKey());
      }
    }
  }

  private static final Set<String> WHITE = Set.of("#fff", "#ffffff", "white");

  private static final Set<String> BLACK = Set.of("", "#000", "#000000", "black");

  /** What a mask's shape may say of itself: where it is and how it is filled, nothing more. */
  private static final Set<String> SHAPE_ATTRIBUTES =
      Set.of("x", "y", "width", "height", "d", "fill", "fill-rule", "clip-rule");

  /**
   * A mask that is a white rectangle less some shapes (the "outside stroke" of Figma's exports:
   * {@code <mask><rect fill="#fff" …/><path fill-rule="evenodd" d="…"/></mask>}) becomes the clip
   * path it amounts to, the rectangle and the shapes as one even-odd path. Renderers draw a mask as
   * a bitmap: the PDF got 96 dpi tiles made by Java2D for one picture of antfu.me; a clip path
   * stays a vector, sharp in print. The shapes must be simple or even-odd already, and only {@code
   * mask="url(#id)"} attributes are rewritten; any other mask is left as it is.
   */
  private static void outsideStrokeMasks(Element svg) {
    for (Element mask : svg.getElementsByTag("mask")) {
      String id = mask.id();
      List<Element> parts = mask.children();
      if (id.isEmpty()
          || parts.size() < 2
          || !mask.attr("maskUnits").equals("userSpaceOnUse")
          || !mask.attr("maskContentUnits").isEmpty()
          || !isPlainShape(parts.get(0), "rect", WHITE)) {
        continue;
      }
      Element rect = parts.get(0);
      StringBuilder d = new StringBuilder();
      double x = number(rect.attr("x"));
      double y = number(rect.attr("y"));
      double w = number(rect.attr("width"));
      double h = number(rect.attr("height"));
      if (w <= 0 || h <= 0) {
        continue;
      }
      d.append("M")
          .append(Decimals.upTo3(x))
          .append(' ')
          .append(Decimals.upTo3(y))
          .append("h")
          .append(Decimals.upTo3(w))
          .append("v")
          .append(Decimals.upTo3(h))
          .append("h")
          .append(Decimals.upTo3(-w))
          .append("Z");
      boolean plain = true;
      for (Element shape : parts.subList(1, parts.size())) {
        String path = shape.attr("d");
        boolean evenOdd = shape.attr("fill-rule").equals("evenodd");
        boolean oneOutline = path.replaceAll("[^Mm]", "").length() == 1;
        if (!isPlainShape(shape, "path", BLACK) || path.isBlank() || !(evenOdd || oneOutline)) {
          plain = false;
          break;
        }
        d.append(' ').append(path.strip());
      }
      String reference = "url(#" + id + ")";
      List<Element> users = new ArrayList<>();
      for (Element user : svg.getAllElements()) {
        if (user.attr("mask").replace(" ", "").equals(reference)) {
          users.add(user);
        } else if (user.attr("style").contains("mask")) {
          plain = false; // a mask named in a style: left as it is
        }
      }
      if (!plain || users.isEmpty()) {
        continue;
      }
      if (parts.size() == 2
          && users.size() == 1
          && strokeUnderItsFill(users.get(0), parts.get(1), x, y, w, h)) {
        mask.remove();
        continue;
      }
      // parsed as the file was (XML), so the path is written as the file's are (self-closed)
      mask.before(
          "<clipPath id=\""
              + id
              + "\"><path clip-rule=\"evenodd\" d=\""
              + d.toString().replace("\"", "")
              + "\"/></clipPath>");
      mask.remove();
      for (Element user : users) {
        user.removeAttr("mask").attr("clip-path", reference);
      }
    }
  }

  /**
   * Figma's usual outside stroke: the masked element strokes the mask's shape, and the element just
   * before it fills that shape with an opaque colour. Then the stroke drawn first and the fill over
   * it show the same picture as the mask, with no mask and no clip: the fill covers the stroke's
   * inner half, which is what the mask hid. A clip path is drawn exactly, but Java's area
   * arithmetic (which Batik and the PDF's drawing surface apply to every clip) gave other outlines
   * on JDK 17 and 25 for one picture of antfu.me, so the PDF's bytes depended on the JDK. The
   * mask's rectangle must cover the shape; only the stroke's outer half may reach past it, as
   * Figma's own rectangles let it by a few units.
   */
  private static boolean strokeUnderItsFill(
      Element stroke, Element shape, double x, double y, double w, double h) {
    Element fill = stroke.previousElementSibling();
    String d = shape.attr("d").strip();
    String rule = shape.attr("fill-rule");
    if (fill == null
        || !localName(stroke).equals("path")
        || !stroke.attr("d").strip().equals(d)
        || !stroke.attr("fill-rule").equals(rule)
        || !isBareShape(fill, "path")
        || !OPAQUE_COLOUR.matcher(fill.attr("fill").strip()).matches()
        || !fill.attr("d").strip().equals(d)
        || !fill.attr("fill-rule").equals(rule)) {
      return false;
    }
    for (String painting : List.of("transform", "style", "clip-path", "filter", "class")) {
      if (stroke.hasAttr(painting)) {
        return false;
      }
    }
    for (Element up = fill.parent(); up != null; up = up.parent()) {
      if (up.hasAttr("stroke") || up.attr("style").contains("stroke") || up.hasAttr("class")) {
        return false; // the fill would inherit a stroke, now drawn over the other's
      }
    }
    double[] box = controlBox(d);
    if (box == null || box[0] < x || box[1] < y || box[2] > x + w || box[3] > y + h) {
      return false;
    }
    stroke.removeAttr("mask");
    fill.before(stroke);
    return true;
  }

  /** A colour that hides what is under it, as Figma writes one: #rgb or #rrggbb. */
  private static final Pattern OPAQUE_COLOUR =
      Pattern.compile("#(?:\\p{XDigit}{3}|\\p{XDigit}{6})");

  /**
   * The smallest box that holds a path's points and control points (a curve stays inside it), as
   * min x, min y, max x, max y; null for a path Batik cannot read.
   */
  private static double[] controlBox(String d) {
    AWTPathProducer producer = new AWTPathProducer();
    PathParser parser = new PathParser();
    parser.setPathHandler(producer);
    try {
      parser.parse(d);
    } catch (ParseException e) {
      return null;
    }
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    double[] c = new double[6];
    for (PathIterator it = producer.getShape().getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      int points =
          switch (type) {
            case PathIterator.SEG_CUBICTO -> 3;
            case PathIterator.SEG_QUADTO -> 2;
            case PathIterator.SEG_CLOSE -> 0;
            default -> 1;
          };
      for (int i = 0; i < points; i++) {
        box[0] = Math.min(box[0], c[2 * i]);
        box[1] = Math.min(box[1], c[2 * i + 1]);
        box[2] = Math.max(box[2], c[2 * i]);
        box[3] = Math.max(box[3], c[2 * i + 1]);
      }
    }
    return box[0] <= box[2] ? box : null;
  }

  /**
   * Whether {@code el} is a {@code name} element painted in one of {@code fills} and nothing else
   * (no stroke, opacity, transform, filter or style) that would make the mask more than a shape.
   */
  private static boolean isPlainShape(Element el, String name, Set<String> fills) {
    return isBareShape(el, name)
        && fills.contains(el.attr("fill").strip().toLowerCase(Locale.ROOT));
  }

  /** Whether {@code el} is a {@code name} element with no children and only shape attributes. */
  private static boolean isBareShape(Element el, String name) {
    if (!localName(el).equals(name) || !el.children().isEmpty()) {
      return false;
    }
    for (Attribute a : el.attributes()) {
      if (!SHAPE_ATTRIBUTES.contains(a.getKey().toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  /** An element's name without its namespace prefix, in lower case: {@code svg:image} is image. */
  private static String localName(Element el) {
    String name = el.normalName().toLowerCase(Locale.ROOT);
    return name.substring(name.indexOf(':') + 1);
  }

  /** Whether an attribute, its name in lower case, is a link: {@code href}, {@code xlink:href}. */
  private static boolean isHref(String key) {
    return key.equals("href") || key.endsWith(":href");
  }

  /**
   * Removes what refers to an element the drawing does not have (one the sanitizer removed, or a
   * typo): a {@code use} or {@code image} of nothing goes, a link of nothing loses its address.
   * EPUBCheck rejects such a reference (RSC-012), and renderers stop at it.
   */
  private static void referencesToNothing(Element svg) {
    Set<String> ids = new HashSet<>();
    for (Element el : svg.getAllElements()) {
      if (el.hasAttr("id")) {
        ids.add(el.attr("id"));
      }
    }
    for (Element el : svg.getAllElements()) {
      for (Attribute a : el.attributes().asList()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        String value = a.getValue().strip();
        if (isHref(key) && value.startsWith("#") && !ids.contains(value.substring(1))) {
          if (REFERENCING.contains(localName(el)) && el != svg) {
            el.remove();
          } else {
            el.removeAttr(a.getKey());
          }
          break;
        }
      }
    }
  }

  /**
   * The text of a {@code foreignObject} (HTML inside the drawing, which is not kept) as SVG text
   * centred in its box, a line per HTML line: mermaid writes every label of its diagrams so, and
   * without this they were lost. Null when it holds no text, or when it stands in a {@code switch},
   * whose other branch is the drawing's own text (draw.io).
   */
  private static Element label(Element foreign) {
    if (foreign.parent() != null && foreign.parent().normalName().endsWith("switch")) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    foreign.traverse(
        (node, depth) -> {
          if (node instanceof TextNode t) {
            line.append(t.text());
          } else if (node instanceof Element e
              && node != foreign
              && LINE_BREAKING.contains(e.normalName().toLowerCase(Locale.ROOT))
              && !line.toString().isBlank()) {
            lines.add(line.toString().strip());
            line.setLength(0);
          }
        });
    if (!line.toString().isBlank()) {
      lines.add(line.toString().strip());
    }
    if (lines.isEmpty()) {
      return null;
    }
    double x = number(foreign.attr("x")) + number(foreign.attr("width")) / 2;
    double y = number(foreign.attr("y")) + number(foreign.attr("height")) / 2;
    Element text =
        new Element("text")
            .attr("x", Decimals.upTo3(x))
            .attr("y", Decimals.upTo3(y))
            .attr("text-anchor", "middle");
    for (int i = 0; i < lines.size(); i++) {
      // 0.35em below the centre puts a line's middle there; lines 1.2em apart
      double dy = i == 0 ? 0.35 - 0.6 * (lines.size() - 1) : 1.2;
      text.appendElement("tspan")
          .attr("x", Decimals.upTo3(x))
          .attr("dy", Decimals.upTo3(dy) + "em")
          .text(lines.get(i));
    }
    return text;
  }

  /** HTML elements that start a new line of a label. */
  private static final Set<String> LINE_BREAKING = Set.of("br", "div", "p", "li");

  private static double number(String value) {
    try {
      return value.isBlank() ? 0 : Double.parseDouble(value.strip().replaceFirst("px$", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Drops an id an earlier element already has (pprof's graphs repeat {@code node1}; EPUBCheck
   * RSC-005). References keep pointing where browsers resolve them: to the first.
   */
  private static void uniqueIds(Element svg) {
    Set<String> seen = new HashSet<>();
    for (Element el : svg.select("[id]")) {
      if (!seen.add(el.id())) {
        el.removeAttr("id");
      }
    }
  }

  /**
   * Renames ids that are not XML names ({@code 1a}, {@code a b}, {@code x:y}: EPUBCheck RSC-005)
   * and follows the rename in {@code #id} references and {@code url(#id)} values, styles included.
   */
  private static void xmlNameIds(Element svg) {
    Map<String, String> renamed = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (Element el : svg.select("[id]")) {
      used.add(el.id());
    }
    for (Element el : svg.select("[id]")) {
      String id = el.id();
      if (XML_NAME.matcher(id).matches()) {
        continue;
      }
      String base = "id-" + id.replaceAll("[^A-Za-z0-9_.-]", "_");
      String fresh = base;
      for (int n = 2; used.contains(fresh); n++) {
        fresh = base + "-" + n;
      }
      used.add(fresh);
      renamed.putIfAbsent(id, fresh);
      el.attr("id", fresh);
    }
    if (renamed.isEmpty()) {
      return;
    }
    for (Element el : svg.getAllElements()) {
      for (Attribute a : el.attributes().asList()) {
        String value = a.getValue();
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (isHref(key) && value.startsWith("#")) {
          String target = renamed.get(value.substring(1));
          if (target != null) {
            el.attr(a.getKey(), "#" + target);
          }
        } else if (value.contains("url(")) {
          el.attr(a.getKey(), renameUrls(value, renamed));
        }
      }
      if (el.normalName().endsWith("style")) {
        for (org.jsoup.nodes.DataNode d : el.dataNodes()) {
          d.setWholeData(renameUrls(d.getWholeData(), renamed));
        }
        for (org.jsoup.nodes.TextNode t : el.textNodes()) {
          t.text(renameUrls(t.getWholeText(), renamed));
        }
      }
    }
  }

  private static String renameUrls(String value, Map<String, String> renamed) {
    Matcher m = URL_REF.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String target = renamed.get(m.group(2));
      m.appendReplacement(
          sb,
          Matcher.quoteReplacement(target == null ? m.group() : m.group(1) + target + m.group(3)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Width and height in CSS pixels from the attributes, else the viewBox, else the SVG default. */
  private static int[] size(Element svg) {
    double w = length(svg.attr("width"));
    double h = length(svg.attr("height"));
    String[] box = svg.attr("viewBox").trim().split("[\\s,]+");
    if ((w <= 0 || h <= 0) && box.length == 4) {
      try {
        w = Double.parseDouble(box[2]);
        h = Double.parseDouble(box[3]);
      } catch (NumberFormatException e) {
        w = h = 0;
      }
    }
    if (w <= 0 || h <= 0) {
      return new int[] {300, 150};
    }
    return new int[] {(int) Math.round(w), (int) Math.round(h)};
  }

  private static double length(String value) {
    Matcher m = LENGTH.matcher(value);
    return m.matches() ? Double.parseDouble(m.group(1)) : 0;
  }
}
