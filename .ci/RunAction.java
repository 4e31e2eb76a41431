import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the composite action.yml's steps locally, in order, the way the runner would: inputs with
 * their defaults, `env:` and `if:` expressions evaluated (the subset action.yml uses: inputs.X,
 * steps.ID.outputs.X, github.*, runner.*, '...' literals, ==, !=, &&), each `run:` script in bash
 * with GITHUB_OUTPUT, and `uses:` steps emulated: setup-java is the local Java, actions/cache keeps
 * the path and reports cache-hit when it is already filled (so a second run shows the hits).
 *
 * <p>java -cp target/gazette.jar .ci/RunAction.java ACTION_DIR WORKSPACE [input=value ...]
 * Prints each step and, at the end, the action's outputs as name=value lines.
 */
public class RunAction {
  private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

  private final Map<String, String> inputs = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> steps = new HashMap<>();
  private final Map<String, String> context = new HashMap<>();

  public static void main(String[] args) throws Exception {
    Path actionDir = Path.of(args[0]).toAbsolutePath();
    Path workspace = Path.of(args[1]).toAbsolutePath();
    RunAction run = new RunAction();
    @SuppressWarnings("unchecked")
    Map<String, Object> action =
        (Map<String, Object>)
            new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(actionDir.resolve("action.yml")));
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> declared = (Map<String, Map<String, Object>>) action.get("inputs");
    declared.forEach((k, v) -> run.inputs.put(k, String.valueOf(v.getOrDefault("default", ""))));
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      String name = args[i].substring(0, eq);
      if (!declared.containsKey(name)) {
        throw new IllegalArgumentException("no such input: " + name);
      }
      run.inputs.put(name, args[i].substring(eq + 1));
    }
    Path temp = Files.createTempDirectory("runner-temp");
    run.context.put("github.action_path", actionDir.toString());
    run.context.put("github.action_repository", "");
    run.context.put("github.run_id", Long.toString(System.currentTimeMillis()));
    run.context.put("runner.temp", temp.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        (List<Map<String, Object>>) ((Map<String, Object>) action.get("runs")).get("steps");
    for (Map<String, Object> step : list) {
      run.step(step, workspace);
    }
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> outputs = (Map<String, Map<String, Object>>) action.get("outputs");
    for (var e : outputs.entrySet()) {
      String value = run.substitute(String.valueOf(e.getValue().get("value")));
      System.out.println("output " + e.getKey() + "=" + value.replace("\n", "\\n"));
    }
  }

  private void step(Map<String, Object> step, Path workspace) throws Exception {
    String name = String.valueOf(step.get("name"));
    Object condition = step.get("if");
    if (condition != null && !truthy(eval(String.valueOf(condition)))) {
      System.out.println("step skipped: " + name);
      return;
    }
    System.out.println("step: " + name);
    String id = (String) step.get("id");
    Map<String, String> out = new LinkedHashMap<>();
    String uses = (String) step.get("uses");
    if (uses != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> with = (Map<String, Object>) step.getOrDefault("with", Map.of());
      if (uses.startsWith("actions/cache@")) {
        Path path = workspace.resolve(substitute(String.valueOf(with.get("path"))));
        boolean hit = Files.isDirectory(path) && Files.list(path).findAny().isPresent();
        System.out.println("  cache " + (hit ? "hit" : "miss") + ": " + path);
        out.put("cache-hit", Boolean.toString(hit));
      } else if (!uses.startsWith("actions/setup-java@")) {
        throw new IllegalStateException("cannot emulate " + uses);
      }
    } else {
      Path outputFile = Files.createTempFile("github-output", ".txt");
      ProcessBuilder pb = new ProcessBuilder("bash", "-e", "-c", String.valueOf(step.get("run")));
      pb.directory(workspace.toFile()).inheritIO();
      pb.environment().put("GITHUB_OUTPUT", outputFile.toString());
      @SuppressWarnings("unchecked")
      Map<String, Object> env = (Map<String, Object>) step.getOrDefault("env", Map.of());
      env.forEach((k, v) -> pb.environment().put(k, substitute(String.valueOf(v))));
      int code = pb.start().waitFor();
      if (code != 0) {
        System.out.println("step failed with exit code " + code + ": " + name);
        System.exit(code);
      }
      readOutputs(outputFile, out);
    }
    if (id != null) {
      steps.put(id, out);
    }
  }

  /** key=value lines and key<<DELIMITER blocks, as the runner reads GITHUB_OUTPUT. */
  private static void readOutputs(Path file, Map<String, String> out) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int heredoc = line.indexOf("<<");
      int eq = line.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String key = line.substring(0, heredoc);
        String end = line.substring(heredoc + 2);
        List<String> value = new ArrayList<>();
        while (!lines.get(++i).equals(end)) {
          value.add(lines.get(i));
        }
        out.put(key, String.join("\n", value));
      } else if (eq > 0) {
        out.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
  }

  private String substitute(String s) {
    Matcher m = EXPR.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(eval(m.group(1))));
    }
    return m.appendTail(sb).toString();
  }

  private static boolean truthy(String v) {
    return !v.isEmpty() && !v.equals("false");
  }

  /** a && b && ...; each part a == b, a != b or a value. */
  private String eval(String expr) {
    expr = expr.strip();
    if (expr.startsWith("${{")) {
      expr = expr.substring(3, expr.length() - 2).strip();
    }
    String[] conjuncts = expr.split("&&");
    if (conjuncts.length > 1) {
      for (String c : conjuncts) {
        if (!truthy(eval(c))) {
          return "false";
        }
      }
      return "true";
    }
    for (String op : new String[] {"!=", "=="}) {
      int at = expr.indexOf(op);
      if (at > 0) {
        boolean same = value(expr.substring(0, at)).equals(value(expr.substring(at + 2)));
        return Boolean.toString(op.equals("==") == same);
      }
    }
    return value(expr);
  }

  private String value(String v) {
    v = v.strip();
    if (v.startsWith("'") && v.endsWith("'")) {
      return v.substring(1, v.length() - 1);
    }
    if (v.startsWith("inputs.")) {
      return inputs.getOrDefault(v.substring(7), "");
    }
    if (v.startsWith("steps.")) {
      String[] parts = v.split("\\.", 4);
      return steps.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
    }
    if (context.containsKey(v)) {
      return context.get(v);
    }
    throw new IllegalArgumentException("cannot evaluate: " + v);
  }
}
