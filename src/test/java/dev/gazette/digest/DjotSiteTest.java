package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site like Gleam's website: news in Djot ({@code .djot}) with TOML front matter between {@code
 * ---} lines, built by a Gleam program ({@code gleam.toml}) that publishes its pictures from {@code
 * priv/}. Gazette found no post in its 60: {@code .djot} was no post file, and its front matter did
 * not parse as YAML.
 */
class DjotSiteTest {
  @TempDir Path dir;

  @Test
  void djotNewsWithTomlFrontMatterAndTheSitesPictures() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "gleam.toml", "name = \"website\"\nversion = \"1.0.0\"\n");
    Files.createDirectories(site.resolve("priv/images/news"));
    Files.write(
        site.resolve("priv/images/news/compiler.png"), TestImages.png(TestImages.photo(60, 40)));
    TestPosts.write(
        site,
        "pages/news/exhaustive.djot",
        """
        ---
        title = "Exhaustive Checking"
        subtitle = "Version 0.33 released"
        published = 2023-12-18

        [author]
        name = "Ada Quill"
        url = "https://example.org/ada"
        ---

        Today _every_ pattern is *checked*; a <b> in text is text.
        ```gleam
        let assert [first_item, ..] = items
        ```

        ## Exhaustive
        exhaustiveness

        ![The compiler's warning](/images/news/compiler.png)

        ``` =html
        <ul class="sponsors">
          <li>Lambda</li>

          <li>Nerves</li>
        </ul>
        ```
        """);

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("pages/news"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    assertThat(result.problems()).isEmpty();
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains("Ada Quill");
    String news = Epubs.articleHolding(entries, "Exhaustive Checking</h1>");
    assertThat(news)
        .contains("18 December 2023")
        .contains("Today <em>every</em> pattern is <strong>checked</strong>")
        .contains("a &lt;b&gt; in text is text")
        .contains("let assert [first_item, ..] = items")
        .contains("Exhaustive exhaustiveness</h2>")
        .contains("alt=\"The compiler's warning\"")
        .contains("<li>Lambda</li>", "<li>Nerves</li>");
    assertThat(
            Epubs.entries(epub).stream()
                .filter(e -> e.getName().matches("OEBPS/images/[0-9a-f]{16}\\.png")))
        .hasSize(1);
    String pdf = Pdfs.compactText(result.outputs().get(1).path());
    assertThat(pdf).contains(Pdfs.compact("Today every pattern is checked"));
  }
}
