package dev.gazette.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inclusive range of calendar days; which instants it covers depends on the zone it is read in.
 */
public record DateRange(LocalDate from, LocalDate to) {
  private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

  public DateRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /** Parses an ISO week such as {@code 2021-W26}: Monday to Sunday. */
  public static DateRange ofIsoWeek(String text) {
    Matcher m = ISO_WEEK.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("not an ISO week (expected e.g. 2021-W26): " + text);
    }
    int year = Integer.parseInt(m.group(1));
    int week = Integer.parseInt(m.group(2));
    LocalDate mid = LocalDate.of(year, 7, 1);
    long weeksInYear = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    if (week < 1 || week > weeksInYear) {
      throw new IllegalArgumentException(
          year + " has no ISO week " + week + " (it has " + weeksInYear + ")");
    }
    LocalDate monday = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
    return new DateRange(monday, monday.plusDays(6));
  }

  /** Parses a month such as {@code 2021-07}. */
  public static DateRange ofMonth(String text) {
    try {
      YearMonth month = YearMonth.parse(text.trim());
      return new DateRange(month.atDay(1), month.atEndOfMonth());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a month (expected e.g. 2021-07): " + text, e);
    }
  }

  /** The ISO week holding {@code day}. */
  public static DateRange weekOf(LocalDate day) {
    LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new DateRange(monday, monday.plusDays(6));
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public boolean contains(Instant instant, ZoneId zone) {
    return contains(instant.atZone(zone).toLocalDate());
  }

  /** True when the range is exactly one ISO week, Monday to Sunday. */
  public boolean isIsoWeek() {
    return from.getDayOfWeek() == DayOfWeek.MONDAY && days() == 7;
  }

  /** True when the range is exactly one calendar month. */
  public boolean isMonth() {
    return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(from).atEndOfMonth());
  }

  /** True when the range is exactly one calendar year. */
  public boolean isYear() {
    return from.getDayOfYear() == 1 && to.equals(from.withDayOfYear(from.lengthOfYear()));
  }

  /**
   * A short label usable in file names: {@code 2021-W26} for an ISO week (in its week-based year),
   * {@code 2021-07} for a month, {@code 2018} for a year, {@code 2021-07-02} for one day, {@code
   * 2021-07-01_2021-07-10} otherwise.
   */
  public String label() {
    if (isIsoWeek()) {
      return String.format(
          java.util.Locale.ROOT,
          "%d-W%02d",
          from.get(IsoFields.WEEK_BASED_YEAR),
          from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
    if (isMonth()) {
      return YearMonth.from(from).toString();
    }
    if (isYear()) {
      return String.valueOf(from.getYear());
    }
    return from.equals(to) ? from.toString() : from + "_" + to;
  }

  public long days() {
    return to.toEpochDay() - from.toEpochDay() + 1;
  }

  @Override
  public String toString() {
    return from.equals(to) ? from.toString() : from + ".." + to;
  }
}
