package dev.gazette.config;

import dev.gazette.model.DateRange;
import dev.gazette.model.RelativeRange;
import java.time.LocalDate;

/**
 * The range as the user wrote it (an ISO week, a month, a number of days or two dates), before it
 * is fixed to days. {@code last}/{@code this} weeks and months and {@code days} are counted from a
 * "today" given to {@link #resolve}, never read from the clock here.
 *
 * @param week {@code last}, {@code this} or e.g. {@code 2021-W26}; or null
 * @param month {@code last}, {@code this} or e.g. {@code 2021-07}; or null
 * @param days the last N days up to today, or null
 * @param from first day (with {@code to}), or null
 * @param to last day (with {@code from}), or null
 */
public record RangeChoice(String week, String month, Integer days, LocalDate from, LocalDate to) {
  /** No range: every post. */
  public static final RangeChoice NONE = new RangeChoice(null, null, null, null, null);

  /**
   * @throws IllegalArgumentException when more than one way is used, or {@code from}/{@code to}
   *     alone
   */
  public RangeChoice {
    int ways =
        (week != null ? 1 : 0)
            + (month != null ? 1 : 0)
            + (days != null ? 1 : 0)
            + (from != null || to != null ? 1 : 0);
    if (ways > 1) {
      throw new IllegalArgumentException("give one of week, month, days or from/to");
    }
    if ((from == null) != (to == null)) {
      throw new IllegalArgumentException("from and to go together");
    }
  }

  public boolean isEmpty() {
    return week == null && month == null && days == null && from == null;
  }

  /** Whether {@link #resolve} depends on its {@code today}. */
  public boolean isRelative() {
    return days != null
        || (week != null && RelativeRange.isRelative(week))
        || (month != null && RelativeRange.isRelative(month));
  }

  /**
   * The days meant, or null for no range.
   *
   * @throws IllegalArgumentException for a malformed week or month
   */
  public DateRange resolve(LocalDate today) {
    if (week != null) {
      return RelativeRange.week(week, today);
    }
    if (month != null) {
      return RelativeRange.month(month, today);
    }
    if (days != null) {
      return RelativeRange.lastDays(days, today);
    }
    return from == null ? null : new DateRange(from, to);
  }
}
