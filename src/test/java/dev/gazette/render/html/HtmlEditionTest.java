package dev.gazette.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.api.OutputFile;
import dev.gazette.model.Format;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML edition built beside the EPUB from the same posts: one valid HTML5 page whose contents
 * link to every article, the EPUB's article bodies, the EPUB's picture bytes in a sibling folder
 * (each once), no fonts to download, the same bytes on every run.
 */
class HtmlEditionTest {
  @TempDir static Path tmp;
  static Path src;
  static DigestResult result;
  static Path page;
  static Path epub;
  static String html;
  static Document doc;

  @BeforeAll
  static void build() throws Exception {
    src = tmp.resolve("posts");
    Files.createDirectories(src.resolve("pic"));
    Files.write(src.resolve("pic/one.jpg"), TestImages.jpeg(TestImages.photo(320, 200)));
    Files.write(src.resolve("pic/two.png"), TestImages.png(TestImages.photo(120, 90)));
    TestPosts.write(
        src,
        "2021-07-01-alpha.md",
        "---\ntitle: 第一篇：图片与脚注\ndate: 2021-07-01 09:00\nauthor: 甲\n---\n\n"
            + "第一段文字，带一个脚注。[^1]\n\n![第一张图](pic/one.jpg)\n\n## 小节\n\n"
            + "回到[小节](#小节)。\n\n[^1]: 脚注内容。\n");
    TestPosts.write(
        src,
        "2021-07-02-beta.md",
        "---\ntitle: Second post & <friends>\ndate: 2021-07-02 10:00\nlang: en\n---\n\n"
            + "The same picture again:\n\n![one again](pic/one.jpg)\n\n![two](pic/two.png)\n\n"
            + "```java\nclass A { String s = \"</style>\"; }\n```\n");
    TestPosts.write(
        src,
        "2021-07-03-gamma.md",
        TestPosts.hexo("第三篇 新闻", "2021-07-03 08:00:00", "新闻正文 GAMMATEXT。"));
    result = Gazette.create().build(request(tmp.resolve("out")));
    page = tmp.resolve("out/weekly.html");
    epub = tmp.resolve("out/weekly.epub");
    html = Files.readString(page, StandardCharsets.UTF_8);
    doc = Jsoup.parse(html);
  }

  static DigestRequest request(Path out) {
    return DigestRequest.builder()
        .source(src)
        .zone(ZoneId.of("Asia/Shanghai"))
        .between(java.time.LocalDate.of(2021, 7, 1), java.time.LocalDate.of(2021, 7, 7))
        .formats(Format.EPUB, Format.HTML)
        .embedFonts(false)
        .cover(false)
        .outputDir(out)
        .name("weekly")
        .build();
  }

  @Test
  void theRunReportsThePageAndTheEpubStaysValid() {
    assertThat(result.outputs())
        .extracting(OutputFile::format)
        .containsExactly(Format.EPUB, Format.HTML);
    OutputFile out = result.outputs().get(1);
    assertThat(out.path()).isEqualTo(page);
    assertThat(out.size()).isEqualTo(html.getBytes(StandardCharsets.UTF_8).length);
    assertThat(Epubs.check(epub)).isEmpty();
  }

  @Test
  void pageIsWellFormedHtml5() {
    // The HTML5 tree builder reports every parse error (misnested or stray tags, bad doctype).
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document strict = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).isEmpty();
    DocumentType doctype = (DocumentType) strict.childNode(0);
    assertThat(doctype.name()).isEqualTo("html");
    assertThat(doctype.publicId()).isEmpty();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">");
    Element head = strict.head();
    assertThat(head.child(0).outerHtml()).isEqualTo("<meta charset=\"utf-8\">");
    assertThat(head.select("title").text()).isNotBlank();
    assertThat(head.select("meta[name=viewport]")).hasSize(1);
    assertThat(head.select("style")).hasSize(1);
    // Self-contained: no stylesheet, script, font or frame to fetch.
    assertThat(strict.select("link, script, iframe, object, embed, base")).isEmpty();
    assertThat(html).doesNotContain("@font-face").doesNotContain("@import");
    // XHTML leftovers that HTML5 does not define.
    assertThat(html).doesNotContain("xml:lang").doesNotContain("xmlns").doesNotContain("epub:");
    List<String> ids = strict.select("[id]").eachAttr("id");
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(strict.select("a a")).isEmpty();
    assertThat(strict.select("img:not([alt])")).isEmpty();
  }

  @Test
  void contentsComeFirstAndLinkToEveryArticle() {
    Element body = doc.body();
    assertThat(body.child(0).tagName()).isEqualTo("header");
    assertThat(body.child(0).select("h1").text()).isEqualTo(result.title());
    Element nav = body.child(1);
    assertThat(nav.tagName()).isEqualTo("nav");
    assertThat(nav.id()).isEqualTo("toc");
    List<Element> articles = doc.select("main > article");
    assertThat(articles).hasSize(3);
    assertThat(nav.select("li.toc-entry > a").eachAttr("href"))
        .containsExactlyElementsOf(articles.stream().map(a -> "#" + a.id()).toList());
    assertThat(nav.select("li.toc-entry > a").eachText())
        .containsExactly("第一篇：图片与脚注", "Second post & <friends>", "第三篇 新闻");
    assertThat(articles.get(1).attr("lang")).isEqualTo("en");
  }

  @Test
  void everyInPageLinkResolvesToAnId() {
    Set<String> ids = new HashSet<>(doc.select("[id]").eachAttr("id"));
    List<String> fragments =
        doc.select("a[href^='#']").eachAttr("href").stream().map(h -> h.substring(1)).toList();
    // contents (sections and entries), back links to the contents, the footnote and its way back,
    // the first post's link to its own heading (#小节)
    assertThat(fragments).as(fragments.toString()).hasSize(6 + 3 + 2 + 1).contains("toc");
    assertThat(ids).containsAll(fragments);
  }

  @Test
  void articlesAreTheEpubsArticles() throws Exception {
    for (Element original : doc.select("main > article")) {
      // A copy: the other tests read the same page.
      Element article = original.clone();
      String xhtml = new String(Epubs.entry(epub, "OEBPS/" + article.id() + ".xhtml"), "UTF-8");
      Element fromEpub = Jsoup.parse(xhtml, "", Parser.xmlParser()).getElementById(article.id());
      article.select("p.to-contents").remove();
      assertThat(article.text()).isEqualTo(fromEpub.text());
      assertThat(article.select("*").eachAttr("class"))
          .isEqualTo(fromEpub.select("*").eachAttr("class"));
    }
    assertThat(doc.text()).contains("GAMMATEXT").contains("脚注内容");
  }

  @Test
  void picturesAreTheEpubsBytesOncePerPicture() throws Exception {
    Path folder = tmp.resolve("out/weekly-images");
    List<String> srcs = doc.select("img").eachAttr("src");
    assertThat(srcs).hasSize(3); // one.jpg twice, two.png once
    Set<String> distinct = new HashSet<>(srcs);
    assertThat(distinct).hasSize(2).allMatch(s -> s.startsWith("weekly-images/"));
    Set<String> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    assertThat(files)
        .isEqualTo(
            distinct.stream()
                .map(s -> s.substring("weekly-images/".length()))
                .collect(Collectors.toSet()));
    for (String name : files) {
      assertThat(Files.readAllBytes(folder.resolve(name)))
          .isEqualTo(Epubs.entry(epub, "OEBPS/images/" + name));
    }
  }

  @Test
  void systemFontsAndBothColourSchemes() {
    String css = doc.head().select("style").first().data();
    assertThat(css).doesNotContain("Gazette Body").doesNotContain("Gazette Mono");
    assertThat(css).contains("system-ui").contains("Georgia").contains("ui-monospace");
    assertThat(css).contains("@media (prefers-color-scheme: dark)").contains("max-width: 42em");
  }

  @Test
  void sameInputGivesTheSameBytes() throws Exception {
    Gazette.create().build(request(tmp.resolve("again")));
    assertThat(Files.readAllBytes(tmp.resolve("again/weekly.html")))
        .isEqualTo(Files.readAllBytes(page));
  }

  @Test
  void picturesTheNewPageNoLongerShowsAreRemovedOthersKept() throws Exception {
    Path out = tmp.resolve("rebuilt");
    Gazette.create().build(request(out));
    Path folder = out.resolve("weekly-images");
    Files.writeString(folder.resolve("notes.txt"), "mine");
    Files.write(folder.resolve("00000000000000ff.jpg"), new byte[] {1, 2, 3});
    Gazette.create().build(request(out));
    try (Stream<Path> list = Files.list(folder)) {
      assertThat(list.map(p -> p.getFileName().toString()))
          .contains("notes.txt")
          .doesNotContain("00000000000000ff.jpg")
          .hasSize(3);
    }
  }
}
