package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ContentsNumberWidth}: digits of the highest page number, guessed from the first chunk. */
class ContentsNumberWidthTest {
  @Test
  void neverNarrowerThanFourDigits() {
    assertThat(ContentsNumberWidth.guess(12, 30, 20_000, 80_000)).isEqualTo(4);
    assertThat(ContentsNumberWidth.placeholder(1)).isEqualTo("0000");
  }

  @Test
  void fiveDigitsOnceTheDigestPassesNineThousandNineHundredAndNinetyNinePages() {
    // The 1,000 generated posts: 11 chunks of ~306 pages (3,258 pages in all).
    assertThat(ContentsNumberWidth.guess(1_000, 306, 200_000, 2_200_000)).isEqualTo(4);
    // 10,000 of the same posts: 104 chunks, about 32,000 pages.
    assertThat(ContentsNumberWidth.guess(10_000, 306, 200_000, 20_800_000)).isEqualTo(5);
    // Just under and just over: 9,500 + 400 + 2 pages, and 9,600 + 400 + 2.
    assertThat(ContentsNumberWidth.guess(8_000, 95, 100_000, 10_000_000)).isEqualTo(4);
    assertThat(ContentsNumberWidth.guess(8_000, 96, 100_000, 10_000_000)).isEqualTo(5);
    assertThat(ContentsNumberWidth.placeholder(5)).isEqualTo("00000");
  }
}
