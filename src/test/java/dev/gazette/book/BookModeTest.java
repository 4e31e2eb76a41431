package dev.gazette.book;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.model.Format;
import dev.gazette.model.LeftOut;
import dev.gazette.model.OrderRule;
import dev.gazette.model.Post;
import dev.gazette.model.PostSelection;
import dev.gazette.model.SkippedPost;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Navs;
import dev.gazette.testing.Pdfs;
import dev.gazette.testing.TestBuilds;
import dev.gazette.testing.TestPosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders that are books, not dated blogs: ordering, nested sections, single files. */
class BookModeTest {
  private static final Gazette GAZETTE = Gazette.create();

  @TempDir Path dir;

  private static DigestRequest.Builder request(Path source, Path out) {
    return TestBuilds.utc(source, out);
  }

  /** Builds EPUB and PDF, checks the EPUB with EPUBCheck and the PDF outline against the nav. */
  private static List<String> buildAndCheck(DigestRequest request) throws Exception {
    DigestResult result = GAZETTE.build(request);
    Path epub =
        result.outputs().stream()
            .filter(o -> o.format() == Format.EPUB)
            .findFirst()
            .orElseThrow()
            .path();
    Path pdf =
        result.outputs().stream()
            .filter(o -> o.format() == Format.PDF)
            .findFirst()
            .orElseThrow()
            .path();
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
    assertThat(nav)
        .containsExactlyElementsOf(
            IntStream.rangeClosed(1, 30).mapToObj(i -> "Issue " + i).toList());
    // No post has a date: the EPUB names none (ruanyf/weekly was "published" on 2000-01-01).
    try (java.util.zip.ZipFile zip =
        new java.util.zip.ZipFile(
            Files.list(dir.resolve("out"))
                .filter(p -> p.toString().endsWith(".epub"))
                .findFirst()
                .orElseThrow()
                .toFile())) {
      String opf = new String(zip.getInputStream(zip.getEntry("OEBPS/content.opf")).readAllBytes());
      assertThat(opf).doesNotContain("<dc:date").contains("dcterms:modified");
    }
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

    DigestResult plain =
        GAZETTE.build(request(src, dir.resolve("plain")).formats(Format.EPUB).build());
    assertThat(plain.title()).isEqualTo("The Handbook");
    assertThat(plain.posts())
        .extracting(Post::relativePath)
        .containsExactly(
            "01-intro.md",
            "02-setup/01-install.md",
            "02-setup/02-config/9-basic.md",
            "02-setup/02-config/10-advanced.md",
            "02-setup/03-check.md",
            "3-usage.md",
            "10-appendix/glossary.md");
    assertThat(plain.skipped())
        .extracting(SkippedPost::file)
        .extracting(p -> src.relativize(p).toString())
        // Drafts are left out, but listed (and counted): nothing is left out without a word.
        .containsExactly("_drafts/unfinished.md", "README.md");

    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).title("Handbook").build());
    GAZETTE.build(request(src, dir.resolve("again")).title("Handbook").build());
    for (String name : List.of("handbook.epub", "handbook.pdf")) {
      assertThat(dir.resolve("again").resolve(name))
          .hasSameBinaryContentAs(dir.resolve("out").resolve(name));
    }
    assertThat(nav)
        .containsExactly(
            "Introduction",
            "Setting up",
            "  Installing",
            "  Configuration",
            "    Basic options",
            "    Advanced options",
            "  Checking",
            "Daily use",
            "10 appendix",
            "  Glossary");
  }

  /**
   * Vite's docs title their blog folder by {@code blog.md} beside it, the page the site shows at
   * /blog; the book's running heads said "blog", as they said "docs" for a folder with no page at
   * all. Such a folder is now titled as MkDocs titles it, and a page bundle's folder (Zola's docs,
   * Hugo's leaf bundles) is no section holding its one page.
   */
  @Test
  void aPageBesideAFolderTitlesItsSectionAndOtherFoldersAreTitledFromTheirNames() throws Exception {
    Path src = dir.resolve("vite");
    TestPosts.write(src, "blog.md", "# Vite 博客的最新消息 {#latest}\n\n<BlogIndex/>\n");
    TestPosts.write(src, "blog/vite5.md", "---\ntitle: Vite 5\n---\n\nVite 5 发布了。\n");
    TestPosts.write(src, "blog/vite6.md", "---\ntitle: Vite 6\n---\n\nVite 6 发布了。\n");
    TestPosts.write(src, "getting-started/install.md", "# Install\n\nRun it.\n");
    TestPosts.write(src, "getting-started/2-iOS_apps/build.md", "# Build\n\nBuild it.\n");
    // a page bundle: the post and its picture in a folder named for the post's address
    TestPosts.write(src, "getting-started/why-vite/index.md", "# Why Vite\n\nFast.\n");
    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).title("Vite").build());
    assertThat(nav)
        .containsExactly(
            "Vite 博客的最新消息",
            "  Vite 5",
            "  Vite 6",
            "Getting started",
            "  2 iOS apps",
            "    Build",
            "  Install",
            "  Why Vite");
  }

  @Test
  void draftsAndPrefaceAreIncludedWhenAsked() throws Exception {
    Path src = dir.resolve("book");
    TestPosts.write(src, "README.md", "# About this book\n\nRead me first.\n");
    TestPosts.write(src, "_drafts/unfinished.md", "# Unfinished\n\nLater.\n");
    TestPosts.write(src, "chapter-1.md", "# One\n\nText.\n");
    TestPosts.write(src, "chapter-2.md", "---\ndraft: true\n---\n# Two\n\nText.\n");
    PostSelection selection =
        GAZETTE.select(request(src, dir).drafts(true).preface(Path.of("README.md")).build());
    assertThat(selection.posts())
        .extracting(Post::relativePath)
        .containsExactly("README.md", "_drafts/unfinished.md", "chapter-1.md", "chapter-2.md");

    DigestRequest withPreface =
        request(src, dir.resolve("out")).preface(Path.of("README.md")).build();
    assertThat(buildAndCheck(withPreface)).containsExactly("About this book", "One");
    assertThat(GAZETTE.build(withPreface.toBuilder().formats(Format.EPUB).build()).title())
        .isEqualTo("About this book");
  }

  @Test
  void summaryFileGivesTheOrderAndUnlistedFilesFollowWithAWarning() throws Exception {
    Path src = dir.resolve("guide");
    TestPosts.write(
        src,
        "SUMMARY.md",
        """
        # Summary

        - [Start here](start.md)
        - [Basics](part-1/basics.md)
          - [More basics](./part-1/more%20basics.md)
        - [Gone](missing.md)
        - [Project site](https://example.org/)
        - [Finish](a-finish.md)
        """);
    TestPosts.write(src, "a-finish.md", "# Finish\n\nDone.\n");
    TestPosts.write(src, "start.md", "# Start\n\nBegin.\n");
    TestPosts.write(src, "part-1/basics.md", "# Basics\n\nFirst steps.\n");
    TestPosts.write(src, "part-1/more basics.md", "# More basics\n\nNext steps.\n");
    TestPosts.write(src, "zz-extra.md", "# Extra\n\nNot listed.\n");

    PostSelection selection = GAZETTE.select(request(src, dir).build());
    assertThat(selection.ordering().rule()).isEqualTo(OrderRule.EXPLICIT);
    assertThat(selection.ordering().basis()).isEqualTo("SUMMARY.md");
    assertThat(selection.problems())
        .extracting(p -> p.file().getFileName() + ":" + p.line() + " " + p.message())
        .containsExactly(
            "SUMMARY.md:6 lists missing.md, which is not a post here",
            "zz-extra.md:0 not listed in SUMMARY.md; placed after the listed posts");

    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).build());
    // The file's outline gives the sections, not the folders: Basics nests More basics.
    assertThat(nav).containsExactly("Start", "Basics", "  More basics", "Finish", "Extra");
  }

  /**
   * mdBook's parts ({@code # User Guide}) and nested chapters are the book's sections, whatever the
   * folders: chai2010's Go book showed "ch1-basic" above "第 1 章 语言基础".
   */
  @Test
  void summaryPartsAndNestedChaptersAreTheSections() throws Exception {
    Path src = dir.resolve("mdbook");
    TestPosts.write(
        src,
        "SUMMARY.md",
        """
        # Summary

        [Introduction](intro.md)

        # User Guide

        - [Installing](ch1/readme.md)
            - [On Linux](ch1/linux.md)
            - [On Windows](ch1/windows.md)
            - [On macOS](ch1/on mac #2 (arm).md "as GitBook reads it")
        - [Running](run/index.md)
            - [Fast](run/fast.md)
        - [Appendix](appendix/_index.md)
            - [Glossary](appendix/glossary.md)
        - [Draft]()
            - [Draft child](ch1/draft-child.md)

        ---

        # Reference

        - [Commands](ref/commands.md)
        """);
    TestPosts.write(src, "intro.md", "# Introduction\n\nWhy.\n");
    TestPosts.write(src, "ch1/readme.md", "# Chapter 1: Installing\n\nHow.\n");
    TestPosts.write(src, "ch1/linux.md", "# On Linux\n\napt.\n");
    TestPosts.write(src, "ch1/windows.md", "# On Windows\n\nwinget.\n");
    TestPosts.write(src, "ch1/on mac #2 (arm).md", "# On macOS\n\nbrew.\n");
    TestPosts.write(src, "ch1/draft-child.md", "# Draft child\n\nLater.\n");
    // listed index pages: one with text of its own is the chapter's page, one with a title only
    // names it and is not reported missing
    TestPosts.write(src, "run/index.md", "# Running\n\nEverything about running it.\n");
    TestPosts.write(src, "run/fast.md", "# Fast\n\nGo.\n");
    TestPosts.write(src, "appendix/_index.md", "---\ntitle: Appendix\n---\n");
    TestPosts.write(src, "appendix/glossary.md", "# Glossary\n\nWords.\n");
    TestPosts.write(src, "ref/commands.md", "# Commands\n\nbuild, list.\n");
    TestPosts.write(src, "ref/zz-unlisted.md", "# Unlisted\n\nLast.\n");
    // an index page with text the file does not list is placed as any file it leaves out
    TestPosts.write(src, "ref/_index.md", "# Reference notes\n\nAll the commands, one by one.\n");

    assertThat(GAZETTE.select(request(src, dir).build()).problems())
        .extracting(p -> p.file().getFileName() + ":" + p.line() + " " + p.message())
        .containsExactly(
            "_index.md:0 not listed in SUMMARY.md; placed after the listed posts",
            "zz-unlisted.md:0 not listed in SUMMARY.md; placed after the listed posts");
    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).build());
    assertThat(nav)
        .containsExactly(
            "Introduction",
            "User Guide",
            "  Chapter 1: Installing",
            "    On Linux",
            "    On Windows",
            "    On macOS",
            "  Running",
            "    Fast",
            "  Appendix",
            "    Glossary",
            "  Draft",
            "    Draft child",
            "Reference",
            "  Commands",
            "Reference notes",
            "Unlisted");
  }

  /**
   * Ruan Yifeng's ES6 book: a GitBook {@code SUMMARY.md} left behind lists 29 chapters, the ditto
   * {@code sidebar.md} its site reads all 37 as hash routes ({@code #docs/intro}), and Bower's
   * packages hold READMEs. The sidebar gives the order, the README it lists is the preface, and the
   * packages are not read.
   */
  @Test
  void aSidebarListingMoreThanAStaleSummaryGivesTheOrder() throws Exception {
    Path src = dir.resolve("es-book");
    TestPosts.write(
        src, "SUMMARY.md", "# Summary\n\n* [0. 前言](README.md)\n* [1. 简介](docs/intro.md)\n");
    TestPosts.write(
        src,
        "sidebar.md",
        "# [ES 入门]()\n\n作者：[某人](https://example.org)\n\n## 目录\n1. [前言](#README)\n"
            + "1. [简介](#docs/intro)\n1. [变量](#docs/let)\n\n## 其他\n"
            + "- [源码](https://example.org/src)\n");
    TestPosts.write(src, "README.md", "# ES 入门\n\n这是一本教程的前言。\n");
    TestPosts.write(src, "docs/intro.md", "# 简介\n\n语言的历史。\n");
    TestPosts.write(src, "docs/let.md", "# 变量\n\nlet 和 const。\n");
    TestPosts.write(src, "docs/simd.md", "# SIMD\n\n不再维护的一章。\n");
    TestPosts.write(src, "app/bower_components/marked/README.md", "# marked\n\nA parser.\n");

    PostSelection selection = GAZETTE.select(request(src, dir).build());
    assertThat(selection.ordering().basis()).isEqualTo("sidebar.md");
    assertThat(selection.posts())
        .extracting(Post::relativePath)
        .containsExactly("README.md", "docs/intro.md", "docs/let.md", "docs/simd.md");
    assertThat(selection.skipped()).isEmpty();
    assertThat(selection.problems())
        .extracting(p -> p.file().getFileName() + ":" + p.line() + " " + p.message())
        .containsExactly("simd.md:0 not listed in sidebar.md; placed after the listed posts");

    // docsify's _sidebar.md routes without .md, and a folder to its README; a page named
    // sidebar.md that lists no file of the folder is a post
    Path docs = dir.resolve("docsify");
    TestPosts.write(
        docs,
        "_sidebar.md",
        "- [Guide](/guide/)\n- [Setup](guide/setup)\n- [Home](https://x.org)\n");
    TestPosts.write(docs, "guide/README.md", "# Guide\n\nRead on.\n");
    TestPosts.write(docs, "guide/setup.md", "# Setup\n\nInstall it.\n");
    TestPosts.write(docs, "sidebar.md", "# Sidebars\n\nWhat a [sidebar](https://x.org) is.\n");
    // a sidebar that lists fewer files than SUMMARY.md is not the order, nor a post
    Path both = dir.resolve("both");
    TestPosts.write(both, "SUMMARY.md", "- [One](one.md)\n- [Two](two.md)\n");
    TestPosts.write(both, "sidebar.md", "- [One](#one)\n");
    TestPosts.write(both, "one.md", "# One\n\nFirst.\n");
    TestPosts.write(both, "two.md", "# Two\n\nSecond.\n");
    PostSelection summary = GAZETTE.select(request(both, dir).build());
    assertThat(summary.ordering().basis()).isEqualTo("SUMMARY.md");
    assertThat(summary.posts()).extracting(Post::relativePath).containsExactly("one.md", "two.md");

    PostSelection docsify = GAZETTE.select(request(docs, dir).build());
    assertThat(docsify.ordering().basis()).isEqualTo("_sidebar.md");
    assertThat(docsify.posts())
        .extracting(Post::relativePath)
        .containsExactly("guide/README.md", "guide/setup.md", "sidebar.md");
  }

  @Test
  void orderFileAndWeightsAreExplicitOrdersAndOrderCanBeForced() throws Exception {
    Path src = dir.resolve("weights");
    TestPosts.write(src, "alpha.md", "---\nweight: 20\n---\n# Alpha\n");
    TestPosts.write(src, "beta.md", "---\nweight: 5\n---\n# Beta\n");
    TestPosts.write(src, "gamma.md", "# Gamma\n");
    TestPosts.write(src, "delta.md", "---\norder: seven\n---\n# Delta\n");
    PostSelection byWeight = GAZETTE.select(request(src, dir).build());
    assertThat(byWeight.ordering().rule()).isEqualTo(OrderRule.EXPLICIT);
    assertThat(byWeight.posts())
        .extracting(Post::title)
        .containsExactly("Beta", "Alpha", "Delta", "Gamma");
    assertThat(byWeight.problems())
        .extracting(p -> p.file().getFileName() + ":" + p.line() + " " + p.message())
        .containsExactly("delta.md:2 order: 'seven' is not a number; ignored");

    PostSelection byPath = GAZETTE.select(request(src, dir).order(OrderRule.PATH).build());
    assertThat(byPath.ordering().rule()).isEqualTo(OrderRule.PATH);
    assertThat(byPath.posts())
        .extracting(Post::title)
        .containsExactly("Alpha", "Beta", "Delta", "Gamma");

    TestPosts.write(src, "_order.txt", "# reading order\ngamma.md\n\nalpha.md  # then this\n");
    PostSelection byFile = GAZETTE.select(request(src, dir).build());
    assertThat(byFile.ordering().basis()).isEqualTo("_order.txt");
    assertThat(byFile.posts())
        .extracting(Post::title)
        .containsExactly("Gamma", "Alpha", "Beta", "Delta");
  }

  /**
   * A section's index file with text of its own opens its section in a book (the Hexo docs'
   * "Overview", Tokio's tutorial, Linkerd's "Tasks" were left out, unsaid); one that is only a
   * template's listing stays a title; a digest by date leaves the text out and says so.
   */
  @Test
  void sectionIndexTextOpensItsSectionInABook() throws Exception {
    Path src = dir.resolve("manual");
    TestPosts.write(
        src,
        "index.md",
        "---\ntitle: Manual\n---\n\nWelcome to the manual of the tool; read it in order.\n");
    TestPosts.write(
        src,
        "guide/_index.md",
        "---\ntitle: Guide\n---\n<!-- licence header -->\n\n"
            + "This guide walks you through the whole setup.\n\n## Pages\n\n{{< section-toc >}}\n");
    TestPosts.write(src, "guide/01-install.md", "---\ntitle: Install\n---\nDownload it.\n");
    TestPosts.write(src, "guide/02-run.md", "---\ntitle: Run\n---\nStart it.\n");
    TestPosts.write(
        src, "guide/advanced/_index.md", "---\ntitle: Advanced\n---\n这些页面写给在生产环境里运行它的人。\n");
    TestPosts.write(src, "guide/advanced/tuning.md", "---\ntitle: Tuning\n---\nTune it.\n");
    TestPosts.write(
        src,
        "news/_index.md",
        "---\ntitle: News\n---\n<ul>{% for p in site.posts %}\n"
            + "<li><a href=\"{{ p.url }}\">{{ p.title }}</a></li>{% endfor %}</ul>\n");
    TestPosts.write(
        src, "news/a.md", "---\ntitle: Released\ncategories: [news]\n---\nVersion 1 is out.\n");

    DigestResult book =
        GAZETTE.build(request(src, dir.resolve("plain")).formats(Format.EPUB).build());
    assertThat(book.posts())
        .extracting(Post::relativePath)
        .containsExactly(
            "index.md",
            "guide/_index.md",
            "guide/01-install.md",
            "guide/02-run.md",
            "guide/advanced/_index.md",
            "guide/advanced/tuning.md",
            "news/a.md");
    assertThat(book.skipped()).isEmpty();
    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).build());
    assertThat(nav)
        .containsExactly(
            // A section's first article titled as the section is the section's own entry.
            "Manual",
            "Guide",
            "  Install",
            "  Run",
            "  Advanced",
            "    Tuning",
            "News",
            "  Released");
    java.util.Map<String, String> pages = Epubs.textEntries(dir.resolve("out/manual.epub"));
    assertThat(Epubs.fileHolding(pages, "This guide walks you through the whole setup."))
        .isNotEqualTo(Epubs.fileHolding(pages, "Download it."));
    assertThat(Epubs.fileHolding(pages, "这些页面写给在生产环境里运行它的人。")).isNotNull();
    assertThat(String.join("", pages.values())).doesNotContain("section-toc", "site.posts");
    // the title page's list of sections names the section once, then its other articles
    assertThat(pages.get("OEBPS/title.xhtml"))
        .contains("masthead-section-title\">Guide<")
        .doesNotContain("masthead-headline\"><a href=\"" + Epubs.fileHolding(pages, "whole setup"));

    // Filtered to the news, the guide's sections have no post: their index pages are not shown.
    DigestResult news =
        GAZETTE.build(
            request(src, dir.resolve("news"))
                .formats(Format.EPUB)
                .categories(List.of("news"))
                .build());
    assertThat(news.posts())
        .extracting(Post::relativePath)
        .containsExactly("index.md", "news/a.md");

    // Dated, in a range: a digest of posts, which names the index pages it leaves out.
    for (String name : List.of("guide/01-install.md", "guide/02-run.md", "news/a.md")) {
      Path file = src.resolve(name);
      Files.writeString(
          file, Files.readString(file).replaceFirst("---\n", "---\ndate: 2024-05-02\n"));
    }
    Files.writeString(
        src.resolve("guide/advanced/tuning.md"), "---\ntitle: Tuning\ndate: 2024-05-03\n---\nx\n");
    DigestResult week =
        GAZETTE.build(
            request(src, dir.resolve("week"))
                .formats(Format.EPUB)
                .between(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 7))
                .build());
    assertThat(week.posts())
        .extracting(Post::title)
        .containsExactly("Install", "Run", "Released", "Tuning");
    assertThat(week.skipped())
        .extracting(
            s -> src.relativize(s.file()).toString().replace('\\', '/'), SkippedPost::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("index.md", LeftOut.INDEX_TEXT),
            org.assertj.core.groups.Tuple.tuple("guide/_index.md", LeftOut.INDEX_TEXT),
            org.assertj.core.groups.Tuple.tuple("guide/advanced/_index.md", LeftOut.INDEX_TEXT));
    assertThat(LeftOut.summary(week.skipped()))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith(
                        "3 section index pages' text left out (guide/_index.md, advanced/_index.md,"
                            + " manual/index.md): a digest by date takes posts"));
  }

  @Test
  void mixedDatedAndUndatedPostsWithoutAndWithARange() throws Exception {
    Path src = dir.resolve("mixed");
    TestPosts.write(src, "2021-07-05-monday.md", "# Monday\n\nStart of the week.\n");
    TestPosts.write(src, "b-notes.md", "---\ndate: 2021-07-01\n---\n# Notes\n\nEarlier.\n");
    TestPosts.write(src, "c-undated.md", "# Undated\n\nNo date at all.\n");

    PostSelection all = GAZETTE.select(request(src, dir).build());
    assertThat(all.ordering().rule()).isEqualTo(OrderRule.PATH);
    assertThat(all.posts()).extracting(Post::title).containsExactly("Monday", "Notes", "Undated");
    List<String> nav = buildAndCheck(request(src, dir.resolve("all")).build());
    assertThat(nav).containsExactly("Monday", "Notes", "Undated");

    PostSelection dateForced = GAZETTE.select(request(src, dir).order(OrderRule.DATE).build());
    assertThat(dateForced.posts())
        .extracting(Post::title)
        .containsExactly("Notes", "Monday", "Undated");

    DigestRequest week =
        request(src, dir.resolve("week"))
            .between(LocalDate.of(2021, 7, 1), LocalDate.of(2021, 7, 7))
            .build();
    PostSelection inRange = GAZETTE.select(week);
    assertThat(inRange.ordering().rule()).isEqualTo(OrderRule.DATE);
    assertThat(inRange.posts()).extracting(Post::title).containsExactly("Notes", "Monday");
    assertThat(inRange.skipped())
        .extracting(SkippedPost::reason)
        .containsExactly("undated (no date in the front matter or the file name)");
    // A dated week is a digest, grouped by day by default.
    assertThat(buildAndCheck(week))
        .containsExactly("Thursday, 1 July 2021", "  Notes", "Monday, 5 July 2021", "  Monday");
  }

  /**
   * Ruby's site read as a whole: its news stand in {@code news/_posts/}, which is the news' folder
   * and made a section of its own named "_posts" under "News".
   */
  @Test
  void aJekyllPostsFolderIsItsParentsSection() throws Exception {
    Path src = dir.resolve("site");
    TestPosts.write(src, "about.md", "# About\n\nWho we are.\n");
    TestPosts.write(src, "news/index.md", "---\ntitle: News\n---\n");
    TestPosts.write(src, "news/_posts/2021-07-01-first.md", "# First release\n\nOut now.\n");
    TestPosts.write(src, "news/_posts/2021-07-05-second.md", "# Second release\n\nOut too.\n");
    List<String> nav = buildAndCheck(request(src, dir.resolve("out")).build());
    assertThat(nav).containsExactly("About", "News", "  First release", "  Second release");
  }

  /**
   * On a Zola site, a dated {@code index.md} is a post even when its folder holds more pages:
   * Wesley Moore's blog splits one post into {@code index.md} and {@code page2.md}; the first page
   * was left out.
   */
  @Test
  void aDatedIndexBesideMorePagesIsAPost() throws Exception {
    TestPosts.write(
        dir, "zola-site/config.toml", "title = 'Z'\nbase_url = 'https://z.example.org'\n");
    Path src = dir.resolve("zola-site/content");
    TestPosts.write(
        src,
        "2020/bins/index.md",
        "+++\ntitle = \"One Hundred Binaries\"\ndate = 2020-11-02T13:00:00+11:00\n+++\n\n"
            + "Binaries 1-50. [Page 2](@/posts/2020/bins/page2.md).\n");
    TestPosts.write(
        src,
        "2020/bins/page2.md",
        "+++\ntitle = \"One Hundred Binaries, page 2\"\ndate = 2020-11-02T13:00:01+11:00\n+++\n\n"
            + "Binaries 51-100.\n");
    TestPosts.write(src, "2020/notes/index.md", "---\ntitle: Notes\n---\n");
    TestPosts.write(src, "2020/notes/2020-11-03-a.md", "# A note\n\nText.\n");
    List<String> nav = buildAndCheck(request(src, dir.resolve("zola-out")).build());
    assertThat(nav)
        .contains("One Hundred Binaries", "One Hundred Binaries, page 2", "A note")
        .doesNotContain("Notes"); // undated: it names its folder's section, as before
  }

  private static final String NOTES =
      """
      ---
      lang: en
      ---
      # Field Notes

      Why these notes exist.

      ## Birds

      Herons at dawn.

      ### Herons

      Grey and patient.

      ### Egrets

      White and quick.

      ## Trees

      Oaks and willows.

      ## Rivers

      ### Upstream

      Cold water.
      """;

  @Test
  void aSingleFileSplitsIntoChaptersAtItsTopHeadings() throws Exception {
    Path file = TestPosts.write(dir, "notes.md", NOTES);
    List<String> nav = buildAndCheck(request(file, dir.resolve("one")).build());
    assertThat(nav).containsExactly("Field Notes", "Birds", "Trees", "Rivers");
    Path epub = dir.resolve("one/notes.epub");
    var entries = Epubs.textEntries(epub);
    assertThat(entries.keySet().stream().filter(n -> n.matches("OEBPS/a\\d+\\.xhtml"))).hasSize(4);
    assertThat(entries.get("OEBPS/a002.xhtml"))
        .contains("Herons at dawn.", "Egrets")
        .doesNotContain("Oaks");
    assertThat(entries.get("OEBPS/title.xhtml"))
        .contains("<h1 class=\"digest-title\">Field Notes</h1>");
  }

  @Test
  void splitLevelTwoNestsSubChaptersUnderTheirChapter() throws Exception {
    Path file = TestPosts.write(dir, "notes.md", NOTES);
    List<String> nav =
        buildAndCheck(request(file, dir.resolve("two")).splitLevel(2).title("Notebook").build());
    assertThat(nav)
        .containsExactly(
            "Field Notes", "Birds", "  Herons", "  Egrets", "Trees", "Rivers", "  Upstream");
    var entries = Epubs.textEntries(dir.resolve("two/notes.epub"));
    assertThat(entries.keySet().stream().filter(n -> n.matches("OEBPS/a\\d+\\.xhtml"))).hasSize(6);
  }

  @Test
  void textBeforeTheFirstChapterOfAnUntitledFileOpensTheBookUnderTheFileName() throws Exception {
    Path file =
        TestPosts.write(
            dir, "diary.md", "Opening words.\n\n# Monday\n\nRain.\n\n# Tuesday\n\nSun.\n");
    DigestResult result =
        GAZETTE.build(request(file, dir.resolve("d")).formats(Format.EPUB).build());
    assertThat(result.title()).isEqualTo("diary");
    Path epub = dir.resolve("d/diary.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    assertThat(Navs.lines(Navs.tree(epub))).containsExactly("diary", "Monday", "Tuesday");
  }
}
