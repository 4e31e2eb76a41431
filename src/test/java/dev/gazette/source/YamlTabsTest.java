package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlTabsTest {
  private static Object load(String yaml) {
    return new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @Test
  void tabsAfterKeysAndListDashesBecomeSpacesOfTheSameCount() {
    String text = "a:\t\tone\nb: \t'two'\nlist:\n  -\tthree\n  - \t- four\nc:\t\nd:\t|\n  x\n";
    String spaced = YamlTabs.separationAsSpaces(text);

    assertThat(spaced)
        .isEqualTo("a:  one\nb:  'two'\nlist:\n  - three\n  -  - four\nc: \nd: |\n  x\n");
    Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("a", "one");
    expected.put("b", "two");
    expected.put("list", List.of("three", List.of("four")));
    expected.put("c", null);
    expected.put("d", "x\n");
    assertThat(load(spaced)).isEqualTo(expected);
  }

  @Test
  void tabsInsideValuesAreKeptAsSnakeyamlReadsThem() {
    for (String text :
        new String[] {
          "a: x\ty\n", // plain scalar
          "a: \"x\ty\"\n", // quoted
          "a: 'x\t''y'\n",
          "a: \"one\n  two:\tthree\"\n", // a quoted scalar over two lines
          "a: |\n  key:\tvalue\n  -\titem\nb: c\n", // a block scalar's text
          "a: >\n\n  x:\ty\n", // folded, after a blank line
          "a: [x,\n  y:\tz]\n", // a flow collection over two lines
          "a: b # c:\td\n", // a comment
        }) {
      String spaced = YamlTabs.separationAsSpaces(text);
      assertThat(spaced).as(text).isEqualTo(text);
    }
  }

  @Test
  void aKeyInQuotesOrAfterAQuotedLineIsStillFound() {
    String text = "\"my key\":\tv\nq: \"a\n  b\"\nnext:\tw\n";
    String spaced = YamlTabs.separationAsSpaces(text);

    assertThat(load(spaced)).isEqualTo(Map.of("my key", "v", "q", "a b", "next", "w"));
  }

  @Test
  void aTabUsedAsIndentationIsLeftForTheParserToRefuse() {
    String text = "tags:\n\t- Go\n";
    assertThat(YamlTabs.separationAsSpaces(text)).isEqualTo(text);
  }

  /** chriskrycho.com: a tab and two spaces on the line after a folded scalar; 3 posts skipped. */
  @Test
  @SuppressWarnings("unchecked")
  void aLineOfWhitespaceOnlyIsBlank() {
    String text = "qualifiers:\n  audience: >\n    Other writers.\n\t  \ndate: 2023-08-13\n";
    String spaced = YamlTabs.separationAsSpaces(text);

    assertThat(spaced).isEqualTo(text.replace('\t', ' '));
    Map<String, Object> loaded = (Map<String, Object>) load(spaced);
    assertThat(loaded.get("qualifiers")).isEqualTo(Map.of("audience", "Other writers.\n"));
    assertThat(loaded).containsKey("date");
  }

  @Test
  void textWithoutTabsIsReturnedAsItIs() {
    String text = "a: b\n";
    assertThat(YamlTabs.separationAsSpaces(text)).isSameAs(text);
  }
}
