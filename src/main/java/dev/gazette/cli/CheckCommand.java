package dev.gazette.cli;

import dev.gazette.api.CheckResult;
import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigLoader;
import dev.gazette.model.LeftOut;
import dev.gazette.model.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Read every post and report problems (bad dates, missing titles, broken local images, "
            + "a bad gazette.yml) without writing a digest. Exit 1 when there are problems.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Folder of posts.")
  Path source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: SOURCE/gazette.yml when present).")
  Path config;

  @Override
  public Integer call() throws GazetteException {
    List<Problem> problems = new ArrayList<>();
    DigestRequest request = DigestRequest.builder().source(source).build();
    Path file = config != null ? config : ConfigLoader.find(source).orElse(null);
    if (file != null) {
      try {
        request = new RequestLayers(DigestRequest.builder().source(source)).config(file).build();
      } catch (ConfigException e) {
        // A bad settings file is one of the problems found; the posts are still read.
        problems.add(Problem.error(e.file(), e.line(), e.detail()));
      }
    }
    CheckResult result = Gazette.create().check(request);
    problems.addAll(result.problems());
    for (Problem p : problems) {
      main.out().println(p);
    }
    if (!main.quiet) {
      result.hints().forEach(main.out()::println);
      LeftOut.summary(result.skipped()).ifPresent(main.out()::println);
      main.out()
          .println(
              Main.count(result.posts().size(), "post")
                  + " read, "
                  + Main.count(problems.size(), "problem"));
    }
    return problems.isEmpty() ? Main.OK : Main.FAILED;
  }
}
