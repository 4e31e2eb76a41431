package dev.gazette.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the head of an HTML edition: its title, language, and the identifier and date Gazette
 * writes as {@code dcterms.identifier} and {@code dcterms.modified}.
 */
final class HtmlMetadata {
  private HtmlMetadata() {}

  static DigestInfo read(Path html) throws IOException {
    Document doc = Jsoup.parse(html.toFile(), "UTF-8");
    Instant updated = EpubMetadata.instant(meta(doc, "dcterms.modified"));
    return new DigestInfo(
        DigestInfo.blankToNull(meta(doc, "dcterms.identifier")),
        DigestInfo.blankToNull(doc.title()),
        DigestInfo.blankToNull(meta(doc, "author")),
        DigestInfo.blankToNull(meta(doc, "description")),
        DigestInfo.blankToNull(doc.select("html").attr("lang")),
        updated,
        updated == null ? null : updated.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
        null,
        null);
  }

  private static String meta(Document doc, String name) {
    Element e = doc.selectFirst("head meta[name='" + name + "']");
    return e == null ? null : e.attr("content");
  }
}
