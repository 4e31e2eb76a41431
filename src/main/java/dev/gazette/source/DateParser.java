package dev.gazette.source;

import dev.gazette.model.PostDate;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date conventions of blog generators and feeds into an instant. Values without a zone
 * are read in the zone given to the constructor. Parsing is strict: {@code 20:32:79} is an error,
 * not 20:33:19.
 *
 * <p>Accepted: RFC 1123 / RFC 822 ({@code Fri, 02 Jul 2021 20:32:26 GMT}, weekday optional and not
 * cross-checked, zone names GMT/UT/UTC/Z or an offset); ISO 8601 with or without an offset or a
 * bracketed zone id, {@code T} or a space between date and time, optional seconds and fractions,
 * offsets as {@code +08:00}, {@code +0800}, {@code +08} or {@code Z}, possibly after a space
 * (Jekyll's {@code 2021-07-02 20:32:26 +0800}); {@code YYYY-MM-DD} with {@code -} or {@code /} and
 * one- or two-digit month and day; Unix epoch seconds or milliseconds as a number.
 */
public final class DateParser {
  private static final Pattern FILE_NAME_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-");
  private static final Pattern RFC_WEEKDAY = Pattern.compile("^[A-Za-z]{3,9},?\\s+");
  // Compiled once: String.matches/replaceAll compile their pattern on every call, for every post.
  private static final Pattern DAY_FIRST = Pattern.compile("^\\d{1,2}\\s+[A-Za-z].*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern UTC_SUFFIX = Pattern.compile("(?i) (UTC|UT|Z)$");
  private static final Pattern GMT_OFFSET = Pattern.compile("(?i) GMT([+-]\\d{4})$");
  private static final Pattern COLON_OFFSET = Pattern.compile("(?i) ([+-]\\d{2}):(\\d{2})$");

  private static final DateTimeFormatter RFC_1123 =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d MMM uuuu HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .appendLiteral(' ')
          .appendOffset("+HHMM", "GMT")
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter ISO_LIKE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendValue(ChronoField.YEAR, 4)
          .appendPattern("[-][/]")
          .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendPattern("[-][/]")
          .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .optionalStart()
          .appendPattern("['T'][' ']")
          .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendPattern("[' ']")
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendPattern("[' ']")
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendPattern("[' ']")
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE);

  private static final Instant EARLIEST = Instant.parse("1000-01-02T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

  private final ZoneId zone;

  public DateParser(ZoneId zone) {
    this.zone = zone;
  }

  /** Thrown for a value that is not a date. The message quotes the value. */
  public static final class InvalidDateException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidDateException(String message) {
      super(message);
    }
  }

  /**
   * Parses a front-matter value: text, a number (epoch seconds or milliseconds) or a {@code
   * java.time}/{@code java.util.Date} object from a YAML/TOML reader.
   */
  public PostDate parse(Object value) throws InvalidDateException {
    if (value == null) {
      throw new InvalidDateException("empty date");
    }
    if (value instanceof Number n) {
      return inRange(fromEpoch(n.longValue(), value), value);
    }
    if (value instanceof Date d) {
      return inRange(new PostDate(d.toInstant(), false, PostDate.Source.FRONT_MATTER), value);
    }
    if (value instanceof TemporalAccessor t) {
      return inRange(fromTemporal(t, value.toString()), value);
    }
    if (value instanceof CharSequence text) {
      return parse(text.toString());
    }
    throw new InvalidDateException("not a date: " + describe(value));
  }

  /** Parses a date string. */
  public PostDate parse(String raw) throws InvalidDateException {
    return inRange(parseText(raw), raw);
  }

  /**
   * Years 1000 to 9999 only: the EPUB and PDF date fields hold four-digit years, and a year 0 or
   * 10000 in a post is a typo or an attack, never a publication date.
   */
  private static PostDate inRange(PostDate date, Object raw) throws InvalidDateException {
    if (date.instant().isBefore(EARLIEST) || date.instant().isAfter(LATEST)) {
      throw new InvalidDateException(
          "not a date: '" + describe(raw) + "' (years 1000 to 9999 only)");
    }
    return date;
  }

  private PostDate parseText(String raw) throws InvalidDateException {
    String text = raw.strip();
    if (text.isEmpty()) {
      throw new InvalidDateException("empty date");
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() >= 9 && text.length() <= 13) {
      return fromEpoch(Long.parseLong(text), text);
    }
    if (Character.isLetter(text.charAt(0)) || DAY_FIRST.matcher(text).matches()) {
      return parseRfc1123(text, raw);
    }
    try {
      TemporalAccessor t =
          ISO_LIKE.parseBest(
              text,
              ZonedDateTime::from,
              OffsetDateTime::from,
              LocalDateTime::from,
              LocalDate::from);
      return fromTemporal(t, raw);
    } catch (DateTimeParseException e) {
      throw new InvalidDateException("not a date: '" + raw.strip() + "'" + reason(e));
    }
  }

  /** The date a Jekyll-style file name starts with ({@code 2021-07-06-title.md}). */
  public Optional<PostDate> fromFileName(String fileName) {
    Matcher m = FILE_NAME_DATE.matcher(fileName);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)));
      return Optional.of(
          new PostDate(day.atStartOfDay(zone).toInstant(), true, PostDate.Source.FILE_NAME));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private PostDate parseRfc1123(String text, String raw) throws InvalidDateException {
    // The weekday is redundant and bots get it wrong; the day number is what counts.
    String rest = RFC_WEEKDAY.matcher(text).replaceFirst("");
    rest = WHITESPACE.matcher(rest).replaceAll(" ");
    rest = UTC_SUFFIX.matcher(rest).replaceFirst(" GMT");
    rest = GMT_OFFSET.matcher(rest).replaceFirst(" $1");
    rest = COLON_OFFSET.matcher(rest).replaceFirst(" $1$2");
    try {
      OffsetDateTime odt = OffsetDateTime.from(RFC_1123.parse(rest));
      return new PostDate(odt.toInstant(), false, PostDate.Source.FRONT_MATTER);
    } catch (DateTimeException e) {
      throw new InvalidDateException("not a date: '" + raw.strip() + "'" + reason(e));
    }
  }

  private PostDate fromTemporal(TemporalAccessor t, String raw) throws InvalidDateException {
    try {
      if (t instanceof ZonedDateTime z) {
        return new PostDate(z.toInstant(), false, PostDate.Source.FRONT_MATTER);
      }
      if (t instanceof OffsetDateTime o) {
        return new PostDate(o.toInstant(), false, PostDate.Source.FRONT_MATTER);
      }
      if (t instanceof LocalDateTime l) {
        return new PostDate(l.atZone(zone).toInstant(), false, PostDate.Source.FRONT_MATTER);
      }
      if (t instanceof LocalDate d) {
        return new PostDate(d.atStartOfDay(zone).toInstant(), true, PostDate.Source.FRONT_MATTER);
      }
      if (t instanceof Instant i) {
        return new PostDate(i, false, PostDate.Source.FRONT_MATTER);
      }
    } catch (DateTimeException e) {
      throw new InvalidDateException("not a date: '" + raw + "'" + reason(e));
    }
    throw new InvalidDateException("not a date: '" + raw + "'");
  }

  private static PostDate fromEpoch(long n, Object raw) throws InvalidDateException {
    // Ten digits are seconds until 2286; thirteen are milliseconds.
    if (n >= 100_000_000_000L && n < 10_000_000_000_000L) {
      return new PostDate(Instant.ofEpochMilli(n), false, PostDate.Source.FRONT_MATTER);
    }
    if (n >= 100_000_000L && n < 100_000_000_000L) {
      return new PostDate(Instant.ofEpochSecond(n), false, PostDate.Source.FRONT_MATTER);
    }
    throw new InvalidDateException("not a date: " + raw + " (a number is read as Unix time)");
  }

  private static String reason(DateTimeException e) {
    String m = e.getMessage();
    if (m != null && m.contains("Invalid value for")) {
      int i = m.indexOf("Invalid value for");
      return " (" + m.substring(i) + ")";
    }
    if (e.getCause() != null && e.getCause().getMessage() != null) {
      return " (" + e.getCause().getMessage() + ")";
    }
    return "";
  }

  private static String describe(Object value) {
    String s = String.valueOf(value);
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
