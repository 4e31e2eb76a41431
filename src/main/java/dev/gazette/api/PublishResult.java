package dev.gazette.api;

import dev.gazette.catalog.CatalogEntry;
import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Gazette#publish} wrote.
 *
 * @param catalog the OPDS feed, {@code DIR/catalog.xml}
 * @param index the page for people, {@code DIR/index.html}
 * @param entries the digests listed, newest first
 * @param problems files left out, missing dates, covers without a thumbnail
 */
public record PublishResult(
    Path catalog, Path index, List<CatalogEntry> entries, List<Problem> problems) {
  public PublishResult {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }
}
