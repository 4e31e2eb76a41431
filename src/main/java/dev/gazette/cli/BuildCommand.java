package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.DigestResult;
import dev.gazette.api.Format;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.api.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", description = "Build an EPUB and/or PDF digest of the selected posts.",
    sortOptions = false, mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Mixin
  SelectionOptions selection = new SelectionOptions();

  @Option(names = "--format", paramLabel = "FORMATS", split = ",", description = "epub, pdf or both (default: epub,pdf).")
  List<String> formats = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
  Path out = Path.of("out");

  @Option(names = "--name", paramLabel = "BASENAME", description = "Output file name without extension.")
  String name;

  @Option(names = "--title", paramLabel = "TEXT", description = "Digest title (default: the folder name).")
  String title;

  @Option(names = "--theme", paramLabel = "NAME", description = "book (default), modern or print.")
  String theme;

  @Option(names = "--css", paramLabel = "FILE", description = "Extra stylesheet, applied after the theme.")
  Path css;

  @Option(names = "--page-size", paramLabel = "SIZE", description = "PDF page: A5 (default), A4, Letter or 6in.")
  String pageSize;

  @Option(names = "--font-serif", paramLabel = "FILE[#FACE]", description = "TrueType font for serif text (.ttf, or a face of a .ttc).")
  String fontSerif;

  @Option(names = "--font-sans", paramLabel = "FILE[#FACE]", description = "TrueType font for sans text (.ttf, or a face of a .ttc).")
  String fontSans;

  @Option(names = "--no-embed-fonts", description = "Do not embed fonts in the EPUB.")
  boolean noEmbedFonts;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "Folder keeping downloaded images between runs (default: $XDG_CACHE_HOME/gazette/images or ~/.cache/gazette/images).")
  Path cache;

  @Option(names = "--offline", description = "Take remote images from the cache only; download nothing.")
  boolean offline;

  @Override
  public Integer call() throws GazetteException {
    DigestRequest.Builder b = selection.apply(DigestRequest.builder());
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
    if (pageSize != null && !pageSize.matches("(?i)a4|a5|letter|6in")) {
      throw new UsageException("--page-size must be A5, A4, Letter or 6in");
    }
    b.formats(fs).outputDir(out).name(name).title(title).theme(theme).extraCss(css).pageSize(pageSize)
        .embedFonts(!noEmbedFonts).imageCache(cache).offline(offline);
    if (fontSerif != null) {
      b.serifFont(DigestRequest.FontChoice.parse(fontSerif));
    }
    if (fontSans != null) {
      b.sansFont(DigestRequest.FontChoice.parse(fontSans));
    }
    DigestResult result = Gazette.create().build(b.build());
    main.report(result.problems());
    for (OutputFile o : result.outputs()) {
      main.out().printf("wrote %s (%s, %d posts)%n", o.path(), Main.size(o.size()), result.posts().size());
    }
    return 0;
  }
}
