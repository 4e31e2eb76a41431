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
 * A Franklin.jl site (Julia's blog): {@code config.md} names the site and defines commands, posts
 * give {@code @def} lines or Julia between {@code +++} lines, pictures live in {@code _assets/}
 * (published as {@code /assets/}). Gazette read no post of Julia's blog: TOML refused the Julia,
 * and {@code @def} was text.
 */
class FranklinSiteTest {
  @TempDir Path dir;

  @Test
  void aFranklinSiteIsReadWithItsCommandsRawHtmlAndPictures() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "config.md",
        "+++\nwebsite_title = \"Gadget Lab\"\n"
            + "website_url = get(ENV, \"SITE_URL\", \"https://lab.example.org/\")\n"
            + "author = \"\"\n+++\n\n"
            + "\\newcommand{\\warn}[2]{\n@@admonition-warn\n@@admonition-title Warning: #1 @@\n"
            + "@@admonition-body #2 @@\n@@\n}\n");
    Files.createDirectories(site.resolve("_assets/blog/solver"));
    Files.write(
        site.resolve("_assets/blog/solver/speed.png"), TestImages.png(TestImages.photo(60, 40)));
    // TOML, yet Franklin's Markdown: the site's config says so
    TestPosts.write(
        site,
        "blog/2021/08/solver.md",
        "+++\ntitle = \"A Faster Solver\"\nrss_pubdate = \"2021-08-24\"\n+++\n\n"
            + "The solver is faster.\n\n"
            + "~~~\n<p class=\"lead\">Twice as <b>fast</b>.</p>\n\n~~~\n\n"
            + "\\warn{Old data}{The tables predate the rewrite.}\n\n"
            + "![Speed by size](/assets/blog/solver/speed.png)\n");
    TestPosts.write(
        site,
        "blog/2021/09/notes.md",
        "@def title = \"Release Notes\"\n@def rss_pubdate = Date(2021, 9, 2)\n"
            + "@def version = \"2.1\"\n\n"
            + "\\toc\n\nVersion {{version}} is out.\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("blog"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    assertThat(result.problems()).isEmpty();
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains("<dc:title>Gadget Lab</dc:title>");
    String solver = Epubs.articleHolding(entries, "A Faster Solver</h1>");
    assertThat(solver)
        .contains("24 August 2021")
        .contains("Twice as <b>fast</b>.")
        .contains("Warning: Old data")
        .contains("The tables predate the rewrite.")
        .contains("alt=\"Speed by size\"")
        .doesNotContain("~~~")
        .doesNotContain("@@")
        .doesNotContain("\\warn");
    assertThat(Epubs.articleHolding(entries, "Release Notes</h1>"))
        .contains("2 September 2021")
        .contains("Version 2.1 is out.")
        .doesNotContain("\\toc");
    String pdf = Pdfs.compactText(result.outputs().get(1).path());
    assertThat(pdf).contains(Pdfs.compact("Twice as fast."), Pdfs.compact("Version 2.1 is out."));
  }
}
