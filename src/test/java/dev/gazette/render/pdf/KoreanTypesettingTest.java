package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Korean in the PDF (nushell's Korean book): Hangul is drawn by the bundled Hangul face, and a
 * justified line stretches its word spaces, not the gaps between the syllables of a word, which
 * opened inside words ("Mac에 서") when Korean was justified like Chinese.
 */
class KoreanTypesettingTest {
  @TempDir Path dir;

  @Test
  void hangulIsDrawnAndJustifiedAtWordSpaces() throws Exception {
    StringBuilder md = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      md.append("별칭은 명령을 바꿀 때 유용합니다. uuidgen은 Mac에서 Linux처럼 동작하도록 만들기 위해 ")
          .append("시스템 프로그램을 호출하는 매개변수 없는 명령을 정의하는 것입니다. ");
    }
    Path posts = dir.resolve("posts");
    TestPosts.write(posts, "2024-05-01-ko.md", "---\ntitle: 별칭\n---\n\n" + md + "\n");
    TestBuilds.build(TestBuilds.utc(posts, dir.resolve("out")).name("ko").formats(Format.PDF));

    List<List<TextPosition>> lines = lines(dir.resolve("out/ko.pdf"));
    int hangul = 0;
    float widest = 0;
    for (List<TextPosition> line : lines) {
      for (int i = 0; i + 1 < line.size(); i++) {
        TextPosition a = line.get(i);
        TextPosition b = line.get(i + 1);
        if (isHangul(a) && isHangul(b)) {
          hangul++;
          assertThat(a.getFont().getName()).contains("NotoSansKR");
          float gap = b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
          widest = Math.max(widest, gap / a.getFontSizeInPt());
        }
      }
    }
    assertThat(hangul).as("Hangul pairs inside words").isGreaterThan(300);
    assertThat(widest).as("widest gap inside a word, in ems").isLessThan(0.05f);
  }

  private static boolean isHangul(TextPosition t) {
    String s = t.getUnicode();
    return s != null
        && !s.isEmpty()
        && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HANGUL;
  }

  /** The glyphs of each printed line, in order. */
  private static List<List<TextPosition>> lines(Path pdf) throws IOException {
    List<List<TextPosition>> lines = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
              lines.add(new ArrayList<>(positions));
            }
          };
      stripper.setSortByPosition(true);
      stripper.getText(doc);
    }
    return lines;
  }
}
