package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.DateRange;
import dev.gazette.model.Digest;
import dev.gazette.model.Metadata;
import dev.gazette.model.Post;
import dev.gazette.source.SiteAuthors;
import dev.gazette.source.SiteConfig;
import dev.gazette.util.Urls;
import java.nio.file.Path;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fills a digest's {@link Metadata}: what was asked for, else what the site's own config says, else
 * what the posts say; never the tool's name. Each value keeps a phrase saying where it came from,
 * for the run's report.
 */
public final class MetadataDefaults {
  /** Keywords kept: libraries show a handful; a digest of many posts may have hundreds. */
  static final int MAX_KEYWORDS = 20;

  /** The value {@code --no-series} stands for: no series even for a periodical range. */
  public static final String NO_SERIES = "none";

  private MetadataDefaults() {}

  /**
   * A value with where it came from.
   *
   * @param value the value
   * @param origin a short phrase: {@code _config.yml}, {@code the folder name}
   */
  public record Sourced(String value, String origin) {}

  /**
   * What the request asked for.
   *
   * @param authors authors given (empty: find them)
   * @param publisher the publisher given, or null
   * @param series the series given, {@link #NO_SERIES} for none, or null for the default
   * @param siteUrl the blog's web address given, or null to take the site's own
   * @param defaultZone the zone dates were read in when none was given, or null when one was
   * @param zoneFile the site config {@code defaultZone} came from, or null for the system zone
   */
  public record Asked(
      List<String> authors,
      String publisher,
      String series,
      String siteUrl,
      java.time.ZoneId defaultZone,
      Path zoneFile) {
    public Asked {
      authors = List.copyOf(authors);
    }
  }

  /**
   * The metadata of {@code digest}.
   *
   * @param title the digest's title and where it came from
   * @param publication the publication's name (the title without a range in it), the default series
   * @param asked what the request asked for
   * @param found the site config found above the posts, and the site's address
   * @param sourceDir the posts' folder, against which file origins are written
   */
  public static Metadata resolve(
      Digest digest,
      Sourced title,
      Sourced publication,
      Asked asked,
      SiteConfig.Found found,
      Path sourceDir) {
    Optional<SiteConfig> site = found.config();
    List<String> origins = new ArrayList<>();
    origins.add("title from " + title.origin());

    List<String> authors = asked.authors();
    if (!authors.isEmpty()) {
      origins.add("author from the author setting");
    } else if (site.isPresent() && !site.get().authors().isEmpty()) {
      authors = site.get().authors();
      origins.add("author from " + where(site.get().file(), sourceDir));
    } else {
      Optional<Counted> common = mostCommonAuthor(digest.articles());
      if (common.isPresent()) {
        authors = List.of(common.get().name());
        origins.add(
            "author from the posts ("
                + common.get().posts()
                + " of "
                + digest.articles().size()
                + ")");
      } else {
        origins.add("no author (none in the settings, a site config or the posts)");
      }
    }

    String publisher = blankToNull(asked.publisher());
    if (publisher != null) {
      origins.add("publisher from the publisher setting");
    }

    Optional<String> origin = Urls.origin(asked.siteUrl());
    if (origin.isPresent()) {
      origins.add("links to /… go to " + origin.get() + " (site-url setting)");
    } else if (found.address().isPresent()) {
      SiteConfig.Address address = found.address().get();
      Urls.origin(address.url())
          .ifPresent(
              o ->
                  origins.add(
                      "links to /… go to " + o + " from " + where(address.file(), sourceDir)));
    } else {
      site.flatMap(SiteConfig::placeholderUrl)
          .ifPresent(
              url ->
                  origins.add(
                      "the site config's url "
                          + url
                          + " is Hexo's placeholder, not the blog's address (--site-url gives"
                          + " it)"));
    }

    String series = null;
    Integer issue = null;
    String asks = blankToNull(asked.series());
    if (asks != null && !asks.equalsIgnoreCase(NO_SERIES)) {
      series = asks;
      origins.add("series from the series setting");
    } else if (asks == null && isPeriodical(digest.range())) {
      series = publication.value();
      origins.add("series from " + publication.origin());
    }
    if (series != null) {
      issue = issueNumber(digest.range()).orElse(null);
      if (issue != null) {
        origins.add("issue " + issue + " from the " + period(digest.range()));
      }
    }

    if (asked.defaultZone() != null) {
      origins.add(
          "dates in "
              + asked.defaultZone().getId()
              + (asked.zoneFile() != null
                  ? " from " + where(asked.zoneFile(), sourceDir)
                  : " (the system zone; --zone to change)"));
    }

    String subject = digest.subtitle().isBlank() ? null : digest.subtitle();
    return new Metadata(
        digest.title(),
        authors,
        publisher,
        series,
        issue,
        subject,
        keywords(digest.articles()),
        digest.lang(),
        origins);
  }

  /** Whether the range is one issue of a periodical: an ISO week, a calendar month or a year. */
  public static boolean isPeriodical(DateRange range) {
    return range != null && (range.isIsoWeek() || range.isMonth() || range.isYear());
  }

  /**
   * The issue number of a periodical range: the ISO week number (1-53) for a week, the month number
   * (1-12) for a month, the year for a year; empty for any other range. It depends on the range
   * only, so the same week always gets the same number, whatever the posts.
   */
  public static Optional<Integer> issueNumber(DateRange range) {
    if (range == null) {
      return Optional.empty();
    }
    if (range.isIsoWeek()) {
      return Optional.of(range.from().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
    if (range.isMonth()) {
      return Optional.of(range.from().getMonthValue());
    }
    if (range.isYear()) {
      return Optional.of(range.from().getYear());
    }
    return Optional.empty();
  }

  private static String period(DateRange range) {
    return range.isIsoWeek() ? "ISO week " + range.label() : range.isMonth() ? "month" : "year";
  }

  private record Counted(String name, int posts) {}

  /** The author named by most posts; a tie goes to the one named first in reading order. */
  private static Optional<Counted> mostCommonAuthor(List<Article> articles) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Set<Post> seen = new LinkedHashSet<>();
    for (Article a : articles) {
      if (!seen.add(a.post())) {
        continue;
      }
      SiteAuthors.written(a.post()).forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .max(Comparator.comparingInt(Map.Entry<String, Integer>::getValue))
        .map(e -> new Counted(e.getKey(), e.getValue()));
  }

  /** Categories and tags, by the number of articles using them; ties in reading order. */
  static List<String> keywords(List<Article> articles) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, String> spelling = new LinkedHashMap<>();
    for (Article a : articles) {
      Set<String> own = new LinkedHashSet<>();
      for (String k : a.post().categories()) {
        own.add(k.strip());
      }
      for (String k : a.post().tags()) {
        own.add(k.strip());
      }
      for (String k : own) {
        if (k.isEmpty()) {
          continue;
        }
        String key = k.toLowerCase(Locale.ROOT);
        spelling.putIfAbsent(key, k);
        counts.merge(key, 1, Integer::sum);
      }
    }
    // sorted() is stable: ties keep reading order
    return counts.entrySet().stream()
        .sorted(Comparator.comparingInt(Map.Entry<String, Integer>::getValue).reversed())
        .limit(MAX_KEYWORDS)
        .map(e -> spelling.get(e.getKey()))
        .toList();
  }

  private static String where(Path file, Path sourceDir) {
    try {
      return sourceDir.toAbsolutePath().normalize().relativize(file).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return file.toString();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
