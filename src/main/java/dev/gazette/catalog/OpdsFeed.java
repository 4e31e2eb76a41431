package dev.gazette.catalog;

import dev.gazette.model.Format;
import dev.gazette.util.Hrefs;
import dev.gazette.util.XmlWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes an OPDS 1.2 acquisition feed (an Atom feed): one entry per digest, newest first, with its
 * formats as acquisition links (type and length), its cover and thumbnail, title, author, language
 * and summary. Every link is relative to the feed, so the folder works on any static host. The feed
 * holds no time but its digests' own.
 */
final class OpdsFeed {
  static final String ACQUISITION_FEED =
      "application/atom+xml;profile=opds-catalog;kind=acquisition";
  static final String FILE_NAME = "catalog.xml";

  private OpdsFeed() {}

  /**
   * @param id the feed's Atom id
   * @param entries newest first
   */
  static String write(String id, String title, String author, List<CatalogEntry> entries) {
    XmlWriter w = new XmlWriter().declaration();
    w.open(
            "feed",
            "xmlns",
            "http://www.w3.org/2005/Atom",
            "xmlns:dc",
            "http://purl.org/dc/terms/",
            "xmlns:opds",
            "http://opds-spec.org/2010/catalog")
        .nl();
    w.line("id", id);
    w.line("title", title);
    w.line("updated", time(entries.isEmpty() ? Instant.EPOCH : entries.get(0).updated()));
    w.open("author").nl().line("name", author).close("author").nl();
    w.empty("link", "rel", "self", "href", FILE_NAME, "type", ACQUISITION_FEED).nl();
    w.empty("link", "rel", "start", "href", FILE_NAME, "type", ACQUISITION_FEED).nl();
    w.empty("link", "rel", "alternate", "href", IndexPage.FILE_NAME, "type", "text/html").nl();
    for (CatalogEntry e : entries) {
      entry(w, e);
    }
    w.close("feed").nl();
    return w.toString();
  }

  private static void entry(XmlWriter w, CatalogEntry e) {
    w.open("entry").nl();
    w.line("title", e.title());
    w.line("id", e.id());
    w.line("updated", time(e.updated()));
    if (e.author() != null) {
      w.open("author").nl().line("name", e.author()).close("author").nl();
    }
    if (e.language() != null) {
      w.line("dc:language", e.language());
    }
    if (e.issued() != null) {
      w.line("dc:issued", e.issued());
    }
    if (e.summary() != null) {
      w.line("summary", e.summary(), "type", "text");
    }
    boolean page = e.files().stream().anyMatch(f -> f.format() == Format.HTML);
    if (!page) {
      // Atom wants content or an alternate link in every entry; the web page is that link.
      w.line("content", e.summary() != null ? e.summary() : e.title(), "type", "text");
    }
    if (e.cover() != null) {
      image(w, "http://opds-spec.org/image", e.cover());
    }
    if (e.thumbnail() != null) {
      image(w, "http://opds-spec.org/image/thumbnail", e.thumbnail());
    }
    for (CatalogFile f : e.files()) {
      // A reader downloads the EPUB and the PDF; the web page is read in place (its pictures are
      // in a folder beside it, which a download would leave behind).
      String rel = f.format() == Format.HTML ? "alternate" : "http://opds-spec.org/acquisition";
      w.empty(
              "link",
              "rel",
              rel,
              "href",
              Hrefs.segment(f.fileName()),
              "type",
              f.mediaType(),
              "length",
              f.size(),
              "title",
              f.format().name())
          .nl();
    }
    w.close("entry").nl();
  }

  private static void image(XmlWriter w, String rel, CatalogImage image) {
    w.empty("link", "rel", rel, "href", href(image.path()), "type", image.mediaType()).nl();
  }

  /** A relative path with each segment percent-encoded. */
  static String href(String path) {
    StringBuilder sb = new StringBuilder();
    for (String segment : path.split("/")) {
      if (!sb.isEmpty()) {
        sb.append('/');
      }
      sb.append(Hrefs.segment(segment));
    }
    return sb.toString();
  }

  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
