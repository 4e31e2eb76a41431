package dev.gazette.source;

import dev.gazette.model.OrderRule;
import dev.gazette.model.Ordering;
import dev.gazette.model.Post;
import dev.gazette.model.PostDate;
import dev.gazette.model.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts selected posts in reading order. Without a forced rule: by date when a range was given or
 * every post has a date; else explicitly (an order file, or front-matter {@code weight}/{@code
 * order}) when the folder gives an order; else by path in natural order. An explicit order file
 * wins over weights, and an explicit order wins over dates.
 */
public final class PostOrder {
  /** Keys whose numeric value places a post; lower comes first. */
  static final List<String> WEIGHT_KEYS = List.of("weight", "order");

  /** By path in natural order. */
  public static final Comparator<Post> BY_PATH =
      Comparator.comparing(Post::relativePath, NaturalOrder.PATHS);

  /** Dated posts by date (then path); undated ones after them, by path. */
  public static final Comparator<Post> BY_DATE =
      Comparator.comparing((Post p) -> p.date().map(PostDate::instant).orElse(Instant.MAX))
          .thenComparing(BY_PATH);

  /**
   * Posts in order, the rule that put them there, and problems met (unlisted files, bad weights).
   */
  public record Result(List<Post> posts, Ordering ordering, List<Problem> problems) {}

  private PostOrder() {}

  /**
   * @param forced the rule asked for, or null to choose
   * @param rangeGiven whether a date range selected the posts
   * @param orderFile the folder's order file, or null
   */
  public static Result order(
      List<Post> posts, OrderRule forced, boolean rangeGiven, OrderFile orderFile) {
    List<Problem> problems = new ArrayList<>();
    Map<Post, BigDecimal> weights = weights(posts, problems);
    OrderRule rule = forced != null ? forced : choose(posts, rangeGiven, orderFile, weights);
    List<Post> sorted = new ArrayList<>(posts);
    Ordering ordering;
    switch (rule) {
      case DATE -> {
        sorted.sort(BY_DATE);
        ordering =
            new Ordering(
                OrderRule.DATE,
                "publication date"
                    + (posts.stream().anyMatch(p -> p.date().isEmpty())
                        ? "; undated posts last, by path"
                        : ""));
      }
      case EXPLICIT -> {
        if (orderFile != null) {
          sorted = byOrderFile(posts, orderFile, problems);
          ordering = new Ordering(OrderRule.EXPLICIT, orderFile.file().getFileName().toString());
        } else if (!weights.isEmpty()) {
          sorted.sort(byWeight(weights));
          ordering =
              new Ordering(
                  OrderRule.EXPLICIT, "front matter weight/order; posts without one last, by path");
        } else {
          problems.add(
              Problem.warning(
                  null,
                  0,
                  "no SUMMARY.md, _order.txt or front-matter weight/order gives an order; ordered"
                      + " by path"));
          sorted.sort(BY_PATH);
          ordering = new Ordering(OrderRule.PATH, "natural path order");
        }
      }
      default -> {
        sorted.sort(BY_PATH);
        ordering = new Ordering(OrderRule.PATH, "natural path order");
      }
    }
    return new Result(sorted, ordering, problems);
  }

  /**
   * Whether {@link #order} takes the order from {@code orderFile}: it is asked for (explicit), or,
   * with no rule asked for, no date range was given (an order file wins over weights and dates).
   */
  static boolean byOrderFile(OrderRule forced, boolean rangeGiven, OrderFile orderFile) {
    return orderFile != null && (forced != null ? forced == OrderRule.EXPLICIT : !rangeGiven);
  }

  private static OrderRule choose(
      List<Post> posts, boolean rangeGiven, OrderFile orderFile, Map<Post, BigDecimal> weights) {
    if (rangeGiven) {
      return OrderRule.DATE;
    }
    if (orderFile != null || !weights.isEmpty()) {
      return OrderRule.EXPLICIT;
    }
    return posts.stream().allMatch(p -> p.date().isPresent()) ? OrderRule.DATE : OrderRule.PATH;
  }

  private static Comparator<Post> byWeight(Map<Post, BigDecimal> weights) {
    return Comparator.comparing(
            (Post p) -> Optional.ofNullable(weights.get(p)),
            (a, b) ->
                a.isPresent() && b.isPresent()
                    ? a.get().compareTo(b.get())
                    : Boolean.compare(a.isEmpty(), b.isEmpty()))
        .thenComparing(BY_PATH);
  }

  /** Listed posts in the file's order; the rest after them by path, each with a warning. */
  private static List<Post> byOrderFile(
      List<Post> posts, OrderFile orderFile, List<Problem> problems) {
    Map<String, Post> byPath = new HashMap<>();
    posts.forEach(p -> byPath.put(p.relativePath(), p));
    List<Post> sorted = new ArrayList<>();
    for (OrderFile.Entry e : orderFile.entries()) {
      Post p = byPath.remove(e.path());
      if (p != null) {
        sorted.add(p);
      } else if (posts.stream().noneMatch(q -> q.relativePath().equals(e.path()))) {
        problems.add(
            Problem.warning(
                orderFile.file(), e.line(), "lists " + e.path() + ", which is not a post here"));
      }
    }
    List<Post> rest = new ArrayList<>(byPath.values());
    rest.sort(BY_PATH);
    for (Post p : rest) {
      problems.add(
          Problem.warning(
              p.file(),
              0,
              "not listed in "
                  + orderFile.file().getFileName()
                  + "; placed after the listed posts"));
    }
    sorted.addAll(rest);
    return sorted;
  }

  private static Map<Post, BigDecimal> weights(List<Post> posts, List<Problem> problems) {
    Map<Post, BigDecimal> weights = new HashMap<>();
    for (Post p : posts) {
      for (String key : WEIGHT_KEYS) {
        Optional<String> value = p.field(key);
        if (value.isEmpty()) {
          continue;
        }
        try {
          weights.put(p, new BigDecimal(value.get()));
        } catch (NumberFormatException e) {
          problems.add(
              Problem.warning(
                  p.file(),
                  lineOf(p, key),
                  key + ": '" + value.get() + "' is not a number; ignored"));
        }
        break;
      }
    }
    return weights;
  }

  /**
   * The front-matter line that sets {@code key} (YAML or TOML), or 0; read only to report a
   * problem.
   */
  private static int lineOf(Post post, String key) {
    try {
      List<String> lines =
          java.nio.file.Files.readAllLines(post.file(), java.nio.charset.StandardCharsets.UTF_8);
      java.util.regex.Pattern setting =
          java.util.regex.Pattern.compile("(?i)^\\s*" + key + "\\s*[:=].*");
      for (int i = 0; i < Math.min(lines.size(), post.bodyLine()); i++) {
        if (setting.matcher(lines.get(i)).matches()) {
          return i + 1;
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // The line is a courtesy; the warning stands without it.
    }
    return 0;
  }
}
