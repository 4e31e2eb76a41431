package dev.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LiquidValuesTest {
  private static final Map<String, Object> RELEASES =
      Map.of(
          "releases",
          List.of(
              Map.of("version", "3.3.12", "url", Map.of("gz", "https://x.org/3.3.12.tar.gz")),
              Map.of("version", "3.2.9", "url", Map.of("gz", "https://x.org/3.2.9.tar.gz")),
              Map.of("version", 2.6, "url", Map.of())));

  private static final Function<String, Object> VARIABLES =
      name ->
          switch (name) {
            case "site" -> Map.of("data", RELEASES, "title", "Lang");
            case "tag" -> "V3_3_12";
            case "wanted" -> "3.2.9";
            default -> null;
          };

  private static String text(String expression) {
    return LiquidValues.text(LiquidValues.evaluate(expression, VARIABLES));
  }

  @Test
  void pathsWalkMapsAndLists() {
    assertThat(text("site.data.releases.first.version")).isEqualTo("3.3.12");
    assertThat(text("site.data.releases[1].url.gz")).isEqualTo("https://x.org/3.2.9.tar.gz");
    assertThat(text("site.data.releases[-1].version")).isEqualTo("2.6");
    assertThat(text("site.data.releases.size")).isEqualTo("3");
    assertThat(text("site[\"title\"]")).isEqualTo("Lang");
  }

  /** Ruby's split: trailing empty parts dropped, an empty separator splits the letters. */
  @Test
  void splitMakesAList() {
    assertThat(LiquidValues.evaluate("\"1037|1040||\" | split: \"|\"", VARIABLES))
        .isEqualTo(java.util.List.of("1037", "1040"));
    assertThat(text("\"a.b\" | split: \".\" | join: \"-\"")).isEqualTo("a-b");
    assertThat(text("\"abc\" | split: \"\" | size")).isEqualTo("3");
  }

  @Test
  void jekyllsWhereAndTheCommonFiltersApply() {
    assertThat(text("site.data.releases | where: \"version\", wanted | first | size"))
        .isEqualTo("2");
    assertThat(
            LiquidValues.text(
                ((Map<?, ?>)
                        ((Map<?, ?>)
                                LiquidValues.evaluate(
                                    "site.data.releases | where: 'version', '2.6' | last",
                                    VARIABLES))
                            .get("url"))
                    .get("gz")))
        .isNull(); // the 2.6 release has no addresses: no value, not "null"
    assertThat(text("tag | downcase | remove: '_' | prepend: 'ruby-' | append: '.zip'"))
        .isEqualTo("ruby-v3312.zip");
    assertThat(text("site.data.releases | reverse | first | map: 'version'")).isNull();
    assertThat(text("'a,b' | replace: ',', ' and ' | capitalize")).isEqualTo("A and b");
    assertThat(text("site.data.releases | sort: 'version' | first | size")).isEqualTo("2");
    assertThat(text("site.missing | default: 'none'")).isNull(); // unknown stays unknown
    assertThat(text("'' | default: 'none'")).isEqualTo("none");
    assertThat(text("'abcdef' | slice: 1, 3")).isEqualTo("bcd");
  }

  @Test
  void whatCannotBeComputedHasNoValue() {
    assertThat(LiquidValues.evaluate("release.url.gz", VARIABLES)).isNull();
    assertThat(LiquidValues.evaluate("site.data.releases | first | nosuchfilter", VARIABLES))
        .isNull();
    assertThat(LiquidValues.evaluate("site.data.releases.first.missing", VARIABLES)).isNull();
    assertThat(LiquidValues.evaluate("'open", VARIABLES)).isNull();
    assertThat(LiquidValues.evaluate("site.data.releases[", VARIABLES)).isNull();
    assertThat(LiquidValues.evaluate("site.title extra", VARIABLES)).isNull();
    assertThat(LiquidValues.text(LiquidValues.evaluate("site.data", VARIABLES))).isNull();
  }
}
