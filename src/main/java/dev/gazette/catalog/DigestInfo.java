package dev.gazette.catalog;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What one digest file says about itself; any field but the title may be null.
 *
 * @param cover the cover picture's bytes (from an EPUB), or null
 * @param coverType its media type, or null
 */
record DigestInfo(
    String id,
    String title,
    String author,
    String summary,
    String language,
    Instant updated,
    LocalDate issued,
    byte[] cover,
    String coverType) {
  /** This, with every field it lacks taken from {@code other}. */
  DigestInfo or(DigestInfo other) {
    boolean ownCover = cover != null;
    return new DigestInfo(
        id != null ? id : other.id,
        title != null ? title : other.title,
        author != null ? author : other.author,
        summary != null ? summary : other.summary,
        language != null ? language : other.language,
        updated != null ? updated : other.updated,
        issued != null ? issued : other.issued,
        ownCover ? cover : other.cover,
        ownCover ? coverType : other.coverType);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
