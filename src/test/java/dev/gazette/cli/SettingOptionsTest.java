package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.api.Settings;
import dev.gazette.api.Settings.Setting;
import dev.gazette.testing.TestPosts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One naming rule between gazette.yml and the command line: the key {@code page-size} is the option
 * {@code --page-size} ({@code --no-embed-fonts} for a setting on by default), for every key and
 * every option but the few below.
 */
class SettingOptionsTest {
  @TempDir Path dir;

  /** Options that are about the run, not a setting a gazette.yml could hold. */
  private static final Set<String> COMMAND_LINE_ONLY =
      Set.of(
          "--config", // names the settings file itself
          "--today", // the day relative ranges count from: a file would freeze it
          "--report", // where this run's report goes
          "--verbose", // how much this run prints (inherited from gazette)
          "--quiet",
          "--help",
          "--version");

  private static CommandSpec command(String name) {
    StringWriter sink = new StringWriter();
    return Main.commandLine(new Main(), new PrintWriter(sink), new PrintWriter(sink))
        .getSubcommands()
        .get(name)
        .getCommandSpec();
  }

  /** The key an option stands for, by the rule. */
  private static String keyOf(String option) {
    String key = option.substring(2);
    return key.startsWith("no-") ? key.substring(3) : key;
  }

  @Test
  void everyKeyHasItsOptionAndEveryOptionItsKey() {
    CommandSpec build = command("build");
    for (Setting s : Settings.all()) {
      if (s.scope() == Settings.Scope.SEND) {
        assertThat(build.findOption(s.option())).as(s.key()).isNull();
        continue;
      }
      OptionSpec o = build.findOption(s.option());
      assertThat(o).as(s.key()).isNotNull();
      assertThat(o.longestName()).as(s.key()).isIn(s.option(), s.aliases().toArray());
    }
    Set<String> unmatched = new TreeSet<>();
    for (OptionSpec o : build.options()) {
      String name = o.longestName();
      if (!COMMAND_LINE_ONLY.contains(name) && !Settings.keys().contains(keyOf(name))) {
        unmatched.add(name);
      }
    }
    assertThat(unmatched).as("options without a gazette.yml key").isEmpty();
  }

  @Test
  void sendTakesTheSendSettingsAndTheProfile() {
    CommandSpec send = command("send");
    for (Setting s : Settings.all()) {
      boolean expected = s.scope() == Settings.Scope.SEND || s.key().equals("profile");
      OptionSpec o = send.findOption(s.option());
      assertThat(o != null && s.key().equals(o.descriptionKey())).as(s.key()).isEqualTo(expected);
    }
    Set<String> unmatched = new TreeSet<>();
    for (OptionSpec o : send.options()) {
      String name = o.longestName();
      if (!COMMAND_LINE_ONLY.contains(name)
          && !Set.of("--starttls", "--ssl").contains(name) // short for --security starttls|ssl
          && !Settings.keys().contains(keyOf(name))) {
        unmatched.add(name);
      }
    }
    assertThat(unmatched).as("options without a gazette.yml key").isEmpty();
  }

  @Test
  void everySettingGivenOnTheCommandLineIsReadBack() {
    for (Setting s : Settings.all()) {
      if (s.scope() == Settings.Scope.SEND) {
        continue;
      }
      List<String> args = new ArrayList<>(List.of("build", "posts", s.option()));
      Object expected =
          switch (s.kind()) {
            case TEXT -> "x";
            case LIST, MAP -> List.of("x=1");
            case SWITCH -> true;
            case SWITCH_ON -> false;
          };
      if (expected instanceof String text) {
        args.add(text);
      } else if (expected instanceof List<?> list) {
        args.add((String) list.get(0));
      }
      assertThat(given(args)).as(s.key()).containsExactly(Map.entry(s.key(), expected));
      if (s.kind() == Settings.Kind.TEXT && s.noValue() != null) {
        assertThat(given(List.of("build", "posts", "--no-" + s.key())))
            .as(s.key())
            .containsExactly(Map.entry(s.key(), s.noValue()));
        args.add("--no-" + s.key());
        assertThatThrownBy(() -> given(args))
            .as(s.key())
            .isInstanceOf(UsageException.class)
            .hasMessage(s.option() + " and --no-" + s.key() + " exclude each other");
      }
    }
  }

  /** The settings {@link SettingOptions#given} reads from a parsed build command line. */
  private static Map<String, Object> given(List<String> args) {
    StringWriter sink = new StringWriter();
    CommandLine cl =
        Main.commandLine(
            new Main(), new PrintWriter(sink), new PrintWriter(sink), List.of("build"));
    cl.parseArgs(args.toArray(String[]::new));
    return SettingOptions.given(cl.getSubcommands().get("build").getCommandSpec());
  }

  @Test
  void listTakesTheSelectionSettings() {
    CommandSpec list = command("list");
    for (Setting s : Settings.all()) {
      assertThat(list.findOption(s.option()) != null)
          .as(s.key())
          .isEqualTo(s.scope() == Settings.Scope.SELECTION);
    }
  }

  @Test
  void olderOptionNamesStillWork() {
    TestPosts.write(dir, "a.md", "---\ntitle: A\ndate: 2021-07-01\n---\nText.\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "build",
            dir.toString(),
            "--format",
            "epub",
            "--out",
            dir.resolve("o").toString(),
            "--name",
            "x",
            "--exclude-category",
            "none-such",
            "--no-cover");
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("o/x.epub")).exists();
    assertThat(dir.resolve("o/x.pdf")).doesNotExist();
  }

  @Test
  void aNameLeavingTheOutputFolderIsRefusedOnTheCommandLineAndInTheFile() {
    TestPosts.write(dir, "a.md", "---\ntitle: A\ndate: 2021-07-01\n---\nText.\n");
    StringWriter err = new StringWriter();
    PrintWriter e = new PrintWriter(err);
    String out = dir.resolve("o").toString();
    assertThat(
            Main.run(
                new PrintWriter(new StringWriter()),
                e,
                "build",
                dir.toString(),
                "--out",
                out,
                "--name",
                "../escaped"))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("--output-name: '../escaped' is not a file name");
    TestPosts.write(dir, "gazette.yml", "output:\n  name: ../escaped\n");
    assertThat(
            Main.run(new PrintWriter(new StringWriter()), e, "build", dir.toString(), "--out", out))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("gazette.yml:2: 'output.name': '../escaped' is not");
    assertThat(dir.resolve("escaped.epub")).doesNotExist();
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void theDocumentedKeyTableIsTheSettingsTable() throws Exception {
    String guide = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);
    assertThat(guide)
        .as("docs/configuration.md's gazette.yml table; paste Settings.markdownTable() there")
        .contains(Settings.markdownTable());
  }
}
