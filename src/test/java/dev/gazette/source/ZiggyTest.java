package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZiggyTest {
  @Test
  void readsTheValuesZinePagesAndConfigsHold() {
    Object value =
        Ziggy.parse(
            """
            // a comment, then fields
            .title = "A \\"quoted\\" \\u{e9}t\\u{e9}",
            .date = .date("2024-09-11T00:00:00"),
            .old_date = @date("2020-12-13"),
            .count = 1_024,
            .ratio = -0.5,
            .hex = 0xff,
            .draft = true,
            .none = null,
            .kind = .simple,
            .poem =
                \\\\first line
                \\\\second line
            ,
            .site = .simple(.{ .title = "Notes", .assets = ["a.png", "b.png",] }),
            .custom = { "menu": "News", "nested": { "k": [1, 2] } },
            """);
    assertThat(value).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) value;
    assertThat(map.get("title")).isEqualTo("A \"quoted\" été");
    assertThat(map.get("date")).isEqualTo("2024-09-11T00:00:00");
    assertThat(map.get("old_date")).isEqualTo("2020-12-13");
    assertThat(map.get("count")).isEqualTo(1024L);
    assertThat(map.get("ratio")).isEqualTo(-0.5);
    assertThat(map.get("hex")).isEqualTo(255L);
    assertThat(map.get("draft")).isEqualTo(true);
    assertThat(map.containsKey("none")).isTrue();
    assertThat(map.get("none")).isNull();
    assertThat(map.get("kind")).isEqualTo("simple");
    assertThat(map.get("poem")).isEqualTo("first line\nsecond line");
    assertThat(map.get("site"))
        .isEqualTo(Map.of("title", "Notes", "assets", List.of("a.png", "b.png")));
    assertThat(map.get("custom"))
        .isEqualTo(Map.of("menu", "News", "nested", Map.of("k", List.of(1L, 2L))));
  }

  @Test
  void aNamedStructIsAMapAndBytesEscapedOneByOneAreUtf8() {
    assertThat(Ziggy.parse("Site {\n  .title = \"\\xe2\\x80\\x9cHi\\xe2\\x80\\x9d\",\n}\n"))
        .isEqualTo(Map.of("title", "\u201cHi\u201d"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        ".title = \"never closed                 | 1 | a string is never closed",
        ".a = 1\\n.b = 2                         | 2 | expected ',' or 'end'",
        ".a = [1, 2                              | 1 | expected ',' or ']'",
        ".a = \"\\q\"                            | 1 | unknown escape \\q",
        ".a = \"\\xzz\"                          | 1 | a \\x escape needs two hex digits",
        ".a = maybe                              | 1 | unknown word 'maybe'",
        ".a =                                    | 1 | a value is missing",
      })
  void brokenZiggyIsAnErrorOnItsLine(String text, int line, String message) {
    assertThatThrownBy(() -> Ziggy.parse(text.replace("\\n", "\n")))
        .isInstanceOf(Ziggy.ZiggyException.class)
        .hasMessage(message)
        .extracting(e -> ((Ziggy.ZiggyException) e).line())
        .isEqualTo(line);
  }
}
