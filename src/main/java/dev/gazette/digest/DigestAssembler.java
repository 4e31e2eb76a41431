package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Grouping;
import dev.gazette.model.PostDate;
import dev.gazette.model.Section;
import dev.gazette.render.Labels;
import dev.gazette.typeset.Languages;
import dev.gazette.util.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Puts articles together into a {@link Digest}: title, language, sections, stable identity. */
public final class DigestAssembler {
  private DigestAssembler() {}

  public static Digest assemble(
      List<Article> articles, String title, String sourceName, DateRange range, ZoneId zone) {
    return assemble(articles, title, sourceName, range, zone, Grouping.NONE);
  }

  /** A digest whose articles are put into sections by {@code grouping}. */
  public static Digest assemble(
      List<Article> articles,
      String title,
      String sourceName,
      DateRange range,
      ZoneId zone,
      Grouping grouping) {
    Labels labels = Labels.forLanguage(dominantLanguage(articles));
    List<Section> sections = new SectionGrouper(grouping, zone, labels).group(articles);
    return digest(articles, sections, title, sourceName, range, zone);
  }

  /**
   * A book: no date range, sections given by the caller ({@link FolderSections} for a folder,
   * {@link ChapterBook} for a single file).
   */
  public static Digest assembleBook(
      List<Article> articles,
      List<Section> sections,
      String title,
      String sourceName,
      ZoneId zone) {
    return digest(articles, sections, title, sourceName, null, zone);
  }

  private static Digest digest(
      List<Article> articles,
      List<Section> sections,
      String title,
      String sourceName,
      DateRange range,
      ZoneId zone) {
    String lang = dominantLanguage(articles);
    Labels labels = Labels.forLanguage(lang);
    String digestTitle = title != null && !title.isBlank() ? title.strip() : sourceName;
    String subtitle = range != null ? labels.range(range) : "";
    Instant modified =
        articles.stream()
            .map(a -> a.post().date().map(PostDate::instant).orElse(Digest.UNDATED))
            .max(Instant::compareTo)
            .orElse(Digest.UNDATED);
    return new Digest(
        digestTitle,
        subtitle,
        Languages.publicationLanguage(lang),
        zone,
        range,
        sections,
        modified,
        identity(digestTitle, articles));
  }

  /**
   * The language most articles are in. Counted per article, not per character: English takes three
   * to four times as many characters as Chinese to say the same.
   */
  static String dominantLanguage(List<Article> articles) {
    Map<String, Long> weight = new HashMap<>();
    for (Article a : articles) {
      weight.merge(a.lang(), 1L, Long::sum);
    }
    return weight.entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .orElse("en");
  }

  /**
   * A hash of the title and of each article's own hash (path, title, body), in article order. The
   * article hashes are made on all cores: hashing every body in one pass on one thread took ~0.4 s
   * for 1,000 posts and ~4 s for 10,000 (C1 has no SHA-256 intrinsic: ~50 MB/s), a serial step
   * between making the articles and rendering. The bodies, most of the bytes, go in as their
   * 128-bit MurmurHash3 ({@link Hashes#murmur3}): an identifier has to tell digests apart, not
   * resist forgery, and SHA-256 of every body was still ~8% of a 1,000-post EPUB's CPU. Still
   * derived from the content alone.
   */
  static String identity(String title, List<Article> articles) {
    List<byte[]> articleHashes = articles.parallelStream().map(DigestAssembler::hash).toList();
    MessageDigest md = Hashes.sha256();
    md.update(title.getBytes(StandardCharsets.UTF_8));
    for (byte[] h : articleHashes) {
      md.update(h);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static byte[] hash(Article a) {
    MessageDigest md = Hashes.sha256();
    md.update(a.post().relativePath().getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(a.title().getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    md.update(Hashes.murmur3(a.bodyXhtml()));
    return md.digest();
  }
}
