package dev.gazette.typeset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
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
