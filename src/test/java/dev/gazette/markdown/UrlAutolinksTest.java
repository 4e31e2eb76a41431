package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlAutolinksTest {
  private final MarkdownRenderer renderer = new MarkdownRenderer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // full-width punctuation ends the address anywhere
        "www.example.com，后面|www.example.com",
        "https://example.org/a/b。后面|https://example.org/a/b",
        "https://example.org:8080：端口|https://example.org:8080",
        "https://example.org/q「引」|https://example.org/q",
        "https://example.org/x～y|https://example.org/x",
        "https://example.org/a”。还有|https://example.org/a",
        "https://example.org/b……等等|https://example.org/b",
        "https://example.org/c——好|https://example.org/c",
        // a CJK character ends the host, not the path
        "www.example.com这个站点|www.example.com",
        "http://a中文.com/x|http://a",
        "https://zh.wikipedia.org/wiki/汉字|https://zh.wikipedia.org/wiki/汉字",
        "https://example.org/p?q=中文#锚点|https://example.org/p?q=中文#锚点",
        "https://ja.wikipedia.org/wiki/人々|https://ja.wikipedia.org/wiki/人々",
        "https://example.org/ａｂｃ|https://example.org/ａｂｃ",
        // what is left ends as the autolink scanner ends an address
        "https://example.org/a.，后面|https://example.org/a",
        "https://example.org/a/，后面|https://example.org/a/",
        "https://example.org/a'，后面|https://example.org/a",
        "https://example.org/a'b'，后面|https://example.org/a'b'",
        "www.example.com.，后面|www.example.com",
        // nothing left that is an address
        "https://，后面|''",
        "https://中文.com|''",
        "www.中文.com|''",
        "www.example，后面|''",
        // a scheme named in a sentence, no host (Hexo's release notes)
        "https://|''",
        "http://\"|''",
        "https://)|''",
        // not cut
        "https://example.org/path|https://example.org/path",
        "http://[::1]/x|http://[::1]/x",
      })
  void endsTheAddress(String text, String kept) {
    assertThat(text.substring(0, UrlAutolinks.end(text))).isEqualTo(kept);
  }

  @Test
  void keepsTheCutTextAfterTheLink() {
    assertThat(renderer.toHtml("网站是www.example.com，名字好记。"))
        .isEqualTo("<p>网站是<a href=\"http://www.example.com\">www.example.com</a>，名字好记。</p>\n");
  }

  @Test
  void makesTextOfALinkWithNoAddressLeft() {
    assertThat(renderer.toHtml("见https://，空的 和 www.例子.com/页"))
        .isEqualTo("<p>见https://，空的 和 www.例子.com/页</p>\n");
  }

  @Test
  void makesTextOfASchemeNamedInASentence() {
    assertThat(
            renderer.toHtml("It should start with \"http://\" or \"https://\", not http:// alone."))
        .isEqualTo(
            "<p>It should start with &quot;http://&quot; or &quot;https://&quot;, not http://"
                + " alone.</p>\n");
  }

  @Test
  void leavesAddressesInAngleBracketsAndEnglishTextAlone() {
    assertThat(renderer.toHtml("<https://example.org/a，b> and https://example.org/x, then."))
        .isEqualTo(
            "<p><a href=\"https://example.org/a，b\">https://example.org/a，b</a> and <a"
                + " href=\"https://example.org/x\">https://example.org/x</a>, then.</p>\n");
  }

  @Test
  void guardsOnTheMarkers() {
    assertThat(UrlAutolinks.mayHold("没有地址的正文")).isFalse();
    assertThat(UrlAutolinks.mayHold("见www.example.com")).isTrue();
    assertThat(UrlAutolinks.mayHold("见https://example.org")).isTrue();
  }
}
