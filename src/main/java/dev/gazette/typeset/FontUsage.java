package dev.gazette.typeset;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * Records which characters each {@link FontRole} must draw, by walking the documents a renderer
 * writes with the stylesheet it writes them with: the {@code font-family} and {@code font-weight}
 * rules of the stylesheet decide the role of each text, so a new rule in {@code styles/} never
 * leaves characters out of a font subset. Every role also gets a base set (ASCII, digits, common
 * CJK punctuation) so a reader's own generated text still has glyphs.
 */
public final class FontUsage {
  /** Printed in every role: Latin letters, digits, and the punctuation of Chinese text. */
  static final String BASE =
      " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
          + "abcdefghijklmnopqrstuvwxyz{|}~ ，。、；：？！“”‘’（）《》〈〉「」『』【】〔〕…—–·・～　￥％＋－＝／";

  private static final Pattern CSS_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern CSS_COMMENT = Pattern.compile("(?s)/\\*.*?\\*/");

  /**
   * Elements whose text is never drawn: the PDF's document carries its stylesheet in a {@code
   * style} element, whose text (comments included) would join the subsets as if it were drawn.
   */
  private static final Set<String> NOT_DRAWN = Set.of("style", "script");

  private static final Set<String> BOLD_BY_DEFAULT =
      Set.of("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th");

  /**
   * A style rule that sets the font family or weight; {@code null} fields leave the value alone.
   */
  record FontRule(String selector, String family, Boolean bold) {}

  private final List<FontRule> rules;

  // Code point sets as bits: a document repeats its few thousand characters millions of times,
  // and a bit test is much cheaper than a boxed tree insertion.
  private final Map<FontRole, BitSet> used = new EnumMap<>(FontRole.class);

  /** Characters drawn in a Latin-first chain ({@link Theme#latinChain}), by role. */
  private final Map<FontRole, BitSet> usedLatinFirst = new EnumMap<>(FontRole.class);

  /** A usage for documents styled by {@code css}. */
  public FontUsage(String css) {
    this.isPart = false;
    this.rules = fontRules(css);
    for (FontRole role : FontRole.values()) {
      BitSet set = new BitSet();
      BASE.codePoints().forEach(set::set);
      used.put(role, set);
    }
    addCssStrings(css);
  }

  /**
   * A part's parsed selectors, made on its first document and kept for the next ones (null for a
   * whole usage, which builds them per document): parsing every rule's selector for each page was
   * ~5% of a 1,000-post EPUB. jsoup's memo of structural selectors, keyed by document, then holds
   * the part's documents as long as the part: a part serves one thread and a run of pages.
   */
  private RuleIndex partIndex;

  private final boolean isPart;

  private FontUsage(FontUsage like) {
    this.isPart = true;
    this.rules = like.rules;
    for (FontRole role : FontRole.values()) {
      used.put(role, new BitSet());
    }
  }

  /**
   * An empty usage with the same style rules, for one part of the documents (a page) on its own
   * thread; {@link #addAll} gathers the parts. The sets are unions, so the order parts are added in
   * does not change the result.
   */
  public FontUsage part() {
    return new FontUsage(this);
  }

  /** Adds every character {@code part} recorded. */
  public FontUsage addAll(FontUsage part) {
    part.used.forEach((role, set) -> used.get(role).or(set));
    part.usedLatinFirst.forEach((role, set) -> latinFirst(role).or(set));
    return this;
  }

  /**
   * Adds the text of {@code root} and its descendants, each in the role the stylesheet gives it.
   */
  public FontUsage add(Element root) {
    Map<Element, String> family = new IdentityHashMap<>();
    Map<Element, Boolean> bold = new IdentityHashMap<>();
    RuleIndex index;
    if (!isPart) {
      index = ruleIndex();
    } else {
      if (partIndex == null) {
        partIndex = ruleIndex();
      }
      index = partIndex;
    }
    // One walk of the tree, each element tried only against the rules that can match it (by the
    // tag or class their selector ends with); a select per rule walked the whole document once
    // per rule (a sixth of the CPU of a 1,000-post PDF). Later rules win, as in source order.
    BitSet candidates = new BitSet(rules.size());
    for (Element e : root.getAllElements()) {
      candidates.clear();
      candidates.or(index.anyElement);
      addAll(candidates, index.byTag.get(e.normalName()));
      if (!index.byClass.isEmpty()) {
        for (String c : e.classNames()) {
          addAll(candidates, index.byClass.get(c.toLowerCase(Locale.ROOT)));
        }
      }
      for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
        Evaluator evaluator = index.evaluators.get(r);
        if (evaluator == null || !evaluator.matches(root, e)) {
          continue;
        }
        FontRule rule = rules.get(r);
        if (rule.family() != null) {
          family.put(e, rule.family());
        }
        if (rule.bold() != null) {
          bold.put(e, rule.bold());
        }
      }
    }
    return addStyled(root, family, bold);
  }

  /**
   * Adds the text of {@code root} given the family and weight rules that matched each element
   * (elements not in the maps inherit); FontUsageTest feeds it a plain select-per-rule matching.
   */
  FontUsage addStyled(Element root, Map<Element, String> family, Map<Element, Boolean> bold) {
    walk(root, family, bold, FontRole.BODY.cssFamily(), false);
    return this;
  }

  private static void addAll(BitSet set, BitSet more) {
    if (more != null) {
      set.or(more);
    }
  }

  /** The rules' parsed selectors, by the tag or class each one's last compound requires. */
  private static final class RuleIndex {
    final List<Evaluator> evaluators = new ArrayList<>();
    final BitSet anyElement = new BitSet();
    final Map<String, BitSet> byTag = new HashMap<>();
    final Map<String, BitSet> byClass = new HashMap<>();
  }

  /**
   * Built for each document of a whole usage, once per part: the parsed selectors keep a memo of
   * the elements they were tried on, which must not outlive the documents for long.
   */
  private RuleIndex ruleIndex() {
    RuleIndex ix = new RuleIndex();
    for (int r = 0; r < rules.size(); r++) {
      String selector = rules.get(r).selector();
      Evaluator evaluator;
      try {
        evaluator = QueryParser.parse(selector);
      } catch (Selector.SelectorParseException e) {
        evaluator = null; // a selector jsoup does not know cannot apply to our own markup either
      }
      ix.evaluators.add(evaluator);
      String[] key = requiredKey(selector);
      if (key == null) {
        ix.anyElement.set(r);
      } else {
        (key[0].equals("tag") ? ix.byTag : ix.byClass)
            .computeIfAbsent(key[1], k -> new BitSet())
            .set(r);
      }
    }
    return ix;
  }

  private static final Pattern LAST_COMPOUND_KEY =
      Pattern.compile("^(?:([a-z][a-z0-9-]*)|\\*?\\.([A-Za-z_][A-Za-z0-9_-]*))(?:$|[.:#\\[])");

  /**
   * What an element must have for {@code selector} to match it: {"tag", name} or {"class", name}
   * from the selector's last compound, or null when the selector is not that simple (it is then
   * tried on every element).
   */
  static String[] requiredKey(String selector) {
    String s = selector.strip();
    int cut = -1;
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      } else if (depth == 0 && (c == ' ' || c == '>' || c == '+' || c == '~')) {
        cut = i;
      }
    }
    String last = s.substring(cut + 1);
    if (depth != 0 || last.contains("|")) {
      return null;
    }
    Matcher m = LAST_COMPOUND_KEY.matcher(last);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null
        ? new String[] {"tag", m.group(1)}
        : new String[] {"class", m.group(2).toLowerCase(Locale.ROOT)};
  }

  /** Adds text drawn in {@code role} (e.g. a running header). */
  public FontUsage add(FontRole role, String text) {
    addTo(used.get(role), text);
    return this;
  }

  private static void addTo(BitSet set, String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      set.set(cp);
    }
  }

  /**
   * Adds text drawn in {@code role} with the Latin face first (a Latin-script article). The first
   * text of a role brings the base set too, so a reader's generated text (list numbers) has glyphs.
   */
  public FontUsage addLatinFirst(FontRole role, String text) {
    addTo(latinFirst(role), text);
    return this;
  }

  private BitSet latinFirst(FontRole role) {
    return usedLatinFirst.computeIfAbsent(
        role,
        r -> {
          BitSet base = new BitSet();
          BASE.codePoints().forEach(base::set);
          return base;
        });
  }

  /** The characters drawn in {@code role} with the role's own face first. */
  public Set<Integer> codePoints(FontRole role) {
    return asSet(used.get(role));
  }

  /** The characters drawn in {@code role} with the Latin face first; often none. */
  public Set<Integer> latinFirstCodePoints(FontRole role) {
    BitSet set = usedLatinFirst.get(role);
    return set == null ? Set.of() : asSet(set);
  }

  /** Every character of every role. */
  public Set<Integer> all() {
    BitSet all = new BitSet();
    used.values().forEach(all::or);
    usedLatinFirst.values().forEach(all::or);
    return asSet(all);
  }

  private static Set<Integer> asSet(BitSet bits) {
    Set<Integer> set = new TreeSet<>();
    bits.stream().forEach(set::add);
    return set;
  }

  /** Quoted strings of a stylesheet (generated content) may be drawn in any role. */
  private void addCssStrings(String css) {
    // a quotation in a comment is no generated content: its characters would join the subsets
    Matcher m = CSS_STRING.matcher(CSS_COMMENT.matcher(css).replaceAll(""));
    while (m.find()) {
      for (FontRole role : FontRole.values()) {
        add(role, m.group(1));
      }
    }
  }

  private void walk(
      Element element,
      Map<Element, String> family,
      Map<Element, Boolean> bold,
      String inheritedFamily,
      boolean inheritedBold) {
    String f = family.getOrDefault(element, "inherit");
    String elementFamily = f.equals("inherit") ? inheritedFamily : f;
    boolean elementBold =
        bold.getOrDefault(element, BOLD_BY_DEFAULT.contains(element.normalName()) || inheritedBold);
    FontRole role = roleOf(elementFamily, elementBold);
    boolean latinFirst = latinFirst(elementFamily);
    for (Node child : element.childNodes()) {
      if (child instanceof TextNode t) {
        if (latinFirst) {
          addLatinFirst(role, t.getWholeText());
        } else {
          add(role, t.getWholeText());
        }
      } else if (child instanceof Element e && !NOT_DRAWN.contains(e.normalName())) {
        walk(e, family, bold, elementFamily, elementBold);
      }
    }
  }

  /** The role of a {@code font-family} list: the first role family it names. */
  static FontRole roleOf(String family, boolean bold) {
    for (String name : family.split(",")) {
      String n = name.replace("\"", "").replace("'", "").strip();
      if (n.equals(FontRole.HEADING.cssFamily())) {
        return FontRole.HEADING;
      }
      if (n.equals(FontRole.ACCENT.cssFamily())) {
        return FontRole.ACCENT;
      }
      if (n.equals(FontRole.MONO.cssFamily())) {
        return bold ? FontRole.MONO_BOLD : FontRole.MONO;
      }
      if (n.equals(FontRole.BODY.cssFamily())) {
        break;
      }
    }
    return bold ? FontRole.BODY_BOLD : FontRole.BODY;
  }

  /** Whether a {@code font-family} list starts with a Latin face ({@link Theme#latinChain}). */
  static boolean latinFirst(String family) {
    String first = family.split(",")[0].replace("\"", "").replace("'", "").strip();
    return first.equals(FallbackFonts.SERIF_LATIN_FAMILY)
        || first.equals(FallbackFonts.SANS_LATIN_FAMILY);
  }

  /**
   * The rules of {@code css} that set a font family or weight, in source order; at-rules are
   * skipped.
   */
  static List<FontRule> fontRules(String css) {
    String text = css.replaceAll("(?s)/\\*.*?\\*/", "");
    List<FontRule> rules = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      if (open < 0) {
        break;
      }
      String prelude = text.substring(i, open).strip();
      int close = matchingBrace(text, open);
      String body = text.substring(open + 1, close);
      i = close + 1;
      if (prelude.startsWith("@")) {
        continue;
      }
      String family = declaration(body, "font-family");
      String weight = declaration(body, "font-weight");
      Boolean bold = weight == null ? null : weight.matches("bold|bolder|[6-9]00");
      if (family != null && !family.equals("inherit")) {
        family = family.strip();
      }
      if (family == null && bold == null) {
        continue;
      }
      for (String selector : prelude.split(",")) {
        String s = selector.strip();
        if (!s.isEmpty() && !s.contains("::") && !s.contains(":before") && !s.contains(":after")) {
          rules.add(new FontRule(s, family, bold));
        }
      }
    }
    return rules;
  }

  private static int matchingBrace(String text, int open) {
    int depth = 0;
    for (int j = open; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return j;
      }
    }
    return text.length() - 1;
  }

  private static String declaration(String body, String property) {
    Matcher m = Pattern.compile("(?i)(?:^|;)\\s*" + property + "\\s*:\\s*([^;]+)").matcher(body);
    String value = null;
    while (m.find()) {
      value =
          m.group(1).replace("!important", "").strip().toLowerCase(Locale.ROOT).equals("inherit")
              ? "inherit"
              : m.group(1).replace("!important", "").strip();
    }
    return value == null
        ? null
        : (property.equals("font-weight") ? value.toLowerCase(Locale.ROOT) : value);
  }
}
