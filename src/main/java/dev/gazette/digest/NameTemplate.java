package dev.gazette.digest;

import dev.gazette.model.DateRange;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a title or file-name template such as {@code 观察者网周报 {year}年第{week}期} from the selected
 * range. Placeholders: {@code {year}}, {@code {week}} (ISO week, no leading zero), {@code {month}}
 * (no leading zero), {@code {from}}, {@code {to}} (ISO dates), {@code {range}} ({@code 2021-W26},
 * {@code 2021-07}, …) and {@code {source}} (the source folder's name). For a week, {@code {year}}
 * is the ISO week-based year, so 2020-W53 (which ends on 3 January 2021) is still {@code 2020}.
 */
public final class NameTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
  private static final java.util.Set<String> DATED =
      java.util.Set.of("year", "week", "month", "from", "to", "range");

  private NameTemplate() {}

  /** True when the text has at least one placeholder. */
  public static boolean isTemplate(String text) {
    return text != null && PLACEHOLDER.matcher(text).find();
  }

  /**
   * Expands {@code template}.
   *
   * @param range the selected range, or null (then only {@code {source}} may be used)
   * @throws IllegalArgumentException for an unknown placeholder, or a dated one without a range
   */
  public static String expand(String template, DateRange range, String sourceName) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      if (!DATED.contains(key) && !key.equals("source")) {
        throw new IllegalArgumentException(
            "unknown placeholder {"
                + key
                + "} in '"
                + template
                + "' (known: {year} {week} {month} {from} {to} {range} {source})");
      }
      if (range == null && DATED.contains(key)) {
        throw new IllegalArgumentException(
            "'" + template + "' uses {" + key + "} but no date range is selected");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(values(range, sourceName).get(key)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Map<String, String> values(DateRange range, String sourceName) {
    if (range == null) {
      return Map.of("source", sourceName);
    }
    // The middle day decides week and month: for an ISO week that is its Thursday.
    LocalDate middle = range.from().plusDays((range.days() - 1) / 2);
    int year = range.isIsoWeek() ? middle.get(IsoFields.WEEK_BASED_YEAR) : range.from().getYear();
    return Map.of(
        "year", String.valueOf(year),
        "week", String.valueOf(middle.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
        "month", String.valueOf(middle.getMonthValue()),
        "from", range.from().toString(),
        "to", range.to().toString(),
        "range", range.label(),
        "source", sourceName);
  }
}
