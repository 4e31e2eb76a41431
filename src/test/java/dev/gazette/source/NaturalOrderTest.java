package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
  private static List<String> sorted(String... paths) {
    List<String> list = new ArrayList<>(List.of(paths));
    list.sort(NaturalOrder.PATHS);
    return list;
  }

  @Test
  void numbersCompareByValueAndFoldersStayTogether() {
    assertThat(sorted("issue-10.md", "issue-2.md", "issue-1.md", "Issue-3.md"))
        .containsExactly("issue-1.md", "issue-2.md", "Issue-3.md", "issue-10.md");
    assertThat(sorted("10-end.md", "02-setup/b.md", "3-use.md", "02-setup/a.md", "01-intro.md"))
        .containsExactly("01-intro.md", "02-setup/a.md", "02-setup/b.md", "3-use.md", "10-end.md");
  }

  @Test
  void aNameComesBeforeItsLongerVariantsAndTiesAreBrokenStably() {
    assertThat(sorted("intro-2.md", "intro.md", "intro.markdown"))
        .containsExactly("intro.markdown", "intro.md", "intro-2.md");
    assertThat(sorted("ch-02.md", "ch-2.md")).containsExactly("ch-02.md", "ch-2.md");
    assertThat(sorted("v99999999999999999999.md", "v100000000000000000000.md"))
        .containsExactly("v99999999999999999999.md", "v100000000000000000000.md");
  }
}
