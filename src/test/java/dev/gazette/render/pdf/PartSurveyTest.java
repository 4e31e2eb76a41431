package dev.gazette.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.FontUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * {@link PartSurvey}: parts surveyed apart and merged in part order give what one pass over the
 * parts in order gives: the same characters per role, the first part holding each id, and as
 * targets exactly the ids linked from another part.
 */
class PartSurveyTest {
  private static final String CSS =
      "body { font-family: 'Gazette Body'; }\n"
          + "h2 { font-family: 'Gazette Heading'; }\n"
          + "code { font-family: 'Gazette Mono'; }\n";

  private static final List<String> PARTS =
      List.of(
          "<body><nav><a href='#a1'>目录一</a><a href='#a2'>目录二</a><a href='#top'>顶</a></nav>"
              + "<p id='top'>封面</p></body>",
          "<body><article id='a1'><h2>标题甲</h2><p id='n1'>正文<code>x=1</code></p>"
              + "<a href='#n1'>same part</a><a href='#a2'>next part</a></article></body>",
          "<body><article id='a2'><h2>乙</h2><p id='n1'>again n1</p><a href='#a1'>back</a>"
              + "<a href='#nowhere'>none</a></article></body>");

  private static Document doc(String markup) {
    return Jsoup.parse(markup, "", Parser.xmlParser());
  }

  @Test
  void mergedInPartOrderItIsOnePassInOrder() {
    // Surveyed in reverse order, as threads may finish them; merged in part order.
    FontUsage like = new FontUsage(CSS);
    PartSurvey[] surveys = new PartSurvey[PARTS.size()];
    for (int p = PARTS.size() - 1; p >= 0; p--) {
      surveys[p] = PartSurvey.of(doc(PARTS.get(p)), like);
    }
    FontUsage merged = new FontUsage(CSS);
    Map<String, Integer> partOfId = new HashMap<>();
    Set<String> targets = new HashSet<>();
    PartSurvey.merge(List.of(surveys), merged, partOfId, targets);

    FontUsage onePass = new FontUsage(CSS);
    PARTS.forEach(m -> onePass.add(doc(m)));
    for (FontRole role : FontRole.values()) {
      assertThat(merged.codePoints(role)).as("%s", role).isEqualTo(onePass.codePoints(role));
      assertThat(merged.latinFirstCodePoints(role))
          .as("%s", role)
          .isEqualTo(onePass.latinFirstCodePoints(role));
    }
    assertThat(merged.codePoints(FontRole.HEADING)).contains((int) '甲', (int) '乙');
    assertThat(merged.codePoints(FontRole.HEADING)).doesNotContain((int) '封');

    // n1 is in parts 1 and 2: the first holds it.
    assertThat(partOfId).containsEntry("top", 0).containsEntry("a1", 1).containsEntry("a2", 2);
    assertThat(partOfId).containsEntry("n1", 1);
    // a1 and a2 are linked from other parts; n1 only from its own; top from its own; nowhere is
    // no id of any part.
    assertThat(targets).containsExactlyInAnyOrder("a1", "a2");
  }

  @Test
  void aSurveyKeepsIdsInDocumentOrder() {
    PartSurvey s = PartSurvey.of(doc(PARTS.get(1)), new FontUsage(CSS));
    assertThat(s.ids()).containsExactly("a1", "n1");
    assertThat(new ArrayList<>(s.linked())).containsExactlyInAnyOrder("n1", "a2");
  }
}
