package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Zola post's links to the files of its folder go to those files on the site, where Zola
 * publishes them beside the post's page (the Rust blog's survey results link 143 charts so, Wesley
 * Moore's posts their logs; all were kept as text).
 */
class ZolaPageFilesTest {
  @TempDir Path dir;

  @Test
  void linksToFilesBesideThePostGoWhereTheSitePublishesThem() throws Exception {
    Path site = dir.resolve("site");
    TestPosts.write(
        site, "config.toml", "title = 'Notes'\nbase_url = 'https://notes.example.org/v2'\n");
    Path survey = site.resolve("content/Survey-Results");
    TestPosts.write(
        survey,
        "index.md",
        "+++\npath = \"2024/02/19/survey-results\"\ntitle = \"Survey\"\ndate = 2024-02-19\n+++\n\n"
            + "See [the chart](where.svg), [its first version](where.svg?v=1#top) and"
            + " [the raw data](data/answers.csv).\n");
    TestPosts.write(survey, "where.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n");
    TestPosts.write(survey, "data/answers.csv", "a,b\n");
    Path logs = site.resolve("content/posts/2024/linux-on-a-laptop");
    TestPosts.write(
        logs,
        "index.md",
        "+++\ntitle = \"Linux\"\ndate = 2024-03-01\n+++\n\n"
            + "See [glxinfo](glxinfo.txt), [a lost log](missing.txt) and [the top](../../).\n");
    TestPosts.write(logs, "glxinfo.txt", "OpenGL\n");
    Path odd = site.resolve("content/posts/2024/Not A Slug");
    TestPosts.write(
        odd,
        "index.md",
        "+++\ntitle = \"Odd\"\ndate = 2024-03-02\n+++\n\nSee [the log](log.txt).\n");
    TestPosts.write(odd, "log.txt", "x\n");

    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(site.resolve("content"), dir.resolve("out"))
                .offline(true)
                .formats(Format.EPUB));

    Path epub = result.outputs().get(0).path();
    Map<String, String> pages = Epubs.validEntries(epub);
    String all = String.join("\n", pages.values());
    assertThat(all)
        .contains("href=\"https://notes.example.org/v2/2024/02/19/survey-results/where.svg\"")
        .contains(
            "href=\"https://notes.example.org/v2/2024/02/19/survey-results/where.svg?v=1#top\"")
        .contains(
            "href=\"https://notes.example.org/v2/2024/02/19/survey-results/data/answers.csv\"")
        .contains("href=\"https://notes.example.org/v2/posts/2024/linux-on-a-laptop/glxinfo.txt\"")
        .doesNotContain("missing.txt\"")
        .doesNotContain("log.txt\"");
    assertThat(result.problems())
        .extracting(Problem::message)
        .contains(
            "3 links to where.svg, where.svg?v=1#top, data/answers.csv (files beside the post) go"
                + " to those files on the site",
            "a link to glxinfo.txt (files beside the post) goes to that file on the site")
        .anyMatch(m -> m.startsWith("a link to log.txt kept as text"));
  }
}
