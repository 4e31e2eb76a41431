package dev.gazette.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Generators of almost-valid input: sequences of the tokens the parsers care about, mixed with
 * arbitrary characters (controls, surrogates, CJK), so tries reach deep into each parser instead
 * of failing on the first byte.
 */
final class FuzzInputs {
  private FuzzInputs() {}

  static Arbitrary<String> soup(List<String> tokens, int maxTokens) {
    Arbitrary<String> token = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.of(tokens)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(4)),
        net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u4e20').ofMaxLength(3)));
    return token.list().ofMaxSize(maxTokens).map(l -> String.join("", l));
  }

  static Arbitrary<String> frontMatter() {
    Arbitrary<String> inside = soup(List.of("title", "date", "tags", "categories", "draft", "lang", "link", ":", ": ",
        "\n", "\n  ", "\n- ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!!binary ", "!!set ", "!!str ",
        "!!python/object ", "? ", "'", "\"", "\\u00", "\t", "#", "|", ">", "\r", "\r\n", "~", "null", "true", "2021-07-02",
        "2021-07-02T10:00:00+08:00", "Fri, 02 Jul 2021 20:32:26 GMT", "1625228346", "=", " = ", "[[a]]", "\"\"\"", "...",
        "---", "+++", "\uFEFF", "\u0000", "\uD800", "中文"), 60);
    return Arbitraries.oneOf(
        inside.map(s -> "---\n" + s + "\n---\nbody\n"),
        inside.map(s -> "+++\n" + s + "\n+++\nbody\n"),
        inside);
  }

  static Arbitrary<String> dates() {
    return soup(List.of("2021", "-", "/", "07", "7", "02", "31", "13", "00", "T", " ", ":", "10", "25", "59", "60", ".",
        "123456789", "Z", "+08:00", "+0800", "+08", "-25:00", "[Asia/Shanghai]", "[Mars/Olympus]", "Fri, ", "Mon ",
        "Jul", "Feb", "GMT", "UTC", "UT", "1625228346", "1625228346000", "99999999999999999999", "0", "9999", "0000",
        "\u0000", "\uD800", "２０２１"), 14);
  }

  static Arbitrary<String> html() {
    return soup(List.of("<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<b>", "<i>", "</b>", "<blockquote>",
        "</blockquote>", "<ul>", "<li>", "</ul>", "<ol start=\"-1\">", "<table>", "<tr>", "<td>", "</table>", "<h1>", "</h1>",
        "<h2>", "<h6>", "<pre>", "</pre>", "<code>", "<br>", "<hr>", "<img src=\"x.png\" alt=\"a\">", "<img>",
        "<a href=\"https://example.com/a b\">", "<a href=\"#x\">", "<a href=\"javascript:1\">", "</a>", "<a name=\"x\">",
        " id=\"x\"", "<p id=\"x\">", "<script>", "</script>", "<style>", "<svg>", "<math>", "<iframe>", "<form>",
        "<noscript>", "<template>", "<![CDATA[", "]]>", "<!--", "-->", "<?x?>", "<!DOCTYPE x>", "&amp;", "&lt;",
        "&#0;", "&#xD800;", "&#x1F600;", "&nbsp;", "&bogus;", "<center>", "<section>", "<figure>", "<figcaption>",
        "<bdo dir=\"x\">", "<ruby>", "<rt>", "<wbr>", " onclick=\"x\"", " style=\"text-align:center\"", "<",
        ">", "\"", "'", "=", "/", "\n", "\r", "\t", " ", "\u3000", "\u00A0", "text", "中文", "\u0001", "\uFFFE",
        "\uD83D", "\uDE00"), 80);
  }
}
