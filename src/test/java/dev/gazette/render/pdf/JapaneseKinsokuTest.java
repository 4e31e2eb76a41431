package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.PdfLines;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Japanese lines never start with a small kana or the prolonged sound mark: maku77.github.io's PDF
 * had 586 lines starting with ー and 214 with ッ, because ICU breaks Japanese "normally" unless asked
 * for strict rules.
 */
class JapaneseKinsokuTest {
  static final String NON_STARTERS = "ーッっャュョャァィゥェォぁぃぅぇぉゃゅょ";

  @TempDir Path dir;

  @Test
  void noLineStartsWithASmallKanaOrTheProlongedSoundMark() throws Exception {
    StringBuilder md = new StringBuilder();
    String filler = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめも";
    for (int i = 1; i <= filler.length(); i++) {
      // the text before the words grows one character a paragraph: each break meets every column
      md.append(filler, 0, i)
          .append("のメッセージとコンピューターのアップデートをチェックしてキャッシュをクリアーします。")
          .append("ジョギングやシャッフルのショートカットもフォローします。\n\n");
    }
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "2024-05-01-kana.md", "---\ntitle: 小さい仮名\n---\n\n" + md);
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("ja").formats(Format.PDF));

    List<PdfLines.Line> lines = PdfLines.read(dir.resolve("out/ja.pdf"), 1);
    assertThat(lines).hasSizeGreaterThan(100);
    assertThat(lines)
        .filteredOn(l -> !l.text().isBlank())
        .noneSatisfy(l -> assertThat(NON_STARTERS).contains(l.text().strip().substring(0, 1)));
  }
}
