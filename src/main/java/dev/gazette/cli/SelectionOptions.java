package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.RangeChoice;
import dev.gazette.model.DateRange;
import dev.gazette.model.OrderRule;
import dev.gazette.source.WallClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which posts to take: shared by {@code build} and {@code list}. Options override gazette.yml. */
final class SelectionOptions {
  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description = "Folder of posts (searched recursively) or one post file.")
  Path source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: SOURCE/gazette.yml when present).")
  Path config;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First day to include (with --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "Last day to include (with --from).")
  String to;

  @Option(
      names = "--week",
      paramLabel = "WEEK",
      description = "last, this or an ISO week such as 2021-W26 (Monday to Sunday).")
  String week;

  @Option(
      names = "--month",
      paramLabel = "MONTH",
      description = "last, this or a month such as 2021-07.")
  String month;

  @Option(names = "--days", paramLabel = "N", description = "The last N days, today included.")
  Integer days;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description =
          "The day last/this/--days count from (default: SOURCE_DATE_EPOCH when set, else today).")
  String today;

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "IANA time zone for ranges and for dates without a zone (default: the system zone).")
  String zone;

  @Option(
      names = "--category",
      paramLabel = "NAME",
      split = ",",
      description = "Only posts in one of these categories.")
  List<String> categories = new ArrayList<>();

  @Option(
      names = "--exclude-category",
      paramLabel = "NAME",
      split = ",",
      description = "Leave out posts in these categories.")
  List<String> excludeCategories = new ArrayList<>();

  @Option(
      names = "--tag",
      paramLabel = "NAME",
      split = ",",
      description = "Only posts with one of these tags.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--exclude-tag",
      paramLabel = "NAME",
      split = ",",
      description = "Leave out posts with these tags.")
  List<String> excludeTags = new ArrayList<>();

  @Option(
      names = "--order",
      paramLabel = "RULE",
      description =
          "Reading order: date, path (natural: issue-2 before issue-10) or weight (SUMMARY.md,"
              + " _order.txt, front matter weight/order). Default: chosen from the folder.")
  String order;

  @Option(
      names = "--drafts",
      description = "Include drafts (_drafts/ folders and draft: true posts).")
  boolean drafts;

  @Option(
      names = "--wall-clock",
      paramLabel = "GLOB=ZONE",
      description =
          "Read the times of posts matching GLOB (relative to SOURCE) as wall-clock times in ZONE, "
              + "ignoring the zone they state (feeds that stamp local times GMT). Repeatable.")
  List<String> wallClock = new ArrayList<>();

  @Option(
      names = "--strict",
      description = "Fail on any problem in the input instead of skipping the post.")
  boolean strict;

  /**
   * The settings file: {@code --config}, else {@code gazette.yml} in the source folder, else none.
   */
  GazetteConfig loadConfig() {
    Path file = config != null ? config : ConfigLoader.find(source).orElse(null);
    if (file == null) {
      return GazetteConfig.EMPTY;
    }
    try {
      return ConfigLoader.load(file);
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Fills the selection part of a request: the file's values first, then the options given here.
   * Throws {@link UsageException} for bad values.
   */
  DigestRequest.Builder apply(
      DigestRequest.Builder b, GazetteConfig settings, Map<String, String> env) {
    settings.applyTo(b);
    b.source(source);
    if (drafts) {
      b.drafts(true);
    }
    for (String w : wallClock) {
      try {
        Map.Entry<String, java.time.ZoneId> e = WallClock.parseEntry(w);
        b.wallClock(Map.of(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--wall-clock: " + e.getMessage());
      }
    }
    if (order != null) {
      try {
        b.order(OrderRule.parse(order));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (strict) {
      b.strict(true);
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
    if (zone != null) {
      try {
        b.zone(ZoneId.of(zone));
      } catch (RuntimeException e) {
        throw new UsageException(
            "unknown time zone '" + zone + "' (use an IANA id such as Asia/Shanghai or UTC)");
      }
    }
    RangeChoice choice = rangeChoice();
    if (choice.isEmpty()) {
      choice = settings.range();
    }
    try {
      DateRange range = choice.resolve(today(b.build().zone(), env));
      b.range(range, range == null ? null : range.label());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return b;
  }

  private RangeChoice rangeChoice() {
    if ((from == null) != (to == null)) {
      throw new UsageException("--from and --to go together");
    }
    try {
      return new RangeChoice(
          week,
          month,
          days,
          from == null ? null : day("--from", from),
          to == null ? null : day("--to", to));
    } catch (IllegalArgumentException e) {
      throw new UsageException("give one of --from/--to, --week, --month or --days");
    }
  }

  /**
   * {@code --today}, else SOURCE_DATE_EPOCH (reproducible builds), else the clock, in {@code zone}.
   */
  LocalDate today(ZoneId zone, Map<String, String> env) {
    if (today != null) {
      return day("--today", today);
    }
    String epoch = env.get("SOURCE_DATE_EPOCH");
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(epoch.strip())).atZone(zone).toLocalDate();
      } catch (NumberFormatException e) {
        throw new UsageException(
            "SOURCE_DATE_EPOCH must be seconds since 1970, not '" + epoch + "'");
      }
    }
    return LocalDate.now(zone);
  }

  private static LocalDate day(String option, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " expects a date like 2021-07-02, not '" + value + "'");
    }
  }
}
