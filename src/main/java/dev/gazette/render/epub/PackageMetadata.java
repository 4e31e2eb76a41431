package dev.gazette.render.epub;

import dev.gazette.model.Metadata;
import dev.gazette.util.XmlWriter;

/**
 * The publication metadata of the EPUB package document that readers' libraries show: authors,
 * publisher, subjects and the series with the issue number, written both the EPUB 3 way ({@code
 * belongs-to-collection}) and the way calibre reads ({@code calibre:series}).
 */
final class PackageMetadata {
  private PackageMetadata() {}

  /** Writes the elements inside {@code <metadata>}, after the title and language. */
  static void write(XmlWriter w, Metadata m) {
    int n = 0;
    for (String author : m.authors()) {
      String id = "creator" + (++n);
      w.line("dc:creator", author, "id", id);
      w.line("meta", "aut", "refines", "#" + id, "property", "role", "scheme", "marc:relators");
    }
    if (m.publisher() != null) {
      w.line("dc:publisher", m.publisher());
    }
    for (String keyword : m.keywords()) {
      w.line("dc:subject", keyword);
    }
    if (m.series() != null) {
      w.line("meta", m.series(), "property", "belongs-to-collection", "id", "series");
      w.line("meta", "series", "refines", "#series", "property", "collection-type");
      if (m.issue() != null) {
        w.line("meta", m.issue(), "refines", "#series", "property", "group-position");
      }
      // calibre reads its own EPUB 2 style metas, not belongs-to-collection, in older versions
      w.empty("meta", "name", "calibre:series", "content", m.series()).nl();
      if (m.issue() != null) {
        w.empty("meta", "name", "calibre:series_index", "content", m.issue()).nl();
      }
    }
  }
}
