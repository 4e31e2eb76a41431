package dev.gazette.source;

import dev.gazette.model.Post;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spots folders whose posts look stamped {@code GMT} on local wall-clock times: at least {@value
 * #MIN_POSTS} posts stamped GMT/UTC/{@code +00:00} of which most fall between 00:00 and 07:00 in
 * the digest zone, a night-time pattern no newsroom has. A picture URL carrying an upload time
 * ({@code …/2021/07/02/20210702203200577.jpg}) a little before the written time, but hours before
 * the time in the digest zone, is taken as further evidence; pictures uploaded at the digest-zone
 * time count against. Each hint names the folder, the share and the {@code wall-clock:} entry to
 * add.
 */
public final class WallClockHint {
  static final int MIN_POSTS = 5;

  private static final Pattern UTC_STAMP =
      Pattern.compile(
          "(?i).*(\\s(GMT|UTC|UT)|\\d(Z|[+-]00:?00|[+-]00)(\\[(UTC|GMT|Z|Etc/UTC)])?)$");

  /** An upload time in a picture URL: {@code /2021/07/02/20210702203200…}. */
  private static final Pattern URL_STAMP =
      Pattern.compile("/(\\d{4})/(\\d{2})/(\\d{2})/\\1\\2\\3(\\d{2})(\\d{2})(\\d{2})?");

  private static final List<String> PICTURE_KEYS =
      List.of("headimg", "thumbnail", "cover", "image", "banner");

  private WallClockHint() {}

  /**
   * One line per folder that looks mislabeled, in folder order.
   *
   * @param body reads a post's body (for picture URLs); may return "" when it cannot
   */
  public static List<String> hints(List<Post> posts, ZoneId zone, Function<Post, String> body) {
    Map<String, List<Post>> byFolder = new TreeMap<>();
    for (Post p : posts) {
      if (p.date().isPresent() && !p.date().get().dateOnly() && !p.date().get().corrected()) {
        if (stampedUtc(p)) {
          byFolder
              .computeIfAbsent(ContentFiles.folderOf(p.relativePath()), k -> new ArrayList<>())
              .add(p);
        }
      }
    }
    List<String> hints = new ArrayList<>();
    for (Map.Entry<String, List<Post>> e : byFolder.entrySet()) {
      List<Post> stamped = e.getValue();
      if (stamped.size() < MIN_POSTS) {
        continue;
      }
      int night = 0;
      int offsetPosts = 0;
      int agree = 0;
      int disagree = 0;
      for (Post p : stamped) {
        Instant t = p.date().get().instant();
        ZonedDateTime local = t.atZone(zone);
        if (local.getOffset().equals(ZoneOffset.UTC)) {
          continue;
        }
        offsetPosts++;
        if (local.getHour() < 7) {
          night++;
        }
        LocalDateTime upload = uploadTime(p, body);
        if (upload != null) {
          LocalDateTime written = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
          if (near(upload, written)) {
            agree++;
          } else if (near(upload, local.toLocalDateTime())) {
            disagree++;
          }
        }
      }
      if (offsetPosts < MIN_POSTS) {
        continue; // the digest zone is UTC (or the same as UTC then): nothing to suggest
      }
      boolean mostAtNight = night * 2 > offsetPosts;
      boolean pictures = agree >= 3 && agree > 2 * disagree;
      if (!(mostAtNight && disagree <= agree) && !pictures) {
        continue;
      }
      String folder = e.getKey().isEmpty() ? "." : e.getKey();
      String glob = e.getKey().isEmpty() ? "**" : e.getKey() + "/**";
      StringBuilder sb =
          new StringBuilder("hint: ")
              .append(night)
              .append(" of ")
              .append(offsetPosts)
              .append(" posts in ")
              .append(folder)
              .append(" stamped GMT/UTC fall between 00:00 and 07:00 in ")
              .append(zone.getId())
              .append(" (")
              .append(Math.round(100.0 * night / offsetPosts))
              .append("%)");
      if (agree + disagree > 0) {
        sb.append("; ")
            .append(agree)
            .append(" of ")
            .append(agree + disagree)
            .append(" picture upload times match the written time, not the ")
            .append(zone.getId())
            .append(" time");
      }
      sb.append(". If those are ")
          .append(zone.getId())
          .append(" wall-clock times, add to gazette.yml: wall-clock: {\"")
          .append(glob.replace("\"", "\\\""))
          .append("\": ")
          .append(zone.getId())
          .append("}");
      hints.add(sb.toString());
    }
    return hints;
  }

  /** An upload a little before (at most 3 hours) the given time, or at most 10 minutes after. */
  private static boolean near(LocalDateTime upload, LocalDateTime time) {
    long minutes = Duration.between(upload, time).toMinutes();
    return minutes >= -10 && minutes <= 180;
  }

  static boolean stampedUtc(Post p) {
    for (String key : PostReader.DATE_KEYS) {
      Object v = p.fields().get(key);
      if (v != null && !(v instanceof Boolean)) {
        return v instanceof CharSequence s && UTC_STAMP.matcher(s.toString().strip()).matches();
      }
    }
    return false;
  }

  private static LocalDateTime uploadTime(Post p, Function<Post, String> body) {
    for (String key : PICTURE_KEYS) {
      LocalDateTime t = p.field(key).map(WallClockHint::stamp).orElse(null);
      if (t != null) {
        return t;
      }
    }
    return stamp(body.apply(p));
  }

  private static LocalDateTime stamp(String text) {
    Matcher m = URL_STAMP.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      try {
        return LocalDateTime.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(4)),
            Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
      } catch (java.time.DateTimeException e) {
        // not a time: look further
      }
    }
    return null;
  }
}
