package dev.gazette.model;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Ranges named relative to a given day ("last week", "the last 7 days"), so a scheduled job can say
 * what it means and still be reproducible: the day is always passed in, never read from a clock.
 */
public final class RelativeRange {
  private RelativeRange() {}

  /** The ISO week (Monday to Sunday) before the one holding {@code today}. */
  public static DateRange lastWeek(LocalDate today) {
    return DateRange.weekOf(today.minusWeeks(1));
  }

  /** The ISO week holding {@code today}. */
  public static DateRange thisWeek(LocalDate today) {
    return DateRange.weekOf(today);
  }

  /** The calendar month before the one holding {@code today}. */
  public static DateRange lastMonth(LocalDate today) {
    YearMonth m = YearMonth.from(today).minusMonths(1);
    return new DateRange(m.atDay(1), m.atEndOfMonth());
  }

  /** The calendar month holding {@code today}. */
  public static DateRange thisMonth(LocalDate today) {
    return new DateRange(
        today.with(TemporalAdjusters.firstDayOfMonth()),
        today.with(TemporalAdjusters.lastDayOfMonth()));
  }

  /** The {@code n} days ending with {@code today} (today included). */
  public static DateRange lastDays(int n, LocalDate today) {
    if (n < 1) {
      throw new IllegalArgumentException("the number of days must be at least 1, not " + n);
    }
    return new DateRange(today.minusDays(n - 1L), today);
  }

  /**
   * Parses a week: {@code last}, {@code this} or an ISO week such as {@code 2021-W26}.
   *
   * @param today the day {@code last} and {@code this} are counted from
   */
  public static DateRange week(String text, LocalDate today) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "last" -> lastWeek(today);
      case "this" -> thisWeek(today);
      default -> DateRange.ofIsoWeek(text);
    };
  }

  /** Parses a month: {@code last}, {@code this} or a month such as {@code 2021-07}. */
  public static DateRange month(String text, LocalDate today) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "last" -> lastMonth(today);
      case "this" -> thisMonth(today);
      default -> DateRange.ofMonth(text);
    };
  }

  /** A calendar year, 1 January to 31 December. */
  public static DateRange year(int year) {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("expects a year such as 2018, not " + year);
    }
    return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** Whether a week or month value needs a "today" to be understood. */
  public static boolean isRelative(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.equals("last") || t.equals("this");
  }
}
