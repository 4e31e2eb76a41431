package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.DateRange;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weekly whose first hundred issues have neither front matter nor a dated file name ({@code
 * 01-a-walk.md}), the later ones a {@code date:} (defect 62 of bench/archives.md): a date range
 * cannot place the undated ones, and says so in one line instead of leaving them out without a
 * word.
 */
class UndatedPostsTest {
  @TempDir Path dir;

  @Test
  void undatedPostsLeftOutOfARangeAreCountedAndNamed() throws Exception {
    for (int i = 1; i <= 4; i++) {
      TestPosts.write(dir, "0" + i + "-issue.md", "Issue " + i + " of the weekly.\n");
    }
    TestPosts.write(dir, "05-issue.md", "---\ndate: 2023/01/09\n---\n\nIssue 5.\n");
    DigestRequest request =
        DigestRequest.builder()
            .source(dir)
            .zone(ZoneOffset.UTC)
            .range(new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)), "2023")
            .build();

    var selection = Gazette.create().select(request);

    assertThat(selection.posts()).extracting(Post::relativePath).containsExactly("05-issue.md");
    assertThat(selection.skipped()).extracting(s -> s.reason()).containsOnly(LeftOut.UNDATED);
    assertThat(LeftOut.summary(selection.skipped()))
        .hasValue(
            "4 posts with no date left out of the date range (01-issue.md, 02-issue.md,"
                + " 03-issue.md, …): give each a front matter date or a YYYY-MM-DD- file name, or"
                + " build without a date range to take every post");
  }

  /**
   * A folder of undated weekly issues (ascoders/weekly: 296 of them, titles in file names) built
   * with a range: the build ended "no post in 2000-01-01..2026-12-31" and nothing more, as the line
   * above was printed only after a digest was written.
   */
  @Test
  void aRangeThatTakesNoPostSaysTheUndatedOnesWereLeftOut() throws Exception {
    for (int i = 1; i <= 2; i++) {
      TestPosts.write(dir, i + ".精读《第" + i + "期》.md", "本期精读的文章是第 " + i + " 篇。\n");
    }
    DigestRequest request =
        DigestRequest.builder()
            .source(dir)
            .zone(ZoneOffset.UTC)
            .range(new DateRange(LocalDate.of(2000, 1, 1), LocalDate.of(2026, 12, 31)), "all")
            .build();

    GazetteException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            GazetteException.class, () -> Gazette.create().build(request));

    assertThat(e.reason()).isEqualTo(GazetteException.Reason.NO_POSTS);
    assertThat(e.getMessage())
        .startsWith("no post in 2000-01-01..2026-12-31 (Z) in ")
        .endsWith(
            "; 2 posts with no date left out of the date range (1.精读《第1期》.md, 2.精读《第2期》.md):"
                + " give each a front matter date or a YYYY-MM-DD- file name, or build without a"
                + " date range to take every post");
  }

  @Test
  void withoutARangeEveryPostIsTakenAndNothingIsSaid() throws Exception {
    TestPosts.write(dir, "01-issue.md", "Issue 1 of the weekly.\n");
    TestPosts.write(dir, "05-issue.md", "---\ndate: 2023/01/09\n---\n\nIssue 5.\n");

    var selection =
        Gazette.create().select(DigestRequest.builder().source(dir).zone(ZoneOffset.UTC).build());

    assertThat(selection.posts()).hasSize(2);
    assertThat(LeftOut.summary(selection.skipped())).isEmpty();
  }
}
