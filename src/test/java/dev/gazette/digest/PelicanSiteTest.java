package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Pelican blog (This Week in Rust, jakevdp's Pythonic Perambulations): {@code Key: value}
 * metadata, {@code pelicanconf.py} naming the blog, its zone and the folders of its files, and the
 * tags that show a notebook or a code file. 45 of jakevdp's 66 posts are a notebook and nothing
 * else: each was left out as "nothing to read".
 */
class PelicanSiteTest {
  @TempDir Path dir;

  @Test
  void aPelicanBlogIsReadWithItsNotebooksAndCodeFiles() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "pelicanconf.py",
        "AUTHOR = u'Ana Ruiz'\nSITENAME = u'Plots and Proofs'\nTIMEZONE = 'America/Los_Angeles'\n"
            + "NOTEBOOK_DIR = 'downloads/notebooks'\nCODE_DIR = 'downloads/code'\n");
    String png = Base64.getEncoder().encodeToString(TestImages.png(TestImages.photo(60, 40)));
    TestPosts.write(
        site,
        "content/downloads/notebooks/Waves.ipynb",
        "{\"nbformat\": 4, \"metadata\": {}, \"cells\": [\n"
            + "{\"cell_type\": \"markdown\", \"source\": [\"Skipped intro.\"]},\n"
            + "{\"cell_type\": \"markdown\", \"source\": [\"## The waves\\n"
            + "\", \"A sine wave.\"]},\n"
            + "{\"cell_type\": \"code\", \"source\": [\"plt.plot(np.sin(x))\"], \"outputs\": [\n"
            + "  {\"output_type\": \"display_data\", \"data\": {\"image/png\": \""
            + png
            + "\"}}]}]}\n");
    TestPosts.write(
        site, "content/downloads/code/wave.py", "import numpy as np\nx = np.linspace(0, 1)\n");
    TestPosts.write(
        site,
        "content/articles/2013-05-01-waves.md",
        "Title: Drawing Waves\nDate: 2013-05-01 09:30\nTags: plots, numpy\n\n"
            + "{% include_code wave.py lang:python The wave script %}\n\n"
            + "{% notebook Waves.ipynb cells[1:] %}\n");
    TestPosts.write(
        site,
        "content/articles/2013-05-02-gone.md",
        "Title: Gone\nDate: 2013-05-02\n\nIntro.\n\n{% notebook Missing.ipynb %}\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out"))
                .zone(null)
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    assertThat(result.problems())
        .extracting(p -> p.file().getFileName() + ": " + p.message())
        .containsExactly(
            "2013-05-02-gone.md: {% notebook Missing.ipynb %}: file not found in the site;"
                + " removed");
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String waves = entries.get("OEBPS/a001.xhtml");
    assertThat(waves)
        .contains("<h1 class=\"article-title\">Drawing Waves</h1>")
        .contains("1 May 2013 09:30")
        .contains("<p class=\"code-caption\">The wave script</p>")
        .contains("x = np.linspace(")
        .contains("The waves</h2>")
        .contains("plt.plot(np.sin(x))")
        .contains("alt=\"notebook output\"")
        .doesNotContain("Skipped intro")
        .doesNotContain("{%");
    assertThat(entries.get("OEBPS/content.opf"))
        .contains("<dc:title>Plots and Proofs</dc:title>")
        .contains("Ana Ruiz");
    assertThat(Epubs.entries(epub)).anyMatch(e -> e.getName().startsWith("OEBPS/images/"));
    String pdf = Pdfs.compactText(result.outputs().get(1).path());
    assertThat(pdf).contains(Pdfs.compact("plt.plot(np.sin(x))"), Pdfs.compact("A sine wave."));
  }
}
