package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.TestPosts;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a reader's library shows for a weekly digest: the title and author from the site's own
 * config (never "Gazette"), the series and its issue number the EPUB 3 way and calibre's way, and
 * the same values in the PDF's Info. The OPF is read back as calibre reads it.
 */
class PublicationMetadataTest {
  static final String OPF = "http://www.idpf.org/2007/opf";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  static final Path SITES = Path.of("src/test/resources/siteconfig");

  @TempDir static Path tmp;
  static PeriodicalFixture.Run hexo;

  @BeforeAll
  static void buildHexoWeek() {
    hexo =
        PeriodicalFixture.run(
            "build",
            SITES.resolve("hexo/source/_posts").toString(),
            "--week",
            "2024-W03",
            "--zone",
            "UTC",
            "--out",
            tmp.resolve("hexo").toString(),
            "--report",
            tmp.resolve("hexo.json").toString());
  }

  /** {@code gazette build SITE ARGS… --zone UTC --format epub --out OUT}. */
  static PeriodicalFixture.Run buildEpub(String site, Path out, String... args) {
    List<String> line = new ArrayList<>(List.of("build", SITES.resolve(site).toString()));
    line.addAll(List.of(args));
    line.addAll(List.of("--zone", "UTC", "--format", "epub", "--out", out.toString()));
    return PeriodicalFixture.run(line.toArray(String[]::new));
  }

  /** The package document, parsed. */
  static Document opf(Path epub) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    byte[] xml = Epubs.entry(epub, "OEBPS/content.opf");
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  static List<String> dc(Document opf, String name) {
    List<String> values = new ArrayList<>();
    NodeList nodes = opf.getElementsByTagNameNS(DC, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }

  /** The {@code <meta>} elements, as {@code property|refines=text} or {@code name=content}. */
  static List<String> metas(Document opf) {
    List<String> values = new ArrayList<>();
    NodeList nodes = opf.getElementsByTagNameNS(OPF, "meta");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (e.hasAttribute("name")) {
        values.add(e.getAttribute("name") + "=" + e.getAttribute("content"));
      } else {
        String refines = e.getAttribute("refines");
        values.add(
            e.getAttribute("property")
                + (refines.isEmpty() ? "" : "|" + refines)
                + "="
                + e.getTextContent());
      }
    }
    return values;
  }

  static PDDocumentInformation info(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getDocumentInformation();
    }
  }

  @Test
  void weeklyEpubCarriesSiteTitleAuthorAndSeriesWithIssueNumber() throws Exception {
    assertThat(hexo.code()).as(hexo.err()).isZero();
    Path epub = tmp.resolve("hexo/posts-2024-W03.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    Document opf = opf(epub);
    assertThat(dc(opf, "title")).containsExactly("Field Notes");
    // The site's author wins over one post's own byline; the tool's name is never an author.
    assertThat(dc(opf, "creator")).containsExactly("Mei Lin");
    assertThat(dc(opf, "subject"))
        .containsExactly("walks", "birds", "river", "food", "market", "rain");
    assertThat(metas(opf))
        .contains(
            "role|#creator1=aut",
            "belongs-to-collection=Field Notes",
            "collection-type|#series=series",
            "group-position|#series=3",
            "calibre:series=Field Notes",
            "calibre:series_index=3");
    Element collection =
        (Element) opf.getElementsByTagNameNS(OPF, "meta").item(indexOf(metas(opf), "belongs-to"));
    assertThat(collection.getAttribute("id")).isEqualTo("series");
  }

  private static int indexOf(List<String> metas, String prefix) {
    for (int i = 0; i < metas.size(); i++) {
      if (metas.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void weeklyPdfInfoCarriesTheSameValues() throws Exception {
    PDDocumentInformation info = info(tmp.resolve("hexo/posts-2024-W03.pdf"));
    assertThat(info.getTitle()).isEqualTo("Field Notes");
    assertThat(info.getAuthor()).isEqualTo("Mei Lin");
    assertThat(info.getSubject()).contains("2024");
    assertThat(info.getKeywords()).isEqualTo("walks, birds, river, food, market, rain");
  }

  @Test
  void theRunSaysWhereEachValueCameFrom() throws Exception {
    assertThat(hexo.out())
        .contains(
            "metadata: title from ../../_config.yml; author from ../../_config.yml;"
                + " links to /… go to https://notes.example.org from ../../_config.yml;"
                + " series from ../../_config.yml; issue 3 from the ISO week 2024-W03\n");
    JsonNode m = new ObjectMapper().readTree(tmp.resolve("hexo.json").toFile()).get("metadata");
    assertThat(m.get("authors").get(0).asText()).isEqualTo("Mei Lin");
    assertThat(m.get("series").asText()).isEqualTo("Field Notes");
    assertThat(m.get("issue").asInt()).isEqualTo(3);
    assertThat(m.get("origins").get(0).asText()).isEqualTo("title from ../../_config.yml");
  }

  @Test
  void withoutSiteConfigTheMostCommonPostAuthorAndTheFolderName() throws Exception {
    PeriodicalFixture.Run run =
        buildEpub("no-site/content/posts", tmp.resolve("nosite"), "--week", "2024-W03");
    assertThat(run.code()).as(run.err()).isZero();
    Document opf = opf(tmp.resolve("nosite/posts-2024-W03.epub"));
    // the config names no site: the title is the name of the site's folder, above content/posts
    assertThat(dc(opf, "title")).containsExactly("no-site");
    assertThat(dc(opf, "creator")).containsExactly("Jo Bell");
    assertThat(run.out()).contains("author from the posts (3 of 4)");
  }

  @Test
  void askedValuesWinAndASeriesCanBeTurnedOff(@TempDir Path out) throws Exception {
    PeriodicalFixture.Run asked =
        buildEpub(
            "zola/content",
            out.resolve("asked"),
            "--month",
            "2024-01",
            "--author",
            "Ann Lee; Bo Chen",
            "--publisher",
            "Small Press",
            "--series",
            "Compiler Monthly");
    assertThat(asked.code()).as(asked.err()).isZero();
    Path epub = out.resolve("asked/content-2024-01.epub");
    assertThat(Epubs.check(epub)).isEmpty();
    Document opf = opf(epub);
    assertThat(dc(opf, "title")).containsExactly("Compiler Weekly");
    assertThat(dc(opf, "creator")).containsExactly("Ann Lee", "Bo Chen");
    assertThat(dc(opf, "publisher")).containsExactly("Small Press");
    assertThat(metas(opf))
        .contains("calibre:series=Compiler Monthly", "calibre:series_index=1")
        .contains("group-position|#series=1");

    Path yml =
        TestPosts.write(out, "gazette.yml", "author: [Kim Ng]\npublisher: Press\nseries: none\n");
    PeriodicalFixture.Run none =
        buildEpub(
            "zola/content", out.resolve("none"), "--config", yml.toString(), "--week", "2024-W03");
    assertThat(none.code()).as(none.err()).isZero();
    Document plain = opf(out.resolve("none/content-2024-W03.epub"));
    assertThat(dc(plain, "creator")).containsExactly("Kim Ng");
    assertThat(dc(plain, "publisher")).containsExactly("Press");
    assertThat(metas(plain)).noneMatch(m -> m.contains("series"));
  }

  @Test
  void withoutAZoneDatesAreReadInTheSiteConfigsTimezone(@TempDir Path site) throws Exception {
    TestPosts.write(site, "_config.yml", "title: Night Shift\ntimezone: Asia/Shanghai\n");
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai: week 4 there, week 3 in UTC.
    TestPosts.write(
        site,
        "source/_posts/late.md",
        "---\ntitle: Late\ndate: 2024-01-21T20:00:00Z\n---\n\nText.\n");
    String posts = site.resolve("source/_posts").toString();
    Path out = site.resolve("out");
    PeriodicalFixture.Run run =
        PeriodicalFixture.run(
            "build", posts, "--week", "2024-W04", "--format", "epub", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("dates in Asia/Shanghai from ../../_config.yml");
    PeriodicalFixture.Run utc =
        PeriodicalFixture.run(
            "build", posts, "--week", "2024-W04", "--zone", "UTC", "--out", out.toString());
    assertThat(utc.code()).as(utc.err()).isEqualTo(Main.NO_POSTS);
  }

  @Test
  void anArbitraryRangeIsNoIssueOfASeries(@TempDir Path out) throws Exception {
    PeriodicalFixture.Run run =
        buildEpub("hugo/content/posts", out, "--from", "2024-01-10", "--to", "2024-01-20");
    assertThat(run.code()).as(run.err()).isZero();
    Document opf = opf(out.resolve("posts-2024-01-10_2024-01-20.epub"));
    assertThat(dc(opf, "title")).containsExactly("Trail Log");
    assertThat(dc(opf, "creator")).containsExactly("Ana Ruiz");
    assertThat(metas(opf)).noneMatch(m -> m.contains("series"));
  }

  @Test
  void aBrokenSiteConfigIsAWarningAndTheBuildGoesOn(@TempDir Path out) {
    PeriodicalFixture.Run run =
        PeriodicalFixture.run(
            "build",
            SITES.resolve("broken/source/_posts").toString(),
            "--format",
            "epub",
            "--out",
            out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("_config.yml: warning: site config not read");
    assertThat(run.out()).contains("title from the folder name");
  }

  /**
   * A Next.js blog keeps its posts in {@code public/} (overreacted.io): with no title anywhere, the
   * digest is named for the site's folder, not "public" on every page's running head. A folder with
   * nothing of a site above it keeps its own name. A Deno project's folder is a site's too.
   */
  @Test
  void aGeneratorsFolderIsNamedForTheSiteAboveIt(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("overreacted.example");
    TestPosts.write(
        site.resolve("public/a-post"),
        "index.md",
        "---\ntitle: A post\ndate: 2024-01-15\n---\n\nText.\n");
    java.nio.file.Files.writeString(site.resolve("package.json"), "{}\n");
    TestPosts.write(dir.resolve("notes/posts"), "2024-01-15-b.md", "---\ntitle: B\n---\n\nText.\n");
    // matklad's blog: Djot posts under content/, built by a Deno script
    TestPosts.write(dir.resolve("deno.example/content/posts"), "2024-01-15-c.dj", "# C\n\nText.\n");
    java.nio.file.Files.writeString(dir.resolve("deno.example/deno.jsonc"), "{}\n");
    for (String source :
        List.of("overreacted.example/public", "notes/posts", "deno.example/content/posts")) {
      Path out = dir.resolve("out-" + source.replace('/', '-'));
      PeriodicalFixture.Run run =
          PeriodicalFixture.run(
              "build", dir.resolve(source).toString(), "--format", "epub", "--out", out.toString());
      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out()).contains("title from the folder name");
      Path epub;
      try (var files = java.nio.file.Files.list(out)) {
        epub = files.filter(f -> f.toString().endsWith(".epub")).findFirst().orElseThrow();
      }
      assertThat(Epubs.check(epub)).isEmpty();
      assertThat(dc(opf(epub), "title"))
          .containsExactly(source.startsWith("notes") ? "posts" : source.replaceFirst("/.*", ""));
    }
  }
}
