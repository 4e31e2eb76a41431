package dev.gazette.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jekyll site with the {@code jemoji} plugin showed {@code :tada:} as 🎉 (the Jekyll project's
 * own news did, in 13 posts): the digest shows the emoji too, drawn in the PDF; the same post in a
 * site without the plugin keeps what was written.
 */
class EmojiShortcodesDigestTest {
  @TempDir Path dir;

  private static final String POST =
      """
      ---
      title: Jekyll 9 released
      date: 2024-03-01
      ---

      Jekyll 9 is out :tada: with fewer :bug: than ever. Commit as `Release :gem: v9`.
      """;

  private List<OutputFile> build(String site, String config) throws Exception {
    TestPosts.write(dir.resolve(site), "_config.yml", config);
    TestPosts.write(dir.resolve(site), "_posts/2024-03-01-jekyll-9.md", POST);
    return TestBuilds.build(
            TestBuilds.utc(dir.resolve(site + "/_posts"), dir.resolve(site + "-out"))
                .formats(Format.EPUB, Format.PDF))
        .outputs();
  }

  @Test
  void jemojiSiteShowsEmojiInBothFormats() throws Exception {
    List<OutputFile> outputs = build("jemoji", "title: News\nplugins:\n  - jemoji\n");
    Path epub = outputs.get(0).path();
    var entries = Epubs.validEntries(epub);
    assertThat(Epubs.articleHolding(entries, "Jekyll 9 is out"))
        .contains("Jekyll 9 is out \uD83C\uDF89 with fewer \uD83D\uDC1B than ever")
        .contains("<code>Release :gem: v9</code>");
    String pdf = Pdfs.compactText(outputs.get(1).path());
    assertThat(pdf).contains("\uD83C\uDF89").contains("\uD83D\uDC1B").contains(":gem:");
  }

  @Test
  void siteWithoutThePluginKeepsTheShortNames() throws Exception {
    List<OutputFile> outputs = build("plain", "title: News\nplugins:\n  - jekyll-feed\n");
    assertThat(Pdfs.compactText(outputs.get(1).path())).contains(":tada:").contains(":bug:");
  }
}
