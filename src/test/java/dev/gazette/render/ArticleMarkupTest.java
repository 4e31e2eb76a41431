package dev.gazette.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestResult;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header of an article: title, then the meta line (date, authors, categories, links). */
class ArticleMarkupTest {
  @TempDir Path dir;

  /**
   * rust-inside: every post names its writers in Zola's {@code authors = ["…"]} (e.g.
   * program-management-update-2026-06.md:4); the meta line under the title shows only the date (PDF
   * text "Program management update — June 2026 / 14 July 2026"), where a Jekyll post's {@code
   * author: parkr} shows "24 June 2024 04:56 · parkr · release".
   */
  @Test
  void zolaAuthorsListIsShownUnderTheTitleLikeAJekyllAuthor() throws Exception {
    Path src = dir.resolve("blog");
    TestPosts.write(
        src,
        "notes.md",
        "+++\n"
            + "title = \"Team notes\"\n"
            + "date = 2026-07-14\n"
            + "authors = [\"Ada Example\"]\n"
            + "+++\n\n"
            + "Text.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    String chapters = chapters(result);
    assertThat(chapters).containsPattern("class=\"meta\"[^>]*>[^\\n]*Ada Example");
  }

  /**
   * Scala's news posts name their writers with {@code by:}; the meta line showed none, and the
   * digest's author was the one post of 212 that wrote {@code author:}.
   */
  @Test
  void scalasByNamesTheAuthorsAndTheDigestsAuthor() throws Exception {
    Path src = dir.resolve("news");
    for (int i = 1; i <= 2; i++) {
      TestPosts.write(
          src,
          "2026-03-0" + i + "-release.md",
          "---\ntitle: Release " + i + "\nby: Ann Example, Example Lab\n---\n\nText.\n");
    }
    TestPosts.write(
        src, "2026-03-03-other.md", "---\ntitle: Other\nauthor: Bo Example\n---\n\nText.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB));

    assertThat(chapters(result))
        .containsPattern("class=\"meta\"[^>]*>[^\\n]*Ann Example, Example Lab")
        .containsPattern("class=\"meta\"[^>]*>[^\\n]*Bo Example");
    assertThat(
            new String(
                Epubs.entry(result.outputs().get(0).path(), "OEBPS/content.opf"),
                java.nio.charset.StandardCharsets.UTF_8))
        .contains(">Ann Example, Example Lab</dc:creator>");
  }

  /**
   * Huxpro's Jekyll blog (and the themes made from it) gives most posts a {@code subtitle:}, shown
   * under the title; it was not printed at all. Shown under the title, in both formats; one that
   * repeats the title, or is a summary's length, is not.
   */
  @Test
  void subtitleIsPrintedUnderTheTitleInBothFormats() throws Exception {
    Path src = dir.resolve("blog");
    TestPosts.write(
        src,
        "2016-06-05-pwa.md",
        "---\ntitle: PWA in my view\nsubtitle: \"Slides: Progressive Web App, in my view\"\n"
            + "date: 2016-06-05\n---\n\nText.\n");
    TestPosts.write(
        src,
        "2016-06-06-same.md",
        "---\ntitle: Same\nsubtitle: Same\ndate: 2016-06-06\n---\n\nOther text.\n");
    TestPosts.write(
        src,
        "2016-06-07-long.md",
        "---\ntitle: Long\nsubtitle: \""
            + "word ".repeat(50)
            + "\"\ndate: 2016-06-07\n---\n\nMore text.\n");
    DigestResult result =
        TestBuilds.build(
            TestBuilds.utc(src, dir.resolve("out")).offline(true).formats(Format.EPUB, Format.PDF));

    String chapters = chapters(result);
    assertThat(chapters)
        .containsPattern(
            "<h1 class=\"article-title\">PWA in my view</h1>\\s*"
                + "<p class=\"article-subtitle\">Slides: Progressive Web App, in my view</p>")
        .containsOnlyOnce("article-subtitle");
    String pdf = dev.gazette.testing.Pdfs.text(result.outputs().get(1).path());
    assertThat(pdf).containsPattern("PWA in my view\\s+Slides: Progressive Web App, in my view");
  }

  /** The articles' XHTML files of the build's EPUB, one after the other. */
  private static String chapters(DigestResult result) throws java.io.IOException {
    return String.join(
        "\n",
        Epubs.textEntries(result.outputs().get(0).path()).entrySet().stream()
            .filter(e -> e.getKey().matches(".*/a\\d+\\.xhtml"))
            .map(java.util.Map.Entry::getValue)
            .toList());
  }
}
