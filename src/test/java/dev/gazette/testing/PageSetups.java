package dev.gazette.testing;

import dev.gazette.api.DigestRequest;
import dev.gazette.api.Gazette;
import dev.gazette.api.GazetteException;
import dev.gazette.model.Format;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The page setups typesetting tests measure at, and one PDF per setup built from a folder. */
public final class PageSetups {
  private PageSetups() {}

  /** A named setup: the theme and page size of one build. */
  public record Setup(String name, String theme, String pageSize) {}

  public static final Setup A5 = new Setup("a5", "book", "A5");
  public static final Setup SIX_INCH = new Setup("6in", "book", "6in");

  /** The print theme on A4, under the name a test already uses for it. */
  public static Setup print(String name) {
    return new Setup(name, "print", "A4");
  }

  /** Builds a PDF of {@code source} per setup into {@code dir}: setup name to file, in order. */
  public static Map<String, Path> pdfs(Path source, Path dir, ZoneId zone, Setup... setups)
      throws GazetteException {
    Gazette gazette = Gazette.create();
    Map<String, Path> pdfs = new LinkedHashMap<>();
    for (Setup s : setups) {
      gazette.build(
          DigestRequest.builder()
              .source(source)
              .zone(zone)
              .outputDir(dir)
              .name(s.name())
              .theme(s.theme())
              .pageSize(s.pageSize())
              .formats(Format.PDF)
              .build());
      pdfs.put(s.name(), dir.resolve(s.name() + ".pdf"));
    }
    return pdfs;
  }
}
