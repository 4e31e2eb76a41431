package dev.gazette.cli;

import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * A small week of posts around the ISO week 26/27 boundary of 2021, and a way to run the CLI on it.
 */
final class PeriodicalFixture {
  private PeriodicalFixture() {}

  /** Result of one command line. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    return runWith(Map.of(), args);
  }

  static Run runWith(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), env, args);
    return new Run(code, out.toString(), err.toString());
  }

  static String post(String title, String date, String category, String body) {
    return "---\ntitle: '"
        + title
        + "'\ndate: "
        + date
        + "\ncategories:\n - "
        + category
        + "\nauthor: 本报记者\nlink: https://example.org/"
        + Math.abs(title.hashCode())
        + "\n---\n\n"
        + body
        + "\n";
  }

  /**
   * Writes the posts. In Asia/Shanghai week 2021-W26 (28 June to 4 July) holds three of them;
   * {@code late-sunday.md} (2021-07-04T17:00Z) is Monday 5 July there, so it belongs to W27, while
   * in UTC it is still Sunday of W26. {@code draft.md} and {@code broken.md} (bad front matter) are
   * always skipped.
   */
  static Path write(Path dir) {
    TestPosts.write(
        dir,
        "news/monday.md",
        post("周一早间新闻", "2021-06-28 09:00:00 +0800", "新闻", "城市轨道交通三号线开始联调联试，预计年底开通。\n\n沿线居民表示期待。"));
    TestPosts.write(
        dir,
        "news/wednesday.md",
        post("周三地方新闻", "2021-06-30 10:00:00 +0800", "新闻", "新图书馆开放首日接待读者一万余人次。"));
    TestPosts.write(
        dir,
        "sport/wednesday-evening.md",
        post("周三晚间体育", "2021-06-30 20:30:00 +0800", "体育", "青少年篮球夏令营在市体育中心开营。"));
    TestPosts.write(
        dir,
        "news/late-sunday.md",
        post("周日深夜快讯", "2021-07-04T17:00:00Z", "新闻", "台风外围云系影响本市，夜间有阵雨。"));
    TestPosts.write(
        dir, "news/draft.md", "---\ntitle: 草稿\ndate: 2021-06-29\ndraft: true\n---\n\n未完成。\n");
    TestPosts.write(dir, "news/broken.md", "---\ntitle: [未闭合\ndate: 2021-06-29\n---\n\n正文。\n");
    TestPosts.write(
        dir,
        "news/next-week.md",
        post("下周二新闻", "2021-07-06 08:00:00 +0800", "新闻", "港口上半年吞吐量同比增长。"));
    return dir;
  }
}
