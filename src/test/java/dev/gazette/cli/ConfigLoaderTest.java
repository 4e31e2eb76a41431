package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gazette.api.DigestRequest;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigLoader;
import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.OrderRule;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gazette.yml read into the request builder, and its errors worded with the file and the line. */
class ConfigLoaderTest {
  @TempDir Path dir;

  private RequestLayers layers(String yaml) throws ConfigException {
    return new RequestLayers(DigestRequest.builder().source(dir).today(LocalDate.of(2021, 7, 5)))
        .config(TestPosts.write(dir, "gazette.yml", yaml));
  }

  private DigestRequest load(String yaml) throws ConfigException {
    return layers(yaml).build();
  }

  private ConfigException error(String yaml) {
    return (ConfigException) catchThrowable(() -> load(yaml));
  }

  @Test
  void everyKeyIsReadIntoItsType() throws Exception {
    TestPosts.write(dir, "extra.css", "p { color: red; }");
    TestPosts.write(dir, "cover.png", "not read here");
    String yaml =
        """
        title: "观察者网周报 {year}年第{week}期"
        zone: Asia/Shanghai
        week: last
        categories:
          include: [新闻, 科技]
          exclude: [广告]
        tags: [周报]
        group-by: category
        theme: modern
        page-size: a4
        css: extra.css
        fonts:
          embed: false
        formats: [epub]
        output:
          dir: out/weekly
          name: "weekly-{range}"
        cover: cover.png
        image-cache: .cache/images
        strict: true
        allow-empty: yes
        """;
    DigestRequest c = load(yaml);
    assertThat(c.title()).isEqualTo("观察者网周报 {year}年第{week}期");
    assertThat(c.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(c.range().label()).isEqualTo("2021-W26");
    assertThat(c.categories()).containsExactly("新闻", "科技");
    assertThat(c.excludeCategories()).containsExactly("广告");
    assertThat(c.tags()).containsExactly("周报");
    assertThat(c.groupBy()).isEqualTo(Grouping.CATEGORY);
    assertThat(c.effectiveGrouping()).isEqualTo(Grouping.CATEGORY);
    assertThat(c.theme()).isEqualTo("modern");
    assertThat(c.pageSize()).isEqualTo("A4");
    assertThat(c.extraCss()).isEqualTo(dir.resolve("extra.css").toAbsolutePath().normalize());
    assertThat(c.embedFonts()).isFalse();
    assertThat(c.formats()).isEqualTo(Set.of(Format.EPUB));
    assertThat(c.outputDir()).isEqualTo(dir.resolve("out/weekly").toAbsolutePath().normalize());
    assertThat(c.name()).isEqualTo("weekly-{range}");
    assertThat(c.coverImage()).isEqualTo(dir.resolve("cover.png").toAbsolutePath().normalize());
    assertThat(c.imageCache()).isEqualTo(dir.resolve(".cache/images").toAbsolutePath().normalize());
    assertThat(c.strict()).isTrue();
    assertThat(layers(yaml).isOn("allow-empty")).isTrue();
  }

  @Test
  void theFlatKeysSayTheSameAsTheNestedOnes() throws Exception {
    DigestRequest c =
        load(
            """
            output-dir: out/weekly
            output-name: weekly
            embed-fonts: false
            exclude-categories: [广告]
            """);
    assertThat(c.outputDir()).isEqualTo(dir.resolve("out/weekly").toAbsolutePath().normalize());
    assertThat(c.name()).isEqualTo("weekly");
    assertThat(c.embedFonts()).isFalse();
    assertThat(c.excludeCategories()).containsExactly("广告");
    assertThat(error("output-dir: a\noutput:\n  dir: b\n").getMessage())
        .contains(":3: 'output.dir': appears twice");
  }

  @Test
  void aMappingIsReadAsPairsInOrder() throws Exception {
    Path file = TestPosts.write(dir, "gazette.yml", "pairs:\n  b/**: UTC\n  a/**: Asia/Tokyo\n");
    Object value = ConfigLoader.load(file, java.util.List.of("pairs")).entries().get(0).value();
    assertThat(value)
        .isEqualTo(
            new java.util.LinkedHashMap<>(java.util.Map.of("b/**", "UTC", "a/**", "Asia/Tokyo")));
    assertThat(((java.util.Map<?, ?>) value).keySet().stream().map(String::valueOf))
        .containsExactly("b/**", "a/**");
    assertThat(error("title:\n  a: b\n").getMessage())
        .contains(":1: 'title': expects a single value, not a mapping");
  }

  @Test
  void anEmptyFileSetsNothing() throws Exception {
    DigestRequest c = load("# nothing yet\n");
    DigestRequest defaults = DigestRequest.builder().source(dir).build();
    assertThat(c.title()).isNull();
    assertThat(c.range()).isNull();
    assertThat(c.formats()).isEqualTo(defaults.formats());
    assertThat(c.outputDir()).isEqualTo(defaults.outputDir());
    assertThat(ConfigLoader.load(dir.resolve("gazette.yml"), java.util.List.of()).entries())
        .isEmpty();
  }

  @Test
  void unknownKeysNameTheFileTheKeyAndTheLine() {
    ConfigException e = error("title: 周报\n\nthme: book\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.key()).isEqualTo("thme");
    assertThat(e.getMessage())
        .startsWith(dir.resolve("gazette.yml") + ":3: 'thme': unknown key (known: title, author,");

    ConfigException nested = error("fonts:\n  serif: x.ttf\n  bold: y.ttf\n");
    assertThat(nested.getMessage())
        .contains("gazette.yml:3: 'fonts.bold': unknown key (known: serif, sans, fallback, embed)");
  }

  @Test
  void badValuesNameTheKeyAndTheLine() {
    assertThat(error("zone: Mars/Olympus\n").getMessage())
        .endsWith(
            ":1: 'zone': unknown time zone 'Mars/Olympus' (use an IANA id such as Asia/Shanghai or"
                + " UTC)");
    assertThat(error("theme: newspaper\n").getMessage())
        .endsWith(":1: 'theme': 'newspaper' is not one of book, modern, print");
    assertThat(error("title: x\ndays: seven\n").getMessage())
        .contains(":2: 'days': expects a whole number");
    assertThat(error("strict: maybe\n").getMessage())
        .contains(":1: 'strict': expects true or false");
    assertThat(error("formats: [epub, mobi]\n").getMessage())
        .contains(":1: 'formats': unknown format 'mobi'");
    assertThat(error("title: \"{yaer} 周报\"\n").getMessage())
        .contains(":1: 'title': unknown placeholder {yaer}");
    assertThat(error("output:\n  name: a/b\n").getMessage())
        .contains(":2: 'output.name': 'a/b' is not a file name without folders");
    assertThat(error("output:\n  name: ..\n").getMessage())
        .contains(":2: 'output.name': '..' is not a file name without folders");
    assertThat(error("css: missing.css\n").getMessage()).contains(":1: 'css': no such file");
    assertThat(error("title:\n  - a\n").getMessage())
        .contains(":1: 'title': expects a single value, not a list");
    // The second way of giving a range is the one refused.
    assertThat(error("title: a\nweek: last\nmonth: last\n").getMessage())
        .contains(":3: 'month': give one of week, month, year, days or from/to");
    assertThat(error("week: 2021-W60\n").getMessage())
        .contains(":1: 'week': 2021 has no ISO week 60");
    assertThat(error("title: a\ntitle: b\n").getMessage()).contains(":2: 'title': appears twice");
    assertThat(error("title: [unclosed\n").getMessage()).contains("gazette.yml:2: not valid YAML");
  }

  @Test
  void bookImageAndNetworkKeys() throws Exception {
    DigestRequest request =
        load(
            """
            order: path
            drafts: yes
            preface: README.md
            split-level: 2
            offline: true
            allow-private-network: false
            """);
    assertThat(request.order()).isEqualTo(OrderRule.PATH);
    assertThat(request.drafts()).isTrue();
    assertThat(request.preface()).isEqualTo(dir.resolve("README.md").normalize());
    assertThat(request.splitLevel()).isEqualTo(2);
    assertThat(request.offline()).isTrue();
    assertThat(request.allowPrivateNetwork()).isFalse();
    assertThat(error("order: random\n").getMessage())
        .contains(":1: 'order': 'random' is not one of date, path, weight");
    assertThat(error("title: a\nsplit-level: 3\n").getMessage())
        .contains(":2: 'split-level': must be 1 or 2, not 3");
  }

  @Test
  void foundAtTheRootOfTheSourceFolderOnly() throws Exception {
    assertThat(ConfigLoader.find(dir)).isEmpty();
    TestPosts.write(dir, "gazette.yml", "title: x\n");
    assertThat(ConfigLoader.find(dir))
        .contains(dir.resolve("gazette.yml").toAbsolutePath().normalize());
    assertThat(ConfigLoader.find(dir.resolve("post.md"))).isPresent();
    // A sub-folder given as the source has its own settings (or none), not its parent's.
    assertThat(ConfigLoader.find(Files.createDirectories(dir.resolve("sub")))).isEmpty();
  }
}
