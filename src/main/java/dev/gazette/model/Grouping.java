package dev.gazette.model;

import java.util.Locale;

/** How a digest's articles are put into sections. */
public enum Grouping {
  /** One section per day of publication, headed with the date and weekday. */
  DAY,
  /** One section per (first) category, in order of first appearance. */
  CATEGORY,
  /** No sections: one flat list of articles. */
  NONE;

  /** Days up to which a range is grouped by day by default. */
  static final int DAY_GROUPING_MAX_DAYS = 7;

  /** {@link #DAY} for a range of a week or less, {@link #CATEGORY} otherwise (or for all posts). */
  public static Grouping defaultFor(DateRange range) {
    return range != null && range.days() <= DAY_GROUPING_MAX_DAYS ? DAY : CATEGORY;
  }

  /** Parses {@code day}, {@code category} or {@code none}, in any case. */
  public static Grouping parse(String text) {
    for (Grouping g : values()) {
      if (g.name().equalsIgnoreCase(text.strip())) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "unknown grouping '" + text + "' (expected day, category or none)");
  }

  /** The name used on the command line and in gazette.yml. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
