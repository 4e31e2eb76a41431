package dev.gazette.api;

import dev.gazette.assets.FetchLimits;
import dev.gazette.digest.Grouping;
import dev.gazette.model.DateRange;
import dev.gazette.model.Format;
import dev.gazette.model.Limits;
import dev.gazette.model.OrderRule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a build or a listing needs to know. Immutable; made with {@link #builder()}.
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
  private final Path source;
  private final DateRange range;
  private final String rangeLabel;
  private final ZoneId zone;
  private final Set<Format> formats;
  private final Path outputDir;
  private final String name;
  private final String title;
  private final boolean strict;
  private final String theme;
  private final Path extraCss;
  private final String pageSize;
  private final FontChoice serifFont;
  private final FontChoice sansFont;
  private final boolean embedFonts;
  private final List<String> categories;
  private final List<String> tags;
  private final OrderRule order;
  private final boolean drafts;
  private final Map<String, ZoneId> wallClock;
  private final Path preface;
  private final int splitLevel;
  private final List<String> excludeCategories;
  private final List<String> excludeTags;
  private final Grouping groupBy;
  private final boolean cover;
  private final Path coverImage;
  private final Path imageCache;
  private final boolean offline;
  private final boolean allowPrivateNetwork;
  private final FetchLimits fetchLimits;
  private final Limits limits;

  private DigestRequest(Builder b) {
    this.source = Objects.requireNonNull(b.source, "source folder is required");
    this.range = b.range;
    this.rangeLabel = b.rangeLabel;
    this.zone = b.zone != null ? b.zone : ZoneId.systemDefault();
    this.formats = b.formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(b.formats);
    this.outputDir = b.outputDir != null ? b.outputDir : Path.of("out");
    this.name = b.name;
    this.title = b.title;
    this.strict = b.strict;
    this.theme = b.theme != null ? b.theme : "book";
    this.extraCss = b.extraCss;
    this.pageSize = b.pageSize;
    this.serifFont = b.serifFont;
    this.sansFont = b.sansFont;
    this.embedFonts = b.embedFonts;
    this.categories = List.copyOf(b.categories);
    this.tags = List.copyOf(b.tags);
    this.order = b.order;
    this.drafts = b.drafts;
    this.wallClock =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.wallClock));
    this.preface = b.preface;
    if (b.splitLevel < 1 || b.splitLevel > 2) {
      throw new IllegalArgumentException("split level must be 1 or 2, not " + b.splitLevel);
    }
    this.splitLevel = b.splitLevel;
    this.excludeCategories = List.copyOf(b.excludeCategories);
    this.excludeTags = List.copyOf(b.excludeTags);
    this.groupBy = b.groupBy;
    this.cover = b.cover;
    this.coverImage = b.coverImage;
    this.imageCache = b.imageCache;
    this.offline = b.offline;
    this.allowPrivateNetwork = b.allowPrivateNetwork;
    this.fetchLimits = b.fetchLimits != null ? b.fetchLimits : FetchLimits.defaults();
    this.limits = b.limits != null ? b.limits : Limits.defaults();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, to change a few. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.source = source;
    b.range = range;
    b.rangeLabel = rangeLabel;
    b.zone = zone;
    b.formats = EnumSet.copyOf(formats);
    b.outputDir = outputDir;
    b.name = name;
    b.title = title;
    b.strict = strict;
    b.theme = theme;
    b.extraCss = extraCss;
    b.pageSize = pageSize;
    b.serifFont = serifFont;
    b.sansFont = sansFont;
    b.embedFonts = embedFonts;
    b.categories = categories;
    b.tags = tags;
    b.order = order;
    b.drafts = drafts;
    b.wallClock = new java.util.LinkedHashMap<>(wallClock);
    b.preface = preface;
    b.splitLevel = splitLevel;
    b.excludeCategories = excludeCategories;
    b.excludeTags = excludeTags;
    b.groupBy = groupBy;
    b.cover = cover;
    b.coverImage = coverImage;
    b.imageCache = imageCache;
    b.offline = offline;
    b.allowPrivateNetwork = allowPrivateNetwork;
    b.fetchLimits = fetchLimits;
    b.limits = limits;
    return b;
  }

  /** The folder (or single file) holding the posts. */
  public Path source() {
    return source;
  }

  /** The days to take, or {@code null} for all posts. */
  public DateRange range() {
    return range;
  }

  /**
   * A short label for the range as the user gave it ({@code 2021-W26}, {@code 2021-07}, …), or
   * null.
   */
  public String rangeLabel() {
    return rangeLabel;
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<Format> formats() {
    return formats;
  }

  public Path outputDir() {
    return outputDir;
  }

  /** Base name of the output files, or {@code null} to derive one. */
  public String name() {
    return name;
  }

  /** Digest title, or {@code null} to derive one. */
  public String title() {
    return title;
  }

  /** When true, any input problem fails the run instead of being skipped with a warning. */
  public boolean strict() {
    return strict;
  }

  public String theme() {
    return theme;
  }

  /** A stylesheet whose rules are added after the theme's, or null. */
  public Path extraCss() {
    return extraCss;
  }

  /** PDF page size, or null for the theme's. */
  public String pageSize() {
    return pageSize;
  }

  /** The serif face to use instead of the bundled one, or null. */
  public FontChoice serifFont() {
    return serifFont;
  }

  /** The sans face to use instead of the bundled one, or null. */
  public FontChoice sansFont() {
    return sansFont;
  }

  /** Whether the EPUB embeds (subset) fonts. */
  public boolean embedFonts() {
    return embedFonts;
  }

  /** Only posts in one of these categories (all when empty). */
  public List<String> categories() {
    return categories;
  }

  /** Only posts with one of these tags (all when empty). */
  public List<String> tags() {
    return tags;
  }

  /** The reading order asked for, or {@code null} to let Gazette choose (see {@link OrderRule}). */
  public OrderRule order() {
    return order;
  }

  /**
   * Wall-clock overrides: glob (relative to the source folder) to the zone in which the written
   * times of matching posts are read, whatever zone or offset they state.
   */
  public Map<String, ZoneId> wallClock() {
    return wallClock;
  }

  /** Whether drafts ({@code _drafts/} folders, {@code draft: true}) are included. */
  public boolean drafts() {
    return drafts;
  }

  /**
   * A file (relative to the source folder, or absolute) read first as the book's preface, or null.
   */
  public Path preface() {
    return preface;
  }

  /** For a single-file book: split into chapters at headings of level 1, or of levels 1 and 2. */
  public int splitLevel() {
    return splitLevel;
  }

  /** Posts in one of these categories are left out. */
  public List<String> excludeCategories() {
    return excludeCategories;
  }

  /** Posts with one of these tags are left out. */
  public List<String> excludeTags() {
    return excludeTags;
  }

  /** How articles are put into sections; null for the default ({@link Grouping#defaultFor}). */
  public Grouping groupBy() {
    return groupBy;
  }

  /** The grouping in effect: the one asked for, or the default for the range. */
  public Grouping effectiveGrouping() {
    return groupBy != null ? groupBy : Grouping.defaultFor(range);
  }

  /** Whether the digest gets a cover (generated unless {@link #coverImage()} is set). */
  public boolean cover() {
    return cover;
  }

  /** A picture to use as the cover instead of the generated one, or null. */
  public Path coverImage() {
    return coverImage;
  }

  /** The folder caching downloaded images, or null for the user's cache folder. */
  public Path imageCache() {
    return imageCache;
  }

  /** When true, remote images come from the cache only; nothing is downloaded. */
  public boolean offline() {
    return offline;
  }

  /** When true, images may be fetched from this machine and private networks (off by default). */
  public boolean allowPrivateNetwork() {
    return allowPrivateNetwork;
  }

  /** Timeouts, size cap and parallelism of image downloads. */
  public FetchLimits fetchLimits() {
    return fetchLimits;
  }

  /** Bounds on post size, title length, nesting and images (see {@link Limits#defaults()}). */
  public Limits limits() {
    return limits;
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

  /** Builds a {@link DigestRequest}. */
  public static final class Builder {
    private Path source;
    private DateRange range;
    private String rangeLabel;
    private ZoneId zone;
    private Set<Format> formats = EnumSet.noneOf(Format.class);
    private Path outputDir;
    private String name;
    private String title;
    private boolean strict;
    private String theme;
    private Path extraCss;
    private String pageSize;
    private FontChoice serifFont;
    private FontChoice sansFont;
    private boolean embedFonts = true;
    private List<String> categories = List.of();
    private List<String> tags = List.of();
    private OrderRule order;
    private boolean drafts;
    private Map<String, ZoneId> wallClock = new java.util.LinkedHashMap<>();
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
    private FetchLimits fetchLimits;
    private Limits limits;

    private Builder() {}

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
      this.range = new DateRange(from, to);
      this.rangeLabel = from.equals(to) ? from.toString() : from + "_" + to;
      return this;
    }

    /** Posts of an ISO week, e.g. {@code 2021-W26}. */
    public Builder week(String isoWeek) {
      this.range = DateRange.ofIsoWeek(isoWeek);
      this.rangeLabel = isoWeek.trim().toUpperCase(java.util.Locale.ROOT);
      return this;
    }

    /** Posts of a month, e.g. {@code 2021-07}. */
    public Builder month(String month) {
      this.range = DateRange.ofMonth(month);
      this.rangeLabel = month.trim();
      return this;
    }

    /**
     * A range with a label of the caller's choosing (null for {@link DateRange#label()}); null for
     * all posts.
     */
    public Builder range(DateRange range, String label) {
      this.range = range;
      this.rangeLabel = range == null ? null : (label != null ? label : range.label());
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder formats(Format... formats) {
      this.formats =
          formats.length == 0 ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(List.of(formats));
      return this;
    }

    public Builder formats(Set<Format> formats) {
      this.formats = formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
      return this;
    }

    public Builder outputDir(Path dir) {
      this.outputDir = dir;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public Builder theme(String theme) {
      this.theme = theme;
      return this;
    }

    public Builder extraCss(Path css) {
      this.extraCss = css;
      return this;
    }

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

    public Builder embedFonts(boolean embed) {
      this.embedFonts = embed;
      return this;
    }

    public Builder categories(List<String> categories) {
      this.categories = categories;
      return this;
    }

    public Builder tags(List<String> tags) {
      this.tags = tags;
      return this;
    }

    /** Forces a reading order; null (the default) lets Gazette choose. */
    public Builder order(OrderRule order) {
      this.order = order;
      return this;
    }

    /** Adds wall-clock overrides (glob to zone), after those already given. */
    public Builder wallClock(Map<String, ZoneId> globs) {
      this.wallClock.putAll(globs);
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
      this.excludeCategories = categories;
      return this;
    }

    public Builder excludeTags(List<String> tags) {
      this.excludeTags = tags;
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

    public DigestRequest build() {
      return new DigestRequest(this);
    }
  }
}
