package dev.gazette.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Format;
import dev.gazette.api.Gazette;
import dev.gazette.api.PostSelection;
import dev.gazette.api.SkippedPost;
import dev.gazette.model.OrderRule;
import dev.gazette.model.Post;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Navs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestPosts;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders that are books, not dated blogs: ordering, nested sections, single files. */
class BookModeTest {
  private static final Gazette GAZETTE = Gazette.create();

  @TempDir Path dir;

  private static DigestRequest.Builder request(Path source, Path out) {
    return DigestRequest.builder().source(source).zone(ZoneId.of("UTC")).outputDir(out);
  }

  /** Builds EPUB and PDF, checks the EPUB with EPUBCheck and the PDF outline against the nav. */
  private static List<String> buildAndCheck(DigestRequest request) throws Exception {
    DigestResult result = GAZETTE.build(request);
    Path epub = result.outputs().stream().filter(o -> o.format() == Format.EPUB).findFirst().orElseThrow().path();
    Path pdf = result.outputs().stream().filter(o -> o.format() == Format.PDF).findFirst().orElseThrow().path();
    assertThat(Epubs.check(epub)).isEmpty();
    List<Pdfs.Bookmark> nav = Navs.tree(epub);
    assertThat(Pdfs.outline(pdf)).isEqualTo(nav);
    return Navs.lines(nav);
  }

  @Test
  void thirtyUndatedNumberedIssuesAreReadInNaturalOrder() throws Exception {
    Path src = dir.resolve("newsletter");
    for (int i = 30; i >= 1; i--) {
      TestPosts.write(src, "issue-" + i + ".md", "# Issue " + i + "\n\nNews of week " + i + ".\n");
    }
    PostSelection selection = GAZETTE.select(request(src, dir).build());
    assertThat(selection.ordering().rule()).isEqualTo(OrderRule.PATH);

    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).build());
    assertThat(nav).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(i -> "Issue " + i).toList());
  }

  @Test
  void chapterFoldersBecomeNestedSectionsAndNonContentIsSkipped() throws Exception {
    Path src = dir.resolve("handbook");
    TestPosts.write(src, "README.md", "# The Handbook\n\nHow to read this repository.\n");
    TestPosts.write(src, "LICENSE.md", "All rights reserved.\n");
    TestPosts.write(src, "CHANGELOG.md", "# Changes\n\n- first\n");
    TestPosts.write(src, "node_modules/pkg/readme.md", "# A package\n");
    TestPosts.write(src, ".git/notes.md", "# Git notes\n");
    TestPosts.write(src, ".hidden/secret.md", "# Secret\n");
    TestPosts.write(src, "_drafts/unfinished.md", "# Unfinished\n\nLater.\n");
    TestPosts.write(src, "01-intro.md", "# Introduction\n\nWelcome.\n");
    TestPosts.write(src, "02-setup/_index.md", "---\ntitle: Setting up\n---\n");
    TestPosts.write(src, "02-setup/01-install.md", "# Installing\n\nDownload it.\n");
    TestPosts.write(src, "02-setup/02-config/index.md", "# Configuration\n");
    TestPosts.write(src, "02-setup/02-config/10-advanced.md", "# Advanced options\n\nTune it.\n");
    TestPosts.write(src, "02-setup/02-config/9-basic.md", "# Basic options\n\nSet it.\n");
    TestPosts.write(src, "02-setup/03-check.md", "# Checking\n\nRun it.\n");
    TestPosts.write(src, "10-appendix/glossary.md", "# Glossary\n\nWords.\n");
    TestPosts.write(src, "3-usage.md", "# Daily use\n\nUse it.\n");

    DigestResult plain = GAZETTE.build(request(src, dir.resolve("plain")).formats(Format.EPUB).build());
    assertThat(plain.title()).isEqualTo("The Handbook");
    assertThat(plain.posts()).extracting(Post::relativePath).containsExactly(
        "01-intro.md", "02-setup/01-install.md", "02-setup/02-config/9-basic.md",
        "02-setup/02-config/10-advanced.md", "02-setup/03-check.md", "3-usage.md", "10-appendix/glossary.md");
    assertThat(plain.skipped()).extracting(SkippedPost::file).extracting(p -> src.relativize(p).toString())
        .containsExactly("README.md");

    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).title("Handbook").build());
    assertThat(nav).containsExactly(
        "Introduction",
        "Setting up",
        "  Installing",
        "  Configuration",
        "    Basic options",
        "    Advanced options",
        "  Checking",
        "Daily use",
        "10-appendix",
        "  Glossary");
  }

  @Test
  void draftsAndPrefaceAreIncludedWhenAsked() throws Exception {
    Path src = dir.resolve("book");
    TestPosts.write(src, "README.md", "# About this book\n\nRead me first.\n");
    TestPosts.write(src, "_drafts/unfinished.md", "# Unfinished\n\nLater.\n");
    TestPosts.write(src, "chapter-1.md", "# One\n\nText.\n");
    TestPosts.write(src, "chapter-2.md", "---\ndraft: true\n---\n# Two\n\nText.\n");
    PostSelection selection = GAZETTE.select(request(src, dir).drafts(true).preface(Path.of("README.md")).build());
    assertThat(selection.posts()).extracting(Post::relativePath)
        .containsExactly("README.md", "_drafts/unfinished.md", "chapter-1.md", "chapter-2.md");
  }
}
