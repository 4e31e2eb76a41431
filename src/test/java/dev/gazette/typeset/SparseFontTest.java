package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A font read in parts ({@link SparseFont}) gives the subsets a font parsed whole gives, byte for
 * byte, for random sets of the characters each bundled face has (beyond the BMP and composite
 * glyphs included).
 */
class SparseFontTest {
  static {
    dev.gazette.util.LibraryLogs.quiet(); // fontbox's notes on the emoji face's cmap
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NotoSansSC-Regular.ttf",
        "NotoSerifSC-Bold.ttf",
        "NotoSans-Regular.ttf",
        "NotoSerif-Bold.ttf",
        "NotoSansMono-Regular.ttf",
        "NotoEmoji-Regular.ttf",
        "NotoSansMath-Regular.ttf",
        "NotoSansSymbols2-Regular.ttf"
      })
  void subsetsAreTheBytesOfAWholeParse(String fileName) throws Exception {
    byte[] bytes = FontFile.bundled(fileName).bytes();
    TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    TrueTypeFont skeleton = SparseFont.skeleton(FontData.of(bytes));
    assertThat(skeleton).isNotNull();
    assertThat(SparseFont.behind(skeleton)).isNotNull();
    assertThat(skeleton.getGlyph().getLength()).as("no outlines read").isZero();
    assertThat(skeleton.getNumberOfGlyphs()).isEqualTo(whole.getNumberOfGlyphs());

    int[] mapped = mappedCodePoints(whole);
    CmapLookup wholeCmap = whole.getUnicodeCmapLookup(false);
    CmapLookup skeletonCmap = SparseFont.unicodeLookup(skeleton, false);
    CmapLookup skeletonStrict = SparseFont.unicodeLookup(skeleton, true);
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      int gid = wholeCmap.getGlyphId(cp);
      if (skeletonCmap.getGlyphId(cp) != gid || skeletonStrict.getGlyphId(cp) != gid) {
        assertThat(skeletonCmap.getGlyphId(cp)).as("glyph of U+%04X", cp).isEqualTo(gid);
        assertThat(skeletonStrict.getGlyphId(cp)).as("glyph of U+%04X", cp).isEqualTo(gid);
      }
    }
    if (fileName.contains("SC-")) {
      assertThat(skeletonCmap).as("a CJK face's lookup").isInstanceOf(SparseFont.Format12.class);
    }
    if (skeletonCmap instanceof SparseFont.Format12) {
      // A format 12 Unicode subtable is looked up in its bytes: fontbox reads an empty cmap.
      assertThat(skeleton.getUnicodeCmapLookup(false).getGlyphId(mapped[0])).isZero();
      assertThat(skeletonCmap.getGlyphId(mapped[0])).isNotZero();
      for (int gid = 0; gid < whole.getNumberOfGlyphs(); gid += 7) {
        assertThat(skeletonCmap.getCharCodes(gid))
            .as("characters of glyph %d", gid)
            .isEqualTo(wholeCmap.getCharCodes(gid));
      }
    } else {
      assertThat(skeleton.getCmap().getCmaps()).as("only the Unicode subtable is read").hasSize(1);
    }
    Random random = new Random(fileName.hashCode());
    for (int round = 0; round < 6; round++) {
      Set<Integer> cps = new TreeSet<>();
      int size = 1 + random.nextInt(round < 3 ? 40 : 1500);
      for (int i = 0; i < size; i++) {
        cps.add(mapped[random.nextInt(mapped.length)]);
      }
      cps.add(0x20000); // unmapped in most faces, beyond the BMP
      cps.add((int) 'A');
      assertThat(FontSubsetter.subset(skeleton, cps))
          .as("%s, %d characters", fileName, cps.size())
          .isEqualTo(FontSubsetter.subset(whole, cps));
      assertThat(FontSubsetter.missing(skeleton, cps)).isEqualTo(FontSubsetter.missing(whole, cps));
    }

    SortedMap<Integer, Integer> standIns = new TreeMap<>();
    for (int i = 0; i < 30; i++) {
      standIns.put(mapped[random.nextInt(mapped.length)], 0xE000 + i);
    }
    assertThat(FontSubsetter.subsetUnder(skeleton, standIns))
        .isEqualTo(FontSubsetter.subsetUnder(whole, standIns));
  }

  /** Accented Latin letters are composite glyphs in Noto Sans: their parts come along. */
  @Test
  void compositeGlyphsBringTheirParts() throws Exception {
    byte[] bytes = FontFile.bundled("NotoSans-Regular.ttf").bytes();
    TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    CmapLookup cmap = whole.getUnicodeCmapLookup(false);
    int composites = 0;
    Set<Integer> accented = new TreeSet<>();
    for (int cp = 0xC0; cp < 0x180; cp++) {
      int gid = cmap.getGlyphId(cp);
      if (gid != 0 && whole.getGlyph().getGlyph(gid).getDescription().isComposite()) {
        composites++;
        accented.add(cp);
      }
    }
    assertThat(composites).as("composite glyphs in Latin-1 and Latin Extended-A").isPositive();
    TrueTypeFont skeleton = SparseFont.skeleton(FontData.of(bytes));
    assertThat(FontSubsetter.subset(skeleton, accented))
        .isEqualTo(FontSubsetter.subset(whole, accented));
  }

  @Test
  void readsAFileOnDiskInParts(@TempDir Path dir) throws Exception {
    byte[] bytes = FontFile.bundled("NotoSansSC-Regular.ttf").bytes();
    Path file = Files.write(dir.resolve("font.ttf"), bytes);
    TrueTypeFont skeleton = SparseFont.skeleton(FontData.of(file));
    TrueTypeFont whole = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    Set<Integer> text = new TreeSet<>();
    "北京时间今天上午，国务院新闻办公室举行发布会。Gazette 2026 ——「测试」…！？".codePoints().forEach(text::add);
    assertThat(FontSubsetter.subset(skeleton, text)).isEqualTo(FontSubsetter.subset(whole, text));
  }

  /**
   * A skeleton no cache holds any more is collected: the map from skeletons to what is behind them
   * must not keep them (each Gazette has its own font cache; a test run makes hundreds).
   */
  @Test
  void aSkeletonNobodyHoldsIsCollected() throws Exception {
    byte[] bytes = FontFile.bundled("NotoSans-Regular.ttf").bytes();
    java.lang.ref.WeakReference<TrueTypeFont> skeleton =
        new java.lang.ref.WeakReference<>(SparseFont.skeleton(FontData.of(bytes)));
    for (int i = 0; i < 20 && skeleton.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(skeleton.get()).isNull();
  }

  @Test
  void collectionsAndOtherFontsAreLeftToTheWholeParse() throws Exception {
    assertThat(SparseFont.skeleton(FontData.of("ttcf\0\1\0\0\0\0\0\0".getBytes("ISO-8859-1"))))
        .isNull();
    assertThat(SparseFont.skeleton(FontData.of("OTTO\0\1\0\0\0\0\0\0".getBytes("ISO-8859-1"))))
        .isNull();
    byte[] cut = java.util.Arrays.copyOf(FontFile.bundled("NotoSans-Regular.ttf").bytes(), 4000);
    assertThat(SparseFont.skeleton(FontData.of(cut))).isNull();
  }

  private static int[] mappedCodePoints(TrueTypeFont font) throws Exception {
    CmapLookup cmap = font.getUnicodeCmapLookup(false);
    return java.util.stream.IntStream.rangeClosed(0x20, 0x10FFFF)
        .filter(cp -> cmap.getGlyphId(cp) != 0)
        .toArray();
  }
}
