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
 * A Next.js blog built from {@code src/content/blog/} (react.dev, an Astro or Next.js starter):
 * {@code .mdx} posts are read like {@code .md} ones (they were not read at all), their pictures are
 * in the site's {@code public/} beside {@code next.config.js}, or imported by the post, and a link
 * to another post's {@code .mdx} file goes to its article.
 */
class MdxSiteTest {
  @TempDir Path dir;

  @Test
  void mdxPostsOfANextSiteAreReadWithTheirPictures() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(site, "next.config.js", "module.exports = {}\n");
    Files.createDirectories(site.resolve("public/images/blog"));
    Files.write(
        site.resolve("public/images/blog/team.png"), TestImages.png(TestImages.photo(40, 30)));
    Path blog = site.resolve("src/content/blog");
    Files.createDirectories(blog.resolve("2024/01/02"));
    Files.write(blog.resolve("2024/01/02/chart.png"), TestImages.png(TestImages.photo(30, 20)));
    TestPosts.write(
        blog,
        "2024/01/02/release.mdx",
        "---\ntitle: Release\ndate: 2024/01/02\n---\n\nimport chart from './chart.png';\n\n"
            + "## The team {/*the-team*/}\n\n<img src=\"/images/blog/team.png\" alt=\"The team\""
            + " width={400} />\n\n<Image src={chart} alt=\"A chart\" />\n\n"
            + "Read [the plan](../../03/05/plan.mdx) and [the team](#the-team).\n");
    TestPosts.write(
        blog,
        "2024/03/05/plan.mdx",
        "---\ntitle: The plan\ndate: 2024-03-05\n---\n\nexport const x = 1;\n\nWhat comes.\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    assertThat(result.images().local()).isEqualTo(2);
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    String release = entries.get("OEBPS/a001.xhtml");
    assertThat(release)
        .contains("alt=\"The team\"", "alt=\"A chart\"", "id=\"a001-the-team\"")
        .contains("href=\"a002.xhtml\"", "href=\"#a001-the-team\"")
        .doesNotContain("{/*", "import", "={");
    assertThat(entries.get("OEBPS/a002.xhtml")).contains("What comes.").doesNotContain("export");
  }

  /**
   * A Hugo site rebuilt by a script (its config kept as {@code hugo.toml.bak}) still has its
   * pictures in {@code static/}: an AI news site's 280 pictures under {@code /media/} were said not
   * found.
   */
  @Test
  void aContentFolderBesideStaticFindsItsPicturesWithoutAConfig() throws Exception {
    Path site = dir.resolve("news");
    TestPosts.write(site, "hugo.toml.bak", "title = \"Old\"\n");
    Files.createDirectories(site.resolve("static/media/tips"));
    Files.write(
        site.resolve("static/media/tips/one.png"), TestImages.png(TestImages.photo(40, 30)));
    Path content = site.resolve("content");
    TestPosts.write(
        content.resolve("tips"),
        "2026-04-20-tips.md",
        "---\ntitle: 小技巧\ndate: 2026-04-20\n---\n\n第一步：\n\n![设置](/media/tips/one.png)\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(content, dir.resolve("out-news")).offline(true).formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    assertThat(result.images().local()).isEqualTo(1);
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  /**
   * Astro Starlight keeps its blog four folders down ({@code src/content/docs/blog}) and its
   * pictures in {@code src/assets/}, imported by the posts: biomejs/website's 27 pictures were said
   * to point outside the input folder.
   */
  @Test
  void anAstroBlogFourFoldersDownFindsTheSitesPictures() throws Exception {
    Path site = dir.resolve("astro");
    TestPosts.write(site, "astro.config.mjs", "export default {}\n");
    Files.createDirectories(site.resolve("src/assets/blog"));
    Files.write(site.resolve("src/assets/blog/lint.png"), TestImages.png(TestImages.photo(40, 30)));
    Path blog = site.resolve("src/content/docs/blog");
    TestPosts.write(
        blog,
        "biome-v1.mdx",
        "---\ntitle: Version one\ndate: 2024-03-08\n---\n\n"
            + "import { Image } from \"astro:assets\";\n"
            + "import lint from \"../../../assets/blog/lint.png\"\n\n"
            + "<Image src={lint} alt=\"Linting\" width=\"500\" />\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(blog, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    assertThat(result.images().local()).isEqualTo(1);
    assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
  }

  /**
   * Sites whose config is a script mark their folder by it, and their pictures are found there:
   * Vite's {@code public/} (antfu.me: 111 pictures were not found), Lume's {@code src/} (Xe Iaso's
   * blog: 35 of 38), Eleventy's, a Deno script's {@code content/} (matklad's blog: 33). A {@code
   * _config.ts} without Deno's project file marks nothing.
   */
  @Test
  void viteLumeAndEleventySitesFindTheirPictures() throws Exception {
    String post =
        "---\ntitle: A picture\ndate: 2024-03-08\n---\n\n![Chart](/static/img/chart.png)\n";
    for (String[] kind :
        new String[][] {
          {"vite", "vite.config.ts", "public/static/img/chart.png", "pages/posts"},
          {"lume", "_config.ts", "src/static/img/chart.png", "src/blog"},
          {"eleventy", ".eleventy.js", "src/static/img/chart.png", "src/content/blog"},
          {"deno", "deno.jsonc", "content/static/img/chart.png", "content/posts"},
          {"not-lume", "_config.ts", "src/static/img/chart.png", "src/blog"}
        }) {
      Path site = dir.resolve(kind[0]);
      TestPosts.write(site, kind[1], "export default {}\n");
      if (kind[0].equals("lume")) {
        TestPosts.write(site, "deno.json", "{}\n");
      }
      Files.createDirectories(site.resolve(kind[2]).getParent());
      Files.write(site.resolve(kind[2]), TestImages.png(TestImages.photo(40, 30)));
      TestPosts.write(site.resolve(kind[3]), "picture.md", post);

      DigestResult result =
          TestBuilds.build(
              TestBuilds.utc(site.resolve(kind[3]), dir.resolve(kind[0] + "-out"))
                  .offline(true)
                  .formats(Format.EPUB));

      if (kind[0].equals("not-lume")) {
        assertThat(result.images().local()).as(kind[0]).isZero();
        assertThat(result.problems())
            .extracting(Problem::message)
            .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
            .startsWith("image '/static/img/chart.png' not found beside the post");
        continue;
      }
      assertThat(result.problems()).as(kind[0]).extracting(Problem::message).isEmpty();
      assertThat(result.images().local()).as(kind[0]).isEqualTo(1);
      assertThat(Epubs.check(result.outputs().get(0).path())).isEmpty();
    }
  }

  /**
   * A site's own components are read from its component folder: a picture one shows the site's
   * file, a video one links to where it plays, a link one links, said of none (Xe Iaso's blog: 80
   * pictures; antfu.me: 26 videos and links).
   */
  @Test
  void theSitesOwnComponentsDrawTheirPicturesAndLinks() throws Exception {
    Path site = dir.resolve("components");
    TestPosts.write(site, "vite.config.ts", "export default {}\n");
    TestPosts.write(
        site,
        "src/components/Shot.tsx",
        "export default function Shot({ name, caption }) {\n"
            + "  return (<figure><img src={`/shots/${name}.png`} alt={caption} />"
            + "<figcaption>{caption}</figcaption></figure>);\n}\n");
    TestPosts.write(
        site,
        "src/components/YouTubeEmbed.vue",
        "<template><iframe :src=\"`https://www.youtube-nocookie.com/embed/${id}`\""
            + " /></template>\n");
    TestPosts.write(
        site,
        "src/components/GitHubLink.vue",
        "<template><a :href=\"`https://github.com/${repo}`\">{{ repo }}</a></template>\n");
    // Lume's config names components otherwise, by the files it imports
    TestPosts.write(
        site,
        "_config.ts",
        "import Shot from \"./src/components/Shot.tsx\";\n"
            + "site.use(mdx({ components: {\n  \"Screenshot\": Shot,\n} }));\n");
    Files.createDirectories(site.resolve("public/shots"));
    Files.write(site.resolve("public/shots/editor.png"), TestImages.png(TestImages.photo(40, 30)));
    Files.write(site.resolve("public/shots/menu.png"), TestImages.png(TestImages.photo(30, 40)));
    Path posts = site.resolve("pages/posts");
    TestPosts.write(
        posts,
        "tools.md",
        "---\ntitle: Tools\ndate: 2024-03-08\n---\n\n"
            + "<Shot name=\"editor\" caption=\"The editor\" />\n\n"
            + "<Screenshot name=\"menu\" caption=\"The menu\" />\n\n"
            + "<YouTubeEmbed id=\"gu-0b6KCf80\" />\n\n"
            + "Made with <GitHubLink repo=\"antfu/vitesse\" />.\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(posts, dir.resolve("components-out"))
                .offline(true)
                .formats(Format.EPUB));

    assertThat(result.problems()).extracting(Problem::message).isEmpty();
    assertThat(result.images().local()).isEqualTo(2);
    Path epub = result.outputs().get(0).path();
    Map<String, String> entries = Epubs.validEntries(epub);
    assertThat(Epubs.articleHolding(entries, "Made with"))
        .contains("<figcaption>The editor</figcaption>")
        .contains("<figcaption>The menu</figcaption>")
        .contains("href=\"https://www.youtube.com/watch?v=gu-0b6KCf80\"")
        .contains("Made with <a href=\"https://github.com/antfu/vitesse\">antfu/vitesse</a>.");
  }
}
