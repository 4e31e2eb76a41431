package dev.gazette.typeset;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Records which characters each {@link FontRole} must draw, by walking the documents a renderer
 * writes. The element-to-role rules mirror {@code styles/base.css}; every role also gets a base
 * set (ASCII, digits, common CJK punctuation) so a reader's own generated text still has glyphs.
 */
public final class FontUsage {
  /** Printed in every role: Latin letters, digits, and the punctuation of Chinese text. */
  static final String BASE = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
      + "abcdefghijklmnopqrstuvwxyz{|}~ ，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕…—–·・～　￥％＋－＝／";

  private static final Pattern CSS_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private final Map<FontRole, Set<Integer>> used = new EnumMap<>(FontRole.class);

  public FontUsage() {
    for (FontRole role : FontRole.values()) {
      Set<Integer> set = new TreeSet<>();
      BASE.codePoints().forEach(set::add);
      used.put(role, set);
    }
  }

  /** Adds the text of {@code root} and its descendants. */
  public FontUsage add(Element root) {
    walk(root, roleOf(root, FontRole.BODY));
    return this;
  }

  /** Adds text drawn in {@code role} (e.g. a running header). */
  public FontUsage add(FontRole role, String text) {
    text.codePoints().forEach(used.get(role)::add);
    return this;
  }

  /** Adds the quoted strings of a stylesheet (generated content) to every role. */
  public FontUsage addCssStrings(String css) {
    Matcher m = CSS_STRING.matcher(css);
    while (m.find()) {
      for (FontRole role : FontRole.values()) {
        add(role, m.group(1));
      }
    }
    return this;
  }

  public Set<Integer> codePoints(FontRole role) {
    return used.get(role);
  }

  /** Every character of every role. */
  public Set<Integer> all() {
    Set<Integer> all = new TreeSet<>();
    used.values().forEach(all::addAll);
    return all;
  }

  private void walk(Node node, FontRole role) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode t) {
        add(role, t.getWholeText());
      } else if (child instanceof Element e) {
        walk(e, roleOf(e, role));
      }
    }
  }

  static FontRole roleOf(Element e, FontRole inherited) {
    String tag = e.normalName();
    boolean sectionLabel = (tag.equals("td") && e.hasClass("toc-section"))
        || (tag.equals("span") && e.parent() != null && e.parent().hasClass("toc-section"));
    if (tag.matches("h[1-6]") || sectionLabel || e.hasClass("digest-title")) {
      return FontRole.HEADING;
    }
    if (inherited == FontRole.HEADING) {
      return inherited;
    }
    if (tag.equals("strong") || tag.equals("b") || tag.equals("th")) {
      return FontRole.BODY_BOLD;
    }
    if (tag.equals("em") || tag.equals("i") || tag.equals("figcaption") || tag.equals("code") || tag.equals("pre")
        || e.hasClass("meta") || e.hasClass("figure-note") || e.hasClass("digest-subtitle")
        || e.hasClass("digest-count") || e.hasClass("running-header")) {
      return FontRole.ACCENT;
    }
    return inherited;
  }
}
