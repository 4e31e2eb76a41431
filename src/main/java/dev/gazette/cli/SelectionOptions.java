package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.model.OrderRule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which posts to take: shared by {@code build} and {@code list}. */
final class SelectionOptions {
  @Parameters(index = "0", paramLabel = "SOURCE", description = "Folder of posts (searched recursively) or one post file.")
  Path source;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day to include (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day to include (with --from).")
  String to;

  @Option(names = "--week", paramLabel = "YYYY-Www", description = "An ISO week, e.g. 2021-W26 (Monday to Sunday).")
  String week;

  @Option(names = "--month", paramLabel = "YYYY-MM", description = "A calendar month, e.g. 2021-07.")
  String month;

  @Option(names = "--zone", paramLabel = "ZONE",
      description = "IANA time zone for ranges and for dates without a zone (default: the system zone).")
  String zone;

  @Option(names = "--category", paramLabel = "NAME", split = ",", description = "Only posts in one of these categories.")
  List<String> categories = new ArrayList<>();

  @Option(names = "--tag", paramLabel = "NAME", split = ",", description = "Only posts with one of these tags.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--order", paramLabel = "RULE",
      description = "Reading order: date, path (natural: issue-2 before issue-10) or weight (SUMMARY.md, _order.txt, "
          + "front matter weight/order). Default: chosen from the folder.")
  String order;

  @Option(names = "--drafts", description = "Include drafts (_drafts/ folders and draft: true posts).")
  boolean drafts;

  @Option(names = "--strict", description = "Fail on any problem in the input instead of skipping the post.")
  boolean strict;

  /** Fills the selection part of a request; throws {@link UsageException} for bad values. */
  DigestRequest.Builder apply(DigestRequest.Builder b) {
    b.source(source).strict(strict).categories(categories).tags(tags).drafts(drafts);
    if (order != null) {
      try {
        b.order(OrderRule.parse(order));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (zone != null) {
      try {
        b.zone(ZoneId.of(zone));
      } catch (RuntimeException e) {
        throw new UsageException("unknown time zone '" + zone + "' (use an IANA id such as Asia/Shanghai or UTC)");
      }
    }
    int ways = (from != null || to != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
    if (ways > 1) {
      throw new UsageException("give one of --from/--to, --week or --month");
    }
    try {
      if (from != null || to != null) {
        if (from == null || to == null) {
          throw new UsageException("--from and --to go together");
        }
        b.between(day("--from", from), day("--to", to));
      } else if (week != null) {
        b.week(week);
      } else if (month != null) {
        b.month(month);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return b;
  }

  private static LocalDate day(String option, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " expects a date like 2021-07-02, not '" + value + "'");
    }
  }
}
