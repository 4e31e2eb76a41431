package dev.gazette.source;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wall-clock overrides: posts whose path (relative to the source folder) matches a glob have their
 * written time read in a given zone, whatever zone or offset the date states. Some feeds stamp
 * {@code GMT} on what are local wall-clock times; read literally, evening posts move to the next
 * day. The first matching glob wins.
 */
public final class WallClock {
  private static final WallClock NONE = new WallClock(Map.of());

  private record Rule(String glob, PathMatcher matcher, ZoneId zone) {}

  private final List<Rule> rules;

  /**
   * @param globs glob (relative to the source folder, {@code /} separators, {@code **} crossing
   *     folders) to the zone its posts' times are read in, in the order they are tried
   */
  public WallClock(Map<String, ZoneId> globs) {
    List<Rule> list = new ArrayList<>();
    globs.forEach(
        (glob, zone) -> {
          String pattern = glob.startsWith("./") ? glob.substring(2) : glob;
          list.add(
              new Rule(glob, FileSystems.getDefault().getPathMatcher("glob:" + pattern), zone));
        });
    this.rules = List.copyOf(list);
  }

  public static WallClock none() {
    return NONE;
  }

  /**
   * Parses {@code GLOB=ZONE} (the command-line form).
   *
   * @throws IllegalArgumentException when there is no {@code =}, the glob is empty or the zone is
   *     unknown
   */
  public static Map.Entry<String, ZoneId> parseEntry(String text) {
    int eq = text.lastIndexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("expected GLOB=ZONE, got '" + text + "'");
    }
    return Map.entry(text.substring(0, eq).strip(), zone(text.substring(eq + 1).strip()));
  }

  /** A zone id, or an IllegalArgumentException naming it. */
  public static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + id + "'", e);
    }
  }

  /** The globs with their zones, in order. */
  public Map<String, ZoneId> globs() {
    Map<String, ZoneId> m = new LinkedHashMap<>();
    rules.forEach(r -> m.put(r.glob(), r.zone()));
    return m;
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The zone to read the times of the post at {@code relativePath} in, if a glob matches it. */
  public Optional<ZoneId> zoneFor(String relativePath) {
    if (rules.isEmpty()) {
      return Optional.empty();
    }
    Path path = Path.of(relativePath);
    for (Rule r : rules) {
      if (r.matcher().matches(path)) {
        return Optional.of(r.zone());
      }
    }
    return Optional.empty();
  }
}
