package dev.gazette.source;

import dev.gazette.model.Post;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where Jekyll publishes a post, as its {@code permalink} (the site's, or the post's own) makes the
 * address: {@code /:categories/:title/} puts {@code _posts/2020-06-15-syncthing.md} of category
 * {@code blog} at {@code /blog/syncthing/}. A picture the post names relatively ({@code
 * ./dropbox_1.png}) is the file at that address in the site ({@code blog/syncthing/dropbox_1.png}):
 * Nikita Prokopov's blog keeps its 568 pictures so.
 *
 * @param pattern the site's permalink, a style ({@code date}, {@code pretty}, {@code ordinal},
 *     {@code none}) or a pattern of placeholders
 */
public record JekyllPermalink(String pattern) {
  private static final Pattern DATED_NAME = Pattern.compile("^\\d{4}-\\d{1,2}-\\d{1,2}-(.+)$");

  private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

  /** The site's permalink, when its config gives one (Jekyll's default, {@code date}, else). */
  public static JekyllPermalink of(Optional<SiteConfig> config) {
    return new JekyllPermalink(
        config.map(c -> c.values().get("permalink")).filter(p -> !p.isBlank()).orElse("date"));
  }

  /**
   * The folder of the site {@code post}'s page is published in ({@code blog/syncthing}), when the
   * post is one of a {@code _posts/} folder; its day is read in {@code zone}.
   */
  public Optional<String> folderOf(Post post, ZoneId zone) {
    Path parent = post.file().getParent();
    if (parent == null
        || parent.getFileName() == null
        || !parent.getFileName().toString().equals("_posts")) {
      return Optional.empty();
    }
    String stem = post.file().getFileName().toString().replaceFirst("\\.[^.]+$", "");
    Matcher dated = DATED_NAME.matcher(stem);
    String title =
        post.fields().get("slug") instanceof String slug && !slug.isBlank()
            ? slug.strip()
            : dated.matches() ? dated.group(1) : stem;
    LocalDate day = post.date().map(d -> d.day(zone)).orElse(null);
    String own = post.fields().get("permalink") instanceof String p ? p.strip() : "";
    String path = expand(own.isEmpty() ? style(pattern) : style(own), post, title, day);
    if (path == null) {
      return Optional.empty();
    }
    String folder = path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1);
    folder = folder.replaceAll("/+", "/").replaceAll("^/|/$", "");
    return folder.contains("..") ? Optional.empty() : Optional.of(folder);
  }

  private static String style(String pattern) {
    return switch (pattern.strip()) {
      case "date" -> "/:categories/:year/:month/:day/:title:output_ext";
      case "pretty" -> "/:categories/:year/:month/:day/:title/";
      case "ordinal" -> "/:categories/:year/:y_day/:title:output_ext";
      case "none" -> "/:categories/:title:output_ext";
      default -> pattern.strip();
    };
  }

  /** The pattern's address for the post; null when it needs a day the post has not. */
  private static String expand(String pattern, Post post, String title, LocalDate day) {
    StringBuilder out = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      String name = m.group(1);
      String value =
          switch (name) {
            case "categories" ->
                String.join(
                    "/", post.categories().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
            case "title", "slug" -> title;
            case "output_ext" -> ".html";
            case "year" -> day == null ? null : String.valueOf(day.getYear());
            case "short_year" -> day == null ? null : String.format("%02d", day.getYear() % 100);
            case "month" -> day == null ? null : String.format("%02d", day.getMonthValue());
            case "i_month" -> day == null ? null : String.valueOf(day.getMonthValue());
            case "day" -> day == null ? null : String.format("%02d", day.getDayOfMonth());
            case "i_day" -> day == null ? null : String.valueOf(day.getDayOfMonth());
            case "y_day" -> day == null ? null : String.format("%03d", day.getDayOfYear());
            default -> m.group(); // not Jekyll's: as written
          };
      if (value == null) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
