package dev.gazette.cli;

import dev.gazette.api.Settings;
import dev.gazette.api.Settings.Kind;
import dev.gazette.api.Settings.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command-line options made from {@link Settings}: {@code --KEY} for each setting ({@code
 * --no-KEY} for one that is on by default, and also for {@code cover}), plus its older names. No
 * option of a setting is written by hand.
 */
final class SettingOptions {
  private SettingOptions() {}

  /** Adds the options of the settings in {@code scopes} to a command. */
  static void addTo(CommandSpec spec, Set<Settings.Scope> scopes) {
    addTo(spec, s -> scopes.contains(s.scope()), Set.of());
  }

  /**
   * Adds the options of the settings in {@code scopes} to a command; the list settings named in
   * {@code countable} may also be given without a value ({@code list SOURCE --categories}), which
   * {@link #countAsked} tells.
   */
  static void addTo(CommandSpec spec, Set<Settings.Scope> scopes, Set<String> countable) {
    addTo(spec, s -> scopes.contains(s.scope()), countable);
  }

  /** Adds the options of the settings {@code which} accepts to a command. */
  static void addTo(CommandSpec spec, Predicate<Setting> which) {
    addTo(spec, which, Set.of());
  }

  private static void addTo(CommandSpec spec, Predicate<Setting> which, Set<String> countable) {
    for (Setting s : Settings.all()) {
      if (!which.test(s)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      names.add(s.option());
      names.addAll(s.aliases());
      // The key marks whose option this is: send's --from is send-from's alias, not the range's.
      OptionSpec.Builder o =
          OptionSpec.builder(names.toArray(String[]::new))
              .description(s.help())
              .descriptionKey(s.key());
      switch (s.kind()) {
        case TEXT -> o.paramLabel(s.label()).type(String.class);
        case LIST ->
            o.paramLabel(s.label())
                .type(List.class)
                .auxiliaryTypes(String.class)
                .splitRegex(",")
                .initialValue(null);
        case MAP ->
            o.paramLabel(s.label())
                .type(List.class)
                .auxiliaryTypes(String.class)
                .initialValue(null);
        case SWITCH, SWITCH_ON -> o.arity("0").type(boolean.class);
      }
      if (countable.contains(s.key())) {
        o.arity("0..1").fallbackValue(COUNT);
      }
      spec.addOption(o.build());
      if (s.kind() == Kind.TEXT && s.noValue() != null) {
        spec.addOption(
            OptionSpec.builder("--no-" + s.key())
                .arity("0")
                .type(boolean.class)
                .description("Same as --" + s.key() + " " + s.noValue() + ".")
                .build());
      }
    }
  }

  /**
   * The value an optional-value option takes when given alone: count, do not filter. A NUL, which
   * no command-line argument can hold.
   */
  private static final String COUNT = "\0";

  /** Whether the list setting {@code key} was given without a value, asking for counts. */
  static boolean countAsked(CommandSpec spec, String key) {
    OptionSpec o = spec.findOption("--" + key);
    if (o == null || !spec.commandLine().getParseResult().hasMatchedOption(o)) {
      return false;
    }
    List<?> values = o.getValue();
    return values != null && values.contains(COUNT);
  }

  /**
   * The settings given on the command line, key to value (a String, a list of Strings or a
   * Boolean), in {@link Settings} order.
   */
  static Map<String, Object> given(CommandSpec spec) {
    ParseResult parsed = spec.commandLine().getParseResult();
    // One map of every option name: findOption walks all options' names for each setting (the
    // settings times the options, ~20,000 name reads, each interpolated by picocli, per run). Every
    // name looked up here starts with "--", which only findOption's exact-name match can equal.
    Map<String, OptionSpec> options = spec.optionsMap();
    Map<String, Object> given = new LinkedHashMap<>();
    for (Setting s : Settings.all()) {
      OptionSpec main = options.get(s.option());
      if (main != null && !s.key().equals(main.descriptionKey())) {
        main = null;
      }
      OptionSpec no = s.kind() == Kind.TEXT ? options.get("--no-" + s.key()) : null;
      boolean hasMain = main != null && parsed.hasMatchedOption(main);
      boolean hasNo = no != null && parsed.hasMatchedOption(no);
      if (hasMain && hasNo) {
        throw new UsageException(s.option() + " and --no-" + s.key() + " exclude each other");
      }
      if (hasMain) {
        Object value = main.getValue();
        if (value instanceof List<?> l && l.contains(COUNT)) {
          // a counting option given alone filters nothing
          List<?> names = l.stream().filter(v -> !COUNT.equals(v)).toList();
          if (names.isEmpty()) {
            continue;
          }
          value = names;
        }
        given.put(s.key(), s.kind() == Kind.SWITCH_ON ? Boolean.FALSE : value);
      } else if (hasNo) {
        given.put(s.key(), s.noValue());
      }
    }
    return given;
  }
}
