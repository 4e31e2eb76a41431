package dev.gazette.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.assets.DigestImages;
import dev.gazette.assets.FetchPolicy;
import dev.gazette.digest.ArticleMaker;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.model.FetchLimits;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.source.PostScanner;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays {@code src/test/resources/normalize/<rule>/<case>.input.html} (or {@code .input.md},
 * which goes through template tags and Markdown first, or Zine's {@code .input.smd}) and compares
 * with {@code <case>.expected.xhtml}; then normalizes that output again and expects no change.
 *
 * <p>Images are resolved by the real resolvers: {@code photo.png}, {@code photo.jpg} and {@code
 * logo.png} exist beside the post; remote images resolve offline against an empty cache, so they
 * show how a missing image looks. An input may start with {@code <!--fields key: value ... -->} to
 * give the post front-matter fields.
 *
 * <p>Run with {@code -Dgazette.rewriteFixtures=true} to rewrite the expected files (then review the
 * diff).
 */
class NormalizeFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/normalize");
  private static final boolean REWRITE = Boolean.getBoolean("gazette.rewriteFixtures");

  @TempDir static Path site;
  static DigestImages images;
  static final HtmlNormalizer normalizer = new HtmlNormalizer();

  @BeforeAll
  static void writeImages() throws IOException {
    writeImage(site.resolve("posts/photo.png"), "png", false);
    writeImage(site.resolve("posts/photo.jpg"), "jpg", true);
    writeImage(site.resolve("source/images/logo.png"), "png", false);
    Files.createDirectories(site.resolve("posts/gocode"));
    Files.writeString(
        site.resolve("posts/gocode/hello.go"),
        "// +build OMIT\n\npackage main\n\nfunc main() {\n\t// START OMIT\n"
            + "\tprintln(\"hello\")\n\t// STOP OMIT\n}\n");
    Files.writeString(
        site.resolve("posts/gocode/blocks.go"),
        "package main\n\nvar limit = 3\n\ntype result struct {\n\tsum int\n}\n\n"
            + "func sq(n int) int {\n\treturn n * n\n}\n\nfunc main() {\n"
            + "\t// byte loop OMIT\n\tfor i := 0; i < limit; i++ {\n\t\tprintln(sq(i))\n\t}\n"
            + "\t// byte loop OMIT\n}\n");
    Files.writeString(
        site.resolve("posts/gocode/table.html"),
        "<table>\n\t<tr>\n\t\t<th>Form</th>\n\n\t\t<td>NFC</td>\n\t</tr>\n</table>\n");
    images =
        new DigestImages(
            site,
            1 << 20,
            site.resolve("empty-cache"),
            true,
            FetchPolicy.publicOnly(),
            FetchLimits.defaults());
  }

  @AfterAll
  static void close() {
    images.close();
  }

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> files = Files.walk(FIXTURES)) {
      return files
          .filter(f -> f.getFileName().toString().matches(".*\\.input\\.(html|md|smd)"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void normalizesAsExpected(Path input) throws IOException {
    String actual = normalize(input);
    Path expectedFile =
        input.resolveSibling(
            input
                .getFileName()
                .toString()
                .replaceFirst("\\.input\\.(html|md|smd)$", ".expected.xhtml"));
    if (REWRITE) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void normalizingTwiceChangesNothing(Path input) throws IOException {
    String once = normalize(input);
    Post post = post(input, Files.readString(input, StandardCharsets.UTF_8));
    String twice =
        normalizer.normalize(
            once, new NormalizeContext(post, "a001", post.title(), images.resolver()));
    assertThat(twice).isEqualTo(once);
  }

  /**
   * The posts under {@code samples/} (Markdown and news-bot HTML), made into articles as a build
   * makes them: normalizing an article's body again changes nothing. The normalizer runs its steps
   * once when the parser reads their output back unchanged, so this holds only because each step
   * leaves the others' output alone.
   */
  @Test
  void samplePostsAreStableAfterOnePass() throws IOException {
    PostScanner.Scan scan = new PostScanner(ZoneId.of("UTC"), true).scan(Path.of("samples"));
    assertThat(scan.posts()).hasSizeGreaterThan(20);
    ArticleMaker maker = new ArticleMaker(new MarkdownRenderer(), normalizer, images.resolver());
    Map<String, String> changed = new LinkedHashMap<>();
    for (Post post : scan.posts()) {
      ArticleMaker.Outcome outcome = maker.make(post, "a001");
      assertThat(outcome.article()).as(post.relativePath()).isNotNull();
      String once = outcome.article().bodyXhtml();
      String twice =
          normalizer.normalize(
              once, new NormalizeContext(post, "a001", post.title(), images.resolver()));
      if (!twice.equals(once)) {
        changed.put(post.relativePath(), twice);
      }
    }
    assertThat(changed).isEmpty();
  }

  /** A lazy loader's blank stand-in, all a news bot saved of a picture, is left out and said. */
  @Test
  void aBlankStandInForAPictureIsSaidWithItsAltText() throws IOException {
    Path input = FIXTURES.resolve("lazy-images/blank-stand-ins.input.html");
    assertThat(problemsOf(input))
        .containsExactly(
            ":2: warning: 'The teachers' screen' left out: only a lazy-loading stand-in (a"
                + " blank SVG) was saved, not the picture");
  }

  /**
   * A video's poster frame is shown above its link (players.input.html); one that cannot load is
   * left out with the resolver's one line, not drawn as a missing picture beside the link.
   */
  @Test
  void aVideosPosterThatCannotLoadIsLeftOutWithOneLine() throws IOException {
    Path input = FIXTURES.resolve("markdown/inline-tags-on-their-own-lines.input.md");
    assertThat(Files.readString(input)).contains("poster=\"https://example.org/poster.jpg\"");
    assertThat(problemsOf(input))
        .containsExactly(
            ":19: warning: image 'https://example.org/poster.jpg' left out: not in the image cache"
                + " (offline)");
    assertThat(
            Files.readString(
                FIXTURES.resolve("markdown/inline-tags-on-their-own-lines.expected.xhtml")))
        .doesNotContain("image-missing", "poster.jpg");
  }

  @Test
  void linksToNoPlaceInThePostAreSaidOnceWithTheirLine() throws IOException {
    Path input = FIXTURES.resolve("foundation/links-to-headings.input.html");
    assertThat(problemsOf(input))
        .containsExactly(":3: warning: a link to #nowhere kept as text: no such place in the post");
  }

  /**
   * Places a real archive's links go to, which were said to be no place in the post (rust-inside,
   * bench/archives.md defects 2-4): heading ids written {@code {#id}}, {@code <a name>} anchors and
   * Zola ids that spell an emoji; and VitePress's id of a page's title heading, which becomes the
   * article's title.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "headings/id-attributes",
        "links/name-anchors",
        "headings/zola-emoji-ids",
        "headings/title-heading-id",
        "links/footnotes-named-by-other-engines"
      })
  void linksToPlacesWrittenTheOtherEnginesWayWarnNothing(String name) throws IOException {
    Path input = FIXTURES.resolve(name + ".input.md");
    assertThat(problemsOf(input)).isEmpty();
  }

  /** Of the WordPress shortcodes only the gallery, the blog's attachments, is removed: said so. */
  @Test
  void aWordPressGalleryIsTheOneShortcodeRemovedAndSaid() throws IOException {
    Path input = FIXTURES.resolve("wordpress/shortcodes.input.md");
    assertThat(problemsOf(input))
        .containsExactly(
            ":1: warning: WordPress [gallery] removed: it names the blog's attachments, which the"
                + " post does not hold");
  }

  /**
   * Zine's SuperMD directives Gazette cannot follow keep their text and are said, one line per
   * kind: a picture and code the site's build makes, links to pages and files not in the digest.
   */
  @Test
  void superMdDirectivesLeftOutAreSaid() throws IOException {
    assertThat(problemsOf(FIXTURES.resolve("supermd/directives.input.smd")))
        .containsExactly(
            ":1: warning: pictures the site's build makes left out (SuperMD $image): chart.png",
            ":1: warning: code the site's build makes left out (SuperMD $code; Gazette runs no"
                + " build): features/1.zig",
            ":1: warning: 2 links to @/docs/guide#setup, notes.txt kept as text: only web and mail"
                + " addresses can be followed from the digest");
  }

  /**
   * Franklin's functions and commands that the site's Julia makes as it is built go, each kind said
   * in one line: the page variables' {@code {{base}}} and the commands defined are not said.
   */
  @Test
  void franklinMarkupThatRunsJuliaIsSaid() throws IOException {
    assertThat(problemsOf(FIXTURES.resolve("franklin/markup.input.md")))
        .filteredOn(p -> p.contains("Franklin"))
        .containsExactly(
            ":1: warning: Franklin functions removed (the site's Julia makes them):"
                + " {{about_the_author}}",
            ":1: warning: Franklin commands removed (they run Julia as the site is built):"
                + " \\output{ex1}");
  }

  /**
   * A blog writing JavaScript's internal slots ({@code [[scope]]}, mqyqingfeng's series) kept them
   * as links to notes no post is, and printed "scope": where no wikilink of a post leads to a post,
   * they are text as written, said once at the line of the first.
   */
  @Test
  void wikilinksThatLeadNowhereInABlogAreKeptAsWritten() throws IOException {
    assertThat(problemsOf(FIXTURES.resolve("markdown/javascript-internal-slots.input.md")))
        .containsExactly(
            ":3: warning: 3 wikilinks kept as written, [[scope]], [[Prototype]], [[Call]]: the"
                + " digest has no post of that name");
  }

  /** Kangxi radicals copied from a PDF are read as the characters they stand for: said once. */
  @Test
  void kangxiRadicalsReadAsTheirCharactersAreSaid() throws IOException {
    assertThat(problemsOf(FIXTURES.resolve("text/kangxi-radicals.input.md")))
        .containsExactly(
            ":1: warning: 3 Kangxi radicals read as the characters they stand for (⼈→人, ⼼→心,"
                + " ⽂→文): text copied from a PDF");
  }

  @Test
  void iconsOfMaterialForMkDocsRemovedAreSaid() throws IOException {
    assertThat(problemsOf(FIXTURES.resolve("icons/material-for-mkdocs.input.md")))
        .containsExactly(
            ":1: warning: 5 icons of Material for MkDocs removed (:simple-materialformkdocs:,"
                + " :octicons-arrow-right-24:, :material-trash-can:, …): the digest has no icon"
                + " sets");
  }

  /**
   * Emoji short names are the emoji they name when the site's generator showed them so (jemoji,
   * Hugo's enableEmoji), in prose only; GitHub's own pictures are kept as written and said.
   */
  @Test
  void emojiShortNamesAreEmojiWhenTheSiteShowsThemSo() throws IOException {
    String html =
        "<p>Released :tada::sparkles: thanks :+1: :heart:</p>\n"
            + "<p>At 12:30:45, a:b:c, the <code>:gem:</code> and :status: stay; :shipit: too.</p>\n"
            + "<pre><code>git commit -m \"Release :gem:\"</code></pre>";
    Post post = post(Path.of("emoji.input.html"), html);
    HtmlNormalizer withEmoji =
        new HtmlNormalizer(
            HtmlNormalizer.DEFAULT_MAX_DEPTH,
            null,
            PostLinks.NONE,
            new SiteMarkup(true, SiteMarkup.HEADER_IMAGE_KEYS));
    NormalizeContext context = new NormalizeContext(post, "a001", post.title(), images.resolver());
    String out = withEmoji.normalize(html, context);
    assertThat(out)
        .isEqualTo(
            "<p>Released \uD83C\uDF89\u2728 thanks \uD83D\uDC4D \u2764</p>\n"
                + "<p>At 12:30:45, a:b:c, the <code>:gem:</code> and :status: stay; :shipit:"
                + " too.</p>\n"
                + "<pre><code>git commit -m \"Release :gem:\"</code></pre>\n");
    assertThat(context.problems())
        .extracting(Problem::message)
        .containsExactly(
            "an emoji that GitHub draws as its own picture kept as written (:shipit:): it has no"
                + " character");
    NormalizeContext again = new NormalizeContext(post, "a001", post.title(), images.resolver());
    assertThat(withEmoji.normalize(out, again)).isEqualTo(out);
    // a site that does not turn them on showed them as written
    NormalizeContext plain = new NormalizeContext(post, "a001", post.title(), images.resolver());
    assertThat(new HtmlNormalizer().normalize(html, plain)).contains(":tada::sparkles:", ":+1:");
  }

  @Test
  void addressesReadAsMeantAreSaidInOneLinePerPost() throws IOException {
    String html =
        "<p>\n<a href=\"github.com/epage\">a</a>\n<a href=\"https//twitter.com/b0rk\">b</a>"
            + " <a href=\"ttps://example.org/\">c</a> <a href=\"www.example.org\">d</a></p>";
    Post post = post(Path.of("meant.input.html"), html);
    NormalizeContext context = new NormalizeContext(post, "a001", post.title(), images.resolver());
    new HtmlNormalizer().normalize(html, context);
    assertThat(context.problems())
        .extracting(Object::toString)
        .containsExactly(
            post.file()
                + ":2: warning: 4 links read as meant: 'github.com/epage' as"
                + " https://github.com/epage, 'https//twitter.com/b0rk' as"
                + " https://twitter.com/b0rk, 'ttps://example.org/' as https://example.org/, … (no"
                + " browser follows them as written)");

    String slash = "<p><a href=\"https:/caniuse.com/#search=Streams\">a</a></p>";
    NormalizeContext slashContext =
        new NormalizeContext(post, "a001", post.title(), images.resolver());
    assertThat(new HtmlNormalizer().normalize(slash, slashContext))
        .isEqualTo("<p><a href=\"https://caniuse.com/#search=Streams\">a</a></p>\n");
    assertThat(slashContext.problems())
        .extracting(Problem::message)
        .containsExactly(
            "link 'https:/caniuse.com/#search=Streams' read as https://caniuse.com/#search=Streams"
                + " (no browser follows it as written)");

    String one = "<p><a href=\"github.com/epage\">a</a></p>";
    NormalizeContext single = new NormalizeContext(post, "a001", post.title(), images.resolver());
    new HtmlNormalizer().normalize(one, single);
    assertThat(single.problems())
        .extracting(Problem::message)
        .containsExactly(
            "link 'github.com/epage' read as https://github.com/epage (no browser follows it as"
                + " written)");
  }

  @Test
  void linksToPathsOnTheBlogGoToItsAddressWhenKnown() throws IOException {
    String html =
        "<p><a href=\"/docs/x/\">x</a>, <a href=\"/archives/2020/#添加\">y</a>,"
            + " <a href=\"../z/\">z</a></p>";
    Post post = post(Path.of("site-links.input.html"), html);
    NormalizeContext context = new NormalizeContext(post, "a001", post.title(), images.resolver());
    String out =
        new HtmlNormalizer(HtmlNormalizer.DEFAULT_MAX_DEPTH, "https://example.org")
            .normalize(html, context);
    assertThat(out)
        .isEqualTo(
            "<p><a href=\"https://example.org/docs/x/\">x</a>, <a"
                + " href=\"https://example.org/archives/2020/#%E6%B7%BB%E5%8A%A0\">y</a>, z</p>\n");
    assertThat(context.problems())
        .extracting(Object::toString)
        .containsExactly(
            post.file()
                + ":1: warning: a link to ../z/ kept as text: only web and mail addresses can be"
                + " followed from the digest");
  }

  /** Links to "#" (a page's script handled them) are said as such, not as addresses. */
  @Test
  void linksToNothingAreSaidAsSuch() throws IOException {
    String html = "<p><a href=\"#\">Tab one</a> <a href=\"#\">Tab two</a></p>";
    Post post = post(Path.of("tabs.input.html"), html);
    NormalizeContext context = new NormalizeContext(post, "a001", post.title(), images.resolver());
    String out = new HtmlNormalizer().normalize(html, context);
    assertThat(out).isEqualTo("<p>Tab one Tab two</p>\n");
    assertThat(context.problems())
        .extracting(Problem::message)
        .containsExactly(
            "2 links to # (no address: a script of the page handled the click) kept as text");
  }

  /** Without the blog's address, the line about links from its root says how to give it. */
  @Test
  void linksFromTheSitesRootNameTheSettingThatFollowsThem() throws IOException {
    String html = "<p><a href=\"/issue/123\">x</a>, <a href=\"../z/\">z</a></p>";
    Post post = post(Path.of("site-links.input.html"), html);
    NormalizeContext context = new NormalizeContext(post, "a001", post.title(), images.resolver());
    new HtmlNormalizer().normalize(html, context);
    assertThat(context.problems())
        .extracting(Problem::message)
        .containsExactly(
            "2 links to /issue/123, ../z/ kept as text: only web and mail addresses can be"
                + " followed from the digest (--site-url, the blog's address, makes the /… ones"
                + " web links)");
  }

  @Test
  void aTypeInRunningTextIsTextNotAnObject() throws IOException {
    // List<Object> in Markdown: the type is text from the start (SiteComponents), no player
    Path input = FIXTURES.resolve("embeds/object-in-markdown-text.input.md");
    assertThat(problemsOf(input)).isEmpty();
  }

  /**
   * kramdown attribute lists removed from a post are said in one line, not one per list (jvns.ca
   * writes seven {@code {:lang='…'}} under its code blocks).
   */
  @Test
  void kramdownAttributeListsRemovedAreSaidInOneLine() throws IOException {
    Path input = FIXTURES.resolve("markdown/kramdown-attribute-lists.input.md");
    assertThat(problemsOf(input))
        .containsExactly(
            ":1: warning: 9 kramdown attribute lists {:toc}, {:lang='ruby'}, {:"
                + " .language-python}, … removed: markup, not text; kept: 2 code languages, 1"
                + " id; the list '* TOC' kramdown replaces with a table of contents"
                + " removed with {:toc}");
    assertThat(problemsOf(FIXTURES.resolve("markdown/kramdown-block-ids.input.md")))
        .containsExactly(
            ":1: warning: 2 kramdown attribute lists {: #fn1}, {: #fn2} removed: markup, not text;"
                + " kept: 2 ids");
    assertThat(problemsOf(FIXTURES.resolve("markdown/python-markdown-attribute-lists.input.md")))
        .containsExactly(
            ":1: warning: attribute list { style=\"display: inline\" } removed: markup, not text");
  }

  /**
   * MDX's script (react.dev, Astro, Next.js; defects 63 and 64 of bench/archives.md): imports,
   * exports, comments and styles go without a word; an attribute only a script could compute is
   * said.
   */
  @Test
  void mdxSaysOnlyTheAttributesItCouldNotWrite() throws IOException {
    Path input = FIXTURES.resolve("markdown/mdx-syntax.input.md");
    assertThat(problemsOf(input))
        .containsExactly(
            ":1: warning: an attribute computed by the site's scripts removed:"
                + " title={caption}");
  }

  /** The dark copies of pictures shown twice are said in one line, at the first one's line. */
  @Test
  void darkThemeCopiesLeftOutAreSaidInOneLine() throws IOException {
    Path input = FIXTURES.resolve("dark-theme-images/dark-theme-copies.input.html");
    assertThat(problemsOf(input))
        .containsExactly(
            ":2: warning: 3 pictures for a dark theme left out (the digest's pages are"
                + " light)");
  }

  /**
   * The lines making the fixture {@code input} says (made as {@link #normalize} makes it: a {@code
   * .md} one as a build does, from Markdown), as a build prints them after the file: ":3: warning:
   * …".
   */
  private static List<String> problemsOf(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8);
    Post post = post(input, text);
    List<Problem> problems;
    if (!input.toString().endsWith(".html")) {
      ArticleMaker maker = new ArticleMaker(new MarkdownRenderer(), normalizer, images.resolver());
      problems = maker.make(post, "a001").problems();
    } else {
      NormalizeContext context =
          new NormalizeContext(post, "a001", post.title(), images.resolver());
      normalizer.normalize(text, context);
      problems = context.problems();
    }
    return problems.stream()
        .map(p -> p.toString().substring(post.file().toString().length()))
        .toList();
  }

  private static String normalize(Path input) throws IOException {
    String text = Files.readString(input, StandardCharsets.UTF_8);
    Post post = post(input, text);
    if (!input.toString().endsWith(".html")) {
      ArticleMaker maker = new ArticleMaker(new MarkdownRenderer(), normalizer, images.resolver());
      ArticleMaker.Outcome outcome = maker.make(post, "a001");
      return outcome.article().bodyXhtml();
    }
    return normalizer.normalize(
        text, new NormalizeContext(post, "a001", post.title(), images.resolver()));
  }

  /** A post living in {@code site/posts/}, titled in Chinese unless the fields say otherwise. */
  private static Post post(Path input, String text) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (text.startsWith("<!--fields")) {
      for (String line : text.substring(10, text.indexOf("-->")).strip().split("\n")) {
        int colon = line.indexOf(':');
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    String title = (String) fields.getOrDefault("title", "测试文章");
    String body = text;
    return Post.builder(
            site.resolve("posts/" + input.getFileName()), "posts/" + input.getFileName())
        .declaredTitle(title)
        // what a post's front matter tells of its markup (Franklin's @def lines)
        .markup(
            fields.containsKey("markup")
                ? Post.Markup.valueOf(fields.get("markup").toString().toUpperCase(Locale.ROOT))
                : Post.Markup.MARKDOWN)
        .fields(fields)
        .body(() -> body)
        .build();
  }

  /** A small picture: a gradient (a photo, many colours) or two flat colours (few colours). */
  private static void writeImage(Path file, String format, boolean photo) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    if (photo) {
      for (int x = 0; x < 48; x++) {
        for (int y = 0; y < 32; y++) {
          image.setRGB(x, y, new Color(x * 5, y * 7, (x * y) % 255).getRGB());
        }
      }
    } else {
      g.setColor(new Color(30, 90, 160));
      g.fillRect(0, 0, 48, 32);
      g.setColor(Color.WHITE);
      g.fillRect(8, 8, 20, 12);
    }
    g.dispose();
    ImageIO.write(image, format, file.toFile());
  }
}
