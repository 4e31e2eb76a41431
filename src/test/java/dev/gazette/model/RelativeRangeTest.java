package dev.gazette.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.digest.NameTemplate;
import dev.gazette.render.Labels;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RelativeRangeTest {
  @Test
  void lastWeekIsThePreviousMondayToSunday() {
    DateRange r = RelativeRange.lastWeek(LocalDate.of(2021, 7, 5));
    assertThat(r).isEqualTo(new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)));
    assertThat(r.label()).isEqualTo("2021-W26");
    // A Sunday still belongs to the week that started six days before.
    assertThat(RelativeRange.lastWeek(LocalDate.of(2021, 7, 4)).label()).isEqualTo("2021-W25");
    assertThat(RelativeRange.thisWeek(LocalDate.of(2021, 7, 4)).label()).isEqualTo("2021-W26");
  }

  @Test
  void isoWeek53BelongsToTheYearItStartedIn() {
    DateRange r = RelativeRange.lastWeek(LocalDate.of(2021, 1, 4));
    assertThat(r).isEqualTo(new DateRange(LocalDate.of(2020, 12, 28), LocalDate.of(2021, 1, 3)));
    assertThat(r).isEqualTo(DateRange.ofIsoWeek("2020-W53"));
    assertThat(r.label()).isEqualTo("2020-W53");
    assertThat(NameTemplate.expand("{source}-{year}-W{week}", r, "news"))
        .isEqualTo("news-2020-W53");
    assertThat(Labels.forLanguage("zh-Hans").issue(r)).isEqualTo("2020 年第 53 周");
    assertThat(Labels.forLanguage("en").issue(r)).isEqualTo("Week 53, 2020");
    assertThatThrownBy(() -> DateRange.ofIsoWeek("2021-W53"))
        .hasMessageContaining("has no ISO week 53");
  }

  @Test
  void monthsAcrossTheYearBoundary() {
    DateRange r = RelativeRange.lastMonth(LocalDate.of(2021, 1, 15));
    assertThat(r).isEqualTo(new DateRange(LocalDate.of(2020, 12, 1), LocalDate.of(2020, 12, 31)));
    assertThat(r.label()).isEqualTo("2020-12");
    assertThat(RelativeRange.thisMonth(LocalDate.of(2024, 2, 10)).to())
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Labels.forLanguage("zh-Hans").issue(r)).isEqualTo("2020 年 12 月");
    assertThat(NameTemplate.expand("{year}年{month}月", r, "x")).isEqualTo("2020年12月");
  }

  @Test
  void lastDaysEndToday() {
    DateRange r = RelativeRange.lastDays(7, LocalDate.of(2021, 7, 5));
    assertThat(r).isEqualTo(new DateRange(LocalDate.of(2021, 6, 29), LocalDate.of(2021, 7, 5)));
    assertThat(r.label()).isEqualTo("2021-06-29_2021-07-05");
    assertThatThrownBy(() -> RelativeRange.lastDays(0, LocalDate.of(2021, 7, 5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void templatesRejectUnknownPlaceholdersAndDatesWithoutARange() {
    assertThatThrownBy(() -> NameTemplate.expand("{yaer}", null, "x"))
        .hasMessageContaining("unknown placeholder {yaer}");
    assertThatThrownBy(() -> NameTemplate.expand("{week}", null, "x"))
        .hasMessageContaining("no date range");
    assertThat(NameTemplate.expand("{source} digest", null, "news")).isEqualTo("news digest");
  }
}
