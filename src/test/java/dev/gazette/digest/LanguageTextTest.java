package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The text language detection reads from an article is what the regex {@code <[^>]+>} → space over
 * the whole body gave, cut at the same length (the loop replaced it: it ran over every body).
 */
class LanguageTextTest {
  private static String byRegex(String prefix, String xhtml, int max) {
    String text = prefix + xhtml.replaceAll("<[^>]+>", " ");
    return text.length() > max ? text.substring(0, max) : text;
  }

  @Test
  void agreesWithTheRegexOnMarkup() {
    String[] bodies = {
      "",
      "<p>中文<em>强调</em>。</p>\n<p>Second <a href=\"#x\">link</a></p>\n",
      "a <> b < c > d <<e>> f <g",
      "<p>unclosed <b",
      "<img src=\"a.png\" alt=\"x > y\" /><p>after</p>",
      "<>",
      "<<<>>>",
    };
    for (String body : bodies) {
      for (int max : new int[] {0, 1, 5, 12, 20000}) {
        assertThat(ArticleMaker.textStart("标题 ", body, max))
            .as("%s / %d", body, max)
            .isEqualTo(byRegex("标题 ", body, max));
      }
    }
  }

  /** Ruby's news: {@code lang: zh_tw} was no tag, and 291 Traditional posts were guessed at. */
  @Test
  void aDeclaredLocaleNameIsTheLanguageTag() {
    for (String[] c :
        new String[][] {
          {"zh_tw", "zh-Hant"},
          {"zh_CN", "zh-Hans"},
          {"pt_BR", "pt-BR"},
          {" en ", "en"},
          {"ja", "ja"}
        }) {
      dev.gazette.model.Post post =
          dev.gazette.model.Post.builder(java.nio.file.Path.of("p.md"), "p.md")
              .fields(java.util.Map.of("lang", c[0]))
              .body(() -> "")
              .build();
      assertThat(ArticleMaker.language(post, "标题", "<p>中文和 English words.</p>"))
          .as(c[0])
          .isEqualTo(c[1]);
    }
  }

  /** A post of a translation site not yet translated: English under {@code lang: zh_tw}. */
  @Test
  void aChineseTagOverTextWithoutChineseIsNotTrusted() {
    dev.gazette.model.Post post =
        dev.gazette.model.Post.builder(java.nio.file.Path.of("p.md"), "p.md")
            .fields(java.util.Map.of("lang", "zh_tw"))
            .body(() -> "")
            .build();
    String english =
        "<p>Version 1.8.6 has been released. The source is available in three formats, and the"
            + " announcement on the mailing list says what changed since the last release.</p>";
    assertThat(ArticleMaker.language(post, "Version 1.8.6 released", english)).isEqualTo("en");
  }

  /**
   * A Chinese tutorial's code outweighs its prose by letters: code, blocks and inline, is not read
   * for the article's language.
   */
  @Test
  void codeIsNotReadForTheLanguage() {
    dev.gazette.model.Post post =
        dev.gazette.model.Post.builder(java.nio.file.Path.of("p.md"), "p.md")
            .body(() -> "")
            .build();
    String code =
        "@SpringBootApplication\npublic class DemoApplication {\n  public static void"
            + " main(String[] args) {\n    SpringApplication.run(DemoApplication.class, args);\n"
            + "  }\n}\n";
    String body =
        "<p>启动类上加一个注解，<code>SpringApplication.run</code> 就会启动内置的服务器。</p>\n"
            + "<pre><code class=\"language-java\">"
            + code.repeat(3)
            + "</code></pre>\n<p>然后访问端点看看效果。</p>";
    assertThat(ArticleMaker.language(post, "入门", body)).isEqualTo("zh-Hans");
    assertThat(ArticleMaker.proseStart("t ", body, 20000))
        .doesNotContain("DemoApplication", "SpringApplication")
        .contains("启动类上加一个注解", "然后访问端点看看效果");
    assertThat(ArticleMaker.textStart("t ", body, 20000)).contains("DemoApplication");
    // English prose with code is still English.
    assertThat(ArticleMaker.language(post, "Intro", "<p>Start it like this:</p>" + code))
        .isEqualTo("en");
  }

  @Test
  void agreesWithTheRegexOnRandomMarkup() {
    Random random = new Random(16);
    String pieces = "<>/ a中p\n\"=";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        sb.append(pieces.charAt(random.nextInt(pieces.length())));
      }
      String body = sb.toString();
      int max = random.nextInt(70);
      assertThat(ArticleMaker.textStart("t ", body, max))
          .as("%s / %d", body, max)
          .isEqualTo(byRegex("t ", body, max));
    }
  }
}
