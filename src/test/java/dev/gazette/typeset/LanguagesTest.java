package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Language detection, including the per-character Traditional/Simplified test that replaced
 * whole-text transforms.
 */
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
    assertThat(Languages.detect("A plain English sentence about measuring start-up time."))
        .isEqualTo("en");
    assertThat(Languages.detect("오늘은 날씨가 좋습니다 그리고 우리는 공원에 갑니다")).isEqualTo("ko");
  }

  @Test
  void sampleFoldersAreDetectedAsBefore() throws Exception {
    String hant =
        Files.readString(TestPosts.samples().resolve("zh-hant/old-street-teahouse-last-summer.md"));
    assertThat(Languages.detect(hant)).isEqualTo("zh-Hant");
    String hans = Files.readString(TestPosts.samples().resolve("news/wetland-bird-survey.md"));
    assertThat(Languages.detect(hans)).isEqualTo("zh-Hans");
  }

  @Test
  void givesTheSameAnswerFromManyThreads() {
    List<String> texts = List.of("這座老茶館開了六十年", "这座老茶馆开了六十年");
    List<String> answers =
        IntStream.range(0, 400)
            .parallel()
            .mapToObj(i -> Languages.detect(texts.get(i % 2)))
            .toList();
    for (int i = 0; i < answers.size(); i++) {
      assertThat(answers.get(i)).isEqualTo(i % 2 == 0 ? "zh-Hant" : "zh-Hans");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          市委季度工作会议今天下午举行，会议强调要坚定信心。                | zh-Hans
          老街茶館的最後一個夏天，我們賣的不是茶，是時間。                  | zh-Hant
          今日は東京で会議が開かれました。天気はとても良かったです。        | ja
          Packing light for a week in the hills, with a few words of 中文. | en
          5G基站爬上北山：iPhone 12 用户在村里也能看高清直播了             | zh-Hans
          """)
  void detectsLanguageFromScripts(String text, String expected) {
    assertThat(Languages.detect(text)).isEqualTo(expected);
  }
}
