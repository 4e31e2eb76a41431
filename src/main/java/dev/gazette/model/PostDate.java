package dev.gazette.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a post was published. {@code dateOnly} marks values that named a day but no time (a {@code
 * 2021-07-02} front-matter date or a Jekyll file-name prefix): they sort at the start of that day
 * and are shown without a time.
 *
 * @param wallClock the zone the written time was read in instead of the zone or offset it stated (a
 *     wall-clock override), or null when the date was read as written
 */
public record PostDate(Instant instant, boolean dateOnly, Source source, ZoneId wallClock) {
  /** Where the date came from. */
  public enum Source {
    FRONT_MATTER,
    FILE_NAME,
    /** The day in the post's own address: Zola {@code path = "2014/12/12/title"}, a permalink. */
    URL_PATH
  }

  public PostDate {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(source, "source");
  }

  /** A date read as written. */
  public PostDate(Instant instant, boolean dateOnly, Source source) {
    this(instant, dateOnly, source, null);
  }

  public LocalDate day(ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }

  /** Whether a wall-clock override moved this date. */
  public boolean corrected() {
    return wallClock != null;
  }
}
