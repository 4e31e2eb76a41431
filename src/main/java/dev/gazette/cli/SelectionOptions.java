package dev.gazette.cli;

import dev.gazette.api.DigestRequest;
import dev.gazette.config.ConfigException;
import dev.gazette.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code build} and {@code list} share besides the settings' options (which {@link
 * SettingOptions} adds): the source, the settings file and the day relative ranges count from.
 */
final class SelectionOptions {
  @Parameters(
      index = "0",
      paramLabel = "SOURCE",
      description = "Folder of posts (searched recursively) or one post file.")
  Path source;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (default: SOURCE/gazette.yml when present).")
  Path config;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description =
          "The day last/this/--days count from (default: SOURCE_DATE_EPOCH when set, else today).")
  String today;

  /**
   * The request's layers: the settings file ({@code --config}, else {@code gazette.yml} in the
   * source folder, else none), then the options given on the command line of {@code spec}. Throws
   * {@link UsageException} for bad values.
   */
  RequestLayers layers(CommandSpec spec, Map<String, String> env) {
    RequestLayers layers = new RequestLayers(DigestRequest.builder().source(source));
    Path file = config != null ? config : ConfigLoader.find(source).orElse(null);
    try {
      if (file != null) {
        layers.config(file);
      }
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    layers.options(SettingOptions.given(spec));
    if (today != null) {
      layers.builder().today(day("--today", today));
    } else {
      String epoch = env.get("SOURCE_DATE_EPOCH");
      if (epoch != null && !epoch.isBlank()) {
        try {
          // Reproducible builds: the day of this moment in the request's zone.
          layers.builder().now(Instant.ofEpochSecond(Long.parseLong(epoch.strip())));
        } catch (NumberFormatException e) {
          throw new UsageException(
              "SOURCE_DATE_EPOCH must be seconds since 1970, not '" + epoch + "'");
        }
      }
    }
    return layers;
  }

  /** The checked request of {@link #layers}. */
  DigestRequest request(RequestLayers layers) {
    try {
      return layers.build();
    } catch (ConfigException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static LocalDate day(String option, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " expects a date like 2021-07-02, not '" + value + "'");
    }
  }
}
