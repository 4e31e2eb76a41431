package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VuePress site built from its {@code blog/} folder (nushell.github.io): its config is a script,
 * so no site config is read, yet its pictures live beside {@code blog/} ({@code
 * ../assets/images/x.png}) and in {@code .vuepress/public/}. 105 pictures were said to point
 * outside the input folder and left out.
 */
class VuePressSiteTest {
  @TempDir Path dir;

  @Test
  void picturesOfAVuePressSiteAreFoundInItsFolderOnly() throws Exception {
    Path site = dir.resolve("site");
    Files.createDirectories(site.resolve(".vuepress"));
    Files.writeString(site.resolve(".vuepress/config.js"), "export default {}\n");
    Files.createDirectories(site.resolve("assets/images"));
    Files.createDirectories(site.resolve(".vuepress/public"));
    Files.write(site.resolve("assets/images/ls.png"), TestImages.png(TestImages.photo(40, 30)));
    Files.write(
        site.resolve(".vuepress/public/logo.png"), TestImages.png(TestImages.photo(20, 20)));
    Files.write(dir.resolve("outside.png"), TestImages.png(TestImages.photo(10, 10)));
    TestPosts.write(
        site.resolve("blog"),
        "2024-01-02-release.md",
        "---\ntitle: Release\n---\n\nThe listing:\n\n![ls](../assets/images/ls.png)\n\n"
            + "The logo:\n\n![logo](/logo.png)\n\nNot this:\n\n![out](../../outside.png)\n\n"
            + "![gone](../assets/images/gone.gif)\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("blog"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(entries.get("OEBPS/a001.xhtml")).contains("alt=\"ls\"", "alt=\"logo\"");
    assertThat(result.problems())
        .extracting(Problem::message)
        .containsExactly(
            "image '../../outside.png' points outside the input folder; left out",
            "image '../assets/images/gone.gif' not found beside the post, in its asset folder, or"
                + " in the site's source/, static/ or public/");
  }
}
