package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
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
 * A Zine site (Zig's news, Loris Cro's blog): pages in SuperMD ({@code .smd}) with Ziggy front
 * matter, {@code zine.ziggy} naming the site, bundles holding their pictures and code, the site's
 * assets in {@code assets/}. Gazette found no post in either: {@code .smd} was no post file.
 */
class ZineSiteTest {
  @TempDir Path dir;

  @Test
  void aZineSiteIsReadWithItsDirectivesPicturesCodeAndLinks() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site,
        "zine.ziggy",
        ".zine_version = \"0.11.0\",\n.site = .simple(.{\n    .title = \"Field Notes\",\n"
            + "    .host_url = \"https://notes.example.org\",\n    .assets_dir_path = \"assets\",\n"
            + "}),\n");
    Files.createDirectories(site.resolve("assets"));
    Files.write(site.resolve("assets/logo.png"), TestImages.png(TestImages.photo(40, 30)));
    Files.createDirectories(site.resolve("content/blog/first-lsp"));
    Files.write(
        site.resolve("content/blog/first-lsp/editor.png"),
        TestImages.png(TestImages.photo(60, 40)));
    TestPosts.write(
        site,
        "content/blog/first-lsp/main.zig",
        "const std = @import(\"std\");\npub fn main() void {}\n");
    TestPosts.write(
        site,
        "content/blog/first-lsp/index.smd",
        "---\n.title = \"The First HTML LSP\",\n.description = \"\\xe2\\x80\\x9cTwo\\xe2\\x80\\x9d"
            + " world-firsts\",\n.date = .date(\"2024-09-11T00:00:00\"),\n"
            + ".layout = \"post.shtml\",\n.tags = [\"lsp\"],\n---\n\n"
            + "# [The status quo]($section.id('status'))\n\n"
            + "See [the day](zig-day), [the colophon]($link.page('about').ref('colophon')) and"
            + " [the status](#status).\n\n"
            + "![Errors, at last](editor.png \"An editor showing an error\")\n\n"
            + "[The logo]($image.siteAsset('logo.png'))\n\n"
            + "># [Note]($block.attrs('warning'))\n>It is still young.\n\n"
            + "[]($code.asset('main.zig').language('zig'))\n\n"
            + "Its cost is [`O(n^2)`]($mathtex).\n");
    TestPosts.write(
        site,
        "content/blog/zig-day/index.smd",
        "---\n.title = \"Zig Day\",\n.date = @date(\"2024-08-07:00:00:00\"),\n---\n\nA day.\n");
    TestPosts.write(
        site,
        "content/about.smd",
        "---\n.title = \"About\",\n.date = .date(\"2024-01-01T00:00:00\"),\n---\n\n"
            + "## [Colophon]($heading.id('colophon'))\n\nMade with Zine.\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB, Format.PDF));

    assertThat(result.problems()).isEmpty();
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/content.opf")).contains("<dc:title>Field Notes</dc:title>");
    String lsp = Epubs.articleHolding(entries, "The First HTML LSP</h1>");
    assertThat(lsp)
        .contains("11 September 2024")
        .contains("The status quo</span></h2>")
        .contains("class=\"gazette-post-link\">the day</a>")
        .contains("class=\"gazette-post-link\">the colophon</a>")
        .containsPattern("<a href=\"#a\\d+-status\">the status</a>")
        .contains("alt=\"An editor showing an error\"")
        .contains("<figcaption>Errors, at last</figcaption>")
        .contains("<figcaption>The logo</figcaption>")
        .contains("<strong>Note</strong>")
        .contains("pub fn main()")
        .contains("class=\"math\"")
        .doesNotContain("$section")
        .doesNotContain("$link")
        .doesNotContain("$image");
    assertThat(Epubs.articleHolding(entries, "Zig Day</h1>")).contains("7 August 2024");
    assertThat(Epubs.entries(epub).stream().filter(e -> e.getName().startsWith("OEBPS/images/")))
        .hasSizeGreaterThanOrEqualTo(3); // two pictures and the formula
    String pdf = Pdfs.compactText(result.outputs().get(1).path());
    assertThat(pdf).contains(Pdfs.compact("Errors, at last"), Pdfs.compact("It is still young."));
  }

  /**
   * The Zig site shows its examples as build assets: its build runs each program of {@code
   * zig-code/} and shows it with its output. Its learning pages lost every example; they now show
   * the program's source, said once, and a build asset with no source, or two, is still said lost.
   */
  @Test
  void codeTheBuildMakesIsShownFromItsSourceWhenTheSiteHasOne() throws Exception {
    Path site = dir.resolve("zig");
    TestPosts.write(
        site,
        "zine.ziggy",
        ".site = .simple(.{\n    .title = \"Zig\",\n    .host_url = \"https://zig.example.org\",\n"
            + "}),\n");
    TestPosts.write(
        site,
        "zig-code/samples/hello.zig",
        "pub fn main() void {\n"
            + "    hello();\n"
            + "}\n\n"
            + "// exe=succeed\n"
            + "// additional_option=--summary\n");
    TestPosts.write(site, "zig-code/samples/twice.zig", "const a = 1;\n");
    TestPosts.write(site, "other-code/samples/twice.zig", "const b = 2;\n");
    TestPosts.write(
        site,
        "content/learn/samples.smd",
        "---\n.title = \"Samples\",\n.date = @date(\"2024-08-07T00:00:00\"),\n---\n\n"
            + "## Hello\n\n[]($code.language('=html').buildAsset(\"samples/hello.zig\"))\n\n"
            + "## Twice\n\n[]($code.language('=html').buildAsset(\"samples/twice.zig\"))\n\n"
            + "## Gone\n\n[]($code.language('=html').buildAsset(\"samples/gone.zig\"))\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site, dir.resolve("out-zig")).offline(true).formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String samples = Epubs.articleHolding(entries, "Samples</h1>");
    assertThat(samples)
        .contains(
            "<pre><code class=\"language-zig\">pub fn main() void {\n    hello();\n}\n</code>")
        .doesNotContain("const a = 1")
        .doesNotContain("const b = 2");
    assertThat(result.problems())
        .extracting(Problem::message)
        .contains(
            "code the site's build makes shown from its source, without what the build adds to it"
                + " (a program's output; SuperMD $code, Gazette runs no build): samples/hello.zig",
            "code the site's build makes left out (SuperMD $code; Gazette runs no build):"
                + " samples/twice.zig, samples/gone.zig");
  }

  /**
   * Built from {@code content/}, whose {@code index.smd} (the home page) is titled "Home": the
   * digest takes the site's title from {@code zine.ziggy}; a folder index with a real title wins.
   */
  @Test
  void aHomePageTitledHomeGivesWayToTheSitesTitle() throws Exception {
    Path site = dir.resolve("home");
    TestPosts.write(
        site,
        "zine.ziggy",
        ".site = .simple(.{\n    .title = \"Loris Cro's Personal Website\",\n}),\n");
    TestPosts.write(
        site,
        "content/index.smd",
        "---\n.title = \"Home\",\n.date = .date(\"2018-07-06\"),\n---\n");
    TestPosts.write(
        site,
        "content/blog/one/index.smd",
        "---\n.title = \"One\",\n.date = .date(\"2024-01-01\"),\n---\n\nText.\n");
    assertThat(opfOfEpub(site.resolve("content"), "out-home"))
        .contains("<dc:title>Loris Cro's Personal Website</dc:title>");

    TestPosts.write(
        site,
        "content/index.smd",
        "---\n.title = \"Field Notes\",\n.date = .date(\"2018-07-06\"),\n---\n");
    assertThat(opfOfEpub(site.resolve("content"), "out-named"))
        .contains("<dc:title>Field Notes</dc:title>");
  }

  /**
   * Zola's {@code posts/_index.md} titled "Posts" (Wesley Moore's blog) and Hugo's "日志" (Yihui
   * Xie's) name a section, not the site: the site config's title names the digest.
   */
  @Test
  void aPostsSectionTitledPostsGivesWayToTheSitesTitle() throws Exception {
    Path zola = dir.resolve("zola");
    TestPosts.write(
        zola, "config.toml", "title = \"Wesley Moore\"\nbase_url = \"https://w.example\"\n");
    TestPosts.write(zola, "content/posts/_index.md", "+++\ntitle = \"Posts\"\n+++\n");
    TestPosts.write(
        zola, "content/posts/one.md", "+++\ntitle = \"One\"\ndate = 2024-01-01\n+++\n\nText.\n");
    assertThat(opfOfEpub(zola.resolve("content/posts"), "out-zola"))
        .contains("<dc:title>Wesley Moore</dc:title>");
    Path hugo = dir.resolve("hugo");
    TestPosts.write(
        hugo, "config.yaml", "title: \"Yihui Xie | 谢益辉\"\nbaseurl: \"https://y.example/\"\n");
    TestPosts.write(hugo, "content/cn/_index.md", "---\ntitle: 日志\n---\n");
    TestPosts.write(hugo, "content/cn/2024-01-01-a.md", "---\ntitle: 一\n---\n\n正文。\n");
    assertThat(opfOfEpub(hugo.resolve("content/cn"), "out-hugo"))
        .contains("<dc:title>Yihui Xie | 谢益辉</dc:title>");
  }

  /** The package document of an EPUB of {@code source}, checked by EPUBCheck first. */
  private String opfOfEpub(Path source, String out) throws Exception {
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(source, dir.resolve(out)).offline(true).formats(Format.EPUB));
    Path epub = result.outputs().get(0).path();
    assertThat(Epubs.check(epub)).isEmpty();
    return Epubs.textEntries(epub).get("OEBPS/content.opf");
  }
}
