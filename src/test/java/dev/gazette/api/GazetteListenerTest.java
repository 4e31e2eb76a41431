package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.Post;
import dev.gazette.model.RelativeRange;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library reports progress as events and sections as data; it prints nothing itself. */
class GazetteListenerTest {
  @TempDir Path tmp;

  @Test
  void eventsArriveInOrderAndTheResultCarriesTheSections() throws Exception {
    for (int day = 1; day <= 4; day++) {
      TestPosts.write(
          tmp,
          "posts/p" + day + ".md",
          TestPosts.hexo(
              "第" + day + "篇", "2021-07-0" + day + " 10:00:00", "这是第" + day + "篇文章的正文。"));
    }
    List<String> events = new CopyOnWriteArrayList<>();
    GazetteListener listener =
        new GazetteListener() {
          @Override
          public void postsRead(int selected) {
            events.add("read " + selected);
          }

          @Override
          public void articleMade(Post post, int done, int total) {
            events.add("made " + total);
          }

          @Override
          public void renderingStarted(Format format) {
            events.add("render " + format);
          }

          @Override
          public void outputWritten(OutputFile output) {
            events.add("wrote " + output.path().getFileName());
          }
        };
    DigestRequest request =
        DigestRequest.builder()
            .source(tmp.resolve("posts"))
            .zone(ZoneId.of("Asia/Shanghai"))
            .range(RelativeRange.thisWeek(LocalDate.of(2021, 7, 1)), null)
            .groupBy(Grouping.DAY)
            .formats(Format.EPUB)
            .cover(false)
            .outputDir(tmp.resolve("out"))
            .build();
    DigestResult result = Gazette.create().build(request, listener);

    assertThat(events)
        .containsExactly(
            "read 4",
            "made 4",
            "made 4",
            "made 4",
            "made 4",
            "render EPUB",
            "wrote posts-2021-W26.epub");
    assertThat(result.digest().sections())
        .extracting(s -> s.title() + " " + s.articles().size())
        .containsExactly(
            "2021年7月1日 星期四 1", "2021年7月2日 星期五 1", "2021年7月3日 星期六 1", "2021年7月4日 星期日 1");
    Path epub = tmp.resolve("out/posts-2021-W26.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Epubs.textEntries(epub)).doesNotContainKey("OEBPS/cover.xhtml");
  }
}
