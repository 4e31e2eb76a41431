package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.PostDate;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
  private final DateParser shanghai = new DateParser(ZoneId.of("Asia/Shanghai"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Fri, 02 Jul 2021 20:32:26 GMT      | 2021-07-02T20:32:26Z | false
          Fri, 2 Jul 2021 20:32:26 GMT       | 2021-07-02T20:32:26Z | false
          Thu, 02 Jul 2021 20:32:26 GMT      | 2021-07-02T20:32:26Z | false
          02 Jul 2021 20:32:26 +0800         | 2021-07-02T12:32:26Z | false
          Fri, 02 Jul 2021 20:32 UTC         | 2021-07-02T20:32:00Z | false
          Friday, 02 Jul 2021 20:32:26 +08:00| 2021-07-02T12:32:26Z | false
          2021-06-29T08:30:00+08:00          | 2021-06-29T00:30:00Z | false
          2021-06-29T08:30:00.125+08:00      | 2021-06-29T00:30:00.125Z | false
          2021-07-12T06:40:00Z               | 2021-07-12T06:40:00Z | false
          2021-07-12t06:40:00z               | 2021-07-12T06:40:00Z | false
          2021-07-02 20:32:26 +0800          | 2021-07-02T12:32:26Z | false
          2021-07-02 20:32:26+08             | 2021-07-02T12:32:26Z | false
          2021-07-02T20:32:26+08:00[Asia/Shanghai] | 2021-07-02T12:32:26Z | false
          2021-07-15 19:30:00                | 2021-07-15T11:30:00Z | false
          2021-07-15T19:30:00                | 2021-07-15T11:30:00Z | false
          2021-07-15:19:30:00                | 2021-07-15T11:30:00Z | false
          2021-07-15 19:30                   | 2021-07-15T11:30:00Z | false
          2021-07-15 9:05                    | 2021-07-15T01:05:00Z | false
          2021-07-10                         | 2021-07-09T16:00:00Z | true
          21 February 2018                   | 2018-02-20T16:00:00Z | true
          February 21, 2018                  | 2018-02-20T16:00:00Z | true
          Wednesday, February 21, 2018       | 2018-02-20T16:00:00Z | true
          Feb 21 2018                        | 2018-02-20T16:00:00Z | true
          2 Sep 2019                         | 2019-09-01T16:00:00Z | true
          2021-7-1                           | 2021-06-30T16:00:00Z | true
          2021/07/01                         | 2021-06-30T16:00:00Z | true
          1625257946                         | 2021-07-02T20:32:26Z | false
          1625257946000                      | 2021-07-02T20:32:26Z | false
          """)
  void parsesEveryConvention(String text, String expected, boolean dateOnly) throws Exception {
    PostDate d = shanghai.parse(text);
    assertThat(d.instant()).isEqualTo(Instant.parse(expected));
    assertThat(d.dateOnly()).isEqualTo(dateOnly);
    assertThat(d.source()).isEqualTo(PostDate.Source.FRONT_MATTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-07-15 19:30:00", "2021-07-10"})
  void valuesWithoutZoneAreReadInTheConfiguredZone(String text) throws Exception {
    Instant inShanghai = shanghai.parse(text).instant();
    Instant inUtc = new DateParser(ZoneId.of("UTC")).parse(text).instant();
    assertThat(java.time.Duration.between(inShanghai, inUtc).toHours()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Invalid Date",
        "2021-07-02 20:32:79",
        "2021-13-01",
        "2021-02-30",
        "Fri, 32 Jul 2021 20:32:26 GMT",
        "yesterday",
        "",
        "  ",
        "12",
        "2021-07-02 25:00",
        "Fri, 02 Foo 2021 20:32:26 GMT",
        "30 February 2018",
        "February 2018"
      })
  void rejectsWhatIsNotADate(String text) {
    assertThatThrownBy(() -> shanghai.parse(text))
        .isInstanceOf(DateParser.InvalidDateException.class)
        .hasMessageContaining(text.strip().isEmpty() ? "empty" : text.strip());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2021-07-06-measuring-jvm-startup.md | 2021-07-05T16:00:00Z
          2021-07-06-.md                      | 2021-07-05T16:00:00Z
          2016_11_27-python_coroutine.md      | 2016-11-26T16:00:00Z
          2016.11.27 notes.md                 | 2016-11-26T16:00:00Z
          20161127-weekly.md                  | 2016-11-26T16:00:00Z
          2021-07-06.md                       | 2021-07-05T16:00:00Z
          20210706.md                         | 2021-07-05T16:00:00Z
          2021_07_06_title.md                 | 2021-07-05T16:00:00Z
          2021-7-6-one-digit.md               | 2021-07-05T16:00:00Z
          2014-1-25-talk.md                   | 2014-01-24T16:00:00Z
          """)
  void readsFileNameDates(String name, String expected) {
    PostDate d = shanghai.fromFileName(name).orElseThrow();
    assertThat(d.instant()).isEqualTo(Instant.parse(expected));
    assertThat(d.dateOnly()).isTrue();
    assertThat(d.source()).isEqualTo(PostDate.Source.FILE_NAME);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "measuring.md",
        "2021-13-45-bad.md",
        "21-07-06-short.md",
        "2021-07_06-mixed.md",
        "2021-7-6.md",
        "2021-7-6 one-digit.md",
        "202107061230-timestamp.md",
        "2021-07-06x.md",
        "12345678-id.md",
        "issue-2021-07-06.md"
      })
  void ignoresFileNamesWithoutAValidDatePrefix(String name) {
    assertThat(shanghai.fromFileName(name)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void acceptsNumbersAndRejectsStructures() throws Exception {
    assertThat(shanghai.parse((Object) 1625257946L).instant())
        .isEqualTo(Instant.parse("2021-07-02T20:32:26Z"));
    assertThatThrownBy(() -> shanghai.parse((Object) java.util.List.of(1, 2)))
        .isInstanceOf(DateParser.InvalidDateException.class);
    assertThatThrownBy(() -> shanghai.parse((Object) 42))
        .isInstanceOf(DateParser.InvalidDateException.class);
  }

  /** Every date shape with an overflowing time: carried over, noted, the day kept. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023-09-19 21:43:79                | 2023-09-19T13:44:19Z | 21:43:79
          2023-09-19T21:43:92+08:00          | 2023-09-19T13:44:32Z | 21:43:92
          2023-09-19 21:60                   | 2023-09-19T14:00:00Z | 21:60
          2023-09-19 21:99:00 +0800          | 2023-09-19T14:39:00Z | 21:99:00
          2023-09-19 24:00:00                | 2023-09-19T16:00:00Z | 24:00:00
          2023-09-19 23:59:60                | 2023-09-19T16:00:00Z | 23:59:60
          2023/9/19 21:43:79                 | 2023-09-19T13:44:19Z | 21:43:79
          Tue, 19 Sep 2023 21:43:79 GMT      | 2023-09-19T21:44:19Z | 21:43:79
          19 Sep 2023 21:43:79 +0800         | 2023-09-19T13:44:19Z | 21:43:79
          2023-09-19t21:43:79z               | 2023-09-19T21:44:19Z | 21:43:79
          """)
  void carriesOverflowingTimesOverWithANote(String text, String expected, String time)
      throws Exception {
    DateParser.Reading r = shanghai.read(text, null);
    assertThat(r.date().instant()).isEqualTo(Instant.parse(expected));
    assertThat(r.date().dateOnly()).isFalse();
    assertThat(r.note()).contains("time " + time + " overflows; read as ");
    // The strict parse still refuses it.
    assertThatThrownBy(() -> shanghai.parse(text))
        .isInstanceOf(DateParser.InvalidDateException.class);
  }

  /** A time field written with one digit (a real Hugo blog: {@code 19:59:9}): read, noted. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2023-09-19 19:59:9                 | 2023-09-19T11:59:09Z | 19:59:9
          2023-09-19T19:5:09+08:00           | 2023-09-19T11:05:09Z | 19:5:09
          2023-09-19 19:5                    | 2023-09-19T11:05:00Z | 19:5
          """)
  void readsOneDigitTimeFieldsWithANote(String text, String expected, String time)
      throws Exception {
    DateParser.Reading r = shanghai.read(text, null);
    assertThat(r.date().instant()).isEqualTo(Instant.parse(expected));
    assertThat(r.note())
        .isEqualTo(
            "time "
                + time
                + " has a one-digit field; read as "
                + expected.substring(0, 10)
                + " "
                + java.time.LocalDateTime.ofInstant(
                        Instant.parse(expected), java.time.ZoneId.of("Asia/Shanghai"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023-13-01 21:43:79",
        "2023-09-45 21:43:00",
        "2023-02-32 10:00:00",
        "2023-09-19 25:00",
        "Tue, 45 Sep 2023 21:43:79 GMT",
        "2023-09-19 21:100:00"
      })
  void impossibleDatesStayErrors(String text) {
    assertThatThrownBy(() -> shanghai.read(text, null))
        .isInstanceOf(DateParser.InvalidDateException.class);
  }

  /**
   * A day past its month's end, as antfu.me dates a post {@code 2021-02-29T16:00:00Z}: the site's
   * JavaScript shows it on 1 March, and so does the digest, with a note; the post is not lost.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2021-02-29T16:00:00Z  | 2021-03-01T16:00:00Z | 2021-02-29 | 2021-03-01
          2019-04-31            | 2019-04-30T16:00:00Z | 2019-04-31 | 2019-05-01
          2023-02-30 10:00:61   | 2023-03-02T02:01:01Z | 2023-02-30 | 2023-03-02
          2020-12-31 08:00      | 2020-12-31T00:00:00Z |            |
          2024-02-29            | 2024-02-28T16:00:00Z |            |
          """)
  void carriesADayPastItsMonthsEndOver(String text, String expected, String day, String used)
      throws Exception {
    DateParser.Reading r = shanghai.read(text, null);
    assertThat(r.date().instant()).isEqualTo(Instant.parse(expected));
    if (day == null) {
      assertThat(r.note()).isNull();
    } else {
      assertThat(r.note())
          .startsWith("there is no " + day + "; read as " + used + " (carried over");
    }
  }

  @org.junit.jupiter.api.Test
  void validTimesCarryNoNote() throws Exception {
    DateParser.Reading r = shanghai.read("2023-09-19 21:43:59", null);
    assertThat(r.note()).isNull();
    assertThat(r.date().corrected()).isFalse();
  }

  /** A wall-clock zone replaces the stated one; the date says it was corrected. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Fri, 02 Jul 2021 20:32:26 GMT      | 2021-07-02T12:32:26Z | true
          2021-07-02T20:32:26Z               | 2021-07-02T12:32:26Z | true
          2021-07-02 20:32:26 +00:00         | 2021-07-02T12:32:26Z | true
          2021-07-02 20:32:26 +0800          | 2021-07-02T12:32:26Z | false
          2021-07-02 20:32:26                | 2021-07-02T12:32:26Z | false
          2021-07-02 20:32:79Z               | 2021-07-02T12:33:19Z | true
          1625257946                         | 2021-07-02T20:32:26Z | false
          """)
  void readsWallClockTimesInTheGivenZone(String text, String expected, boolean corrected)
      throws Exception {
    DateParser utc = new DateParser(ZoneId.of("Asia/Shanghai"));
    DateParser.Reading r = utc.read(text, ZoneId.of("Asia/Shanghai"));
    assertThat(r.date().instant()).isEqualTo(Instant.parse(expected));
    assertThat(r.date().corrected()).isEqualTo(corrected);
  }
}
