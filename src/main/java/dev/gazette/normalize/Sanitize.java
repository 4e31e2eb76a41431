package dev.gazette.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Keeps only elements and attributes that are valid, safe XHTML in an EPUB and meaningful in a
 * digest. Dangerous elements go with their content; unknown or presentational ones are unwrapped
 * (their text stays). Inline {@code style} is dropped, but a centered or right alignment survives
 * as a class.
 */
final class Sanitize implements NormalizeStep {
  /** Removed together with everything inside. */
  static final Set<String> DROP =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "object",
          "embed",
          "applet",
          "head",
          "meta",
          "link",
          "base",
          "title",
          "form",
          "input",
          "button",
          "select",
          "textarea",
          "option",
          "optgroup",
          "datalist",
          "output",
          "canvas",
          "frame",
          "frameset",
          "iframe",
          "svg",
          "math",
          "audio",
          "video",
          "source",
          "track",
          "map",
          "area",
          "dialog",
          "param",
          "portal");

  private static final Set<String> GLOBAL_ATTRS = Set.of("id", "class", "lang", "title", "dir");
  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("p", Set.of()),
          Map.entry("h1", Set.of()),
          Map.entry("h2", Set.of()),
          Map.entry("h3", Set.of()),
          Map.entry("h4", Set.of()),
          Map.entry("h5", Set.of()),
          Map.entry("h6", Set.of()),
          Map.entry("blockquote", Set.of("cite")),
          Map.entry("ul", Set.of()),
          Map.entry("ol", Set.of("start", "reversed", "type")),
          Map.entry("li", Set.of("value")),
          Map.entry("dl", Set.of()),
          Map.entry("dt", Set.of()),
          Map.entry("dd", Set.of()),
          Map.entry("pre", Set.of()),
          Map.entry("code", Set.of()),
          Map.entry("hr", Set.of()),
          Map.entry("table", Set.of()),
          Map.entry("caption", Set.of()),
          Map.entry("thead", Set.of()),
          Map.entry("tbody", Set.of()),
          Map.entry("tfoot", Set.of()),
          Map.entry("tr", Set.of()),
          Map.entry("th", Set.of("colspan", "rowspan", "scope")),
          Map.entry("td", Set.of("colspan", "rowspan")),
          Map.entry("colgroup", Set.of("span")),
          Map.entry("col", Set.of("span")),
          Map.entry("figure", Set.of()),
          Map.entry("figcaption", Set.of()),
          Map.entry("div", Set.of()),
          Map.entry("section", Set.of()),
          Map.entry("article", Set.of()),
          Map.entry("aside", Set.of()),
          Map.entry("header", Set.of()),
          Map.entry("footer", Set.of()),
          Map.entry("center", Set.of()),
          // a link to another post made on an earlier pass keeps what ArticleLinks reads (Links
          // takes both off any other link)
          Map.entry("a", Set.of("href", PostLinks.PLACE, PostLinks.LINE)),
          Map.entry("img", Set.of("src", "alt", "width", "height")),
          Map.entry("br", Set.of()),
          Map.entry("em", Set.of()),
          Map.entry("strong", Set.of()),
          Map.entry("b", Set.of()),
          Map.entry("i", Set.of()),
          Map.entry("u", Set.of()),
          Map.entry("s", Set.of()),
          Map.entry("del", Set.of()),
          Map.entry("ins", Set.of()),
          Map.entry("sub", Set.of()),
          Map.entry("sup", Set.of()),
          Map.entry("small", Set.of()),
          Map.entry("mark", Set.of()),
          Map.entry("q", Set.of()),
          Map.entry("cite", Set.of()),
          Map.entry("abbr", Set.of()),
          Map.entry("kbd", Set.of()),
          Map.entry("samp", Set.of()),
          Map.entry("var", Set.of()),
          Map.entry("span", Set.of()),
          Map.entry("ruby", Set.of()),
          Map.entry("rt", Set.of()),
          Map.entry("rp", Set.of()),
          Map.entry("time", Set.of()),
          Map.entry("dfn", Set.of()),
          Map.entry("bdi", Set.of()),
          Map.entry("bdo", Set.of()),
          Map.entry("wbr", Set.of()));

  private static final Pattern TEXT_ALIGN =
      Pattern.compile("(?i)text-align\\s*:\\s*(center|right)");
  private static final Pattern KEPT_CLASS =
      Pattern.compile(
          "^(align-(center|right)|language-[\\w+#-]+|footnotes|footnote-ref|footnote-backref"
              + "|figure-note|image-link|image-missing|header-image|embed|video-poster|muted"
              + "|code-caption" // a code block's title (CodeFences.caption)
              + "|math|inline|display"
              // CodeHighlight's tokens: code with marked lines is not highlighted again
              + "|hl-[a-z]|"
              + PostLinks.CLASS
              + ")$");
  private static final Pattern COLOR = Pattern.compile("(?i)(?:^|;)\\s*color\\s*:\\s*([^;]+)");
  private static final Pattern INTEGER = Pattern.compile("^\\d{1,5}$");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Node child : body.childNodes().toArray(new Node[0])) {
      clean(child);
    }
  }

  private void clean(Node node) {
    if (node instanceof org.jsoup.nodes.CDataNode) {
      // In HTML a CDATA section outside SVG/MathML is a comment that browsers never show.
      node.remove();
      return;
    }
    if (node instanceof TextNode t) {
      String text = t.getWholeText();
      String valid = xmlCharsOnly(text);
      if (!valid.equals(text)) {
        t.text(valid); // control characters and lone surrogates cannot be written as XML
      }
      return;
    }
    if (!(node instanceof Element el)) {
      node.remove(); // comments, data nodes, doctype, processing instructions
      return;
    }
    String tag = el.normalName();
    if (DROP.contains(tag)) {
      el.remove();
      return;
    }
    for (Node child : el.childNodes().toArray(new Node[0])) {
      clean(child);
    }
    if (tag.equals("font") && isGrey(el.attr("style") + ";color:" + el.attr("color"))) {
      el.tagName("span"); // a grey <font> is a caption mark; other <font>s are unwrapped below
      tag = "span";
    }
    Set<String> allowed = ALLOWED.get(tag);
    if (allowed == null) {
      el.unwrap();
      return;
    }
    if (tag.equals("a") && !el.hasAttr("id") && !el.attr("name").isBlank()) {
      // an old-style anchor (<a name="x">): its name is the place a link to #x goes to
      el.attr("id", el.attr("name"));
    }
    String align = alignment(el);
    String style = el.attr("style") + (el.hasAttr("color") ? ";color:" + el.attr("color") : "");
    // a formula's picture keeps the size and baseline Formulas gave it, and no other style
    String formulaBox =
        tag.equals("img") && el.hasClass("math") && Formulas.STYLE.matcher(style).matches()
            ? style
            : null;
    for (Attribute a : el.attributes().asList()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      if (!(allowed.contains(key) || GLOBAL_ATTRS.contains(key))
          || !validValue(tag, key, a.getValue())) {
        el.removeAttr(a.getKey());
      } else if (!xmlCharsOnly(a.getValue()).equals(a.getValue())) {
        el.attr(a.getKey(), xmlCharsOnly(a.getValue()));
      }
    }
    String classes =
        el.classNames().stream()
            .filter(c -> KEPT_CLASS.matcher(c).matches())
            .reduce((x, y) -> x + " " + y)
            .orElse("");
    if (isGrey(style) && !classes.contains("muted")) {
      classes = (classes + " muted").strip();
    }
    if (align != null && !classes.contains("align-")) {
      classes = (classes + " align-" + align).strip();
    }
    if (classes.isEmpty()) {
      el.removeAttr("class");
    } else {
      el.attr("class", classes);
    }
    if (tag.equals("bdo") && !el.attr("dir").matches("ltr|rtl")) {
      el.unwrap(); // a bdo without a direction is invalid XHTML and means nothing
      return;
    }
    if (formulaBox != null) {
      el.attr("style", formulaBox);
    }
    if (tag.equals("img") && !el.hasAttr("alt")) {
      el.attr("alt", "");
    }
  }

  /** Grey text marks photo captions in news HTML; black and near-white do not count. */
  static boolean isGrey(String style) {
    Matcher m = COLOR.matcher(style);
    if (!m.find()) {
      return false;
    }
    String c = m.group(1).strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (c.matches("gr[ae]y|silver|darkgr[ae]y|dimgr[ae]y")) {
      return true;
    }
    int r;
    int g;
    int b;
    if (c.matches("#[0-9a-f]{3}")) {
      r = Integer.parseInt(c.substring(1, 2), 16) * 17;
      g = Integer.parseInt(c.substring(2, 3), 16) * 17;
      b = Integer.parseInt(c.substring(3, 4), 16) * 17;
    } else if (c.matches("#[0-9a-f]{6}")) {
      r = Integer.parseInt(c.substring(1, 3), 16);
      g = Integer.parseInt(c.substring(3, 5), 16);
      b = Integer.parseInt(c.substring(5, 7), 16);
    } else if (c.matches("rgba?\\(\\d{1,3},\\d{1,3},\\d{1,3}(,[0-9.]+)?\\)")) {
      String[] parts = c.replaceAll("[^0-9,.]", "").split(",");
      r = Integer.parseInt(parts[0]);
      g = Integer.parseInt(parts[1]);
      b = Integer.parseInt(parts[2]);
    } else {
      return false;
    }
    int spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    return spread <= 24 && r >= 0x60 && r <= 0xD0;
  }

  /** {@code s} without the characters XML 1.0 forbids (control characters, lone surrogates). */
  static String xmlCharsOnly(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!dev.gazette.util.Xml.isXmlChar(cp)) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(dev.gazette.util.Xml::isXmlChar).forEach(sb::appendCodePoint);
        return sb.toString();
      }
      i += Character.charCount(cp);
    }
    return s;
  }

  private static String alignment(Element el) {
    String style = el.attr("style");
    Matcher m = TEXT_ALIGN.matcher(style);
    if (m.find()) {
      return m.group(1).toLowerCase(Locale.ROOT);
    }
    String align = el.attr("align").toLowerCase(Locale.ROOT).strip();
    if (align.equals("center") || align.equals("right")) {
      return align;
    }
    return el.normalName().equals("center") ? "center" : null;
  }

  private static boolean validValue(String tag, String key, String value) {
    switch (key) {
      case "width", "height", "colspan", "rowspan", "span", "start", "value":
        return INTEGER.matcher(value.strip()).matches() && !value.strip().equals("0");
      case "id":
        return !value.isBlank();
      case "lang":
        return value.matches("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$");
      case "dir":
        return value.equals("ltr") || value.equals("rtl") || value.equals("auto");
      case "reversed":
        return true;
      case "type":
        return value.matches("^[1aAiI]$");
      case "scope":
        return value.matches("^(row|col|rowgroup|colgroup)$");
      default:
        return true;
    }
  }
}
