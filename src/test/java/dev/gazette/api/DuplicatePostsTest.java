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
    DigestResult result = buildEpub();

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

  /**
   * Posts without a title of their own are no evidence of one story: page bundles named by their
   * folder (hexo-fightinggg: 29 different ACM notes of one day, all titled "Index", were merged
   * away), the same first heading, a title of emoji only. Each is kept, read and named.
   */
  @Test
  void postsWithoutTheirOwnTitleAreNotMergedByTitle() throws Exception {
    TestPosts.write(
        dir,
        "ACM/KMP算法/index.md",
        "---\ndate: 2018-10-15 13:01:41\n---\n\n前缀函数记下每个位置最长的相等前后缀，匹配失败时据此回退。\n");
    TestPosts.write(
        dir,
        "ACM/最小费用最大流/index.md",
        "---\ndate: 2018-10-15 10:52:34\n---\n\n每次沿费用最小的增广路送流，直到源点到汇点再无可走的路。\n");
    TestPosts.write(
        dir,
        "notes/first.md",
        "---\ndate: 2018-10-15 08:00:00\n---\n\n## 概述\n\n第一篇笔记讲线段树的区间更新和懒标记下传的时机。\n");
    TestPosts.write(
        dir,
        "notes/second.md",
        "---\ndate: 2018-10-15 09:00:00\n---\n\n## 概述\n\n第二篇笔记讲并查集的路径压缩和按秩合并为何足够快。\n");
    TestPosts.write(
        dir, "notes/party.md", post("🎉", "2018-10-15 18:00:00", "杂记", "今天的聚会在湖边，大家带了自己做的点心和水果。"));
    TestPosts.write(
        dir, "notes/cake.md", post("🎉！", "2018-10-15 19:00:00", "杂记", "晚上又做了一个蛋糕，送给楼下刚搬来的邻居尝尝。"));
    DigestResult result = buildEpub();

    assertThat(result.skipped()).isEmpty();
    assertThat(result.problems())
        .extracting(Problem::message)
        .noneSatisfy(m -> assertThat(m).contains("same story"));
    assertThat(result.posts()).hasSize(6);
    assertThat(result.posts())
        .extracting(p -> p.title())
        .contains("KMP算法", "最小费用最大流")
        .doesNotContain("Index");
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    String text = String.join("", Epubs.textEntries(epub).values());
    assertThat(text).contains("前缀函数", "费用最小的增广路", "线段树", "并查集", "湖边", "蛋糕", "KMP算法", "最小费用最大流");
  }

  private DigestResult buildEpub() throws GazetteException {
    return Gazette.create()
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
