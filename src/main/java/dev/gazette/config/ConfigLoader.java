package dev.gazette.config;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a {@code gazette.yml} into a {@link ConfigFile}. Strict: an unknown key, a key given twice
 * or a value of the wrong shape is a {@link ConfigException} naming the file, the line and the key,
 * so a typo never goes unnoticed in a scheduled job. It knows YAML, not the settings: the caller
 * passes the keys it accepts, and reads the values.
 */
public final class ConfigLoader {
  /** The file looked for at the root of the source folder. */
  public static final String FILE_NAME = "gazette.yml";

  /**
   * Nested spellings kept from earlier versions: {@code fonts: {serif: …}} is {@code font-serif},
   * and so on. {@code categories} and {@code tags} take a list or these two sub-keys.
   */
  private static final Map<String, List<String[]>> GROUPS =
      Map.of(
          "fonts",
          List.of(
              new String[] {"serif", "font-serif"},
              new String[] {"sans", "font-sans"},
              new String[] {"fallback", "font-fallback"},
              new String[] {"embed", "embed-fonts"}),
          "output",
          List.of(new String[] {"dir", "output-dir"}, new String[] {"name", "output-name"}),
          "categories",
          List.of(
              new String[] {"include", "categories"},
              new String[] {"exclude", "exclude-categories"}),
          "tags",
          List.of(new String[] {"include", "tags"}, new String[] {"exclude", "exclude-tags"}),
          "send",
          List.of(
              new String[] {"to", "send-to"},
              new String[] {"from", "send-from"},
              new String[] {"smtp", "send-smtp"},
              new String[] {"security", "send-security"},
              new String[] {"profile", "profile"}));

  private final Path file;
  private final List<String> keys;
  private final List<String> known;
  private final Set<String> seen = new HashSet<>();
  private final List<ConfigFile.Entry> entries = new ArrayList<>();

  private ConfigLoader(Path file, List<String> keys) {
    this.file = file;
    this.keys = keys;
    List<String> all = new ArrayList<>(keys);
    GROUPS.keySet().stream().filter(g -> !keys.contains(g)).sorted().forEach(all::add);
    this.known = List.copyOf(all);
  }

  /**
   * The {@code gazette.yml} at the root of a source folder (or beside a single post), if there is
   * one.
   */
  public static Optional<Path> find(Path source) {
    Path abs = source.toAbsolutePath().normalize();
    Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
    Path candidate = dir == null ? null : dir.resolve(FILE_NAME);
    return candidate != null && Files.isRegularFile(candidate)
        ? Optional.of(candidate)
        : Optional.empty();
  }

  /**
   * Reads a settings file.
   *
   * @param keys the keys accepted, in the order messages list them
   */
  public static ConfigFile load(Path file, List<String> keys) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ConfigException(file, 0, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file, 0, null, "cannot read: " + e.getMessage());
    }
    return new ConfigLoader(file, keys).parse(text);
  }

  private ConfigFile parse(String text) throws ConfigException {
    Optional<Node> root;
    try {
      root =
          new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      throw new ConfigException(file, line, null, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new ConfigException(file, 0, null, "not valid YAML: " + e.getMessage());
    }
    if (root.isPresent() && !isNull(root.get())) {
      for (NodeTuple t : mapping(root.get(), null, known)) {
        String key = keyOf(t);
        Node value = t.getValueNode();
        List<String[]> group = GROUPS.get(key);
        if (group != null && (value instanceof MappingNode || !keys.contains(key))) {
          List<String> subKeys = group.stream().map(g -> g[0]).toList();
          for (NodeTuple sub : mapping(value, key, subKeys)) {
            String canonical = group.get(subKeys.indexOf(keyOf(sub)))[1];
            add(canonical, key + "." + keyOf(sub), sub);
          }
        } else {
          add(key, key, t);
        }
      }
    }
    return new ConfigFile(file, entries);
  }

  private void add(String key, String spelled, NodeTuple t) throws ConfigException {
    Node k = t.getKeyNode();
    if (!seen.add(key)) {
      throw error(k, spelled, "appears twice");
    }
    entries.add(new ConfigFile.Entry(key, spelled, line(k), value(t.getValueNode(), spelled)));
  }

  /** A String, a List of Strings for a YAML list, or a Map of Strings for a mapping. */
  private Object value(Node n, String key) throws ConfigException {
    if (n instanceof MappingNode m) {
      Map<String, String> pairs = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        String k = text(t.getKeyNode(), key);
        if (pairs.put(k, text(t.getValueNode(), key + "." + k)) != null) {
          throw error(t.getKeyNode(), key + "." + k, "appears twice");
        }
      }
      return pairs;
    }
    if (n instanceof SequenceNode seq) {
      List<String> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        out.add(text(item, key));
      }
      return out;
    }
    return text(n, key);
  }

  private String text(Node n, String key) throws ConfigException {
    if (!(n instanceof ScalarNode s)) {
      throw error(
          n,
          key,
          "expects a single value, not a " + (n instanceof MappingNode ? "mapping" : "list"));
    }
    if (isNull(n) || s.getValue().isBlank()) {
      throw error(n, key, "needs a value");
    }
    return s.getValue().strip();
  }

  /** The tuples of a mapping, after checking that every key is known and appears once. */
  private List<NodeTuple> mapping(Node n, String key, List<String> known) throws ConfigException {
    if (!(n instanceof MappingNode m)) {
      throw error(n, key, "expects a mapping of " + String.join(", ", known));
    }
    Set<String> names = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      String name = k instanceof ScalarNode s ? s.getValue() : String.valueOf(k);
      String full = key == null ? name : key + "." + name;
      if (!known.contains(name)) {
        throw error(k, full, "unknown key (known: " + String.join(", ", known) + ")");
      }
      if (!names.add(name)) {
        throw error(k, full, "appears twice");
      }
    }
    return m.getValue();
  }

  private static String keyOf(NodeTuple t) {
    return ((ScalarNode) t.getKeyNode()).getValue();
  }

  private static boolean isNull(Node n) {
    return n.getTag().getValue().endsWith(":null");
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  private ConfigException error(Node n, String key, String message) {
    return new ConfigException(file, line(n), key, message);
  }
}
