package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GlyphsTest {
  @Test
  void formatControlsSpacesAndSelectorsAreInvisible() {
    assertThat(Glyphs.invisible(0x200D)).as("ZWJ").isTrue();
    assertThat(Glyphs.invisible(0xFE0F)).as("VS16").isTrue();
    assertThat(Glyphs.invisible(0x3000)).as("ideographic space").isTrue();
    assertThat(Glyphs.invisible('a')).isFalse();
    assertThat(Glyphs.invisible(0x1FAE3)).as("🫣").isFalse();
  }

  /**
   * ICU's categories, not the JDK's: U+0890 ARABIC POUND MARK ABOVE, a format character of Unicode
   * 14, is unassigned to JDK 17, so a missing one was warned about there and not on JDK 25.
   */
  @Test
  void formatControlsNewerThanTheJdkAreInvisibleToo() {
    assertThat(Glyphs.invisible(0x0890)).isTrue();
  }
}
