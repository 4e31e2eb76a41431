package dev.gazette.source;

import dev.gazette.model.DateRange;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.PostSelection;
import dev.gazette.model.SkippedPost;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chooses the posts of a digest from a scan and puts them in reading order. */
public final class PostSelector {
  /** Dated posts by date then path; undated posts after them, by path. */
  public static final Comparator<Post> DATE_ORDER =
      Comparator.comparing((Post p) -> p.date().map(PostDate::instant).orElse(Instant.MAX))
          .thenComparing(Post::relativePath);

  private PostSelector() {}

  /**
   * @param range the days to take, or {@code null} for every post (undated ones included)
   * @param zone the zone the range is read in
   * @param filter further conditions (categories, tags)
   */
  public static PostSelection select(
      PostScanner.Scan scan, DateRange range, ZoneId zone, Predicate<Post> filter) {
    return select(scan, range, zone, filter, false);
  }

  /**
   * As {@link #select(PostScanner.Scan, DateRange, ZoneId, Predicate)}; drafts are kept when asked.
   */
  public static PostSelection select(
      PostScanner.Scan scan,
      DateRange range,
      ZoneId zone,
      Predicate<Post> filter,
      boolean includeDrafts) {
    List<Post> selected = new ArrayList<>();
    List<SkippedPost> skipped = new ArrayList<>(scan.skipped());
    Set<Path> files = new HashSet<>();
    for (Post post : scan.posts()) {
      files.add(post.file());
    }
    for (Post post : scan.posts()) {
      if (isTranslation(post.file(), files)) {
        skipped.add(new SkippedPost(post.file(), dev.gazette.model.LeftOut.TRANSLATION));
        continue;
      }
      if (post.draft() && !includeDrafts) {
        skipped.add(new SkippedPost(post.file(), dev.gazette.model.LeftOut.DRAFT));
        continue;
      }
      if (range != null) {
        if (post.date().isEmpty()) {
          skipped.add(new SkippedPost(post.file(), dev.gazette.model.LeftOut.UNDATED));
          continue;
        }
        if (!range.contains(post.date().get().day(zone))) {
          continue;
        }
      }
      if (filter.test(post)) {
        selected.add(post);
      }
    }
    selected.sort(DATE_ORDER);
    return new PostSelection(selected, skipped, scan.problems());
  }

  /**
   * A file name with a language before its extension: {@code post.en.md}, {@code index.zh-cn.md}.
   */
  private static final Pattern TRANSLATED_NAME =
      Pattern.compile("^(.+)\\.([a-z]{2})(?:[-_][A-Za-z]{2,4})?(\\.[A-Za-z]+)$");

  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  /**
   * Whether {@code file} is a Hugo translation by file name: {@code post.en.md} (an ISO 639
   * language) beside {@code post.md} in the same folder. A site of only {@code *.en.md} files keeps
   * them; {@code notes.js.md} is no language.
   */
  static boolean isTranslation(Path file, Set<Path> files) {
    Matcher m = TRANSLATED_NAME.matcher(file.getFileName().toString());
    return m.matches()
        && LANGUAGES.contains(m.group(2))
        && files.contains(file.resolveSibling(m.group(1) + m.group(3)));
  }
}
