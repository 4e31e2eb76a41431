package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.OutputFile;
import dev.gazette.api.RunReport;
import dev.gazette.model.LeftOut;
import dev.gazette.model.PostSelection;
import dev.gazette.model.Problem;
import dev.gazette.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "build",
    description = "Build an EPUB and/or PDF digest of the selected posts.",
    sortOptions = false,
    mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin SelectionOptions selection = new SelectionOptions();

  @Spec CommandSpec spec;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run.")
  Path report;

  @Override
  public Integer call() throws GazetteException {
    RequestLayers layers = selection.layers(spec, main.env());
    DigestRequest request = selection.request(layers);
    DigestResult result;
    try {
      result = Gazette.create().build(request, main.follow(ProgressDisplay.forTerminal(main)));
    } catch (GazetteException e) {
      if (e.reason() != GazetteException.Reason.NO_POSTS || e.selection().isEmpty()) {
        writeReport(() -> RunReport.failed(request, e.getMessage(), e.problems()));
        throw e;
      }
      PostSelection selected = e.selection().get();
      // The exception's problems say why no post was left (posts that could not be converted too);
      // the selection alone knows only what the scan found.
      List<Problem> problems = e.problems();
      writeReport(
          () ->
              RunReport.json(
                  request,
                  DigestResult.nothingWritten(selected.skipped(), problems, selected.ordering())));
      if (layers.isOn("allow-empty")) {
        main.report(problems);
        if (!main.quiet) {
          // the message holds what was left out when nothing was selected
          main.err().println("gazette: " + e.getMessage() + "; nothing written (--allow-empty)");
        }
        return Main.OK;
      }
      throw e;
    }
    main.report(result.problems());
    writeReport(() -> RunReport.json(request, result));
    if (!main.quiet) {
      LeftOut.summary(result.skipped()).ifPresent(main.err()::println);
      main.out().println("metadata: " + String.join("; ", result.digest().metadata().origins()));
      for (OutputFile o : result.outputs()) {
        main.out()
            .printf(
                "wrote %s (%s, %s)%n",
                o.path(), Main.size(o.size()), Main.count(result.posts().size(), "post"));
      }
    }
    return Main.OK;
  }

  /**
   * Writes the report when {@code --report} asks for one; the text is made only then (its JSON
   * writer is a Jackson {@code ObjectMapper}: ~120 classes a run without a report need not load).
   */
  private void writeReport(Supplier<String> text) throws GazetteException {
    if (report == null) {
      return;
    }
    byte[] json = text.get().getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(report, o -> o.write(json));
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot write report " + report + ": " + e.getMessage(), e);
    }
  }
}
