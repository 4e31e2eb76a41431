package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.Problem;
import dev.gazette.testing.TestPosts;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostReaderTest {
  @TempDir Path dir;
  private final PostReader reader = new PostReader(ZoneId.of("Asia/Shanghai"));
  private final List<Problem> problems = new ArrayList<>();

  private Post read(String name, String content) throws Exception {
    Path file = TestPosts.write(dir, name, content);
    return reader.read(file, name, problems);
  }

  private Post readBytes(String name, byte[] content) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return reader.read(file, name, problems);
  }

  /** Zine's pages: Ziggy front matter inside {@code ---}, a date as {@code @date("…")}. */
  @Test
  void readsZineZiggyFrontMatter() throws Exception {
    Post p =
        read(
            "news/release.smd",
            "---\n"
                + ".title = \"Zig 0.7.1 Released: \\xe2\\x80\\x9c69\\xe2\\x80\\x9d Bugs Fixed\",\n"
                + ".description = \"A \\u{1F680} release\",\n"
                + ".author = \"Loris Cro\",\n"
                + ".date = @date(\"2020-12-13T00:00:00+00:00\"),\n"
                + ".tags = [\"release\", \"zig\"],\n"
                + ".draft = false,\n"
                + ".alternatives = [{\n    .name = \"rss\",\n    .output = \"/index.xml\",\n}],\n"
                + ".custom = {\n\t\"mobile_menu_title\": \"News\",\n},\n"
                + "---\n\nPlease enjoy this nice release!\n");
    assertThat(p.title()).isEqualTo("Zig 0.7.1 Released: \u201c69\u201d Bugs Fixed");
    assertThat(p.field("description")).contains("A \uD83D\uDE80 release");
    assertThat(p.field("author")).contains("Loris Cro");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2020-12-13T00:00:00Z"));
    assertThat(p.tags()).containsExactly("release", "zig");
    assertThat(p.bodyLine()).isEqualTo(16);
    assertThat(p.body()).contains("Please enjoy");
    assertThat(problems).isEmpty();
  }

  /** Ziggy that does not parse names its line, as YAML's errors do. */
  @Test
  void brokenZiggyFrontMatterNamesItsLine() {
    assertThatThrownBy(
            () ->
                read(
                    "broken.smd",
                    "---\n.title = \"Ok\",\n.date = .date(\"2024-09-11T00:00:00\"),\n"
                        + ".layout = post.shtml,\n---\nBody.\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("invalid Ziggy front matter: unknown word 'post'")
        .extracting(e -> ((PostFormatException) e).line())
        .isEqualTo(4);
  }

  @Test
  void readsHexoYamlFrontMatter() throws Exception {
    Post p = read("news.md", TestPosts.hexo("今天的会议", "Fri, 02 Jul 2021 20:32:26 GMT", "正文。"));
    assertThat(p.title()).isEqualTo("今天的会议");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2021-07-02T20:32:26Z"));
    assertThat(p.categories()).containsExactly("新闻");
    assertThat(p.field("author")).contains("测试");
    assertThat(p.bodyLine()).isEqualTo(8);
    assertThat(p.body()).startsWith("\n<div>");
    assertThat(problems).isEmpty();
  }

  /**
   * Front matter is read from the file's first 8 KiB, already decoded, and from the file past them
   * only when it goes on that far: a long one, with a three-byte character cut by the 8,192nd byte
   * at every offset, reads the same as a short one.
   */
  @Test
  void frontMatterLongerThanTheFirstBytesReadIsReadWhole() throws Exception {
    for (int shift = 0; shift < 3; shift++) {
      StringBuilder fm = new StringBuilder("---\ntitle: 长的前言\n#" + "x".repeat(shift) + "\n");
      fm.append("summary: ");
      while (fm.toString().getBytes(StandardCharsets.UTF_8).length < 8192 + 300) {
        fm.append("汉字");
      }
      fm.append("\ndate: 2021-07-03 09:15:00\ntags: [尾]\n---\n正文。\n");
      Post p = read("long-" + shift + ".md", fm.toString());
      assertThat(p.title()).isEqualTo("长的前言");
      assertThat(p.field("summary").orElseThrow()).startsWith("汉字").endsWith("汉字");
      assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2021-07-03T01:15:00Z"));
      assertThat(p.tags()).containsExactly("尾");
      assertThat(p.body()).isEqualTo("正文。\n");
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void bytesThatAreNotUtf8PastTheFirstBytesReadAreStillCaught() throws Exception {
    byte[] start = ("---\ntitle: t\nsummary: " + "a".repeat(9000)).getBytes(StandardCharsets.UTF_8);
    byte[] end = "\ndate: 2021-07-03\n---\nbody\n".getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[start.length + 2 + end.length];
    System.arraycopy(start, 0, file, 0, start.length);
    file[start.length] = (byte) 0xFF; // no encoding we read has this byte
    file[start.length + 1] = (byte) 0xFF;
    System.arraycopy(end, 0, file, start.length + 2, end.length);
    assertThatThrownBy(() -> readBytes("bad.md", file)).isInstanceOf(PostFormatException.class);
  }

  /** The title is what the site shows: inline HTML read as text, a named tag kept. */
  @Test
  void aTitleWrittenInInlineHtmlIsItsText() throws Exception {
    assertThat(read("c.md", "---\ntitle: \"On <cite>Walden</cite>\"\n---\nBody\n").title())
        .isEqualTo("On Walden");
    assertThat(read("s.md", "---\ntitle: <Suspense>\n---\nBody\n").title()).isEqualTo("<Suspense>");
  }

  @Test
  void readsTomlFrontMatter() throws Exception {
    Post p =
        read(
            "t.md",
            "+++\n"
                + "title = \"TOML post\"\n"
                + "date = 2021-07-03T09:15:00+08:00\n"
                + "categories = [\"a\", \"b\"]\n"
                + "tags = [\"x\"]\n"
                + "draft = false\n"
                + "+++\n"
                + "Body\n");
    assertThat(p.title()).isEqualTo("TOML post");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2021-07-03T01:15:00Z"));
    assertThat(p.categories()).containsExactly("a", "b");
    assertThat(p.tags()).containsExactly("x");
    assertThat(p.draft()).isFalse();
    assertThat(p.body()).isEqualTo("Body\n");
  }

  /**
   * Hugo 0.123 on reads a post's own parameters from its {@code params} mapping too: Linkerd's
   * posts name their author there, and Gazette found none. Hugo's own fields there stay parameters.
   */
  @Test
  void hugoParamsAreThePostsOwnKeys() throws Exception {
    Post p =
        read(
            "index.md",
            "---\ntitle: Federating\nparams:\n  author:\n    name: Dominik T\u00e1skai\n"
                + "  showCover: true\n  title: Not the title\n  tags: [x]\n---\nBody\n");
    assertThat(p.fields().get("author")).isEqualTo(java.util.Map.of("name", "Dominik T\u00e1skai"));
    assertThat(p.fields()).containsEntry("showcover", true);
    assertThat(p.title()).isEqualTo("Federating");
    assertThat(p.tags()).isEmpty();
    Post own = read("o.md", "---\ntitle: T\nauthor: Ada\nparams:\n  author: Bo\n---\nBody\n");
    assertThat(own.fields()).containsEntry("author", "Ada");
  }

  /**
   * Gleam's website writes TOML between {@code ---} lines: YAML refused its {@code description =
   * "News post: …"}. A YAML front matter whose value holds {@code =} is still YAML.
   */
  @Test
  void readsTomlBetweenYamlFences() throws Exception {
    Post p =
        read(
            "v0.33.djot",
            "---\ntitle = \"Exhaustive\"\ndescription = \"News post: v0.33\"\n"
                + "published = 2023-12-18\n\n[author]\nname = \"Ada Quill\"\n---\nBody\n");
    assertThat(p.title()).isEqualTo("Exhaustive");
    assertThat(p.fields()).containsEntry("description", "News post: v0.33");
    // midnight in the reader's zone, Shanghai
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2023-12-17T16:00:00Z"));
    assertThat(p.body()).isEqualTo("Body\n");
    // a Djot file's markup is Djot, whatever its front matter
    assertThat(p.markup()).isEqualTo(Post.Markup.DJOT);
    assertThat(read("a.DJ", "---\ntitle: A\n---\nBody\n").markup()).isEqualTo(Post.Markup.DJOT);
    Post yaml = read("y.md", "---\ntitle: a = b\nsummary: x = 1\n---\nBody\n");
    assertThat(yaml.markup()).isEqualTo(Post.Markup.MARKDOWN);
    assertThat(yaml.title()).isEqualTo("a = b");
  }

  /**
   * Pelican's and MultiMarkdown's metadata: {@code Key: value} lines up to the first blank line, an
   * indented line going on the value above; the body starts after that blank line.
   */
  @Test
  void readsPelicanAndMultiMarkdownKeyLines() throws Exception {
    Post p =
        read(
            "2013-07-06-this-week.md",
            "Title: This Week 5\n"
                + "Date: 2013-07-06 15:45\n"
                + "Category: Weekly\n"
                + "Tags: rust,\n"
                + "    compilers\n"
                + "Base Header Level: 2\n"
                + "\n"
                + "Hello and welcome.\n");
    assertThat(p.title()).isEqualTo("This Week 5");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2013-07-06T07:45:00Z"));
    assertThat(p.date().orElseThrow().source())
        .isNotEqualTo(dev.gazette.model.PostDate.Source.FILE_NAME);
    assertThat(p.categories()).containsExactly("Weekly");
    assertThat(p.tags()).containsExactly("rust", "compilers");
    assertThat(p.field("base header level")).contains("2");
    assertThat(p.bodyLine()).isEqualTo(8);
    assertThat(p.body()).isEqualTo("Hello and welcome.\n");
    assertThat(read("s.md", "Title: Hidden\nStatus: draft\n\nText\n").draft()).isTrue();
    assertThat(read("h.md", "Title: Listed\nStatus: hidden\n\nText\n").draft()).isFalse();
    assertThat(problems).isEmpty();
  }

  /** Lines that only look like metadata are the post's text, read from its top as before. */
  @Test
  void textThatOnlyLooksLikeKeyLinesIsTheBody() throws Exception {
    for (String body :
        List.of(
            "Note: this is the text\n\nMore.\n", // no title or date among the keys
            "Title: a heading\nfollowed by its text\n\nMore.\n", // text before the blank
            "Date: 2020-01-01\n* a list\n", // a list straight after
            "http://example.org: a link\n\nText\n",
            "{\n  x = 1\n}\n", // an MDX expression, not a JSON key
            "Title: Foo\nDate: 2020-01-02\n* item\n---\n")) {
      Post p = read("plain.md", body);
      assertThat(p.bodyLine()).as(body).isEqualTo(1);
      assertThat(p.body()).as(body).isEqualTo(body);
      assertThat(p.fields()).as(body).isEmpty();
    }
  }

  /** Hexo reads YAML front matter without its opening {@code ---}, closed by one. */
  @Test
  void readsHexoYamlWithoutTheOpeningFence() throws Exception {
    Post p =
        read(
            "h.md",
            "title: 无开头的前言\n"
                + "date: 2021-07-02 20:32:26\n"
                + "tags:\n"
                + "- 新闻\n"
                + "- 测试\n"
                + "---\n"
                + "正文。\n");
    assertThat(p.title()).isEqualTo("无开头的前言");
    assertThat(p.tags()).containsExactly("新闻", "测试");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2021-07-02T12:32:26Z"));
    assertThat(p.bodyLine()).isEqualTo(7);
    assertThat(p.body()).isEqualTo("正文。\n");
  }

  /**
   * Franklin's page variables (Julia's blog: 104 of 157 posts open with {@code @def} lines, 16 with
   * Julia between {@code +++} lines, which TOML refused: "Unknown token", no post was read).
   */
  @Test
  void readsFranklinPageVariables() throws Exception {
    Post defs =
        read(
            "defs.md",
            "@def rss_pubdate = Date(2019, 5, 2)\n"
                + "@def rss_description = \"\"\" Pipelines | learning curves...\n"
                + "  and more \"\"\"\n"
                + "@def published = \"2 May 2019\"\n"
                + "@def title = \"Beyond \\\"pipelines\\\"\"\n"
                + "@def authors = \"Ann Lee, Bo Chen\"\n"
                + "@def tags = [\"ml\", \"julia\"]\n"
                + "@def hascode = true\n"
                + "@def pagelang = \"zh-Hant\"\n"
                + "\n"
                + "Text.\n");
    assertThat(defs.markup()).isEqualTo(Post.Markup.FRANKLIN);
    assertThat(defs.title()).isEqualTo("Beyond \"pipelines\"");
    assertThat(defs.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2019-05-01T16:00:00Z"));
    assertThat(defs.tags()).containsExactly("ml", "julia");
    assertThat(defs.fields())
        .containsEntry("hascode", true)
        .containsEntry("lang", "zh-Hant")
        .containsEntry("description", "Pipelines | learning curves...\n  and more");
    assertThat(defs.bodyLine()).isEqualTo(10);
    assertThat(defs.body()).isEqualTo("\nText.\n");

    Post julia =
        read(
            "plus.md",
            "+++\n"
                + "title = \"Julia 1.12 Highlights\"\n"
                + "published = \"8 October 2025\"\n"
                + "rss_pubdate = Date(2025, 10, 8)  # the feed's\n"
                + "rss = \"\"\"Highlights.\"\"\"\n"
                + "meta = [\n"
                + "    (\"property\", \"og:video\", \"https://example.org/preview.mp4\"),\n"
                + "\t\t]\n"
                + "+++\n"
                + "\n"
                + "Text.\n");
    assertThat(julia.markup()).isEqualTo(Post.Markup.FRANKLIN);
    assertThat(julia.title()).isEqualTo("Julia 1.12 Highlights");
    assertThat(julia.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2025-10-07T16:00:00Z"));
    assertThat(julia.fields()).containsEntry("description", "Highlights.");
    assertThat(julia.body()).isEqualTo("\nText.\n");
    assertThat(problems).isEmpty();
  }

  /** A day that is none, and a string never closed, are errors at their lines. */
  @Test
  void brokenFranklinPageVariablesNameTheirLines() throws Exception {
    assertThatThrownBy(
            () ->
                read(
                    "day.md",
                    "@def title = \"T\"\n@def rss_pubdate = Date(2018, 2, 31)\n\nText.\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("not a date: 'Date(2018, 2, 31)'")
        .extracting(e -> ((PostFormatException) e).line())
        .isEqualTo(2);
    assertThatThrownBy(
            () -> read("open.md", "@def title = \"T\"\n@def rss = \"\"\"never closed\nText.\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("the value of 'rss' is never closed")
        .extracting(e -> ((PostFormatException) e).line())
        .isEqualTo(2);
  }

  /**
   * Jekyll reads a one-digit month or day in a post's file name (yanhaijing's blog: 157 posts such
   * as {@code 2014-1-25-talk.md} were undated, so a range left them out).
   */
  @Test
  void aJekyllFileNameWithOneDigitMonthGivesTheDayAndTheTitle() throws Exception {
    Post p = read("2014-1-25-talk-with-computers.md", "---\nlayout: post\n---\n\nText.\n");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2014-01-24T16:00:00Z"));
    assertThat(p.title()).isEqualTo("Talk with computers");
  }

  /**
   * A row of dashes closes YAML front matter as Hugo and Hexo read it (LLVM's blog: a post closed
   * by 64 dashes was skipped, "front matter opened with '---' is never closed").
   */
  @Test
  void aRowOfDashesClosesTheFrontMatter() throws Exception {
    String dashes = "-".repeat(64);
    Post fenced =
        read(
            "r.md", "---\ntitle: \"Internships\"\ndate: \"2022-12-21\"\n" + dashes + "\n\nText.\n");
    assertThat(fenced.title()).isEqualTo("Internships");
    assertThat(fenced.bodyLine()).isEqualTo(5);
    assertThat(fenced.body()).isEqualTo("\nText.\n");
    Post hexo = read("h.md", "title: 无开头\ndate: 2021-07-02\n-----\n正文。\n");
    assertThat(hexo.title()).isEqualTo("无开头");
    assertThat(hexo.body()).isEqualTo("正文。\n");
    assertThat(problems).isEmpty();
  }

  /** Hugo's JSON front matter ({@code {…}}) and Hexo's ({@code ;;;} around the members). */
  @Test
  void readsHugoAndHexoJsonFrontMatter() throws Exception {
    Post hugo =
        read(
            "j.md",
            "{\n"
                + "  \"title\": \"JSON post\",\n"
                + "  \"date\": \"2021-07-03T09:15:00+08:00\",\n"
                + "  \"tags\": [\"a\", \"b\"],\n"
                + "  \"draft\": false\n"
                + "}\n"
                + "\n"
                + "Body\n");
    assertThat(hugo.title()).isEqualTo("JSON post");
    assertThat(hugo.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2021-07-03T01:15:00Z"));
    assertThat(hugo.tags()).containsExactly("a", "b");
    assertThat(hugo.bodyLine()).isEqualTo(7);
    assertThat(hugo.body()).isEqualTo("\nBody\n");
    Post hexo =
        read("k.md", ";;;\n\"title\": \"Hexo JSON\",\n\"date\": \"2021-07-04\"\n;;;\nBody\n");
    assertThat(hexo.title()).isEqualTo("Hexo JSON");
    assertThat(hexo.bodyLine()).isEqualTo(5);
    assertThat(hexo.body()).isEqualTo("Body\n");
    assertThatThrownBy(() -> read("bad.md", "{\n  \"title\": \"x\"\n  \"date\": 1\n}\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("invalid JSON front matter")
        .extracting(e -> ((PostFormatException) e).line())
        .isEqualTo(3);
  }

  @Test
  void toleratesBomBlankLinesCrlfAndLoneCr() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text =
        "\r\n\r\n---\r\ntitle: CRLF\r\ndate: 2021-07-01\r\n---\r\nBody line\r\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(text, 0, all, bom.length, text.length);
    Post p = readBytes("crlf.md", all);
    assertThat(p.title()).isEqualTo("CRLF");
    assertThat(p.bodyLine()).isEqualTo(7);
    assertThat(p.body()).isEqualTo("Body line\r\n");

    Post cr = read("cr.md", "---\rtitle: Old Mac\rdate: 2021-07-01\r---\rBody\r");
    assertThat(cr.title()).isEqualTo("Old Mac");
    assertThat(cr.body()).isEqualTo("Body\r");
  }

  @Test
  void matchesKeysCaseInsensitivelyAndKeepsUnknownKeys() throws Exception {
    Post p =
        read(
            "c.md",
            "---\nTitle: Capital\nDate: 2021-07-13T19:45:00+02:00\nCategories: programming\n"
                + "Custom_Key: kept\nnested:\n  a: 1\n---\nbody\n");
    assertThat(p.title()).isEqualTo("Capital");
    assertThat(p.categories()).containsExactly("programming");
    assertThat(p.fields()).containsEntry("custom_key", "kept").containsKey("nested");
    assertThat(p.fields().get("nested")).isEqualTo(Map.of("a", 1));
  }

  @Test
  void readsCategoriesAsStringListOrNestedList() throws Exception {
    assertThat(read("a.md", "---\ncategories: 科技\n---\n").categories()).containsExactly("科技");
    assertThat(read("b.md", "---\ncategories: [a, b]\n---\n").categories())
        .containsExactly("a", "b");
    assertThat(read("c.md", "---\ncategories:\n - [a, b]\n - c\n---\n").categories())
        .containsExactly("a", "b", "c");
    assertThat(read("d.md", "---\ntags: java, 编程，书\n---\n").tags())
        .containsExactly("java", "编程", "书");
  }

  @Test
  void titleFallsBackToFirstHeadingThenFileName() throws Exception {
    assertThat(
            read("x.md", "---\ndate: 2021-07-01\n---\n\nIntro\n\n# The Heading\n\ntext\n").title())
        .isEqualTo("The Heading");
    assertThat(
            read("y.md", "---\ndate: 2021-07-01\n---\n<div><h2>HTML <b>heading</b></h2></div>\n")
                .title())
        .isEqualTo("HTML heading");
    assertThat(read("2021-07-06-measuring-startup.md", "no heading here\n").title())
        .isEqualTo("Measuring startup");
    // coolshell's articles: words joined by dots; a version keeps its dots
    assertThat(read("03-Introduction.To.JWT.md", "no heading here\n").title())
        .isEqualTo("03 Introduction To JWT");
    assertThat(read("release-v1.2.md", "no heading here\n").title()).isEqualTo("Release v1.2");
    assertThat(read("node.js-tips.md", "no heading here\n").title()).isEqualTo("Node.js tips");
  }

  @Test
  void aTitleTakenFromAHeadingIsCutToTheTitleLimitLikeADeclaredOne() throws Exception {
    String title =
        read("long.md", "---\ndate: 2021-07-01\n---\n\n# " + "长".repeat(5000) + "\n\ntext\n")
            .title();
    assertThat(title.codePointCount(0, title.length())).isEqualTo(300);
    assertThat(title).startsWith("长长").endsWith("…");
  }

  @Test
  void postWithoutFrontMatterUsesFileNameDate() throws Exception {
    Post p = read("2021-07-06-jekyll.md", "# Jekyll\n\nBody\n");
    assertThat(p.date().orElseThrow().source())
        .isEqualTo(dev.gazette.model.PostDate.Source.FILE_NAME);
    assertThat(p.bodyLine()).isEqualTo(1);
    assertThat(read("undated.md", "Just text\n").date()).isEmpty();
  }

  /** Material for MkDocs' blog dates a post with a mapping: it was skipped as "not a date". */
  @Test
  void aDateWrittenAsCreatedAndUpdatedIsTheDayItWasCreated() throws Exception {
    Post p =
        read(
            "mkdocs.md",
            "---\ndate:\n  created: 2023-12-14\n  updated: 2024-01-02\n---\n\n# MkDocs\n");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2023-12-13T16:00:00Z"));
    assertThatThrownBy(() -> read("m.md", "---\ndate:\n  updated: 2024-01-02\n---\n\nText\n"))
        .hasMessageContaining("not a date");
  }

  @Test
  void postsDatedOnlyByTheirAddressTakeThatDay() throws Exception {
    // Zola keeps the day only in the post's path; Jekyll/Hexo permalinks and Hugo page bundles
    // carry it too. The front matter's own date, when present, still wins.
    Post zola =
        read(
            "1.0-Timeline.md",
            "+++\npath = \"2014/12/12/1.0-Timeline\"\ntitle = \"Trains\"\n+++\n\nText\n");
    PostDate day = zola.date().orElseThrow();
    assertThat(day.source()).isEqualTo(PostDate.Source.URL_PATH);
    assertThat(day.dateOnly()).isTrue();
    assertThat(day.instant()).isEqualTo(Instant.parse("2014-12-11T16:00:00Z"));
    assertThat(read("p.md", "---\npermalink: /2021/7/6/title/\n---\nText\n").date())
        .map(PostDate::instant)
        .contains(Instant.parse("2021-07-05T16:00:00Z"));
    assertThat(
            read("q.md", "---\ndate: 2020-01-02\npath: 2014/12/12/x\n---\nText\n")
                .date()
                .orElseThrow()
                .source())
        .isEqualTo(PostDate.Source.FRONT_MATTER);
    Post bundle = read("2021-07-06-trip/index.md", "---\ntitle: Trip\n---\nText\n");
    assertThat(bundle.date())
        .map(PostDate::instant)
        .contains(Instant.parse("2021-07-05T16:00:00Z"));
    assertThat(read("r.md", "---\npath: 2014/13/40/x\n---\nText\n").date()).isEmpty();
    assertThat(read("plain/index.md", "---\ntitle: Plain\n---\nText\n").date()).isEmpty();
  }

  @Test
  void draftAndUnpublishedPostsAreMarked() throws Exception {
    assertThat(read("d1.md", "---\ndraft: true\n---\n").draft()).isTrue();
    assertThat(read("d2.md", "---\npublished: false\n---\n").draft()).isTrue();
    assertThat(read("d3.md", "---\ndraft: false\n---\n").draft()).isFalse();
  }

  /**
   * Jekyll reads front matter as YAML 1.1: {@code published: False} is a flag, and such a post is
   * not on the site (jalammar's four); the YAML 1.2 reader gave the text "False", read as a date
   * that was not one, and the post was in the digest.
   */
  @Test
  void flagsWrittenTheYaml11WayAreFlags() throws Exception {
    assertThat(read("2016-11-03-a.md", "---\npublished: False\n---\n").draft()).isTrue();
    assertThat(read("2016-11-04-b.md", "---\npublished: no\n---\n").draft()).isTrue();
    Post shown = read("2016-12-14-c.md", "---\npublished: True\ndraft: Off\n---\n");
    assertThat(shown.draft()).isFalse();
    assertThat(shown.date().orElseThrow().source())
        .isEqualTo(dev.gazette.model.PostDate.Source.FILE_NAME);
    assertThat(read("d4.md", "---\ndraft: Yes\n---\n").draft()).isTrue();
    assertThat(read("d5.md", "---\ndraft: \"yes\"\n---\n").draft()).isFalse(); // text
    assertThat(problems).isEmpty();
  }

  @Test
  void invalidDateFallsBackToFileNameWithAWarningNamingFileLineAndValue() throws Exception {
    Post p = read("2021-07-06-bad.md", "---\ntitle: t\ndate: Invalid Date\n---\n");
    assertThat(p.date().orElseThrow().source())
        .isEqualTo(dev.gazette.model.PostDate.Source.FILE_NAME);
    assertThat(problems)
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.line()).isEqualTo(3);
              assertThat(pr.file().getFileName().toString()).isEqualTo("2021-07-06-bad.md");
              assertThat(pr.message()).contains("Invalid Date").contains("file name");
            });
  }

  @Test
  void invalidDateWithoutFallbackIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> read("bad.md", "---\ntitle: t\n\ndate: 2021-13-02 20:32:00\n---\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("2021-13-02 20:32:00")
        .satisfies(e -> assertThat(((PostFormatException) e).line()).isEqualTo(4));
  }

  @Test
  void brokenFrontMatterIsReportedWithItsLine() {
    assertThatThrownBy(() -> read("open.md", "\n---\ntitle: never closed\nbody\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("never closed")
        .satisfies(e -> assertThat(((PostFormatException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> read("yaml.md", "---\ntitle: ok\nbad: [unclosed\n---\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("invalid YAML")
        .satisfies(e -> assertThat(((PostFormatException) e).line()).isBetween(3, 5));
    assertThatThrownBy(() -> read("toml.md", "+++\ntitle = \n+++\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("invalid TOML");
    assertThatThrownBy(() -> read("list.md", "---\n- a\n- b\n---\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("key: value");
    assertThatThrownBy(
            () ->
                readBytes(
                    "latin1.md",
                    "---\ntitle: caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void nonTextTitleIsIgnoredWithAWarning() throws Exception {
    Post p = read("2021-07-01-struct.md", "---\ntitle: {a: 1}\n---\n");
    assertThat(p.title()).isEqualTo("Struct");
    assertThat(problems)
        .singleElement()
        .satisfies(pr -> assertThat(pr.message()).contains("title is not text"));
  }

  @Test
  void frontMatterReaderStopsAtTheClosingFence() throws Exception {
    String head = "---\ntitle: lazy\n---\n";
    Reader tripwire =
        new Reader() {
          private final StringReader in = new StringReader(head);
          private int read;

          @Override
          public int read(char[] cbuf, int off, int len) throws IOException {
            int n = in.read(cbuf, off, 1);
            if (n < 0) {
              throw new IOException("read past the front matter");
            }
            read += n;
            return n;
          }

          @Override
          public void close() {}
        };
    FrontMatter fm = FrontMatter.read(tripwire);
    assertThat(fm.fields()).containsEntry("title", "lazy");
    assertThat(fm.bodyOffset()).isEqualTo(head.length());
  }

  @Test
  void aKeyGivenTwiceKeepsThePostWithItsLastValueAndAWarning() throws Exception {
    // Jekyll (Psych) and the Hugo of the blog this came from build such a post; losing it was
    // worse.
    Post p =
        read(
            "dup.md",
            "---\ntitle: a\ncategories: [one]\ndate: 2018-11-11\ncategories: [two]\n---\nbody\n");
    assertThat(p.title()).isEqualTo("a");
    assertThat(p.categories()).containsExactly("two");
    assertThat(problems)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
              assertThat(w.message())
                  .isEqualTo(
                      "key 'categories' is given on lines [3, 5]; the last one is used, as Jekyll"
                          + " and Hugo read it");
            });
  }

  @Test
  void aQuotedKeyGivenTwiceIsFoundOnBothLines() throws Exception {
    Post p = read("q.md", "---\ntitle: a\n\"tags\": [one]\n\"tags\": [two]\n---\nbody\n");
    assertThat(p.tags()).containsExactly("two");
    assertThat(problems)
        .singleElement()
        .satisfies(w -> assertThat(w.message()).startsWith("key 'tags' is given on lines [3, 4];"));
    // The line of the value used, for a message about it.
    FrontMatter fm =
        FrontMatter.read(
            new java.io.StringReader("---\ntitle: a\n\"tags\": [one]\n\"tags\": [two]\n---\n"));
    assertThat(fm.lineOf("tags")).isEqualTo(4);
  }

  @Test
  void overflowingTimeKeepsThePostWithAWarningNamingLineValueAndTimeUsed() throws Exception {
    Post p = read("late.md", "---\ntitle: t\ndate: 2023-09-19 21:43:79\n---\nbody\n");
    assertThat(p.date().orElseThrow().instant()).isEqualTo(Instant.parse("2023-09-19T13:44:19Z"));
    assertThat(problems).hasSize(1);
    Problem w = problems.get(0);
    assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
    assertThat(w.file().getFileName().toString()).isEqualTo("late.md");
    assertThat(w.line()).isEqualTo(3);
    assertThat(w.message())
        .contains("'2023-09-19 21:43:79'")
        .contains("read as 2023-09-19 21:44:19");
  }

  @Test
  void impossibleCalendarDateFallsBackToTheFileNameDate() throws Exception {
    Post p = read("2023-09-19-x.md", "---\ntitle: t\ndate: 2023-09-45 21:43:79\n---\nbody\n");
    assertThat(p.date().orElseThrow().source())
        .isEqualTo(dev.gazette.model.PostDate.Source.FILE_NAME);
    assertThat(problems).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(3));
  }

  @Test
  void wallClockOverrideReadsMatchingPostsInItsZone() throws Exception {
    PostReader wall =
        new PostReader(
            ZoneId.of("Asia/Shanghai"),
            dev.gazette.model.Limits.defaults(),
            new WallClock(Map.of("feeds/bot/**", ZoneId.of("Asia/Shanghai"))));
    String text = TestPosts.hexo("夜间新闻", "Fri, 02 Jul 2021 21:45:50 GMT", "正文。");
    Path inside = TestPosts.write(dir, "feeds/bot/a.md", text);
    Path outside = TestPosts.write(dir, "feeds/other/b.md", text);
    Post corrected = wall.read(inside, "feeds/bot/a.md", problems);
    Post literal = wall.read(outside, "feeds/other/b.md", problems);
    assertThat(corrected.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2021-07-02T13:45:50Z"));
    assertThat(corrected.date().orElseThrow().wallClock()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(literal.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2021-07-02T21:45:50Z"));
    assertThat(literal.date().orElseThrow().corrected()).isFalse();
    assertThat(problems).isEmpty();
  }

  /**
   * zh-hugo-darjun (Hugo): 87 of the 126 posts in content/post were skipped with "invalid YAML
   * front matter: found character '\t(TAB)' that cannot start any token", e.g.
   * content/post/2020-01-17-go-dailylib-cobra.md:4 ({@code subtitle: <TAB>"…"}) and
   * 2018-05-22-redis-sds.md:2 ({@code layout:<TAB><TAB>post}). YAML 1.2 allows tabs as separation
   * inside a line; Hugo and Hexo read these posts.
   */
  @Test
  void aTabAfterAKeyIsSeparationNotIndentation() throws Exception {
    Post post =
        read(
            "tabs.md",
            "---\nlayout:\t\tpost\ntitle:\t\"每日一库之 标志\"\nsubtitle: \t\"一个副标题\"\n"
                + "date:\t\t2020-01-17T22:13:05\ntags:\n    -\tGo\ncategories: [\n\t\"Go\"\n]\n"
                + "note:\tkeeps\ta tab\n---\n\n正文。\n");

    assertThat(post.title()).isEqualTo("每日一库之 标志");
    assertThat(post.tags()).containsExactly("Go");
    assertThat(post.categories()).containsExactly("Go");
    assertThat(post.field("subtitle")).contains("一个副标题");
    assertThat(post.field("note")).contains("keeps\ta tab");
    assertThat(post.date().orElseThrow().instant())
        .isEqualTo(Instant.parse("2020-01-17T14:13:05Z"));
    assertThat(problems).isEmpty();
  }

  @Test
  void aTabUsedAsIndentationIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> read("indent.md", "---\ntitle: t\ntags:\n\t- Go\n---\n"))
        .isInstanceOf(PostFormatException.class)
        .hasMessageContaining("a tab indents this line")
        .satisfies(e -> assertThat(((PostFormatException) e).line()).isEqualTo(4));
  }
}
