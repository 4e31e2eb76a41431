package dev.gazette.cli;

import dev.gazette.api.GazetteException;
import dev.gazette.api.GazetteListener;
import dev.gazette.api.Settings;
import dev.gazette.model.Problem;
import dev.gazette.util.LibraryLogs;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code gazette} command. Thin: options become a request, results become lines and an exit
 * code.
 */
@Command(
    name = "gazette",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns a folder of Markdown posts into EPUB and PDF digests.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:failed (input problems in --strict mode, I/O errors; check: problems found)",
      "2:usage error (also a bad gazette.yml)",
      "3:no post in the range (unless --allow-empty)",
      "4:out of memory (the message says how to raise the heap)",
      "5:send: the file is not fit for the profile (too large, not a valid EPUB)",
      "6:send: cannot connect to the SMTP server",
      "7:send: the SMTP server refused the login",
      "8:send: the SMTP server refused the message"
    })
public final class Main implements Runnable {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int NO_POSTS = 3;
  static final int OUT_OF_MEMORY = 4;
  static final int UNFIT_FILE = 5;
  static final int SMTP_CONNECT = 6;
  static final int SMTP_LOGIN = 7;
  static final int SMTP_REFUSED = 8;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces and library logs.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only errors.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  private PrintWriter out;
  private PrintWriter err;
  private Map<String, String> env = Map.of();
  private OutOfMemory memory = new OutOfMemory(GazetteListener.NONE);

  /** Freed on out-of-memory, so there is room to say so. */
  @SuppressWarnings("unused")
  private byte[] reserve = new byte[512 * 1024];

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        new CommandLine(this), "missing command: build, list, check or send");
  }

  /**
   * The fixed out-of-memory line, encoded while there is memory: printing it must not need any, or
   * the JVM would end with exit code 1 and nothing said (seen once in six runs at -Xmx64m).
   */
  private static final byte[] FIXED_LINE =
      (OutOfMemory.FIXED_LINE + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);

  public static void main(String[] args) {
    Thread main = Thread.currentThread();
    int code;
    try {
      code = runMain(args, main);
    } catch (OutOfMemoryError e) {
      code = OUT_OF_MEMORY;
      printFixedLine();
    }
    System.exit(code);
  }

  private static void printFixedLine() {
    try {
      System.err.write(FIXED_LINE, 0, FIXED_LINE.length);
      System.err.flush();
    } catch (Throwable ignored) {
      // Nothing more can be said; the exit code still tells.
    }
  }

  private static int runMain(String[] args, Thread main) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // A helper thread that runs out of memory must not print a stack trace: the build's own thread
    // fails too (or waits for that thread's result) and prints the one line.
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> {
          if (!OutOfMemory.causedBy(e)) {
            // What the JVM prints without a handler.
            System.err.print("Exception in thread \"" + t.getName() + "\" ");
            e.printStackTrace();
          } else if (t == main) {
            // Out of memory past every catch of the main thread (while exiting, say): still the
            // one line and its exit code, not a silent exit code 1.
            printFixedLine();
            Runtime.getRuntime().halt(OUT_OF_MEMORY);
          }
        });
    return run(out, err, args);
  }

  /** Runs the command line and returns the exit code; tests call this directly. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, System.getenv(), args);
  }

  /** Runs with the given environment (SOURCE_DATE_EPOCH, CI) instead of the process's. */
  public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    Main main = new Main();
    main.out = out;
    main.err = err;
    main.env = Map.copyOf(env);
    int code;
    try {
      code = commandLine(main, out, err, commandsFor(args)).execute(args);
    } catch (OutOfMemoryError e) {
      // Thrown on the command's own thread; the frames that held the digest are gone by now, so
      // there is room to print the line.
      code = main.outOfMemory(e);
    }
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The subcommands, in the order {@code gazette --help} lists them. Added in code rather than in
   * the {@code @Command} annotation so that a run builds the model of the one it runs only (see
   * {@link #commandsFor}).
   */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("build", BuildCommand.class);
    commands.put("list", ListCommand.class);
    commands.put("check", CheckCommand.class);
    commands.put("publish", PublishCommand.class);
    commands.put("send", SendCommand.class);
    commands.put("help", CommandLine.HelpCommand.class);
    return Collections.unmodifiableMap(commands);
  }

  /** The options {@code gazette} itself takes that need no subcommand's model. */
  private static final Set<String> OWN_FLAGS = Set.of("-v", "--verbose", "-q", "--quiet");

  private static final Set<String> VERSION = Set.of("-V", "--version");

  /**
   * The subcommands whose model a run needs. picocli builds the model of every subcommand it is
   * given, and with the settings table's options that took 0.3-0.5 s of CPU on every run before any
   * work; a command line that names its command after {@code gazette}'s own flags ({@code gazette
   * -q build posts}) runs that command alone, and {@code gazette --version} none. Any other command
   * line ({@code --help}, {@code help build}, a mistyped command, an argument file) gets them all,
   * so help and suggestions read as before.
   */
  static Collection<String> commandsFor(String... args) {
    boolean version = false;
    for (String arg : args) {
      if (OWN_FLAGS.contains(arg)) {
        continue;
      }
      if (VERSION.contains(arg)) {
        version = true;
        continue;
      }
      if (!version && !arg.equals("help") && COMMANDS.containsKey(arg)) {
        return List.of(arg);
      }
      return COMMANDS.keySet();
    }
    return version ? List.of() : COMMANDS.keySet();
  }

  /** The command line with every subcommand and the options made from the settings table. */
  static CommandLine commandLine(Main main, PrintWriter out, PrintWriter err) {
    return commandLine(main, out, err, COMMANDS.keySet());
  }

  /**
   * The command line with the subcommands {@code names} (in {@link #COMMANDS} order) and their
   * options made from the settings table.
   */
  static CommandLine commandLine(
      Main main, PrintWriter out, PrintWriter err, Collection<String> names) {
    CommandLine cl = new CommandLine(main);
    // Added before the settings below, which apply to the subcommands present at the time.
    COMMANDS.forEach(
        (name, command) -> {
          if (names.contains(name)) {
            cl.addSubcommand(name, command);
          }
        });
    cl.setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionStrategy(
            parse -> {
              Logger.getLogger("").setLevel(main.verbose ? Level.INFO : Level.OFF);
              LibraryLogs.showOn(main.verbose ? err::println : null);
              return new CommandLine.RunLast().execute(parse);
            })
        .setParameterExceptionHandler(
            (e, a) -> {
              Optional<String> suggestion = suggestion(e);
              if (suggestion.isPresent()) {
                err.println("gazette: " + suggestion.get());
                return USAGE;
              }
              err.println("gazette: " + e.getMessage());
              err.println("Try 'gazette --help' for more information.");
              return USAGE;
            })
        .setExecutionExceptionHandler((e, cmd, parse) -> main.fail(e));
    Map<String, CommandLine> sub = cl.getSubcommands();
    if (sub.containsKey("build")) {
      SettingOptions.addTo(
          sub.get("build").getCommandSpec(),
          EnumSet.of(Settings.Scope.SELECTION, Settings.Scope.BUILD, Settings.Scope.COMMAND));
    }
    if (sub.containsKey("list")) {
      SettingOptions.addTo(
          sub.get("list").getCommandSpec(),
          EnumSet.of(Settings.Scope.SELECTION),
          ListCommand.COUNTABLE);
    }
    if (sub.containsKey("send")) {
      SettingOptions.addTo(
          sub.get("send").getCommandSpec(),
          s -> s.scope() == Settings.Scope.SEND || s.key().equals("profile"));
    }
    return cl;
  }

  /**
   * One line for a mistyped command or option that resembles a known one: {@code unknown command
   * 'biuld'. Did you mean: build?}; empty when nothing resembles it.
   */
  static Optional<String> suggestion(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException u)) {
      return Optional.empty();
    }
    List<String> unmatched = u.getUnmatched();
    if (unmatched.isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.get(0);
    boolean option = typed.startsWith("-");
    CommandLine.Model.CommandSpec spec = u.getCommandLine().getCommandSpec();
    boolean command = !option && spec.parent() == null;
    List<String> names = new ArrayList<>();
    if (option) {
      spec.options().forEach(o -> names.addAll(List.of(o.names())));
    } else if (command) {
      names.addAll(spec.subcommands().keySet());
    }
    List<String> suggestions = Suggestions.closest(typed.replaceFirst("=.*", ""), names);
    if (suggestions.isEmpty() && option) {
      suggestions = u.getSuggestions();
    }
    if (suggestions.isEmpty()) {
      return command
          ? Optional.of(
              "unknown command '"
                  + typed
                  + "' (commands: "
                  + String.join(", ", spec.subcommands().keySet())
                  + ")")
          : Optional.empty();
    }
    String what = option ? "unknown option" : command ? "unknown command" : "unexpected argument";
    // the closest few: picocli lists every name sharing a prefix
    List<String> closest = suggestions.subList(0, Math.min(3, suggestions.size()));
    return Optional.of(
        what + " '" + typed + "'. Did you mean: " + String.join(" or ", closest) + "?");
  }

  private int fail(Exception e) {
    if (OutOfMemory.causedBy(e)) {
      return outOfMemory(e);
    }
    if (verbose) {
      e.printStackTrace(err);
    }
    if (e instanceof UsageException) {
      err.println("gazette: " + e.getMessage());
      return USAGE;
    }
    if (e instanceof GazetteException g) {
      report(g.problems());
      err.println("gazette: " + g.getMessage());
      return switch (g.reason()) {
        case INVALID_REQUEST -> USAGE;
        case NO_POSTS -> NO_POSTS;
        case STRICT_PROBLEMS, IO -> FAILED;
        case UNFIT_FILE -> UNFIT_FILE;
        case SMTP_CONNECT -> SMTP_CONNECT;
        case SMTP_LOGIN -> SMTP_LOGIN;
        case SMTP_REFUSED -> SMTP_REFUSED;
      };
    }
    err.println(
        "gazette: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
    return FAILED;
  }

  private int outOfMemory(Throwable e) {
    // Other threads may still hold the digest: free the reserve so the line can be made, and fall
    // back to a fixed line if even that fails.
    reserve = null;
    try {
      if (verbose) {
        e.printStackTrace(err);
      }
      err.println(memory.message());
    } catch (OutOfMemoryError again) {
      err.println(OutOfMemory.FIXED_LINE);
    }
    return OUT_OF_MEMORY;
  }

  /** The build's listener, wrapped so an out-of-memory line can say what was being built. */
  GazetteListener follow(GazetteListener listener) {
    memory = new OutOfMemory(listener);
    return memory;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Map<String, String> env() {
    return env;
  }

  void report(List<Problem> problems) {
    for (Problem p : problems) {
      if (!quiet || p.severity() == Problem.Severity.ERROR) {
        err.println(p);
      }
    }
  }

  /** "1 post", "3 posts": a count with its noun, singular for one. */
  static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"gazette " + (v != null ? v : "development build")};
    }
  }
}
