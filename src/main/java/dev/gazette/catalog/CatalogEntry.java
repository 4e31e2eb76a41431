package dev.gazette.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One digest as the catalog lists it: every format of it found in the folder (the files sharing a
 * base name) and what its files say about it.
 *
 * @param baseName the file name without extension, e.g. {@code news-2021-W26}
 * @param id an Atom id derived from the digest's content ({@code urn:uuid:…})
 * @param title the title the digest declares
 * @param author the author it declares, or null
 * @param summary its description, or null
 * @param language its BCP 47 language, or null
 * @param updated when its content last changed (its newest post), never the time of publishing
 * @param issued the publication date it declares, or null
 * @param files its formats, EPUB before PDF before HTML
 * @param cover its cover picture, written beside the catalog, or null
 * @param thumbnail a small copy of the cover, or null
 */
public record CatalogEntry(
    String baseName,
    String id,
    String title,
    String author,
    String summary,
    String language,
    Instant updated,
    LocalDate issued,
    List<CatalogFile> files,
    CatalogImage cover,
    CatalogImage thumbnail) {
  public CatalogEntry {
    Objects.requireNonNull(baseName, "baseName");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(updated, "updated");
    files = List.copyOf(files);
  }
}
