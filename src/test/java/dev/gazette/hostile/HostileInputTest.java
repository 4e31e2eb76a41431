package dev.gazette.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.cli.Main;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.model.SkippedPost;
import dev.gazette.testing.EpubA11y;
import dev.gazette.testing.Epubs;
import dev.gazette.testing.Pdfs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Replays the hostile-input corpus ({@code src/test/resources/hostile/cases.tsv}): for each
 * category, one digest of three good posts plus every bad input of the category, built through the
 * CLI (exit code) and the API (what was kept, skipped and repaired). The promise checked: the run
 * succeeds; every good post is in; every bad input is skipped or repaired with a problem naming its
 * file (and line where the manifest gives one) and reason; the EPUB passes EPUBCheck without errors
 * or warnings; the PDF opens; nothing from a script, handler or dangerous URL reaches the output.
 */
class HostileInputTest {
  /** Written only into places a sanitizer must remove completely. */
  private static final String FORBIDDEN_MARKER = "PWNED";

  private static final List<String> GOOD = List.of("GOODPOSTONE", "GOODPOSTTWO", "GOODPOSTTHREE");

  /** Elements that can run, load or submit something; none may reach a digest. */
  static final Set<String> DANGEROUS_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "textarea",
          "select",
          "base",
          "frame",
          "frameset",
          "svg",
          "math",
          "audio",
          "video",
          "template",
          "noscript",
          "style");

  @TempDir Path tmp;

  /** One line of the manifest. */
  record Case(String file, String expect, int line, String message) {
    boolean generated() {
      return file.contains("/@");
    }

    String name() {
      return file.substring(file.lastIndexOf('/') + 1).replaceFirst("^@", "");
    }

    /**
     * Writes this input into {@code src}: a generated one made {@code divisor} times smaller if it
     * is only big (see {@link HostileFiles#make(Path, String, int)}), the others as stored.
     */
    void writeInto(Path src, int divisor) throws IOException, InterruptedException {
      if (generated()) {
        HostileFiles.make(src, name(), divisor);
      } else {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/" + file)) {
          Files.write(src.resolve(name()), in.readAllBytes());
        }
      }
    }
  }

  static List<Case> cases(String category) throws IOException {
    List<Case> result = new ArrayList<>();
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/hostile/cases.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        String file = f[0].replace("\\n", "\n").replace("\\t", "\t");
        if (file.startsWith(category + "/")) {
          result.add(new Case(file, f[1], f[2].equals("-") ? 0 : Integer.parseInt(f[2]), f[3]));
        }
      }
    }
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"frontmatter", "files", "html", "paths"})
  void everyBadInputIsSkippedOrRepairedAndTheDigestStaysValid(String category) throws Exception {
    List<Case> cases = cases(category);
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    for (int i = 0; i < GOOD.size(); i++) {
      Files.writeString(
          src.resolve("2021-07-0" + (i + 1) + "-good-" + i + ".md"),
          "---\ntitle: Good post "
              + (i + 1)
              + "\ndate: 2021-07-0"
              + (i + 1)
              + "\n---\n\nThe good text "
              + GOOD.get(i)
              + " must be in the digest.\n");
    }
    if (category.equals("paths")) {
      HostileFiles.makeImages(src, outside);
    }
    for (Case c : cases) {
      c.writeInto(src, 1);
    }

    // The CLI: documented exit code 0 (done, problems reported), every left-out input named on
    // stderr.
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            "build",
            src.toString(),
            "--out",
            tmp.resolve("cli").toString(),
            "--format",
            "epub");
    assertThat(code).as(err.toString()).isZero();

    DigestResult result =
        Gazette.create()
            .build(
                DigestRequest.builder()
                    .source(src)
                    .zone(ZoneId.of("Asia/Shanghai"))
                    .outputDir(tmp.resolve("out"))
                    .name("digest")
                    .build());
    Set<Path> included = result.posts().stream().map(Post::file).collect(Collectors.toSet());
    Set<Path> skipped =
        result.skipped().stream().map(SkippedPost::file).collect(Collectors.toSet());

    SoftAssertions soft = new SoftAssertions();
    for (Case c : cases) {
      Path file = src.resolve(c.name());
      String expect = c.expect();
      if (expect.equals("unreadable")) {
        expect =
            Files.isReadable(file)
                ? "included"
                : "skipped"; // root reads everything (CI runs as root)
      }
      List<Problem> own = result.problems().stream().filter(p -> file.equals(p.file())).toList();
      String label = c.file() + " " + own;
      switch (expect) {
        case "included" -> soft.assertThat(included).as(label).contains(file);
        case "repaired" -> {
          soft.assertThat(included).as(label).contains(file);
          soft.assertThat(own)
              .as(label)
              .anySatisfy(
                  p -> {
                    assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                    matches(p, c);
                  });
        }
        case "skipped" -> {
          soft.assertThat(included).as(label).doesNotContain(file);
          soft.assertThat(skipped).as(label).contains(file);
          soft.assertThat(own).as(label).anySatisfy(p -> matches(p, c));
          soft.assertThat(err.toString()).as(label).contains(file.getFileName().toString());
        }
        case "ignored" -> soft.assertThat(included).as(label).doesNotContain(file);
        default -> throw new IllegalStateException(expect);
      }
    }
    soft.assertAll();

    Path epub = tmp.resolve("out/digest.epub");
    Path pdf = tmp.resolve("out/digest.pdf");
    assertThat(Epubs.check(epub)).isEmpty();
    // What Ace by DAISY checks beyond EPUBCheck holds for hostile input too (roles, alt text,
    // table headers, languages, a page list that follows the PDF built alongside).
    assertThat(EpubA11y.problems(epub)).isEmpty();
    assertThat(EpubA11y.pageList(epub)).isNotEmpty();
    Map<String, String> entries = Epubs.textEntries(epub);
    String all = String.join("\n", entries.values());
    String pdfText;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).isPositive();
      pdfText = Pdfs.text(pdf);
    }
    for (String good : GOOD) {
      assertThat(all).contains(good);
      assertThat(Pdfs.compact(pdfText)).contains(good);
    }
    assertThat(all).doesNotContain(FORBIDDEN_MARKER).doesNotContain("root:x:0:0");
    assertThat(pdfText).doesNotContain(FORBIDDEN_MARKER).doesNotContain("root:x:0:0");
    for (Map.Entry<String, String> e : entries.entrySet()) {
      if (e.getKey().endsWith(".xhtml")) {
        assertSafe(e.getKey(), e.getValue());
      }
    }
  }

  private static void matches(Problem p, Case c) {
    if (!c.message().equals("-")) {
      assertThat(p.message()).contains(c.message());
    }
    if (c.line() > 0) {
      assertThat(p.line()).isEqualTo(c.line());
    }
  }

  /**
   * Parses a page as XML (no DTD loaded, no external entity) and checks that no element can run,
   * load or submit anything: no dangerous element, no {@code on*} attribute, no URL other than
   * http(s), mailto, an in-book fragment or a file inside the book.
   */
  static void assertSafe(String name, String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setExpandEntityReferences(false);
    org.w3c.dom.Document doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element el = (Element) all.item(i);
      String tag = el.getLocalName().toLowerCase(Locale.ROOT);
      assertThat(DANGEROUS_ELEMENTS).as(name + ": <" + tag + ">").doesNotContain(tag);
      if (tag.equals("meta")) {
        assertThat(el.hasAttribute("http-equiv")).as(name + ": meta http-equiv").isFalse();
      }
      NamedNodeMap attrs = el.getAttributes();
      for (int j = 0; j < attrs.getLength(); j++) {
        String key =
            attrs.item(j).getLocalName() != null
                ? attrs.item(j).getLocalName()
                : attrs.item(j).getNodeName();
        String value = attrs.item(j).getNodeValue().strip().toLowerCase(Locale.ROOT);
        assertThat(key.toLowerCase(Locale.ROOT))
            .as(name + ": attribute " + key)
            .doesNotStartWith("on");
        if (key.equals("href") || key.equals("src")) {
          assertThat(value.matches("^(https?:|mailto:|#|[a-z0-9_./-]+(#.*)?$).*"))
              .as(name + ": " + key + "=" + value)
              .isTrue();
        }
      }
    }
  }
}
