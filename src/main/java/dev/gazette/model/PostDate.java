package dev.gazette.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When a post was published. {@code dateOnly} marks values that named a day but no time (a {@code
 * 2021-07-02} front-matter date or a Jekyll file-name prefix): they sort at the start of that day
 * and are shown without a time.
 */
public record PostDate(Instant instant, boolean dateOnly, Source source) {
  /** Where the date came from. */
  public enum Source {
    FRONT_MATTER,
    FILE_NAME
  }

  public PostDate {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(source, "source");
  }

  public LocalDate day(ZoneId zone) {
    return instant.atZone(zone).toLocalDate();
  }
}
