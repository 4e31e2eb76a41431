package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Grouping;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.Section;
import dev.gazette.render.Labels;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionGrouperTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Labels ZH = Labels.forLanguage("zh-Hans");

  private static Article article(String id, String instant, String... categories) {
    Post.Builder b =
        Post.builder(Path.of(id + ".md"), id + ".md")
            .categories(List.of(categories))
            .body(() -> "");
    if (instant != null) {
      b.date(new PostDate(Instant.parse(instant), false, PostDate.Source.FRONT_MATTER));
    }
    return new Article(id, b.build(), "标题" + id, "zh-Hans", "<p>正文</p>", List.of());
  }

  private static List<String> titles(List<Section> sections) {
    return sections.stream()
        .map(s -> s.title() + "=" + s.articles().stream().map(Article::id).toList())
        .toList();
  }

  @Test
  void daysAreTakenInTheDigestZone() {
    List<Article> articles =
        List.of(
            article("a1", "2021-07-02T01:00:00Z"),
            article("a2", "2021-07-02T17:00:00Z"),
            article("a3", null));
    assertThat(titles(new SectionGrouper(Grouping.DAY, SHANGHAI, ZH).group(articles)))
        .containsExactly("2021年7月2日 星期五=[a1]", "2021年7月3日 星期六=[a2]", "未注明日期=[a3]");
    assertThat(titles(new SectionGrouper(Grouping.DAY, ZoneId.of("UTC"), ZH).group(articles)))
        .containsExactly("2021年7月2日 星期五=[a1, a2]", "未注明日期=[a3]");
  }

  @Test
  void categoriesInOrderOfFirstAppearanceIgnoringCase() {
    List<Article> articles =
        List.of(
            article("a1", "2021-07-01T01:00:00Z", "News"),
            article("a2", "2021-07-01T02:00:00Z", "体育", "News"),
            article("a3", "2021-07-01T03:00:00Z", "news"),
            article("a4", "2021-07-01T04:00:00Z"));
    List<Section> sections = new SectionGrouper(Grouping.CATEGORY, SHANGHAI, ZH).group(articles);
    assertThat(titles(sections)).containsExactly("News=[a1, a3]", "体育=[a2]", "其他=[a4]");
    assertThat(sections).extracting(Section::id).containsExactly("s01", "s02", "s03");
  }

  /** react.dev's and the Rust blog's posts have no categories: no "Other" over all of them. */
  @Test
  void withoutAnyCategoryOrDayTheArticlesAreOneUntitledSection() {
    List<Article> articles =
        List.of(article("a1", "2021-07-01T01:00:00Z"), article("a2", "2021-07-02T01:00:00Z"));
    assertThat(titles(new SectionGrouper(Grouping.CATEGORY, SHANGHAI, ZH).group(articles)))
        .containsExactly("null=[a1, a2]");
    assertThat(
            titles(
                new SectionGrouper(Grouping.DAY, SHANGHAI, ZH).group(List.of(article("u", null)))))
        .containsExactly("null=[u]");
  }

  @Test
  void noneIsOneUntitledSection() {
    List<Article> articles = List.of(article("a1", "2021-07-01T01:00:00Z", "News"));
    assertThat(titles(new SectionGrouper(Grouping.NONE, SHANGHAI, ZH).group(articles)))
        .containsExactly("null=[a1]");
  }

  @Test
  void dayForAWeekOrLessCategoryOtherwise() {
    LocalDate monday = LocalDate.of(2021, 6, 28);
    assertThat(Grouping.defaultFor(new DateRange(monday, monday.plusDays(6))))
        .isEqualTo(Grouping.DAY);
    assertThat(Grouping.defaultFor(new DateRange(monday, monday.plusDays(7))))
        .isEqualTo(Grouping.CATEGORY);
    assertThat(Grouping.defaultFor(null)).isEqualTo(Grouping.CATEGORY);
  }
}
