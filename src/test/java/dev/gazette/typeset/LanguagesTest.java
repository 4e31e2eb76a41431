package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Language detection, including the per-character Traditional/Simplified test that replaced whole-text transforms. */
class LanguagesTest {
  @Test
  void tellsTraditionalFromSimplifiedChinese() {
    assertThat(Languages.detect("這座老茶館開了六十年，街坊們說，夏天最後一個週末要來喝一杯。")).isEqualTo("zh-Hant");
    assertThat(Languages.detect("这座老茶馆开了六十年，街坊们说，夏天最后一个周末要来喝一杯。")).isEqualTo("zh-Hans");
    // Characters shared by both scripts only: not traditional.
    assertThat(Languages.detect("今天天气很好，我们去公园。")).isEqualTo("zh-Hans");
  }

  @Test
  void otherScripts() {
    assertThat(Languages.detect("今日はとても良い天気ですね。散歩に行きましょう。")).isEqualTo("ja");
    assertThat(Languages.detect("A plain English sentence about measuring start-up time.")).isEqualTo("en");
    assertThat(Languages.detect("오늘은 날씨가 좋습니다 그리고 우리는 공원에 갑니다")).isEqualTo("ko");
  }

  @Test
  void sampleFoldersAreDetectedAsBefore() throws Exception {
    String hant = Files.readString(TestPosts.samples().resolve("zh-hant/old-street-teahouse-last-summer.md"));
    assertThat(Languages.detect(hant)).isEqualTo("zh-Hant");
    String hans = Files.readString(TestPosts.samples().resolve("news/wetland-bird-survey.md"));
    assertThat(Languages.detect(hans)).isEqualTo("zh-Hans");
  }

  @Test
  void givesTheSameAnswerFromManyThreads() {
    List<String> texts = List.of("這座老茶館開了六十年", "这座老茶馆开了六十年");
    List<String> answers = IntStream.range(0, 400).parallel().mapToObj(i -> Languages.detect(texts.get(i % 2))).toList();
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i)).isEqualTo(i % 2 == 0 ? "zh-Hant" : "zh-Hans");
    }
  }
}
