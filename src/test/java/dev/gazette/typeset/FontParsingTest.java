package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/**
 * {@link FontSubsetter#parse} reads only the tables a subset keeps; the subsets it makes must be
 * the bytes a fully parsed font gives.
 */
class FontParsingTest {
  private static final Set<Integer> TEXT =
      "北京时间今天上午，国务院新闻办公室举行发布会。Gazette 2026 ——「测试」…！？"
          .codePoints()
          .boxed()
          .collect(Collectors.toCollection(TreeSet::new));

  @Test
  void parsesOnlyTheTablesASubsetKeeps() throws Exception {
    byte[] bytes = FontFile.bundled("NotoSansSC-Regular.ttf").bytes();
    TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    assertThat(full.getTableMap()).containsKeys("GSUB", "GPOS");

    TrueTypeFont parsed = FontSubsetter.parse(bytes, "NotoSansSC-Regular.ttf", null);

    assertThat(parsed.getTableMap().keySet())
        .doesNotContain("GSUB", "GPOS")
        .isSubsetOf(FontSubsetter.TABLES)
        .containsAll(
            FontSubsetter.TABLES.stream().filter(full.getTableMap()::containsKey).toList());
    assertThat(parsed.getNumberOfGlyphs()).isEqualTo(full.getNumberOfGlyphs());
    assertThat(FontSubsetter.subset(parsed, TEXT)).isEqualTo(FontSubsetter.subset(full, TEXT));
    // the font's own bytes are left as they were (other readers share them)
    assertThat(bytes).isEqualTo(FontFile.bundled("NotoSansSC-Regular.ttf").bytes());
  }

  @Test
  void subsetsBeyondTheBmpAreTheSameAsFromAFullParse() throws Exception {
    byte[] bytes = FontFile.bundled("NotoEmoji-Regular.ttf").bytes();
    TrueTypeFont full = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    TrueTypeFont parsed = FontSubsetter.parse(bytes, "NotoEmoji-Regular.ttf", null);
    Set<Integer> emoji = new TreeSet<>(Set.of(0x1F600, 0x1F680, 0x2764, 0x1F44D));
    assertThat(FontSubsetter.subset(parsed, emoji)).isEqualTo(FontSubsetter.subset(full, emoji));
  }

  @Test
  void aTruncatedFontIsRefusedWithFontboxsReason() {
    byte[] bytes = FontFile.bundled("NotoSans-Regular.ttf").bytes();
    byte[] cut = Arrays.copyOf(bytes, 8);
    assertThatThrownBy(() -> FontSubsetter.parse(cut, "cut.ttf", null))
        .isInstanceOf(FontSubsetter.UnsupportedFontException.class)
        .hasMessageStartingWith("cut.ttf is not a readable TrueType font");
    byte[] noTables = Arrays.copyOf(bytes, 200);
    IntStream.range(4, 6).forEach(i -> noTables[i] = 0);
    assertThatThrownBy(() -> FontSubsetter.parse(noTables, "empty.ttf", null))
        .isInstanceOf(FontSubsetter.UnsupportedFontException.class)
        .hasMessageContaining("empty.ttf");
  }

  @Test
  void aStreamIsReadWholeWhateverSizeItClaims() throws Exception {
    byte[] data = new byte[10_000];
    new java.util.Random(7).nextBytes(data);
    for (long claimed : new long[] {-1, 0, 10, 9_999, 10_000, 10_001, 1_000_000}) {
      assertThat(FontFile.readAll(new java.io.ByteArrayInputStream(data), claimed))
          .as("claimed %d", claimed)
          .isEqualTo(data);
    }
  }
}
