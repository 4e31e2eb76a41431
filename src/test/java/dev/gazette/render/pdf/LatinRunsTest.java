package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class LatinRunsTest {
  static Element rewrite(String html, boolean cjk) {
    Document doc = Jsoup.parse("<div>" + html + "</div>", "", Parser.xmlParser());
    Element div = doc.selectFirst("div");
    LatinRuns.apply(div, cjk);
    return div;
  }

  @Test
  void latinTokensInChineseTextGetTheirOwnSpan() {
    Element div = rewrite("<p>用GET、HEAD和 Promise.all() 请求１２次，<code>a</code>。</p>", true);
    assertThat(div.select("span.latin-run").eachText())
        .containsExactly("GET", "HEAD", "Promise.all()");
    assertThat(div.text()).isEqualTo("用GET、HEAD和 Promise.all() 请求１２次，a。");
  }

  /**
   * Scripts come from ICU, not the JDK: JDK 17's regular expressions knew no emoji of Emoji 14 or
   * later, so {@code Hi🫣} was a token on JDK 25 (🫣 is Common) and {@code Hi} on JDK 17, and the
   * two laid out the line differently. A space still ends a token; a Han character too.
   */
  @Test
  void emojiNewerThanTheJdkJoinTheirTokenOnEveryJdk() {
    Element div = rewrite("<p>我说 Hi\uD83E\uDEE3 和 OK\uD83E\uDE77好 与 \uD83E\uDEE3 no。</p>", true);
    assertThat(div.select("span.latin-run").eachText())
        .contains("Hi\uD83E\uDEE3", "OK\uD83E\uDE77", "no")
        .doesNotContain("\uD83E\uDEE3");
  }

  @Test
  void longTokensBreakAfterTheirDelimitersAndKeepTheirText() {
    String url = "https://www.example.com/2020/08/03/some-long-post?id=7&x=y";
    Element div = rewrite("<p>See <a href=\"" + url + "\">" + url + "</a> for more.</p>", false);
    assertThat(div.select("span.latin-run").eachText())
        .containsExactly(
            "https://",
            "www.",
            "example.",
            "com/",
            "2020/",
            "08/",
            "03/",
            "some-",
            "long-",
            "post?",
            "id=",
            "7&",
            "x=",
            "y");
    assertThat(div.text()).isEqualTo("See " + url + " for more.");
    // Short words of Latin text are left alone.
    assertThat(rewrite("<p>Plain words stay plain text.</p>", false).select("span")).isEmpty();
  }

  /** A long identifier breaks between the words of its camel case and after ::, never after (. */
  @Test
  void longIdentifiersBreakBetweenTheirWords() {
    assertThat(LatinRuns.pieces("UIActivityViewController"))
        .containsExactly("UI", "Activity", "View", "Controller");
    assertThat(LatinRuns.pieces("getHTTPResponseCode2Bytes"))
        .containsExactly("get", "HTTP", "Response", "Code2", "Bytes");
    assertThat(LatinRuns.pieces("AdvanceEventRecorder::RecordEvent(KeyEvent*"))
        .containsExactly("Advance", "Event", "Recorder::", "Record", "Event(Key", "Event*");
    // A short one is kept whole, and an address is not cut at its scheme's colon.
    assertThat(LatinRuns.pieces("NSUserDefaults")).containsExactly("NSUserDefaults");
    assertThat(LatinRuns.pieces("https://example.org/Path"))
        .containsExactly("https://", "example.", "org/", "Path");
    Element div = rewrite("<p>通过<code>UIActivityViewController</code>来分享</p>", true);
    assertThat(div.select("code span.latin-run").eachText())
        .containsExactly("UI", "Activity", "View", "Controller");
    assertThat(div.text()).isEqualTo("通过UIActivityViewController来分享");
  }

  @Test
  void preformattedTextIsLeftAlone() {
    Element div = rewrite("<pre>let x = some_long_identifier_name.call();</pre>", true);
    assertThat(div.select("span")).isEmpty();
  }

  @Test
  void aKinsokuUnitHoldsOneTextRunNotLatinRunSpans() {
    Element div = rewrite("<p>参考<a href=\"u\">链接（Permalinks）</a>，标题为“Yilia主题”。</p>", true);
    InlineEdgePunctuation.apply(div);
    assertThat(div.select("span.kinsoku-unit span.latin-run")).isEmpty();
    assertThat(div.select("span.kinsoku-unit").eachText()).contains("“Yilia");
    assertThat(div.text()).isEqualTo("参考链接（Permalinks），标题为“Yilia主题”。");
  }

  @Test
  void spacesInsideChineseTextGetTheirOwnSpanSoJustificationLeavesThemAlone() {
    Element div = rewrite("<p>作者（Anders Ericsson）写了 3 个函数 <b>粗</b></p>", true);
    assertThat(div.select("span.latin-run").stream().map(Element::wholeText))
        .containsExactly("Anders", " ", "Ericsson", " ", " ", " ");
    assertThat(div.text()).isEqualTo("作者（Anders Ericsson）写了 3 个函数 粗");
    // A space beside an inline element (ruanyf/weekly: "（<a>@FeynmanZhou</a> 投稿）"), but not
    // one at a block's edge or a line break.
    Element linked = rewrite("<p>好用。（<a href=\"u\">@Anna</a> 投稿）<br/> 下一行 <b></b></p>", true);
    assertThat(linked.select("span.latin-run").stream().map(Element::wholeText))
        .containsExactly("Anna", " ");
    assertThat(linked.text()).isEqualTo("好用。（@Anna 投稿） 下一行");
    Element item = rewrite("<ul><li>第一项 <ul><li>子项</li></ul></li></ul>", true);
    assertThat(item.select("span.latin-run")).isEmpty();
    // Latin text keeps its spaces as text: it is justified at them.
    assertThat(rewrite("<p>Anders Ericsson wrote it</p>", false).select("span")).isEmpty();
  }
}
