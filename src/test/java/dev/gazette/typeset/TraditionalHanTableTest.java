package dev.gazette.typeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.Transliterator;
import dev.gazette.util.Cjk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table behind {@link Languages}' Traditional/Simplified guess says of every Han code point
 * exactly what ICU's Traditional-Simplified transform does. After an ICU upgrade, run with {@code
 * -Dgazette.rewriteFixtures=true} to rewrite the table from the transform.
 */
class TraditionalHanTableTest {
  private static final boolean REWRITE = Boolean.getBoolean("gazette.rewriteFixtures");
  private static final Path TABLE =
      Path.of("src/main/resources/dev/gazette/typeset", Languages.Simplification.RESOURCE);

  @Test
  void tableAgreesWithIcuForEveryHanCodePoint() throws Exception {
    Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
    List<Integer> mismatches = new ArrayList<>();
    List<int[]> runs = new ArrayList<>();
    int han = 0;
    for (int cp = 0; cp < 0x40000; cp++) {
      if (!Cjk.isHan(cp)) {
        continue;
      }
      han++;
      String c = Character.toString(cp);
      boolean changes = !toSimplified.transliterate(c).equals(c);
      if (changes != Languages.Simplification.changes(cp)) {
        mismatches.add(cp);
      }
      if (changes) {
        int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last != null && last[1] == cp - 1) {
          last[1] = cp;
        } else {
          runs.add(new int[] {cp, cp});
        }
      }
    }
    if (REWRITE && !mismatches.isEmpty()) {
      StringBuilder text = new StringBuilder();
      text.append("# Han code points (hex, first-last) that ICU4J's Traditional-Simplified\n")
          .append("# transform changes. Made from the transform by TraditionalHanTableTest\n")
          .append("# (-Dgazette.rewriteFixtures=true); read by Languages.\n");
      for (int[] run : runs) {
        text.append(Integer.toHexString(run[0]));
        if (run[1] > run[0]) {
          text.append('-').append(Integer.toHexString(run[1]));
        }
        text.append('\n');
      }
      Files.writeString(TABLE, text, StandardCharsets.US_ASCII);
      return;
    }
    assertTrue(han > 90_000, "Han code points tried: " + han);
    assertTrue(runs.size() > 1000, "runs of changing characters: " + runs.size());
    assertEquals(
        List.of(),
        mismatches.subList(0, Math.min(20, mismatches.size())),
        mismatches.size() + " code points where the table and ICU disagree");
  }

  @Test
  void guessesTraditionalAndSimplifiedText() {
    assertEquals("zh-Hant", Languages.detect("這是一個關於臺灣鐵路歷史的報導，記者從車站發回。"));
    assertEquals("zh-Hans", Languages.detect("这是一个关于台湾铁路历史的报道，记者从车站发回。"));
  }
}
