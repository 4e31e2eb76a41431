package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.OutputFile;
import dev.gazette.config.GazetteConfig;
import dev.gazette.digest.Grouping;
import dev.gazette.model.Format;
import dev.gazette.model.LeftOut;
import dev.gazette.model.PostSelection;
import dev.gazette.model.Problem;
import dev.gazette.report.RunReport;
import dev.gazette.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "build",
    description = "Build an EPUB and/or PDF digest of the selected posts.",
    sortOptions = false,
    mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Mixin SelectionOptions selection = new SelectionOptions();

  @Option(
      names = "--format",
      paramLabel = "FORMATS",
      split = ",",
      description = "epub, pdf or both (default: epub,pdf).")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
  Path out;

  @Option(
      names = "--name",
      paramLabel = "BASENAME",
      description =
          "Output file name without extension; may use {year} {week} {month} {from} {to} {range}"
              + " {source}.")
  String name;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description =
          "Title (default: the folder's index.md or README title, else the folder name); may use"
              + " {year} {week} {month} {from} {to} {range} {source}.")
  String title;

  @Option(
      names = "--preface",
      paramLabel = "FILE",
      description = "A file read first as the preface, e.g. README.md.")
  Path preface;

  @Option(
      names = "--split-level",
      paramLabel = "1|2",
      description =
          "One file in: a chapter per top-level heading (1, default) or also per second-level"
              + " heading (2).")
  Integer splitLevel;

  @Option(
      names = "--group-by",
      paramLabel = "WAY",
      description =
          "Sections: day, category or none (default: day for 7 days or fewer, else category).")
  String groupBy;

  @Option(
      names = "--cover",
      paramLabel = "FILE",
      description = "Cover picture (JPEG or PNG) instead of the generated one.")
  Path cover;

  @Option(names = "--no-cover", description = "No cover page or cover image.")
  boolean noCover;

  @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run.")
  Path report;

  @Option(
      names = "--allow-empty",
      description = "Exit 0 without writing a digest when no post is selected (else exit 3).")
  boolean allowEmpty;

  @Option(names = "--theme", paramLabel = "NAME", description = "book (default), modern or print.")
  String theme;

  @Option(
      names = "--css",
      paramLabel = "FILE",
      description = "Extra stylesheet, applied after the theme.")
  Path css;

  @Option(
      names = "--page-size",
      paramLabel = "SIZE",
      description = "PDF page: A5 (default), A4, Letter or 6in.")
  String pageSize;

  @Option(
      names = "--font-serif",
      paramLabel = "FILE[#FACE]",
      description = "TrueType font for serif text (.ttf, or a face of a .ttc).")
  String fontSerif;

  @Option(
      names = "--font-sans",
      paramLabel = "FILE[#FACE]",
      description = "TrueType font for sans text (.ttf, or a face of a .ttc).")
  String fontSans;

  @Option(names = "--no-embed-fonts", description = "Do not embed fonts in the EPUB.")
  boolean noEmbedFonts;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Folder keeping downloaded images between runs (default: $XDG_CACHE_HOME/gazette/images"
              + " or ~/.cache/gazette/images).")
  Path cache;

  @Option(
      names = "--offline",
      description = "Take remote images from the cache only; download nothing.")
  boolean offline;

  @Option(
      names = "--allow-private-network",
      description = "Let images come from this machine and private networks (refused by default).")
  boolean allowPrivateNetwork;

  @Override
  public Integer call() throws GazetteException {
    GazetteConfig settings = selection.loadConfig();
    DigestRequest request = request(settings);
    Gazette gazette = Gazette.create();
    DigestResult result;
    try {
      result = gazette.build(request, ProgressDisplay.forTerminal(main));
    } catch (GazetteException e) {
      if (e.reason() != GazetteException.Reason.NO_POSTS) {
        writeReport(RunReport.failed(request, e.getMessage(), e.problems()));
        throw e;
      }
      PostSelection selection = gazette.select(request);
      // The exception's problems say why no post was left (posts that could not be converted too);
      // the selection alone knows only what the scan found.
      List<Problem> problems = e.problems();
      writeReport(
          RunReport.json(
              request,
              DigestResult.nothingWritten(selection.skipped(), problems, selection.ordering())));
      if (allowEmpty || Boolean.TRUE.equals(settings.allowEmpty())) {
        main.report(problems);
        if (!main.quiet) {
          LeftOut.summary(selection.skipped()).ifPresent(main.err()::println);
        }
        if (!main.quiet) {
          main.err().println("gazette: " + e.getMessage() + "; nothing written (--allow-empty)");
        }
        return Main.OK;
      }
      throw e;
    }
    main.report(result.problems());
    if (!main.quiet) {
      LeftOut.summary(result.skipped()).ifPresent(main.err()::println);
    }
    writeReport(RunReport.json(request, result));
    if (!main.quiet) {
      for (OutputFile o : result.outputs()) {
        main.out()
            .printf(
                "wrote %s (%s, %d posts)%n", o.path(), Main.size(o.size()), result.posts().size());
      }
    }
    return Main.OK;
  }

  private DigestRequest request(GazetteConfig settings) {
    DigestRequest.Builder b = selection.apply(DigestRequest.builder(), settings, main.env());
    Set<Format> fs = EnumSet.noneOf(Format.class);
    for (String f : formats) {
      try {
        fs.add(Format.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    }
    if (name != null && (name.contains("/") || name.contains("\\") || name.isBlank())) {
      throw new UsageException("--name is a file name without folders");
    }
    if (pageSize != null && dev.gazette.typeset.PageSize.parse(pageSize).isEmpty()) {
      throw new UsageException(
          "--page-size must be one of " + String.join(", ", dev.gazette.typeset.PageSize.labels()));
    }
    if (splitLevel != null && (splitLevel < 1 || splitLevel > 2)) {
      throw new UsageException("--split-level must be 1 or 2");
    }
    setIfGiven(preface, b::preface);
    setIfGiven(splitLevel, b::splitLevel);
    if (cover != null && noCover) {
      throw new UsageException("--cover and --no-cover exclude each other");
    }
    if (!fs.isEmpty()) {
      b.formats(fs);
    }
    setIfGiven(out, b::outputDir);
    setIfGiven(name, b::name);
    setIfGiven(title, b::title);
    setIfGiven(theme, b::theme);
    setIfGiven(css, b::extraCss);
    setIfGiven(pageSize, b::pageSize);
    if (noEmbedFonts) {
      b.embedFonts(false);
    }
    setIfGiven(cache, b::imageCache);
    if (offline) {
      b.offline(true);
    }
    if (allowPrivateNetwork) {
      b.allowPrivateNetwork(true);
    }
    if (fontSerif != null) {
      b.serifFont(DigestRequest.FontChoice.parse(fontSerif));
    }
    if (fontSans != null) {
      b.sansFont(DigestRequest.FontChoice.parse(fontSans));
    }
    if (groupBy != null) {
      try {
        b.groupBy(Grouping.parse(groupBy));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--group-by: " + e.getMessage());
      }
    }
    if (cover != null) {
      b.cover(true).coverImage(cover);
    }
    if (noCover) {
      b.cover(false).coverImage(null);
    }
    return b.build();
  }

  private static <T> void setIfGiven(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private void writeReport(String text) throws GazetteException {
    if (report == null) {
      return;
    }
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    try {
      AtomicFiles.write(report, o -> o.write(json));
    } catch (IOException e) {
      throw new GazetteException(
          GazetteException.Reason.IO, "cannot write report " + report + ": " + e.getMessage(), e);
    }
  }
}
