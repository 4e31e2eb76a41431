package dev.gazette.render.pdf;

import dev.gazette.util.Decimals;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.batik.anim.dom.SAXSVGDocumentFactory;
import org.apache.batik.bridge.BridgeContext;
import org.apache.batik.bridge.DocumentLoader;
import org.apache.batik.bridge.GVTBuilder;
import org.apache.batik.bridge.UserAgent;
import org.apache.batik.bridge.UserAgentAdapter;
import org.apache.batik.util.XMLResourceDescriptor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Style sheets inside SVG pictures, made readable for Batik, which draws them in the PDF. Batik's
 * CSS is SVG 1.1's: mermaid's diagrams colour with {@code rgba()} and {@code hsl()}, and one rule
 * Batik cannot read makes it refuse the whole sheet; inside OpenHTMLtoPDF, whose drawings have no
 * address, that refusal is a {@code NullPointerException} that ended the whole build
 * (maku77.github.io, a mermaid sequence diagram). Here, in the copy the PDF draws:
 *
 * <ul>
 *   <li>{@code rgba()}/{@code hsla()} in {@code fill}, {@code stroke}, {@code stop-color} and
 *       {@code flood-color} become {@code rgb()} and the matching {@code *-opacity}; {@code hsl()}
 *       becomes {@code rgb()};
 *   <li>a declaration Batik still cannot read goes, and so does a rule with nothing readable left;
 *       a sheet that still fails goes whole, so the drawing is never refused for its style.
 * </ul>
 *
 * The EPUB keeps the sheets as written: readers' browsers read them.
 */
final class SvgStyles {
  private SvgStyles() {}

  /** The drawing Batik is given, and how many declarations or rules were left out of it. */
  record Readable(byte[] svg, int leftOut) {}

  private static final Pattern COLOUR_FUNCTION =
      Pattern.compile("(?i)\\b(rgba?|hsla?)\\(\\s*([^)]*)\\)");

  private static final List<String> OPACITY_OF =
      List.of("fill", "stroke", "stop-color", "flood-color");

  /** {@code svg} as Batik can draw it: the same bytes when its sheets are readable. */
  static Readable readable(byte[] svg) {
    String xml = new String(svg, StandardCharsets.UTF_8);
    if (!xml.contains("<style")) {
      return new Readable(svg, 0);
    }
    Document doc = Jsoup.parse(xml, "", Parser.xmlParser());
    int leftOut = 0;
    boolean changed = false;
    for (Element style : doc.select("style")) {
      String css = style.data() + style.wholeText();
      if (readable(css)) {
        continue;
      }
      Sheet mended = mend(css);
      changed = true;
      leftOut += mended.leftOut();
      style.empty();
      if (readable(mended.css())) {
        style.appendChild(new DataNode(mended.css()));
      } else {
        leftOut++;
        style.remove();
      }
    }
    if (!changed) {
      return new Readable(svg, 0);
    }
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    return new Readable(doc.outerHtml().getBytes(StandardCharsets.UTF_8), leftOut);
  }

  private record Sheet(String css, int leftOut) {}

  /**
   * The rules of {@code css}, each with its colours rewritten and its unreadable parts left out.
   */
  private static Sheet mend(String css) {
    StringBuilder out = new StringBuilder();
    int leftOut = 0;
    for (String rule : rules(css)) {
      int open = rule.indexOf('{');
      if (rule.strip().startsWith("@") || open < 0) {
        if (readable(rule)) {
          out.append(rule);
        } else {
          leftOut++;
        }
        continue;
      }
      String selector = rule.substring(0, open);
      String body = rule.substring(open + 1, rule.lastIndexOf('}'));
      List<String> kept = new ArrayList<>();
      for (String declaration : body.split(";")) {
        if (declaration.isBlank()) {
          continue;
        }
        String d = withSvgColours(declaration);
        if (readable(selector + "{" + d + "}")) {
          kept.add(d);
        } else {
          leftOut++;
        }
      }
      if (!kept.isEmpty()) {
        out.append(selector).append('{').append(String.join(";", kept)).append('}');
      }
    }
    return new Sheet(out.toString(), leftOut);
  }

  /** Top-level rules: a selector and its block, an at-rule with its block, or up to a {@code ;}. */
  private static List<String> rules(String css) {
    List<String> rules = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < css.length(); i++) {
      char c = css.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0 && --depth == 0) {
        rules.add(css.substring(start, i + 1));
        start = i + 1;
      } else if (c == ';' && depth == 0) {
        rules.add(css.substring(start, i + 1)); // @import, @charset
        start = i + 1;
      }
    }
    return rules;
  }

  /**
   * {@code fill: rgba(255, 0, 0, 0.5)} as {@code fill: rgb(255,0,0); fill-opacity: 0.5}; colours in
   * {@code hsl()} as {@code rgb()}. Anything else as it was.
   */
  static String withSvgColours(String declaration) {
    int colon = declaration.indexOf(':');
    if (colon < 0) {
      return declaration;
    }
    String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    String value = declaration.substring(colon + 1);
    Matcher m = COLOUR_FUNCTION.matcher(value);
    if (!m.find()) {
      return declaration;
    }
    String function = m.group(1).toLowerCase(Locale.ROOT);
    String[] parts = m.group(2).trim().split("\\s*[,/]\\s*|\\s+");
    if (parts.length < 3 || (function.equals("rgb") && parts.length == 3)) {
      return declaration;
    }
    try {
      int[] rgb =
          function.startsWith("hsl")
              ? hslToRgb(number(parts[0]), percent(parts[1]), percent(parts[2]))
              : new int[] {channel(parts[0]), channel(parts[1]), channel(parts[2])};
      double alpha = parts.length > 3 ? alpha(parts[3]) : 1;
      String colour = "rgb(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + ")";
      String out =
          declaration.substring(0, colon + 1)
              + value.substring(0, m.start())
              + colour
              + value.substring(m.end());
      if (alpha < 1 && OPACITY_OF.contains(property)) {
        String opacity = property.replace("-color", "") + "-opacity";
        out += ";" + opacity + ":" + Decimals.upTo3(alpha);
      }
      return out;
    } catch (NumberFormatException e) {
      return declaration;
    }
  }

  private static int channel(String s) {
    double v = s.endsWith("%") ? percent(s) * 255 : Double.parseDouble(s);
    return (int) Math.round(Math.max(0, Math.min(255, v)));
  }

  private static double alpha(String s) {
    double v = s.endsWith("%") ? percent(s) : Double.parseDouble(s);
    return Math.max(0, Math.min(1, v));
  }

  private static double percent(String s) {
    return Double.parseDouble(s.replace("%", "")) / 100;
  }

  private static double number(String s) {
    return Double.parseDouble(s.replaceAll("(?i)deg$", ""));
  }

  private static int[] hslToRgb(double h, double s, double l) {
    double c = (1 - Math.abs(2 * l - 1)) * s;
    double hp = ((h % 360) + 360) % 360 / 60;
    double x = c * (1 - Math.abs(hp % 2 - 1));
    double[] rgb =
        hp < 1
            ? new double[] {c, x, 0}
            : hp < 2
                ? new double[] {x, c, 0}
                : hp < 3
                    ? new double[] {0, c, x}
                    : hp < 4
                        ? new double[] {0, x, c}
                        : hp < 5 ? new double[] {x, 0, c} : new double[] {c, 0, x};
    double m = l - c / 2;
    return new int[] {
      (int) Math.round((rgb[0] + m) * 255),
      (int) Math.round((rgb[1] + m) * 255),
      (int) Math.round((rgb[2] + m) * 255)
    };
  }

  /** Whether Batik reads {@code css} without an error, as a sheet in a drawing. */
  static boolean readable(String css) {
    String svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><style type=\"text/css\"><![CDATA["
            + css.replace("]]>", "]]]]><![CDATA[>")
            + "]]></style><rect width=\"1\" height=\"1\"/></svg>";
    boolean[] failed = {false};
    UserAgent agent =
        new UserAgentAdapter() {
          @Override
          public void displayError(Exception e) {
            failed[0] = true;
          }

          @Override
          public void displayError(String message) {
            failed[0] = true;
          }
        };
    BridgeContext context = new BridgeContext(agent, new DocumentLoader(agent));
    context.setDynamicState(BridgeContext.STATIC);
    try {
      new GVTBuilder()
          .build(
              context,
              new SAXSVGDocumentFactory(XMLResourceDescriptor.getXMLParserClassName())
                  .createSVGDocument(
                      "gazette://digest/style.svg",
                      new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
      return !failed[0];
    } catch (Exception | LinkageError e) {
      return false;
    } finally {
      context.dispose();
    }
  }
}
