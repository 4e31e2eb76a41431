package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same story from two feeds becomes one article carrying both feeds' categories. */
class DuplicatePostsTest {
  @TempDir Path dir;

  @Test
  void sameTitleSameDayOrSameTextIsOneArticle() throws Exception {
    String story = "市委季度工作会议今天下午举行，会议部署了三季度经济社会发展重点工作，要求各部门抓好落实。";
    TestPosts.write(
        dir, "feed-a/meeting.md", post("市委召开季度工作会议", "2021-07-02 20:32:26", "新闻", story));
    TestPosts.write(
        dir, "feed-b/meeting.md", post("市委召开季度工作会议！", "2021-07-02 21:05:00", "上海", story + "（完）"));
    TestPosts.write(dir, "feed-c/renamed.md", post("季度会议举行", "2021-07-03 08:00:00", "要闻", story));
    TestPosts.write(
        dir,
        "feed-a/other.md",
        post("另一条新闻", "2021-07-02 10:00:00", "新闻", "完全不同的另一条新闻内容，和会议无关，讲的是天气和交通情况。"));
    DigestResult result =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(dir)
                    .zone(ZoneId.of("Asia/Shanghai"))
                    .outputDir(dir.resolve("out"))
                    .name("d")
                    .formats(Format.EPUB)
                    .offline(true)
                    .imageCache(dir.resolve("cache"))
                    .build());

    assertThat(result.posts())
        .extracting(p -> p.relativePath())
        .containsExactly("feed-a/other.md", "feed-a/meeting.md");
    assertThat(result.posts().get(1).categories()).containsExactly("新闻", "上海", "要闻");
    assertThat(result.skipped())
        .extracting(s -> dir.relativize(s.file()).toString().replace('\\', '/'))
        .containsExactlyInAnyOrder("feed-b/meeting.md", "feed-c/renamed.md");
    assertThat(result.problems())
        .hasSize(2)
        .allSatisfy(p -> assertThat(p.message()).contains("feed-a/meeting.md"));
    assertThat(result.problems())
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).contains("same title and day"))
        .anySatisfy(m -> assertThat(m).contains("same text"));
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(String.join("", Epubs.textEntries(epub).values())).contains("新闻 / 上海 / 要闻");
  }

  private static String post(String title, String date, String category, String body) {
    return "---\ntitle: '"
        + title
        + "'\ndate: "
        + date
        + "\ncategories:\n - "
        + category
        + "\n---\n\n"
        + body
        + "\n";
  }
}
