package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;

/** Characters land in the font subset of the face the stylesheet gives their element. */
class FontUsageTest {
  static final String CSS =
      """
      body { font-family: "Gazette Body", serif; }
      h1, h2 { font-family: "Gazette Heading", sans-serif; }
      em { font-family: "Gazette Accent", sans-serif; }
      .latin em { font-family: inherit; }
      .issue { font-family: "Gazette Heading"; font-weight: normal; }
      .toc a::after { content: "页"; font-family: "Gazette Heading"; }
      @page { @bottom-center { font-family: "Gazette Accent"; } }
      """;

  @Test
  void rolesFollowTheStylesheet() {
    FontUsage usage =
        new FontUsage(CSS)
            .add(
                Jsoup.parse(
                    """
                    <h1>题</h1><p class="issue">周</p><p>正<strong>粗</strong><em>斜</em></p>
                    <div class="latin"><p><em>英</em></p></div>\
                    <table><tr><th>表</th><td>格</td></tr></table>
                    <nav class="toc"><a>目</a></nav>
                    """));
    assertThat(usage.codePoints(FontRole.HEADING))
        .contains((int) '题', (int) '周')
        .doesNotContain((int) '正');
    assertThat(usage.codePoints(FontRole.BODY))
        .contains((int) '正', (int) '英', (int) '格', (int) '目')
        .doesNotContain((int) '粗', (int) '斜');
    assertThat(usage.codePoints(FontRole.BODY_BOLD)).contains((int) '粗', (int) '表');
    assertThat(usage.codePoints(FontRole.ACCENT)).contains((int) '斜').doesNotContain((int) '英');
    // generated content may be drawn in any face
    assertThat(usage.codePoints(FontRole.BODY)).contains((int) '页');
  }

  @Test
  void aQuotationInACssCommentIsNoGeneratedContent() {
    // pdf.css once quoted "Mac에 서" in a comment: the Hangul face joined every Chinese PDF
    FontUsage usage = new FontUsage("/* gaps opened (\"Mac에 서\") */\np::after { content: \"页\"; }");
    assertThat(usage.codePoints(FontRole.BODY)).contains((int) '页').doesNotContain((int) '에');
    // nor is the stylesheet itself, which the PDF's document carries in a style element
    usage.add(Jsoup.parse("<style>/* (\"Mac에 서\") */</style><p>正</p>", "", Parser.xmlParser()));
    assertThat(usage.codePoints(FontRole.BODY)).contains((int) '正').doesNotContain((int) '에');
  }

  @Test
  void onlyRulesThatSetAFontAreKept() {
    assertThat(FontUsage.fontRules(CSS))
        .extracting(FontUsage.FontRule::selector)
        .containsExactly("body", "h1", "h2", "em", ".latin em", ".issue");
  }

  @Test
  void selectorsEndingInATagOrClassAreIndexedByIt() {
    assertThat(FontUsage.requiredKey("h1")).containsExactly("tag", "h1");
    assertThat(FontUsage.requiredKey(".toc > td.toc-page")).containsExactly("tag", "td");
    assertThat(FontUsage.requiredKey("article.cjk .Latin-Run:not(.x)"))
        .containsExactly("class", "latin-run");
    assertThat(FontUsage.requiredKey("pre code")).containsExactly("tag", "code");
    assertThat(FontUsage.requiredKey("[lang|=en]")).isNull();
    assertThat(FontUsage.requiredKey("p :not(em, strong)")).isNull();
    assertThat(FontUsage.requiredKey("*")).isNull();
  }

  /**
   * On random documents made of the tags and classes of every bundled stylesheet, each character
   * lands in the role a select per rule (the plain reading of the stylesheet) gives it.
   */
  @Test
  void oneWalkGivesTheRolesOfASelectPerRule() {
    Random random = new Random(16);
    for (String theme : Theme.BUNDLED) {
      for (Theme.Medium medium : Theme.Medium.values()) {
        String css = Theme.load(theme, FontSet.bundled(), "").css(medium);
        List<String> classes = new ArrayList<>(new TreeSet<>(classesOf(css)));
        for (int round = 0; round < 4; round++) {
          Document doc = randomDocument(random, classes);
          FontUsage usage = new FontUsage(css).add(doc);
          FontUsage expected = new FontUsage(css);
          selectPerRule(expected, css, doc);
          for (FontRole role : FontRole.values()) {
            assertThat(usage.codePoints(role))
                .as(theme + " " + medium + " " + role)
                .isEqualTo(expected.codePoints(role));
            assertThat(usage.latinFirstCodePoints(role))
                .as(theme + " " + medium + " " + role + " (Latin first)")
                .isEqualTo(expected.latinFirstCodePoints(role));
          }
        }
      }
    }
  }

  private static final List<String> TAGS =
      List.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "em",
          "strong",
          "b",
          "i",
          "code",
          "pre",
          "a",
          "span",
          "ul",
          "ol",
          "li",
          "table",
          "tr",
          "th",
          "td",
          "nav",
          "article",
          "div",
          "blockquote",
          "sup",
          "header",
          "section",
          "figure",
          "figcaption",
          "kbd",
          "small",
          "dl",
          "dt",
          "dd");

  private static Set<String> classesOf(String css) {
    Set<String> classes = new TreeSet<>();
    Matcher m = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_-]*)").matcher(css);
    while (m.find()) {
      classes.add(m.group(1));
    }
    return classes;
  }

  private static Document randomDocument(Random random, List<String> classes) {
    Document doc = Parser.xmlParser().parseInput("<html><body></body></html>", "");
    Element body = doc.selectFirst("body");
    int[] next = {0x4E00};
    grow(body, random, classes, 0, next);
    return doc;
  }

  private static void grow(
      Element parent, Random random, List<String> classes, int depth, int[] c) {
    int children = 1 + random.nextInt(depth < 2 ? 6 : 3);
    for (int k = 0; k < children; k++) {
      parent.appendText(Character.toString(c[0]++));
      if (depth < 5) {
        Element child = parent.appendElement(TAGS.get(random.nextInt(TAGS.size())));
        for (int n = random.nextInt(3); n > 0; n--) {
          child.addClass(classes.get(random.nextInt(classes.size())));
        }
        if (random.nextInt(6) == 0) {
          child.attr("lang", random.nextBoolean() ? "en" : "zh");
        }
        grow(child, random, classes, depth + 1, c);
      }
    }
  }

  /** The plain reading: each rule selected over the whole document, in source order. */
  private static void selectPerRule(FontUsage usage, String css, Element root) {
    Map<Element, String> family = new IdentityHashMap<>();
    Map<Element, Boolean> bold = new IdentityHashMap<>();
    for (FontUsage.FontRule rule : FontUsage.fontRules(css)) {
      List<Element> found;
      try {
        found = Selector.select(rule.selector(), root);
      } catch (Selector.SelectorParseException e) {
        found = List.of();
      }
      for (Element e : found) {
        if (rule.family() != null) {
          family.put(e, rule.family());
        }
        if (rule.bold() != null) {
          bold.put(e, rule.bold());
        }
      }
    }
    usage.addStyled(root, family, bold);
  }
}
