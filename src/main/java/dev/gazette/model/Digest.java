package dev.gazette.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a renderer needs: what to print, in which order, in which language. Renderers read it
 * and nothing else, so two renderers always agree on content.
 *
 * @param title digest title
 * @param subtitle a line under the title (the date range), may be empty
 * @param lang BCP 47 language of the digest as a whole (e.g. {@code zh-CN}, {@code en})
 * @param zone the zone dates are shown in
 * @param range the selected range, or {@code null} when all posts were taken
 * @param sections sections in reading order
 * @param modified a timestamp derived from the content (the newest post), used wherever a format
 *     wants a date, so output does not depend on the clock
 * @param identifier a stable identifier derived from the content
 * @param cover the cover image (its href is {@code images/cover.jpg} or similar), or {@code null}
 * @param metadata what readers' libraries show (authors, series, issue, keywords); its title and
 *     language are always this digest's
 */
public record Digest(
    String title,
    String subtitle,
    String lang,
    ZoneId zone,
    DateRange range,
    List<Section> sections,
    Instant modified,
    String identifier,
    Asset cover,
    Metadata metadata) {
  /**
   * The date of a digest none of whose posts has one: any fixed value keeps the output
   * reproducible; it is never shown as a publication date ({@link #undated}).
   */
  public static final Instant UNDATED = Instant.parse("2000-01-01T00:00:00Z");

  /** Whether no post of the digest has a date ({@link #modified} is then {@link #UNDATED}). */
  public boolean undated() {
    return modified.equals(UNDATED);
  }

  /** A digest without a cover. */
  public Digest(
      String title,
      String subtitle,
      String lang,
      ZoneId zone,
      DateRange range,
      List<Section> sections,
      Instant modified,
      String identifier) {
    this(title, subtitle, lang, zone, range, sections, modified, identifier, null);
  }

  /** A digest with only a title and language as metadata. */
  public Digest(
      String title,
      String subtitle,
      String lang,
      ZoneId zone,
      DateRange range,
      List<Section> sections,
      Instant modified,
      String identifier,
      Asset cover) {
    this(title, subtitle, lang, zone, range, sections, modified, identifier, cover, null);
  }

  public Digest {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
    Objects.requireNonNull(lang, "lang");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(identifier, "identifier");
    sections = List.copyOf(sections);
    metadata =
        metadata == null ? Metadata.basic(title, lang) : metadata.withTitleAndLanguage(title, lang);
  }

  /** This digest with another cover image (null for none). */
  public Digest withCover(Asset image) {
    return new Digest(
        title, subtitle, lang, zone, range, sections, modified, identifier, image, metadata);
  }

  /** This digest with other metadata (its title and language stay the digest's). */
  public Digest withMetadata(Metadata values) {
    return new Digest(
        title, subtitle, lang, zone, range, sections, modified, identifier, cover, values);
  }

  /** All articles in reading order. */
  public List<Article> articles() {
    List<Article> all = new ArrayList<>();
    sections.forEach(s -> all.addAll(s.allArticles()));
    return all;
  }

  /** Every asset once, in order of first use. */
  public List<Asset> assets() {
    Map<String, Asset> unique = new LinkedHashMap<>();
    for (Article a : articles()) {
      for (Asset asset : a.assets()) {
        unique.putIfAbsent(asset.href(), asset);
      }
    }
    return List.copyOf(unique.values());
  }
}
