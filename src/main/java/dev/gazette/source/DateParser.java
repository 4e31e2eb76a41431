package dev.gazette.source;

import dev.gazette.model.PostDate;
import java.text.ParsePosition;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date conventions of blog generators and feeds into an instant. Values without a zone
 * are read in the zone given to the constructor. {@link #parse} is strict: {@code 20:32:79} is an
 * error; {@link #read} carries it over to 20:33:19 with a note, as site generators do.
 *
 * <p>Accepted: RFC 1123 / RFC 822 ({@code Fri, 02 Jul 2021 20:32:26 GMT}, weekday optional and not
 * cross-checked, zone names GMT/UT/UTC/Z or an offset); ISO 8601 with or without an offset or a
 * bracketed zone id, {@code T} or a space between date and time, optional seconds and fractions,
 * offsets as {@code +08:00}, {@code +0800}, {@code +08} or {@code Z}, possibly after a space
 * (Jekyll's {@code 2021-07-02 20:32:26 +0800}); {@code YYYY-MM-DD} with {@code -} or {@code /} and
 * one- or two-digit month and day; Unix epoch seconds or milliseconds as a number.
 */
public final class DateParser {
  /**
   * A day at the start of a file name: Jekyll's {@code 2021-07-06-title.md}, and what other
   * archives write: {@code 2021_07_06-title.md}, {@code 2021.07.06 title.md}, {@code
   * 20210706-title.md}, a daily {@code 2021-07-06.md}. One separator throughout; the day ends the
   * name or is followed by a separator or the extension.
   */
  private static final Pattern FILE_NAME_DATE =
      Pattern.compile("^(?<y>\\d{4})(?<sep>[-_.]?)(?<m>\\d{2})\\k<sep>(?<d>\\d{2})(?:[-_. ]|$)");

  /**
   * Jekyll's own rule, which takes a one-digit month or day before the title: {@code
   * 2014-1-25-talk.md} (yanhaijing's blog: 157 of its posts were undated).
   */
  private static final Pattern JEKYLL_FILE_NAME_DATE =
      Pattern.compile("^(?<y>\\d{4})-(?<m>\\d{1,2})-(?<d>\\d{1,2})-");

  private static final Pattern PATH_DATE =
      Pattern.compile("(?<![0-9])(?<y>\\d{4})[/-](?<m>\\d{1,2})[/-](?<d>\\d{1,2})(?![0-9])");
  private static final Pattern RFC_WEEKDAY = Pattern.compile("^[A-Za-z]{3,9},?\\s+");
  // Compiled once: String.matches/replaceAll compile their pattern on every call, for every post.
  private static final Pattern DAY_FIRST = Pattern.compile("^\\d{1,2}\\s+[A-Za-z].*");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * A day and its time joined by a colon ({@code 2024-08-07:00:00:00}), as Zig's own site dates its
   * pages: the colon stands where {@code T} does.
   */
  private static final Pattern COLON_BEFORE_TIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}):(?=\\d{2}:\\d{2})");

  /**
   * A day written out in English, without a time: {@code 21 February 2018} (Julia's blog, from
   * Franklin), {@code February 21, 2018}, {@code Feb 21 2018}, after an optional weekday and comma.
   */
  private static final List<DateTimeFormatter> WRITTEN_DAYS =
      java.util.stream.Stream.of(
              "d MMMM uuuu",
              "d MMM uuuu",
              "MMMM d, uuuu",
              "MMM d, uuuu",
              "MMMM d uuuu",
              "MMM d uuuu")
          .map(
              p ->
                  new DateTimeFormatterBuilder()
                      .parseCaseInsensitive()
                      .appendPattern(p)
                      .toFormatter(Locale.ENGLISH)
                      .withResolverStyle(ResolverStyle.STRICT))
          .toList();

  private static final Pattern WEEKDAY_AND_COMMA = Pattern.compile("^[A-Za-z]{3,9},\\s*");

  private static final Pattern UTC_SUFFIX = Pattern.compile("(?i) (UTC|UT|Z)$");
  private static final Pattern GMT_OFFSET = Pattern.compile("(?i) GMT([+-]\\d{4})$");
  private static final Pattern COLON_OFFSET = Pattern.compile("(?i) ([+-]\\d{2}):(\\d{2})$");

  /** The time of a date text: after the {@code T} or a space, never an offset. */
  /** A numeric year, month and day opening a date text, the day not followed by a digit. */
  private static final Pattern LEADING_DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");

  private static final Pattern TIME =
      Pattern.compile("(?i)(?<=[T\\s])(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?(?![\\d:])");

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
   * A date as written: the wall-clock reading and the zone or offset it states (null when none),
   * or, for Unix time and date objects, an instant.
   */
  private record Stated(LocalDateTime local, ZoneId zone, boolean dateOnly, Instant instant) {
    static Stated of(Instant instant) {
      return new Stated(null, null, false, instant);
    }
  }

  /**
   * A date read from front matter: the date, whether a wall-clock override changed it, and a note
   * when it had to be repaired (an overflowing time), or null.
   */
  public record Reading(PostDate date, String note) {}

  /**
   * Parses a front-matter value: text, a number (epoch seconds or milliseconds) or a {@code
   * java.time}/{@code java.util.Date} object from a YAML/TOML reader.
   */
  public PostDate parse(Object value) throws InvalidDateException {
    return inRange(toPostDate(stated(value), null), value);
  }

  /** Parses a date string. */
  public PostDate parse(String raw) throws InvalidDateException {
    return parse((Object) raw);
  }

  /**
   * Reads a front-matter value the way site generators do: a time that overflows (second or minute
   * 60-99, hour 24: {@code 21:43:79}) is carried over ({@code 21:44:19}) and noted; the day is not
   * in doubt. With {@code wallClock} set, a stated zone or offset is ignored and the wall-clock
   * time is read in {@code wallClock} (feeds that stamp local times {@code GMT}). A day past its
   * month's end, up to the 31st ({@code 2021-02-29}), is carried over too ({@code 2021-03-01}), as
   * JavaScript's and Ruby's dates read it and so the sites built with them show it. Impossible
   * calendar dates (month 13, day 45) stay errors.
   */
  public Reading read(Object value, ZoneId wallClock) throws InvalidDateException {
    DayOverflow day = value instanceof CharSequence cs ? DayOverflow.find(cs.toString()) : null;
    if (day != null) {
      Reading carried = read(day.carried(), wallClock);
      String note =
          "there is no "
              + day.written()
              + "; read as "
              + day.used()
              + " (carried over, as JavaScript and Ruby read it)";
      return new Reading(
          carried.date(), carried.note() == null ? note : note + "; " + carried.note());
    }
    String note = null;
    Stated stated;
    try {
      stated = stated(value);
    } catch (InvalidDateException e) {
      Overflow overflow = value instanceof CharSequence cs ? Overflow.find(cs.toString()) : null;
      if (overflow == null) {
        throw e;
      }
      Stated zeroed;
      try {
        zeroed = stated(overflow.zeroed());
      } catch (InvalidDateException again) {
        throw e;
      }
      if (zeroed.local() == null || zeroed.dateOnly()) {
        throw e;
      }
      LocalDateTime used = zeroed.local().plusSeconds(overflow.seconds());
      stated = new Stated(used, zeroed.zone(), false, null);
      String usedText =
          used.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT));
      note =
          overflow.overflows()
              ? "time "
                  + overflow.time()
                  + " overflows; read as "
                  + usedText
                  + " (carried over, as site generators do)"
              : "time " + overflow.time() + " has a one-digit field; read as " + usedText;
    }
    return new Reading(inRange(toPostDate(stated, wallClock), value), note);
  }

  /**
   * A day past its month's end ({@code 2021-02-29}, {@code 2019-04-31}) at the start of a date
   * text, the day it carries over to, and the text with that day written instead.
   */
  private record DayOverflow(String written, LocalDate used, String carried) {
    static DayOverflow find(String text) {
      Matcher m = LEADING_DAY.matcher(text.strip());
      if (!m.lookingAt()) {
        return null;
      }
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12 || day > 31) {
        return null;
      }
      LocalDate first = LocalDate.of(year, month, 1);
      if (day <= first.lengthOfMonth()) {
        return null;
      }
      LocalDate used = first.plusDays(day - 1L);
      return new DayOverflow(m.group(), used, used + text.strip().substring(m.end()));
    }
  }

  /** A time whose fields overflow, found in a date text, and the text with that time zeroed. */
  private record Overflow(String time, long seconds, String zeroed, boolean overflows) {
    static Overflow find(String text) {
      Matcher m = TIME.matcher(text);
      if (!m.find()) {
        return null;
      }
      int h = Integer.parseInt(m.group(1));
      int min = Integer.parseInt(m.group(2));
      int sec = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
      boolean overflows = h == 24 || min >= 60 || sec >= 60;
      // 19:59:9 - a field written with one digit, which strict ISO parsing refuses.
      boolean oneDigit =
          m.group(2).length() == 1 || (m.group(3) != null && m.group(3).length() == 1);
      if (h > 24 || !(overflows || oneDigit)) {
        return null;
      }
      String zero = m.group(3) == null ? "00:00" : "00:00:00";
      String zeroed = text.substring(0, m.start()) + zero + text.substring(m.end());
      return new Overflow(m.group(), h * 3600L + min * 60L + sec, zeroed, overflows);
    }
  }

  private PostDate toPostDate(Stated s, ZoneId wallClock) {
    if (s.instant() != null) {
      return new PostDate(s.instant(), false, PostDate.Source.FRONT_MATTER);
    }
    ZoneId stated = s.zone() != null ? s.zone() : zone;
    Instant literal = s.local().atZone(stated).toInstant();
    if (wallClock == null) {
      return new PostDate(literal, s.dateOnly(), PostDate.Source.FRONT_MATTER);
    }
    Instant corrected = s.local().atZone(wallClock).toInstant();
    return new PostDate(
        corrected,
        s.dateOnly(),
        PostDate.Source.FRONT_MATTER,
        corrected.equals(literal) ? null : wallClock);
  }

  private Stated stated(Object value) throws InvalidDateException {
    if (value == null) {
      throw new InvalidDateException("empty date");
    }
    if (value instanceof Number n) {
      return Stated.of(fromEpoch(n.longValue(), value).instant());
    }
    if (value instanceof Date d) {
      return Stated.of(d.toInstant());
    }
    if (value instanceof TemporalAccessor t) {
      return fromTemporal(t, value.toString());
    }
    if (value instanceof CharSequence text) {
      return parseText(text.toString());
    }
    throw new InvalidDateException("not a date: " + describe(value));
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

  private Stated parseText(String raw) throws InvalidDateException {
    String text = raw.strip();
    if (text.isEmpty()) {
      throw new InvalidDateException("empty date");
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() >= 9 && text.length() <= 13) {
      return Stated.of(fromEpoch(Long.parseLong(text), text).instant());
    }
    if (Character.isLetter(text.charAt(0)) || DAY_FIRST.matcher(text).matches()) {
      Optional<LocalDate> day = writtenDay(text);
      if (day.isPresent()) {
        return new Stated(day.get().atStartOfDay(), null, true, null);
      }
      return parseRfc1123(text, raw);
    }
    Matcher colonTime = COLON_BEFORE_TIME.matcher(text);
    if (colonTime.lookingAt()) {
      text = colonTime.group(1) + "T" + text.substring(colonTime.end()); // Zine reads it so
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

  /**
   * The date a file name starts with ({@code 2021-07-06-title.md}; see {@link #FILE_NAME_DATE}).
   */
  public Optional<PostDate> fromFileName(String fileName) {
    Optional<PostDate> day = dayOf(FILE_NAME_DATE.matcher(fileName), PostDate.Source.FILE_NAME);
    return day.isPresent()
        ? day
        : dayOf(JEKYLL_FILE_NAME_DATE.matcher(fileName), PostDate.Source.FILE_NAME);
  }

  /**
   * The day a post's own address holds: Zola's {@code path = "2014/12/12/1.0-Timeline"}, a {@code
   * permalink} or {@code url} such as {@code /2021/07/06/title/}, or a page bundle's folder ({@code
   * 2021-07-06-title/index.md}). Site generators that date posts only this way show them on that
   * day.
   */
  public Optional<PostDate> fromUrlPath(String path) {
    return dayOf(PATH_DATE.matcher(path), PostDate.Source.URL_PATH);
  }

  /** The day whose year, month and day are groups y, m and d of the first match, if it is real. */
  private Optional<PostDate> dayOf(Matcher m, PostDate.Source source) {
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDate day =
          LocalDate.of(
              Integer.parseInt(m.group("y")),
              Integer.parseInt(m.group("m")),
              Integer.parseInt(m.group("d")));
      return Optional.of(new PostDate(day.atStartOfDay(zone).toInstant(), true, source));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> writtenDay(String text) {
    String day =
        WHITESPACE.matcher(WEEKDAY_AND_COMMA.matcher(text).replaceFirst("")).replaceAll(" ");
    for (DateTimeFormatter f : WRITTEN_DAYS) {
      // Tried without resolving first: a failed parse throws, and the exception's stack trace was
      // most of the cost of reading an RFC 1123 date (tried against every pattern here first).
      ParsePosition position = new ParsePosition(0);
      if (f.parseUnresolved(day, position) == null || position.getIndex() != day.length()) {
        continue; // the next way of writing it
      }
      try {
        return Optional.of(LocalDate.parse(day, f));
      } catch (DateTimeException e) {
        // written so, but no such day (31 June): as before, the other ways are tried
      }
    }
    return Optional.empty();
  }

  private Stated parseRfc1123(String text, String raw) throws InvalidDateException {
    // The weekday is redundant and bots get it wrong; the day number is what counts.
    String rest = RFC_WEEKDAY.matcher(text).replaceFirst("");
    rest = WHITESPACE.matcher(rest).replaceAll(" ");
    rest = UTC_SUFFIX.matcher(rest).replaceFirst(" GMT");
    rest = GMT_OFFSET.matcher(rest).replaceFirst(" $1");
    rest = COLON_OFFSET.matcher(rest).replaceFirst(" $1$2");
    try {
      OffsetDateTime odt = OffsetDateTime.from(RFC_1123.parse(rest));
      return new Stated(odt.toLocalDateTime(), odt.getOffset(), false, null);
    } catch (DateTimeException e) {
      throw new InvalidDateException("not a date: '" + raw.strip() + "'" + reason(e));
    }
  }

  private Stated fromTemporal(TemporalAccessor t, String raw) throws InvalidDateException {
    try {
      if (t instanceof ZonedDateTime z) {
        return new Stated(z.toLocalDateTime(), z.getZone(), false, null);
      }
      if (t instanceof OffsetDateTime o) {
        return new Stated(o.toLocalDateTime(), o.getOffset(), false, null);
      }
      if (t instanceof LocalDateTime l) {
        return new Stated(l, null, false, null);
      }
      if (t instanceof LocalDate d) {
        return new Stated(d.atStartOfDay(), null, true, null);
      }
      if (t instanceof Instant i) {
        return Stated.of(i);
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
