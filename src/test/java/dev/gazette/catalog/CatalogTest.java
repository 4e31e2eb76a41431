package dev.gazette.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.PublishOptions;
import dev.gazette.api.PublishResult;
import dev.gazette.cli.Main;
import dev.gazette.model.Format;
import dev.gazette.model.Problem;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestImages;
import dev.gazette.testing.TestPosts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * {@code gazette publish} over a folder of real digests: one weekly issue in EPUB, PDF and HTML, an
 * older issue as a PDF alone, an EPUB made by another tool, a broken EPUB, a hostile EPUB and a
 * stray file. The feed passes Gazette's Atom and OPDS 1.2 RELAX NG grammars under Jing; its entries
 * carry what the files say, newest first; every link resolves in the folder; the same folder gives
 * the same bytes.
 */
class CatalogTest {
  @TempDir static Path tmp;
  static Path dir;
  static PublishResult result;
  static String feed;
  static Document xml;

  @BeforeAll
  static void publish() throws Exception {
    dir = tmp.resolve("site");
    Path posts = tmp.resolve("posts");
    TestPosts.write(
        posts, "2021-07-01-a.md", TestPosts.hexo("七月新闻一", "2021-07-01 09:00:00", "正文一。"));
    TestPosts.write(
        posts, "2021-07-02-b.md", TestPosts.hexo("七月新闻二", "2021-07-02 18:30:00", "正文二。"));
    TestPosts.write(
        posts, "2021-06-22-c.md", TestPosts.hexo("六月新闻", "2021-06-22 08:00:00", "旧的一期。"));
    Path cover = tmp.resolve("cover.png");
    Files.write(cover, TestImages.png(TestImages.photo(600, 800)));
    Gazette gazette = Gazette.create();
    gazette.build(
        request(posts, LocalDate.of(2021, 6, 28), "weekly 2021-W26")
            .formats(Format.EPUB, Format.PDF, Format.HTML)
            .coverImage(cover)
            .build());
    gazette.build(
        request(posts, LocalDate.of(2021, 6, 21), "weekly 2021-W25")
            .formats(Format.PDF)
            .cover(false)
            .build());
    Files.write(dir.resolve("other-tool.epub"), otherToolEpub());
    Files.write(dir.resolve("broken.epub"), "not a zip at all".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("hostile.epub"), hostileEpub());
    Files.writeString(dir.resolve("notes.txt"), "not a digest");
    result = gazette.publish(dir, PublishOptions.defaults().withTitle("周报"));
    feed = Files.readString(dir.resolve("catalog.xml"));
    xml = Jsoup.parse(feed, "", Parser.xmlParser());
  }

  static DigestRequest.Builder request(Path posts, LocalDate monday, String name) {
    return DigestRequest.builder()
        .source(posts)
        .zone(ZoneId.of("Asia/Shanghai"))
        .between(monday, monday.plusDays(6))
        .embedFonts(false)
        .outputDir(dir)
        .name(name);
  }

  @Test
  void feedIsValidAtomAndOpds() throws Exception {
    assertThat(jing(feed)).isEmpty();
  }

  @Test
  void theSchemaRejectsWhatOpdsForbids() throws Exception {
    // The validation can fail: an acquisition link without its length, an entry without an id.
    String noLength =
        feed.replaceFirst("(rel=\"http://opds-spec.org/acquisition\"[^>]*) length=\"\\d+\"", "$1");
    assertThat(noLength).isNotEqualTo(feed);
    assertThat(jing(noLength)).isNotEmpty();
    String noId =
        feed.replaceFirst(
            "<entry>\n<title>([^<]*)</title>\n<id>[^<]*</id>", "<entry>\n<title>$1</title>");
    assertThat(noId).isNotEqualTo(feed);
    assertThat(jing(noId)).isNotEmpty();
  }

  @Test
  void oneEntryPerDigestNewestFirst() {
    assertThat(result.entries())
        .extracting(CatalogEntry::baseName)
        .containsExactly("weekly 2021-W26", "weekly 2021-W25", "other-tool");
    assertThat(xml.select("feed > entry > id").eachText())
        .containsExactlyElementsOf(result.entries().stream().map(CatalogEntry::id).toList());
    assertThat(xml.selectFirst("feed > updated").text())
        .isEqualTo(xml.selectFirst("entry > updated").text());
    assertThat(xml.selectFirst("feed > title").text()).isEqualTo("周报");
  }

  @Test
  void theWeeklyIssueCarriesWhatItsEpubSays() throws Exception {
    Path epub = dir.resolve("weekly 2021-W26.epub");
    String opf = Epubs.textEntries(epub).get("OEBPS/content.opf");
    Document pkg = Jsoup.parse(opf, "", Parser.xmlParser());
    Element entry = xml.select("entry").first();
    assertThat(entry.selectFirst("id").text()).isEqualTo(pkg.selectFirst("dc|identifier").text());
    assertThat(entry.selectFirst("title").text()).isEqualTo(pkg.selectFirst("dc|title").text());
    assertThat(entry.selectFirst("updated").text())
        .isEqualTo(pkg.selectFirst("meta[property=dcterms:modified]").text())
        .isEqualTo("2021-07-02T10:30:00Z");
    assertThat(entry.selectFirst("dc|language").text()).isEqualTo("zh-CN");

    List<Element> acquisitions = entry.select("link[rel=http://opds-spec.org/acquisition]");
    assertThat(acquisitions)
        .extracting(e -> e.attr("type"))
        .containsExactly("application/epub+zip", "application/pdf");
    for (Element link : acquisitions) {
      Path file = resolve(link.attr("href"));
      assertThat(Long.parseLong(link.attr("length"))).isEqualTo(Files.size(file));
    }
    assertThat(resolve(acquisitions.get(0).attr("href"))).isEqualTo(epub);
    Element page = entry.selectFirst("link[rel=alternate]");
    assertThat(page.attr("type")).isEqualTo("text/html");
    assertThat(resolve(page.attr("href"))).isEqualTo(dir.resolve("weekly 2021-W26.html"));

    Element image = entry.selectFirst("link[rel=http://opds-spec.org/image]");
    Element thumb = entry.selectFirst("link[rel=http://opds-spec.org/image/thumbnail]");
    byte[] coverInEpub = Epubs.entry(epub, "OEBPS/images/cover.png");
    assertThat(Files.readAllBytes(resolve(image.attr("href")))).isEqualTo(coverInEpub);
    assertThat(image.attr("type")).isEqualTo("image/png");
    BufferedImage small = ImageIO.read(resolve(thumb.attr("href")).toFile());
    assertThat(thumb.attr("type")).isEqualTo("image/jpeg");
    assertThat(small.getWidth()).isEqualTo(200); // 600 × 800 fits 200 × 300 at 200 × 267
    assertThat(small.getHeight()).isEqualTo(267);
  }

  @Test
  void aPdfAloneIsListedFromItsDocumentInformation() throws Exception {
    Element entry = xml.select("entry").get(1);
    assertThat(entry.select("link[rel=http://opds-spec.org/acquisition]"))
        .extracting(e -> e.attr("type"))
        .containsExactly("application/pdf");
    assertThat(entry.select("link[rel^=http://opds-spec.org/image]")).isEmpty();
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("weekly 2021-W25.pdf").toFile())) {
      assertThat(entry.selectFirst("title").text())
          .isEqualTo(pdf.getDocumentInformation().getTitle());
    }
    assertThat(entry.selectFirst("updated").text()).isEqualTo("2021-06-22T00:00:00Z");
    // Atom wants content or an alternate link; a PDF alone has no page to link.
    assertThat(entry.select("content")).hasSize(1);
  }

  @Test
  void anotherToolsEpub2IsReadToo() {
    CatalogEntry other = result.entries().get(2);
    assertThat(other.title()).isEqualTo("Notes <&> \"quotes\"");
    assertThat(other.author()).isEqualTo("Ann Author, Bo Writer");
    assertThat(other.summary()).isEqualTo("A test book.");
    assertThat(other.issued()).isEqualTo(LocalDate.of(2020, 1, 5));
    assertThat(other.updated()).hasToString("2020-01-05T00:00:00Z");
    assertThat(other.id()).startsWith("urn:uuid:");
    assertThat(other.cover().mediaType()).isEqualTo("image/jpeg");
    assertThat(feed).contains("<title>Notes &lt;&amp;&gt; &quot;quotes&quot;</title>");
  }

  @Test
  void unreadableFilesAreLeftOutWithAProblemEachOthersIgnored() {
    assertThat(result.problems())
        .extracting(p -> p.file().getFileName().toString())
        .containsExactlyInAnyOrder("broken.epub", "hostile.epub");
    assertThat(result.problems()).allMatch(p -> p.severity() == Problem.Severity.WARNING);
    assertThat(result.problems().stream().map(Problem::message))
        .anyMatch(m -> m.contains("DOCTYPE"));
    assertThat(feed).doesNotContain("broken").doesNotContain("hostile").doesNotContain("notes");
    assertThat(feed).doesNotContain("root:");
  }

  @Test
  void everyLinkIsRelativeAndResolvesInTheFolder() throws Exception {
    List<String> hrefs = new ArrayList<>(xml.select("link").eachAttr("href"));
    Document index = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
    hrefs.addAll(index.select("a[href], link[href]").eachAttr("href"));
    hrefs.addAll(index.select("img").eachAttr("src"));
    assertThat(hrefs).hasSizeGreaterThan(15);
    for (String href : hrefs) {
      assertThat(href).doesNotStartWith("/").doesNotContain("://").doesNotContain(" ");
      assertThat(resolve(href)).as(href).isRegularFile();
    }
  }

  @Test
  void indexPageIsValidHtml5AndListsTheSameIssues() throws Exception {
    String html = Files.readString(dir.resolve("index.html"));
    Parser parser = Parser.htmlParser().setTrackErrors(20);
    Document index = Jsoup.parse(html, "", parser);
    assertThat(parser.getErrors()).isEmpty();
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">");
    assertThat(index.select("li.issue h2").eachText())
        .containsExactlyElementsOf(result.entries().stream().map(CatalogEntry::title).toList());
    assertThat(index.select("link[rel=alternate]").attr("type"))
        .isEqualTo("application/atom+xml;profile=opds-catalog;kind=acquisition");
    assertThat(index.select("script")).isEmpty();
  }

  @Test
  void publishingAgainOrACopyGivesTheSameBytes() throws Exception {
    Path copy = tmp.resolve("copy");
    Files.createDirectories(copy);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Files.delete(copy.resolve("catalog.xml"));
    Gazette.create().publish(copy, PublishOptions.defaults().withTitle("周报"));
    Gazette.create().publish(dir, PublishOptions.defaults().withTitle("周报"));
    for (String name :
        List.of("catalog.xml", "index.html", "covers/weekly 2021-W26-thumbnail.jpg")) {
      assertThat(Files.readAllBytes(copy.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(dir.resolve(name)));
    }
    assertThat(Files.readString(dir.resolve("catalog.xml"))).isEqualTo(feed);
  }

  @Test
  void theCommandLinePublishesAndRefusesAFolderWithoutDigests() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out), new PrintWriter(err), "publish", dir.toString(), "--title", "周报");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("catalog.xml: 3 digest(s)");
    assertThat(err.toString()).contains("broken.epub");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    StringWriter err2 = new StringWriter();
    assertThat(
            Main.run(
                new PrintWriter(new StringWriter()),
                new PrintWriter(err2),
                "publish",
                empty.toString()))
        .isEqualTo(2);
    assertThat(err2.toString()).contains("no digest (.epub, .pdf or .html) to publish in");
    assertThat(empty.resolve("catalog.xml")).doesNotExist();
  }

  @Test
  void theApiRefusesAMissingFolder() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Gazette.create().publish(tmp.resolve("nowhere"), PublishOptions.defaults()))
        .isInstanceOf(GazetteException.class)
        .hasMessageContaining("no such folder");
  }

  /** Jing's errors for a document under the OPDS grammar (which includes the Atom one). */
  static List<String> jing(String document) throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ": " + e.getMessage());
          }
        };
    PropertyMapBuilder properties = new PropertyMapBuilder();
    properties.put(ValidateProperty.ERROR_HANDLER, handler);
    ValidationDriver driver =
        new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
    String schema = CatalogTest.class.getResource("/opds/gazette-opds.rnc").toExternalForm();
    assertThat(driver.loadSchema(new InputSource(schema))).as("schema loads: " + errors).isTrue();
    driver.validate(new InputSource(new StringReader(document)));
    return errors;
  }

  static Path resolve(String href) {
    return dir.resolve(URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8));
  }

  /** An EPUB 2 as other tools write it: its own identifier scheme, cover by meta name="cover". */
  static byte[] otherToolEpub() throws IOException {
    String opf =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="isbn">isbn:978-0-00-000000-0</dc:identifier>
        <dc:identifier id="uid">calibre-1234</dc:identifier>
        <dc:title>Notes &lt;&amp;&gt; "quotes"</dc:title>
        <dc:creator>Ann Author</dc:creator>
        <dc:creator>Bo Writer</dc:creator>
        <dc:description>  A test
          book.</dc:description>
        <dc:language>en</dc:language>
        <dc:date>2020-01-05</dc:date>
        <meta name="cover" content="pic"/>
        </metadata>
        <manifest><item id="pic" href="img/c.jpg" media-type="image/jpeg"/></manifest>
        <spine/>
        </package>
        """;
    return zip(
        "OPS/book.opf", opf.getBytes(StandardCharsets.UTF_8),
        "OPS/img/c.jpg", TestImages.jpeg(TestImages.photo(90, 120)));
  }

  /** An OPF that tries to read a local file through an external entity. */
  static byte[] hostileEpub() throws IOException {
    String opf =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE package [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
        <dc:identifier id="id">x</dc:identifier><dc:title>&x;</dc:title>
        </metadata></package>
        """;
    return zip("content.opf", opf.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] zip(Object... namesAndBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("mimetype"));
      zip.write("application/epub+zip".getBytes(StandardCharsets.US_ASCII));
      String root = (String) namesAndBytes[0];
      zip.putNextEntry(new ZipEntry("META-INF/container.xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><container version=\"1.0\""
                  + " xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
                  + "<rootfile full-path=\""
                  + root
                  + "\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>")
              .getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < namesAndBytes.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) namesAndBytes[i]));
        zip.write((byte[]) namesAndBytes[i + 1]);
      }
    }
    return bytes.toByteArray();
  }
}
