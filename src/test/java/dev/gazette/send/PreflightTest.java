package dev.gazette.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks before sending, each on a small EPUB made wrong in one way. */
class PreflightTest {
  @TempDir Path dir;

  private static final String CONTAINER =
      "<?xml version=\"1.0\"?><container version=\"1.0\""
          + " xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile"
          + " full-path=\"EPUB/package.opf\" media-type=\"application/oebps-package+xml\"/>"
          + "</rootfiles></container>";

  private static String opf(String language, String coverType) {
    return "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\""
        + " unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<dc:identifier id=\"id\">x</dc:identifier><dc:title>T</dc:title>"
        + (language == null ? "" : "<dc:language>" + language + "</dc:language>")
        + "<meta name=\"cover\" content=\"cover\"/></metadata><manifest>"
        + "<item id=\"cover\" href=\"cover.img\" media-type=\""
        + coverType
        + "\"/><item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\""
        + " properties=\"nav\"/></manifest><spine><itemref idref=\"nav\"/></spine></package>";
  }

  private Path epub(String name, boolean storedMimetype, Map<String, String> entries)
      throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      if (storedMimetype) {
        CRC32 crc = new CRC32();
        crc.update(mimetype);
        m.setMethod(ZipEntry.STORED);
        m.setSize(mimetype.length);
        m.setCrc(crc.getValue());
      }
      zip.putNextEntry(m);
      zip.write(mimetype);
      for (Map.Entry<String, String> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private static Map<String, String> book(String language, String coverType) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("META-INF/container.xml", CONTAINER);
    m.put("EPUB/package.opf", opf(language, coverType));
    return m;
  }

  private static List<String> messages(List<Problem> problems) {
    return problems.stream().map(p -> p.severity() + " " + p.message()).toList();
  }

  @Test
  void aSoundBookPasses() throws Exception {
    Path ok = epub("ok.epub", true, book("zh-CN", "image/jpeg"));
    assertThat(Preflight.check(ok, DeliveryProfile.KINDLE)).isEmpty();
  }

  @Test
  void eachFlawIsNamed() throws Exception {
    assertThat(
            messages(
                Preflight.check(
                    epub("deflated.epub", false, book("zh", "image/png")), DeliveryProfile.KINDLE)))
        .containsExactly("ERROR not an EPUB: 'mimetype' is compressed, not stored");
    assertThat(
            messages(
                Preflight.check(
                    epub("nolang.epub", true, book(null, "image/jpeg")), DeliveryProfile.KINDLE)))
        .containsExactly(
            "ERROR has no dc:language: Send to Kindle refuses it (E999) and readers guess the"
                + " fonts");
    assertThat(
            messages(
                Preflight.check(
                    epub("webp.epub", true, book("en", "image/webp")), DeliveryProfile.KOBO)))
        .containsExactly("ERROR its cover is WebP, which e-readers do not show");
    assertThat(
            messages(
                Preflight.check(
                    epub("svg.epub", true, book("en", "image/svg+xml")),
                    DeliveryProfile.POCKETBOOK)))
        .containsExactly("ERROR its cover is only an SVG picture: Kindle and Kobo show no cover");
    Map<String, String> obfuscated = book("en", "image/jpeg");
    obfuscated.put("META-INF/encryption.xml", "<encryption/>");
    assertThat(
            messages(
                Preflight.check(epub("fonts.epub", true, obfuscated), DeliveryProfile.GENERIC)))
        .containsExactly(
            "ERROR has META-INF/encryption.xml (obfuscated fonts or DRM): readers show the"
                + " fallback font or refuse the book");
    Map<String, String> brokenOpf = book("en", "image/jpeg");
    brokenOpf.put("EPUB/package.opf", "<package><unclosed>");
    assertThat(
            messages(Preflight.check(epub("opf.epub", true, brokenOpf), DeliveryProfile.GENERIC)))
        .containsExactly(
            "ERROR not an EPUB: the package document EPUB/package.opf is missing or not XML");
  }

  @Test
  void notAZipOrNotAPdfIsAnError() throws Exception {
    Path fake = Files.writeString(dir.resolve("fake.epub"), "hello");
    assertThat(messages(Preflight.check(fake, DeliveryProfile.GENERIC)))
        .containsExactly("ERROR not an EPUB: not a readable zip file");
    Path pdf = Files.writeString(dir.resolve("fake.pdf"), "hello");
    assertThat(messages(Preflight.check(pdf, DeliveryProfile.GENERIC)))
        .containsExactly("ERROR not a PDF: it does not start with %PDF-");
    Path txt = Files.writeString(dir.resolve("notes.txt"), "hello");
    assertThat(messages(Preflight.check(txt, DeliveryProfile.GENERIC)))
        .containsExactly("ERROR not an .epub or .pdf file: nothing else is sent");
  }
}
