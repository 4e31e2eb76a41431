package dev.gazette.fuzz;

import dev.gazette.source.DateParser;
import java.math.BigInteger;
import java.time.ZoneId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.Assertions;

/**
 * The date parser on generated text and numbers: a date in years 1000-9999, or
 * InvalidDateException.
 */
class DateParserFuzzTest {
  private static final DateParser PARSER = new DateParser(ZoneId.of("Asia/Shanghai"));

  @Provide
  Arbitrary<String> dates() {
    return FuzzInputs.dates();
  }

  @Property
  void textIsADateOrInvalidDateException(@ForAll("dates") String text) {
    try {
      var date = PARSER.parse(text);
      Assertions.assertThat(date.instant().toString()).matches("^\\d{4}-.*");
    } catch (DateParser.InvalidDateException e) {
      Assertions.assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void numbersAreADateOrInvalidDateException(@ForAll long n, @ForAll double d) {
    for (Object value :
        new Object[] {n, d, BigInteger.valueOf(n).multiply(BigInteger.valueOf(n))}) {
      try {
        PARSER.parse(value);
      } catch (DateParser.InvalidDateException e) {
        Assertions.assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  @Property
  void fileNamesNeverThrow(@ForAll("dates") String name) {
    PARSER.fromFileName(name + "-post.md");
  }
}
