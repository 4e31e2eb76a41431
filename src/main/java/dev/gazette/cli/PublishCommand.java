package dev.gazette.cli;

import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.PublishOptions;
import dev.gazette.api.PublishResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Write an OPDS catalog (catalog.xml) and an index.html over every digest (EPUB, PDF, "
            + "HTML) in DIR, newest first, with cover thumbnails: ready for a static host.")
final class PublishCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "DIR", description = "Folder of digests (e.g. out).")
  Path dir;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "Catalog title (default: the folder's name).")
  String title;

  @Option(
      names = "--author",
      paramLabel = "NAME",
      description = "Catalog author (default: the digests' most common author).")
  String author;

  @Override
  public Integer call() throws GazetteException {
    PublishResult result = Gazette.create().publish(dir, new PublishOptions(title, author));
    main.report(result.problems());
    if (!main.quiet) {
      main.out()
          .printf(
              "%s: %d digest(s), newest first%n%s%n",
              result.catalog(), result.entries().size(), result.index());
    }
    return Main.OK;
  }
}
