package dev.gazette.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * A run builds the model of the command it runs only ({@link Main#commandsFor}); what it prints and
 * parses is the same as with every command's model.
 */
class LazyCommandsTest {
  private static final List<String> ALL =
      List.of("build", "list", "check", "publish", "send", "help");

  private static CommandLine commandLine(List<String> names) {
    StringWriter sink = new StringWriter();
    return Main.commandLine(new Main(), new PrintWriter(sink), new PrintWriter(sink), names);
  }

  @Test
  void aNamedCommandAloneAfterGazettesOwnFlags() {
    assertThat(Main.commandsFor("build", "posts", "--week", "2021-W26")).containsExactly("build");
    assertThat(Main.commandsFor("-q", "build", "posts")).containsExactly("build");
    assertThat(Main.commandsFor("--verbose", "-q", "send", "x.epub")).containsExactly("send");
    assertThat(Main.commandsFor("list", "help")).containsExactly("list");
    assertThat(Main.commandsFor("--version")).isEmpty();
    assertThat(Main.commandsFor("-q", "-V")).isEmpty();
  }

  @Test
  void everyOtherCommandLineGetsEveryCommand() {
    assertThat(Main.commandsFor()).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("--help")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("help", "build")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("biuld")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("-qv", "build")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("--", "build")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("@args.txt")).containsExactlyElementsOf(ALL);
    assertThat(Main.commandsFor("--version", "build")).containsExactlyElementsOf(ALL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"build", "list", "check", "publish", "send"})
  void aCommandAloneHasTheSameOptionsAndHelp(String name) {
    CommandLine alone = commandLine(List.of(name)).getSubcommands().get(name);
    CommandLine among = commandLine(ALL).getSubcommands().get(name);
    assertThat(alone.getUsageMessage()).isEqualTo(among.getUsageMessage());
    assertThat(alone.getCommandSpec().options())
        .extracting(o -> String.join(",", o.names()) + " " + o.arity() + " " + o.type())
        .containsExactlyElementsOf(
            among.getCommandSpec().options().stream()
                .map(o -> String.join(",", o.names()) + " " + o.arity() + " " + o.type())
                .toList());
  }

  @Test
  void theVersionNeedsNoCommand() {
    StringWriter fullOut = new StringWriter();
    StringWriter bareOut = new StringWriter();
    StringWriter sink = new StringWriter();
    Main.commandLine(new Main(), new PrintWriter(fullOut, true), new PrintWriter(sink), ALL)
        .execute("--version");
    Main.commandLine(new Main(), new PrintWriter(bareOut, true), new PrintWriter(sink), List.of())
        .execute("--version");
    assertThat(bareOut.toString()).startsWith("gazette ").isEqualTo(fullOut.toString());
  }

  @Test
  void theListOfCommandsIsInItsOrder() {
    assertThat(commandLine(ALL).getSubcommands().keySet()).containsExactlyElementsOf(ALL);
  }
}
