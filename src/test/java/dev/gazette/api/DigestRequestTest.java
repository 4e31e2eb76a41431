package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DigestRequest.build() is where every value is checked, for the library as for the CLI. */
class DigestRequestTest {
  @TempDir Path dir;

  private InvalidSettingException refused(UnaryOperator<DigestRequest.Builder> settings) {
    return catchThrowableOfType(
        InvalidSettingException.class,
        () -> settings.apply(DigestRequest.builder().source(dir)).build());
  }

  @Test
  void aNameThatLeavesTheOutputFolderIsRefusedThroughTheLibrary() throws Exception {
    Path posts = Files.createDirectories(dir.resolve("posts"));
    TestPosts.write(posts, "a.md", "---\ntitle: A\ndate: 2021-07-01\n---\nText.\n");
    Path out = dir.resolve("out");
    for (String name : new String[] {"../escaped", "..\\escaped", "..", "sub/name", " "}) {
      InvalidSettingException e =
          catchThrowableOfType(
              InvalidSettingException.class,
              () ->
                  Gazette.create()
                      .build(
                          DigestRequest.builder()
                              .source(posts)
                              .outputDir(out)
                              .name(name)
                              .formats(dev.gazette.model.Format.EPUB)
                              .build()));
      assertThat(e).as(name).isNotNull();
      assertThat(e.key()).isEqualTo("output-name");
      assertThat(e.reason()).contains("not a file name without folders");
    }
    assertThat(dir.resolve("escaped.epub")).doesNotExist();
    assertThat(out).doesNotExist();
  }

  @Test
  void everyValueIsCheckedOnce() {
    assertThat(refused(b -> b.pageSize("B5")).getMessage())
        .isEqualTo("page-size: 'B5' is not one of A5, A4, Letter, 6in");
    assertThat(refused(b -> b.theme("newspaper")).key()).isEqualTo("theme");
    assertThat(refused(b -> b.splitLevel(3)).getMessage())
        .isEqualTo("split-level: must be 1 or 2, not 3");
    assertThat(refused(b -> b.title("{yaer}")).reason()).startsWith("unknown placeholder {yaer}");
    assertThat(refused(b -> b.week("2021-W60")).getMessage())
        .startsWith("week: 2021 has no ISO week 60");
    assertThat(refused(b -> b.week("last").month("this")).getMessage())
        .isEqualTo("month: give one of week, month, year, days or from/to");
    assertThat(refused(b -> b.from(LocalDate.of(2021, 7, 1))).getMessage())
        .isEqualTo("from: from and to go together");
    assertThat(refused(b -> b.days(0)).key()).isEqualTo("days");
  }

  @Test
  void valuesAreNormalizedAndDefaultsFilledIn() {
    DigestRequest r = DigestRequest.builder().source(dir).pageSize("a4").theme("Modern").build();
    assertThat(r.pageSize()).isEqualTo("A4");
    assertThat(r.theme()).isEqualTo("modern");
    assertThat(r.outputDir()).isEqualTo(Path.of("out"));
    assertThat(r.formats()).hasSize(2);
  }

  @Test
  void relativeRangesCountFromTheGivenDayInTheRequestsZone() {
    DigestRequest lastWeek =
        DigestRequest.builder().source(dir).week("last").today(LocalDate.of(2021, 7, 5)).build();
    assertThat(lastWeek.rangeLabel()).isEqualTo("2021-W26");
    // 2021-07-04T17:00Z is already Monday 5 July in Shanghai.
    DigestRequest shanghai =
        DigestRequest.builder()
            .source(dir)
            .zone(ZoneId.of("Asia/Shanghai"))
            .days(1)
            .now(Instant.parse("2021-07-04T17:00:00Z"))
            .build();
    assertThat(shanghai.range().from()).isEqualTo(LocalDate.of(2021, 7, 5));
    // A range given again replaces the first; toBuilder() keeps the fixed days.
    DigestRequest month = lastWeek.toBuilder().month("2021-07").build();
    assertThat(month.rangeLabel()).isEqualTo("2021-07");
    assertThat(lastWeek.toBuilder().title("x").build().range()).isEqualTo(lastWeek.range());
  }

  @Test
  void settingsSetTheBuilderByKey() {
    DigestRequest.Builder b = DigestRequest.builder().source(dir);
    Settings.apply(b, "page-size", "letter", null);
    Settings.apply(b, "formats", java.util.List.of("pdf"), null);
    Settings.apply(b, "embed-fonts", "no", null);
    DigestRequest r = b.build();
    assertThat(r.pageSize()).isEqualTo("Letter");
    assertThat(r.formats()).containsExactly(dev.gazette.model.Format.PDF);
    assertThat(r.embedFonts()).isFalse();
    InvalidSettingException bad =
        catchThrowableOfType(
            InvalidSettingException.class, () -> Settings.apply(b, "zone", "Mars/Olympus", null));
    assertThat(bad.key()).isEqualTo("zone");
  }

  @Test
  void pairsComeFromAMappingOrFromKeyValueItems() {
    assertThat(new Settings.Value(java.util.Map.of("news/**", "Asia/Shanghai"), null).map())
        .containsExactly(java.util.Map.entry("news/**", "Asia/Shanghai"));
    assertThat(new Settings.Value(java.util.List.of("a=UTC", "b = Asia/Tokyo"), null).map())
        .containsExactly(java.util.Map.entry("a", "UTC"), java.util.Map.entry("b", "Asia/Tokyo"));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> new Settings.Value(java.util.List.of("nothing"), null).map()))
        .hasMessage("expects KEY=VALUE, not 'nothing'");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> new Settings.Value(java.util.Map.of("a", "b"), null).text()))
        .hasMessage("expects a single value, not a mapping");
  }
}
