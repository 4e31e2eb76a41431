package dev.gazette.model;

import java.util.List;
import java.util.Objects;

/**
 * What a reader's library shows about a digest: every renderer writes these values (EPUB package
 * metadata, PDF Info and XMP) from here, so the formats agree.
 *
 * @param title the digest title
 * @param authors the authors, in order; may be empty (never the tool's name)
 * @param publisher the publisher, or null
 * @param series the series (periodical) the digest is an issue of, or null
 * @param issue the issue number within the series, or null (see {@code docs/metadata.md})
 * @param subject a one-line description (the date range), or null
 * @param keywords categories and tags of the articles, most used first
 * @param language BCP 47 language of the digest
 * @param origins where each value came from, one short phrase each ({@code title from
 *     _config.yml}); for reports, not rendered
 */
public record Metadata(
    String title,
    List<String> authors,
    String publisher,
    String series,
    Integer issue,
    String subject,
    List<String> keywords,
    String language,
    List<String> origins) {

  public Metadata {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    authors = List.copyOf(authors);
    keywords = List.copyOf(keywords);
    origins = List.copyOf(origins);
  }

  /** Only a title and a language: what a digest has before its metadata is resolved. */
  public static Metadata basic(String title, String language) {
    return new Metadata(title, List.of(), null, null, null, null, List.of(), language, List.of());
  }

  /** These values with the digest's own title and language, which always win. */
  public Metadata withTitleAndLanguage(String title, String language) {
    return new Metadata(
        title, authors, publisher, series, issue, subject, keywords, language, origins);
  }

  /** The authors joined for formats that take one line ({@code Alice; Bob}), or null for none. */
  public String authorLine() {
    return authors.isEmpty() ? null : String.join("; ", authors);
  }

  /** The keywords joined for formats that take one line ({@code rust, release}), or null. */
  public String keywordLine() {
    return keywords.isEmpty() ? null : String.join(", ", keywords);
  }
}
