package dev.gazette.config;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestRequest.FontChoice;
import dev.gazette.digest.Grouping;
import dev.gazette.model.Format;
import dev.gazette.model.OrderRule;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The settings of a {@code gazette.yml}: defaults for everything the command line can say. Every
 * value is optional (null or empty when the file does not set it); paths are already resolved
 * against the file's folder. Made by {@link ConfigLoader}; command-line options override it.
 *
 * @param file the file read, or null for {@link #EMPTY}
 * @param title title template, e.g. {@code 观察者网周报 {year}年第{week}期}
 * @param zone time zone of ranges and dates
 * @param range the range to take
 * @param categories only posts in one of these categories
 * @param excludeCategories posts in one of these categories are left out
 * @param tags only posts with one of these tags
 * @param excludeTags posts with one of these tags are left out
 * @param groupBy sections by day, category or none
 * @param theme {@code book}, {@code modern} or {@code print}
 * @param pageSize {@code A5}, {@code A4}, {@code Letter} or {@code 6in}
 * @param css extra stylesheet
 * @param serifFont serif font instead of the bundled one
 * @param sansFont sans font instead of the bundled one
 * @param embedFonts whether the EPUB embeds fonts
 * @param formats output formats
 * @param outputDir output folder
 * @param outputName output file name template (no extension)
 * @param cover false for no cover
 * @param coverImage a picture to use as the cover
 * @param imageCache folder keeping downloaded images between runs
 * @param offline take remote images from the cache only
 * @param allowPrivateNetwork whether images may come from this machine and private networks
 * @param order the reading order asked for
 * @param drafts whether drafts are included
 * @param preface a file read first as a book's preface
 * @param splitLevel heading level at which a single file is split into chapters
 * @param strict fail on any input problem
 * @param allowEmpty an empty selection is not an error
 */
public record GazetteConfig(
    Path file,
    String title,
    ZoneId zone,
    RangeChoice range,
    List<String> categories,
    List<String> excludeCategories,
    List<String> tags,
    List<String> excludeTags,
    Grouping groupBy,
    String theme,
    String pageSize,
    Path css,
    FontChoice serifFont,
    FontChoice sansFont,
    Boolean embedFonts,
    Set<Format> formats,
    Path outputDir,
    String outputName,
    Boolean cover,
    Path coverImage,
    Path imageCache,
    Boolean offline,
    Boolean allowPrivateNetwork,
    OrderRule order,
    Boolean drafts,
    Path preface,
    Integer splitLevel,
    Boolean strict,
    Boolean allowEmpty,
    java.util.Map<String, ZoneId> wallClock) {

  /** No file: nothing set. */
  public static final GazetteConfig EMPTY =
      new GazetteConfig(
          null,
          null,
          null,
          RangeChoice.NONE,
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          Set.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          java.util.Map.of());

  public GazetteConfig {
    range = range == null ? RangeChoice.NONE : range;
    categories = List.copyOf(categories);
    excludeCategories = List.copyOf(excludeCategories);
    tags = List.copyOf(tags);
    excludeTags = List.copyOf(excludeTags);
    formats = Set.copyOf(formats);
  }

  /**
   * Sets on {@code b} every value this file gives, except the range (which needs a "today", see
   * {@link RangeChoice#resolve}). Call it before applying command-line options, which win.
   */
  public DigestRequest.Builder applyTo(DigestRequest.Builder b) {
    if (title != null) {
      b.title(title);
    }
    if (zone != null) {
      b.zone(zone);
    }
    if (!categories.isEmpty()) {
      b.categories(categories);
    }
    if (!excludeCategories.isEmpty()) {
      b.excludeCategories(excludeCategories);
    }
    if (!tags.isEmpty()) {
      b.tags(tags);
    }
    if (!excludeTags.isEmpty()) {
      b.excludeTags(excludeTags);
    }
    if (groupBy != null) {
      b.groupBy(groupBy);
    }
    if (theme != null) {
      b.theme(theme);
    }
    if (pageSize != null) {
      b.pageSize(pageSize);
    }
    if (css != null) {
      b.extraCss(css);
    }
    if (serifFont != null) {
      b.serifFont(serifFont);
    }
    if (sansFont != null) {
      b.sansFont(sansFont);
    }
    if (embedFonts != null) {
      b.embedFonts(embedFonts);
    }
    if (!formats.isEmpty()) {
      b.formats(formats);
    }
    if (outputDir != null) {
      b.outputDir(outputDir);
    }
    if (outputName != null) {
      b.name(outputName);
    }
    if (cover != null) {
      b.cover(cover);
    }
    if (coverImage != null) {
      b.coverImage(coverImage);
    }
    if (imageCache != null) {
      b.imageCache(imageCache);
    }
    if (allowPrivateNetwork != null) {
      b.allowPrivateNetwork(allowPrivateNetwork);
    }
    if (offline != null) {
      b.offline(offline);
    }
    if (order != null) {
      b.order(order);
    }
    if (drafts != null) {
      b.drafts(drafts);
    }
    if (wallClock != null && !wallClock.isEmpty()) {
      b.wallClock(wallClock);
    }
    if (preface != null) {
      b.preface(preface);
    }
    if (splitLevel != null) {
      b.splitLevel(splitLevel);
    }
    if (strict != null) {
      b.strict(strict);
    }
    return b;
  }
}
