package dev.gazette.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ArticleIdTest {
  @Test
  void idsAreTheNumberZeroPaddedToTheCountsWidthAndAtLeastThree() {
    for (int count : new int[] {1, 9, 99, 999, 1000, 12_345, 1_000_000}) {
      int width = Math.max(3, String.valueOf(count).length());
      for (int n = 0; n <= Math.min(count, 20_000); n++) {
        assertThat(Article.idFor(n, count))
            .isEqualTo("a" + String.format(Locale.ROOT, "%0" + width + "d", n));
      }
    }
    assertThat(Article.idFor(7, 150)).isEqualTo("a007");
    assertThat(Article.idFor(1000, 1000)).isEqualTo("a1000");
  }
}
