package dev.gazette.api;

import dev.gazette.digest.NameTemplate;
import dev.gazette.model.DateRange;
import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.FetchLimits;
import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.Limits;
import dev.gazette.model.OrderRule;
import dev.gazette.model.PdfA;
import dev.gazette.model.RelativeRange;
import dev.gazette.source.SiteConfig;
import dev.gazette.typeset.PageSize;
import dev.gazette.typeset.Theme;
import dev.gazette.util.Urls;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a build or a listing needs to know. Immutable; made with {@link #builder()}, whose
 * {@link Builder#build()} checks every value, so the command line, {@code gazette.yml} and library
 * callers meet the same rules. {@link Settings} sets the same builder by name.
 *
 * <pre>{@code
 * DigestRequest request = DigestRequest.builder()
 *     .source(Path.of("posts"))
 *     .week("2021-W26")
 *     .zone(ZoneId.of("Asia/Shanghai"))
 *     .formats(Format.EPUB, Format.PDF)
 *     .outputDir(Path.of("out"))
 *     .build();
 * }</pre>
 */
public final class DigestRequest {
  /** The checked values, with defaults filled in and the range fixed to days. */
  private final Builder v;

  private DigestRequest(Builder checked) {
    this.v = checked;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to change a few. */
  public Builder toBuilder() {
    return v.copy();
  }

  /** The folder (or single file) holding the posts. */
  public Path source() {
    return v.source;
  }

  /** The days to take, or {@code null} for all posts. */
  public DateRange range() {
    return v.range;
  }

  /**
   * A short label for the range as the user gave it ({@code 2021-W26}, {@code 2021-07}, …), or
   * null.
   */
  public String rangeLabel() {
    return v.rangeLabel;
  }

  /**
   * The zone ranges are counted in and dates without one are read in: the one given, else the site
   * config's ({@code timezone}, as Jekyll, Hexo and Hugo read dates), else the system's.
   */
  public ZoneId zone() {
    return v.zone;
  }

  /** The site config file {@link #zone()} came from; empty when it was given or is the system's. */
  public Optional<Path> zoneFromSiteConfig() {
    return Optional.ofNullable(v.zoneFile);
  }

  /** Whether {@link #zone()} was given (as a setting or through the builder). */
  public boolean zoneGiven() {
    return v.zoneGiven;
  }

  public Set<Format> formats() {
    return Collections.unmodifiableSet(v.formats);
  }

  public Path outputDir() {
    return v.outputDir;
  }

  /** Base name of the output files (may hold placeholders), or {@code null} to derive one. */
  public String name() {
    return v.name;
  }

  /** Digest title, or {@code null} to derive one. */
  public String title() {
    return v.title;
  }

  /** Authors to show, in order; empty to take them from the site config or the posts. */
  public List<String> authors() {
    return v.authors;
  }

  /**
   * The blog's web address that site-relative links ({@code /docs/x}) are made absolute against, or
   * null to take the site config's.
   */
  public String siteUrl() {
    return v.siteUrl;
  }

  /** The publisher to show, or null for none. */
  public String publisher() {
    return v.publisher;
  }

  /**
   * The series the digest is an issue of; {@code none} for no series; null for the default (the
   * publication's name when the range is a week, a month or a year).
   */
  public String series() {
    return v.series;
  }

  /** When true, any input problem fails the run instead of being skipped with a warning. */
  public boolean strict() {
    return v.strict;
  }

  public String theme() {
    return v.theme;
  }

  /** A stylesheet whose rules are added after the theme's, or null. */
  public Path extraCss() {
    return v.extraCss;
  }

  /**
   * PDF page size ({@code A5}, {@code A4}, {@code Letter}, {@code 6in}), or null for the theme's.
   */
  public String pageSize() {
    return v.pageSize;
  }

  /** The serif face to use instead of the bundled one, or null. */
  public FontChoice serifFont() {
    return v.serifFont;
  }

  /** The sans face to use instead of the bundled one, or null. */
  public FontChoice sansFont() {
    return v.sansFont;
  }

  /**
   * Faces tried after every bundled face, in order, for scripts none of them covers (Thai, Arabic,
   * Devanagari, …).
   */
  public List<FontChoice> fallbackFonts() {
    return v.fallbackFonts;
  }

  /** Whether the EPUB embeds (subset) fonts. */
  public boolean embedFonts() {
    return v.embedFonts;
  }

  /** Whether the PDF is tagged for screen readers (PDF/UA-1); on by default. */
  public boolean pdfTags() {
    return v.pdfTags;
  }

  /** The PDF/A level the PDF is made to, or null for a plain PDF. */
  public PdfA pdfA() {
    return v.pdfA;
  }

  /** Only posts in one of these categories (all when empty). */
  public List<String> categories() {
    return v.categories;
  }

  /** Only posts with one of these tags (all when empty). */
  public List<String> tags() {
    return v.tags;
  }

  /** The reading order asked for, or {@code null} to let Gazette choose (see {@link OrderRule}). */
  public OrderRule order() {
    return v.order;
  }

  /** Whether drafts ({@code _drafts/} folders, {@code draft: true}) are included. */
  /**
   * Wall-clock overrides: glob (relative to the source folder) to the zone in which the written
   * times of matching posts are read, whatever zone or offset they state.
   */
  public Map<String, ZoneId> wallClock() {
    return v.wallClock;
  }

  public boolean drafts() {
    return v.drafts;
  }

  /**
   * A file (relative to the source folder, or absolute) read first as the book's preface, or null.
   */
  public Path preface() {
    return v.preface;
  }

  /** For a single-file book: split into chapters at headings of level 1, or of levels 1 and 2. */
  public int splitLevel() {
    return v.splitLevel;
  }

  /** Posts in one of these categories are left out. */
  public List<String> excludeCategories() {
    return v.excludeCategories;
  }

  /** Posts with one of these tags are left out. */
  public List<String> excludeTags() {
    return v.excludeTags;
  }

  /** How articles are put into sections; null for the default ({@link Grouping#defaultFor}). */
  public Grouping groupBy() {
    return v.groupBy;
  }

  /** The grouping in effect: the one asked for, or the default for the range. */
  public Grouping effectiveGrouping() {
    return v.groupBy != null ? v.groupBy : Grouping.defaultFor(v.range);
  }

  /** Whether the digest gets a cover (generated unless {@link #coverImage()} is set). */
  public boolean cover() {
    return v.cover;
  }

  /** A picture to use as the cover instead of the generated one, or null. */
  public Path coverImage() {
    return v.coverImage;
  }

  /** The folder caching downloaded images, or null for the user's cache folder. */
  public Path imageCache() {
    return v.imageCache;
  }

  /** When true, remote images come from the cache only; nothing is downloaded. */
  public boolean offline() {
    return v.offline;
  }

  /** When true, images may be fetched from this machine and private networks (off by default). */
  public boolean allowPrivateNetwork() {
    return v.allowPrivateNetwork;
  }

  /** The e-reader service the EPUB must fit ({@code --profile}), or null for none. */
  public DeliveryProfile profile() {
    return v.profile;
  }

  /** Timeouts, size cap and parallelism of image downloads. */
  public FetchLimits fetchLimits() {
    return v.fetchLimits;
  }

  /** Bounds on post size, title length, nesting and images (see {@link Limits#defaults()}). */
  public Limits limits() {
    return v.limits;
  }

  /**
   * A user font: a TrueType file, or one face of a TrueType collection.
   *
   * @param file the .ttf or .ttc
   * @param faceName the face in a collection (PostScript or full name), or null
   */
  public record FontChoice(Path file, String faceName) {
    public FontChoice {
      Objects.requireNonNull(file, "file");
    }

    /** Parses {@code FILE} or {@code FILE#Face Name}. */
    public static FontChoice parse(String spec) {
      int hash = spec.lastIndexOf('#');
      if (hash > 0) {
        return new FontChoice(Path.of(spec.substring(0, hash)), spec.substring(hash + 1));
      }
      return new FontChoice(Path.of(spec), null);
    }
  }

  /**
   * Builds a {@link DigestRequest}. Setters only store; {@link #build()} checks. A new setting is a
   * field, a setter, a getter above and a line in {@link Settings}.
   */
  public static final class Builder implements Cloneable {
    private Path source;
    private ZoneId zone;
    private boolean zoneGiven;
    private Path zoneFile;
    private Set<Format> formats = EnumSet.noneOf(Format.class);
    private Path outputDir;
    private String name;
    private String title;
    private List<String> authors = List.of();
    private String publisher;
    private String siteUrl;
    private String series;
    private boolean strict;
    private String theme;
    private Path extraCss;
    private String pageSize;
    private FontChoice serifFont;
    private FontChoice sansFont;
    private List<FontChoice> fallbackFonts = List.of();
    private boolean embedFonts = true;
    private boolean pdfTags = true;
    private PdfA pdfA;
    private List<String> categories = List.of();
    private List<String> tags = List.of();
    private OrderRule order;
    private boolean drafts;
    private Map<String, ZoneId> wallClock = Map.of();
    private Path preface;
    private int splitLevel = 1;
    private List<String> excludeCategories = List.of();
    private List<String> excludeTags = List.of();
    private Grouping groupBy;
    private boolean cover = true;
    private Path coverImage;
    private Path imageCache;
    private boolean offline;
    private boolean allowPrivateNetwork;
    private DeliveryProfile profile;
    private FetchLimits fetchLimits;
    private Limits limits;

    // The range, as given: at most one of these ways; build() fixes it to days.
    private DateRange range;
    private String rangeLabel;
    private String week;
    private String month;
    private Integer year;
    private Integer days;
    private LocalDate from;
    private LocalDate to;
    private LocalDate today;
    private Instant now;

    private Builder() {}

    private Builder copy() {
      try {
        Builder b = (Builder) clone();
        b.formats = EnumSet.copyOf(formats.isEmpty() ? EnumSet.noneOf(Format.class) : formats);
        return b;
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }

    /** Where downloaded images are kept between runs; null for the user's cache folder. */
    public Builder imageCache(Path dir) {
      this.imageCache = dir;
      return this;
    }

    /** Take remote images from the cache only. */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /** Allow image downloads from loopback and private addresses. */
    public Builder allowPrivateNetwork(boolean allow) {
      this.allowPrivateNetwork = allow;
      return this;
    }

    /** Fit the EPUB to an e-reader service's size limit; null for no limit. */
    public Builder profile(DeliveryProfile profile) {
      this.profile = profile;
      return this;
    }

    /** Timeouts, size cap and parallelism of image downloads; null for the defaults. */
    public Builder fetchLimits(FetchLimits limits) {
      this.fetchLimits = limits;
      return this;
    }

    public Builder source(Path source) {
      this.source = source;
      return this;
    }

    /** Posts from {@code from} to {@code to}, both included, in the request's zone. */
    public Builder between(LocalDate from, LocalDate to) {
      return range(new DateRange(from, to), from.equals(to) ? from.toString() : from + "_" + to);
    }

    /**
     * Posts of a week: an ISO week such as {@code 2021-W26}, or {@code last} or {@code this}
     * (counted from {@link #today}).
     */
    public Builder week(String week) {
      this.week = week;
      this.range = null;
      return this;
    }

    /**
     * Posts of a month: e.g. {@code 2021-07}, or {@code last} or {@code this} (counted from {@link
     * #today}).
     */
    public Builder month(String month) {
      this.month = month;
      this.range = null;
      return this;
    }

    /** Posts of a calendar year, e.g. {@code 2018}. */
    public Builder year(int year) {
      this.year = year;
      this.range = null;
      return this;
    }

    /** Posts of the last {@code days} days, {@link #today} included. */
    public Builder days(int days) {
      this.days = days;
      this.range = null;
      return this;
    }

    /** The first day to take; goes with {@link #to}. */
    public Builder from(LocalDate from) {
      this.from = from;
      this.range = null;
      return this;
    }

    /** The last day to take; goes with {@link #from}. */
    public Builder to(LocalDate to) {
      this.to = to;
      this.range = null;
      return this;
    }

    /**
     * The day {@code last}, {@code this} and {@link #days} count from. Default: the day of {@link
     * #now} in the request's zone.
     */
    public Builder today(LocalDate today) {
      this.today = today;
      return this;
    }

    /**
     * The moment whose day (in the request's zone) relative ranges count from, e.g. {@code
     * SOURCE_DATE_EPOCH}. Default: the clock, read once by {@link #build()} when a relative range
     * needs it.
     */
    public Builder now(Instant now) {
      this.now = now;
      return this;
    }

    /**
     * A range with a label of the caller's choosing (null for {@link DateRange#label()}); null for
     * all posts. Replaces any range given before, of any way; {@link #week}, {@link #month}, {@link
     * #days}, {@link #from} and {@link #to} replace this one.
     */
    public Builder range(DateRange range, String label) {
      this.week = null;
      this.month = null;
      this.year = null;
      this.days = null;
      this.from = null;
      this.to = null;
      this.range = range;
      this.rangeLabel = range == null ? null : (label != null ? label : range.label());
      return this;
    }

    /** The zone; null for the default (the site config's, else the system's). */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      this.zoneGiven = zone != null;
      return this;
    }

    public Builder formats(Format... formats) {
      return formats(Set.of(formats));
    }

    public Builder formats(Set<Format> formats) {
      this.formats = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
      return this;
    }

    public Builder outputDir(Path dir) {
      this.outputDir = dir;
      return this;
    }

    /**
     * Base name of the output files, without folders or extension; may use {@code {year} {week}
     * {month} {from} {to} {range} {source}}.
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The title; may use the same placeholders as {@link #name}. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Authors to show, in order; empty (the default) to find them. */
    public Builder authors(List<String> authors) {
      this.authors = List.copyOf(authors);
      return this;
    }

    /**
     * The blog's web address ({@code https://example.org}): links to {@code /…} in the posts are
     * made absolute against it; null (the default) takes the site config's {@code url}, {@code
     * baseURL} or {@code base_url}.
     */
    public Builder siteUrl(String siteUrl) {
      this.siteUrl = siteUrl;
      return this;
    }

    /** The publisher to show; null for none. */
    public Builder publisher(String publisher) {
      this.publisher = publisher;
      return this;
    }

    /** The series; {@code none} for no series; null (the default) to derive one. */
    public Builder series(String series) {
      this.series = series;
      return this;
    }

    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /** {@code book} (default), {@code modern} or {@code print}. */
    public Builder theme(String theme) {
      this.theme = theme;
      return this;
    }

    public Builder extraCss(Path css) {
      this.extraCss = css;
      return this;
    }

    /** {@code A5}, {@code A4}, {@code Letter} or {@code 6in} (any case); null for the theme's. */
    public Builder pageSize(String pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    public Builder serifFont(FontChoice font) {
      this.serifFont = font;
      return this;
    }

    public Builder sansFont(FontChoice font) {
      this.sansFont = font;
      return this;
    }

    public Builder fallbackFonts(List<FontChoice> fonts) {
      this.fallbackFonts = List.copyOf(fonts);
      return this;
    }

    public Builder embedFonts(boolean embed) {
      this.embedFonts = embed;
      return this;
    }

    /** False for an untagged PDF (smaller, a little faster; not for screen readers). */
    public Builder pdfTags(boolean tags) {
      this.pdfTags = tags;
      return this;
    }

    /** An archival PDF/A level for the PDF, or null for a plain PDF. */
    public Builder pdfA(PdfA level) {
      this.pdfA = level;
      return this;
    }

    public Builder categories(List<String> categories) {
      this.categories = List.copyOf(categories);
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(tags);
      return this;
    }

    /** Forces a reading order; null (the default) lets Gazette choose. */
    public Builder order(OrderRule order) {
      this.order = order;
      return this;
    }

    /** Adds wall-clock overrides (glob to zone), after those already given. */
    public Builder wallClock(Map<String, ZoneId> globs) {
      Map<String, ZoneId> all = new LinkedHashMap<>(wallClock);
      all.putAll(globs);
      this.wallClock = Collections.unmodifiableMap(all);
      return this;
    }

    public Builder drafts(boolean drafts) {
      this.drafts = drafts;
      return this;
    }

    public Builder preface(Path preface) {
      this.preface = preface;
      return this;
    }

    /** 1: a chapter per top-level heading; 2: also per second-level heading. */
    public Builder splitLevel(int level) {
      this.splitLevel = level;
      return this;
    }

    public Builder excludeCategories(List<String> categories) {
      this.excludeCategories = List.copyOf(categories);
      return this;
    }

    public Builder excludeTags(List<String> tags) {
      this.excludeTags = List.copyOf(tags);
      return this;
    }

    /** Sections by day, category or none; null for the default. */
    public Builder groupBy(Grouping grouping) {
      this.groupBy = grouping;
      return this;
    }

    /** False for a digest without a cover. */
    public Builder cover(boolean cover) {
      this.cover = cover;
      return this;
    }

    /** A JPEG or PNG to use as the cover instead of the generated one. */
    public Builder coverImage(Path image) {
      this.coverImage = image;
      return this;
    }

    /** Bounds on what the build reads; null for {@link Limits#defaults()}. */
    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Checks every value and makes the request.
     *
     * @throws InvalidSettingException naming the setting (as {@link Settings} spells it) that
     *     cannot work
     * @throws NullPointerException without a source
     */
    public DigestRequest build() {
      Objects.requireNonNull(source, "source folder is required");
      Builder c = copy();
      if (!zoneGiven) {
        // As the blog's generator reads its dates: Jekyll, Hexo and Hugo take the site's timezone.
        Optional<SiteConfig> site = SiteConfig.find(source).config();
        c.zone = site.map(SiteConfig::zone).orElse(ZoneId.systemDefault());
        c.zoneFile = site.filter(s -> s.zone() != null).map(SiteConfig::file).orElse(null);
      }
      c.formats = formats.isEmpty() ? EnumSet.of(Format.EPUB, Format.PDF) : EnumSet.copyOf(formats);
      c.outputDir = outputDir != null ? outputDir : Path.of("out");
      c.theme = oneOf("theme", theme != null ? theme : "book", Theme.BUNDLED);
      c.pageSize = pageSize == null ? null : oneOf("page-size", pageSize, PageSize.labels());
      c.fetchLimits = fetchLimits != null ? fetchLimits : FetchLimits.defaults();
      c.limits = limits != null ? limits : Limits.defaults();
      checkTemplate("title", title);
      checkName(name);
      if (siteUrl != null && Urls.origin(siteUrl).isEmpty()) {
        throw new InvalidSettingException(
            "site-url",
            "expects an http or https address such as https://example.org, not '" + siteUrl + "'");
      }
      if (splitLevel < 1 || splitLevel > 2) {
        throw new InvalidSettingException("split-level", "must be 1 or 2, not " + splitLevel);
      }
      fixRange(c);
      return new DigestRequest(c);
    }

    /** Fixes the range given one way or another to days, in the copy {@code c}. */
    private void fixRange(Builder c) {
      String way = null;
      for (String key : List.of("week", "month", "year", "days", "from", "to")) {
        boolean given =
            switch (key) {
              case "week" -> week != null;
              case "month" -> month != null;
              case "year" -> year != null;
              case "days" -> days != null;
              case "from" -> from != null;
              default -> to != null;
            };
        if (given && way != null && !(way.equals("from") && key.equals("to"))) {
          throw new InvalidSettingException(key, "give one of week, month, year, days or from/to");
        }
        way = given && way == null ? key : way;
      }
      if ((from == null) != (to == null)) {
        throw new InvalidSettingException(from == null ? "to" : "from", "from and to go together");
      }
      if (days != null && days < 1) {
        throw new InvalidSettingException(
            "days", "expects a whole number of days (1 or more), not " + days);
      }
      LocalDate day =
          today != null ? today : (now != null ? now : Instant.now()).atZone(c.zone).toLocalDate();
      DateRange fixed;
      try {
        fixed =
            week != null
                ? RelativeRange.week(week, day)
                : month != null
                    ? RelativeRange.month(month, day)
                    : year != null
                        ? RelativeRange.year(year)
                        : days != null
                            ? RelativeRange.lastDays(days, day)
                            : from != null ? new DateRange(from, to) : null;
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(way, e.getMessage());
      }
      if (fixed != null) {
        c.range(fixed, labelOf(fixed));
      }
    }

    /** A week or month written out keeps its spelling as the label, as before relative ranges. */
    private String labelOf(DateRange fixed) {
      if (week != null && !RelativeRange.isRelative(week)) {
        return week.strip().toUpperCase(Locale.ROOT);
      }
      if (month != null && !RelativeRange.isRelative(month)) {
        return month.strip();
      }
      return fixed.label();
    }

    private static String oneOf(String key, String value, List<String> allowed) {
      for (String a : allowed) {
        if (a.equalsIgnoreCase(value.strip())) {
          return a;
        }
      }
      throw new InvalidSettingException(
          key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    private static void checkName(String name) {
      if (name == null) {
        return;
      }
      String s = name.strip();
      if (s.isEmpty()
          || s.contains("/")
          || s.contains("\\")
          || s.equals(".")
          || s.equals("..")
          || s.indexOf('\0') >= 0) {
        throw new InvalidSettingException(
            "output-name",
            "'" + name + "' is not a file name without folders and without extension");
      }
      checkTemplate("output-name", name);
    }

    private static void checkTemplate(String key, String template) {
      if (!NameTemplate.isTemplate(template)) {
        return;
      }
      try {
        // Any range will do: this checks the placeholders' names, not the range.
        NameTemplate.expand(template, DateRange.ofIsoWeek("2021-W26"), "x");
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(key, e.getMessage());
      }
    }
  }
}
