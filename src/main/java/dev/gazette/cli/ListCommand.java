package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Post;
import dev.gazette.model.PostSelection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    description =
        "List the selected posts, one per line: date, title, path; "
            + "the first line names the reading order.",
    mixinStandardHelpOptions = true)
final class ListCommand implements Callable<Integer> {
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
    ZoneId zone = request.zone();
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
      main.out().println(when + "  " + p.title() + "  " + p.relativePath() + corrected);
    }
    if (result.posts().isEmpty()) {
      throw new GazetteException(GazetteException.Reason.NO_POSTS, "no post selected");
    }
    return 0;
  }
}
