package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.model.PostSelection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description = {
      "List the selected posts, one per line: date, title, path, categories and tags; "
          + "the first line names the reading order.",
      "With --categories or --tags given without a value (after SOURCE): count the posts of each"
          + " category or tag instead."
    },
    mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
  /** The list settings that count when given without a value. */
  static final Set<String> COUNTABLE = Set.of("categories", "tags");

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

  @ParentCommand Main main;

  @Mixin SelectionOptions selection = new SelectionOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws GazetteException {
    DigestRequest request = selection.request(selection.layers(spec, main.env()));
    PostSelection result = Gazette.create().select(request);
    main.report(result.problems());
    if (!main.quiet) {
      LeftOut.summary(result.skipped()).ifPresent(main.err()::println);
    }
    boolean countCategories = SettingOptions.countAsked(spec, "categories");
    boolean countTags = SettingOptions.countAsked(spec, "tags");
    if (countCategories || countTags) {
      if (countCategories) {
        count("categories", result.posts(), Post::categories);
      }
      if (countTags) {
        count("tags", result.posts(), Post::tags);
      }
    } else {
      listPosts(request.zone(), result);
    }
    if (result.posts().isEmpty()) {
      throw new GazetteException(GazetteException.Reason.NO_POSTS, "no post selected");
    }
    return 0;
  }

  /**
   * One line per name: how many of the posts carry it, then the name; most used first, ties by
   * name.
   */
  private void count(String what, List<Post> posts, Function<Post, List<String>> names) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Post p : posts) {
      new LinkedHashSet<>(names.apply(p)).forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    main.out()
        .println("# " + counts.size() + " " + what + " in " + Main.count(posts.size(), "post"));
    int width = String.valueOf(counts.values().stream().max(Integer::compare).orElse(0)).length();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> main.out().printf("%" + width + "d  %s%n", e.getValue(), e.getKey()));
  }

  private void listPosts(ZoneId zone, PostSelection result) {
    main.out().println("# order: " + result.ordering());
    for (Post p : result.posts()) {
      String when =
          p.date()
              .map(
                  d ->
                      d.dateOnly() ? d.day(zone) + "      " : WHEN.format(d.instant().atZone(zone)))
              .orElse("undated         ");
      String corrected =
          p.date()
              .filter(d -> d.corrected())
              .map(d -> "  (wall clock " + d.wallClock() + ")")
              .orElse("");
      main.out().println(when + "  " + p.title() + "  " + p.relativePath() + corrected + labels(p));
    }
  }

  /** {@code categories: a, b; tags: c}, or nothing for a post without either. */
  static String labels(Post p) {
    List<String> parts = new ArrayList<>();
    if (!p.categories().isEmpty()) {
      parts.add("categories: " + String.join(", ", p.categories()));
    }
    if (!p.tags().isEmpty()) {
      parts.add("tags: " + String.join(", ", p.tags()));
    }
    return parts.isEmpty() ? "" : "  " + String.join("; ", parts);
  }
}
