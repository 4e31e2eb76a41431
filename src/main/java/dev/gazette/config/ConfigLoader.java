package dev.gazette.config;

import dev.gazette.api.DigestRequest.FontChoice;
import dev.gazette.digest.Grouping;
import dev.gazette.digest.NameTemplate;
import dev.gazette.model.DateRange;
import dev.gazette.model.Format;
import dev.gazette.model.OrderRule;
import dev.gazette.typeset.Theme;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
 * Reads a {@code gazette.yml}. Strict: an unknown key, a value of the wrong type or an impossible
 * value is a {@link ConfigException} naming the file, the line and the key, so a typo never goes
 * unnoticed in a scheduled job. Relative paths are resolved against the file's folder.
 */
public final class ConfigLoader {
  /** The file looked for at the root of the source folder. */
  public static final String FILE_NAME = "gazette.yml";

  /** Top-level keys, in the order the documentation lists them. */
  public static final List<String> KEYS =
      List.of(
          "title",
          "zone",
          "week",
          "month",
          "days",
          "from",
          "to",
          "categories",
          "tags",
          "group-by",
          "theme",
          "page-size",
          "css",
          "fonts",
          "formats",
          "output",
          "cover",
          "image-cache",
          "offline",
          "allow-private-network",
          "order",
          "drafts",
          "preface",
          "split-level",
          "strict",
          "allow-empty",
          "wall-clock");

  private static final List<String> FILTER_KEYS = List.of("include", "exclude");
  private static final List<String> FONT_KEYS = List.of("serif", "sans", "embed");
  private static final List<String> OUTPUT_KEYS = List.of("dir", "name");

  private final Path file;
  private final Path base;

  private ConfigLoader(Path file) {
    this.file = file;
    Path parent = file.toAbsolutePath().normalize().getParent();
    this.base = parent == null ? Path.of("") : parent;
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

  /** Reads and checks a configuration file. */
  public static GazetteConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new ConfigException(file, 0, null, "not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file, 0, null, "cannot read: " + e.getMessage());
    }
    return new ConfigLoader(file).parse(text);
  }

  private GazetteConfig parse(String text) throws ConfigException {
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
    if (root.isEmpty() || isNull(root.get())) {
      return GazetteConfig.EMPTY;
    }
    Values v = new Values();
    for (NodeTuple t : mapping(root.get(), null, KEYS)) {
      String key = keyOf(t);
      Node value = t.getValueNode();
      if (List.of("week", "month", "days", "from", "to").contains(key)) {
        v.rangeLine = line(t.getKeyNode());
      }
      switch (key) {
        case "title" -> v.title = template(value, key);
        case "zone" -> v.zone = zone(value, key);
        case "week" -> v.week = text(value, key);
        case "month" -> v.month = text(value, key);
        case "days" -> v.days = positive(value, key);
        case "from" -> v.from = date(value, key);
        case "to" -> v.to = date(value, key);
        case "categories" -> filter(value, key, v.categories, v.excludeCategories);
        case "tags" -> filter(value, key, v.tags, v.excludeTags);
        case "group-by" -> v.groupBy = grouping(value, key);
        case "theme" -> v.theme = oneOf(value, key, Theme.BUNDLED);
        case "page-size" -> v.pageSize = oneOf(value, key, dev.gazette.typeset.PageSize.labels());
        case "css" -> v.css = existingFile(value, key);
        case "fonts" -> fonts(value, v);
        case "formats" -> v.formats = formats(value, key);
        case "output" -> output(value, v);
        case "cover" -> cover(value, v);
        case "image-cache" -> v.imageCache = path(value, key);
        case "strict" -> v.strict = bool(value, key);
        case "allow-private-network" -> v.allowPrivateNetwork = bool(value, key);
        case "offline" -> v.offline = bool(value, key);
        case "order" ->
            v.order = OrderRule.parse(oneOf(value, key, List.of("date", "path", "weight")));
        case "drafts" -> v.drafts = bool(value, key);
        case "preface" -> v.preface = path(value, key);
        case "split-level" -> v.splitLevel = Integer.parseInt(oneOf(value, key, List.of("1", "2")));
        case "allow-empty" -> v.allowEmpty = bool(value, key);
        case "wall-clock" -> wallClock(value, v);
        default -> throw new IllegalStateException(key);
      }
    }
    RangeChoice range;
    try {
      range = new RangeChoice(v.week, v.month, v.days, v.from, v.to);
      range.resolve(LocalDate.of(2000, 1, 1)); // checks the syntax of weeks and months
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, v.rangeLine, rangeKey(v), e.getMessage());
    }
    return new GazetteConfig(
        file,
        v.title,
        v.zone,
        range,
        v.categories,
        v.excludeCategories,
        v.tags,
        v.excludeTags,
        v.groupBy,
        v.theme,
        v.pageSize,
        v.css,
        v.serifFont,
        v.sansFont,
        v.embedFonts,
        v.formats,
        v.outputDir,
        v.outputName,
        v.cover,
        v.coverImage,
        v.imageCache,
        v.offline,
        v.allowPrivateNetwork,
        v.order,
        v.drafts,
        v.preface,
        v.splitLevel,
        v.strict,
        v.allowEmpty,
        v.wallClock);
  }

  /** Collects values while reading; becomes a {@link GazetteConfig}. */
  private static final class Values {
    String title;
    ZoneId zone;
    String week;
    String month;
    Integer days;
    int rangeLine;
    LocalDate from;
    LocalDate to;
    final List<String> categories = new ArrayList<>();
    final List<String> excludeCategories = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    final List<String> excludeTags = new ArrayList<>();
    Grouping groupBy;
    String theme;
    String pageSize;
    Path css;
    FontChoice serifFont;
    FontChoice sansFont;
    Boolean embedFonts;
    Set<Format> formats = Set.of();
    Path outputDir;
    String outputName;
    Boolean cover;
    Path coverImage;
    Path imageCache;
    Boolean strict;
    Boolean allowPrivateNetwork;
    Boolean offline;
    OrderRule order;
    Boolean drafts;
    Path preface;
    Integer splitLevel;
    Boolean allowEmpty;
    final java.util.Map<String, ZoneId> wallClock = new java.util.LinkedHashMap<>();
  }

  private static String rangeKey(Values v) {
    return v.week != null ? "week" : v.month != null ? "month" : v.days != null ? "days" : "from";
  }

  private void filter(Node value, String key, List<String> include, List<String> exclude)
      throws ConfigException {
    if (value instanceof MappingNode) {
      for (NodeTuple t : mapping(value, key, FILTER_KEYS)) {
        String sub = keyOf(t);
        (sub.equals("include") ? include : exclude)
            .addAll(strings(t.getValueNode(), key + "." + sub));
      }
    } else {
      include.addAll(strings(value, key));
    }
  }

  private void fonts(Node value, Values v) throws ConfigException {
    for (NodeTuple t : mapping(value, "fonts", FONT_KEYS)) {
      String key = "fonts." + keyOf(t);
      Node n = t.getValueNode();
      switch (keyOf(t)) {
        case "serif" -> v.serifFont = font(n, key);
        case "sans" -> v.sansFont = font(n, key);
        default -> v.embedFonts = bool(n, key);
      }
    }
  }

  /** {@code wall-clock: {"feeds/**": Asia/Shanghai}}: globs relative to the source folder. */
  private void wallClock(Node value, Values v) throws ConfigException {
    if (!(value instanceof MappingNode m)) {
      throw error(
          value, "wall-clock", "a mapping of GLOB: ZONE, e.g. \"feeds/news/**\": Asia/Shanghai");
    }
    for (NodeTuple t : m.getValue()) {
      String glob = text(t.getKeyNode(), "wall-clock");
      v.wallClock.put(glob, zone(t.getValueNode(), "wall-clock." + glob));
    }
  }

  private void output(Node value, Values v) throws ConfigException {
    for (NodeTuple t : mapping(value, "output", OUTPUT_KEYS)) {
      String key = "output." + keyOf(t);
      if (keyOf(t).equals("dir")) {
        v.outputDir = path(t.getValueNode(), key);
      } else {
        String name = template(t.getValueNode(), key);
        if (name.contains("/") || name.contains("\\")) {
          throw error(t.getValueNode(), key, "a file name without folders and without extension");
        }
        v.outputName = name;
      }
    }
  }

  private void cover(Node value, Values v) throws ConfigException {
    String s = text(value, "cover");
    switch (s.toLowerCase(Locale.ROOT)) {
      case "generated" -> v.cover = true;
      case "none" -> v.cover = false;
      default -> {
        v.cover = true;
        v.coverImage = existingFile(value, "cover");
      }
    }
  }

  private FontChoice font(Node n, String key) throws ConfigException {
    FontChoice spec = FontChoice.parse(text(n, key));
    FontChoice resolved = new FontChoice(base.resolve(spec.file()), spec.faceName());
    if (!Files.isRegularFile(resolved.file())) {
      throw error(n, key, "no such font file: " + resolved.file());
    }
    return resolved;
  }

  private Set<Format> formats(Node n, String key) throws ConfigException {
    Set<Format> formats = EnumSet.noneOf(Format.class);
    List<String> names =
        n instanceof SequenceNode ? strings(n, key) : List.of(text(n, key).split(","));
    for (String name : names) {
      try {
        formats.add(Format.parse(name));
      } catch (IllegalArgumentException e) {
        throw error(n, key, e.getMessage());
      }
    }
    if (formats.isEmpty()) {
      throw error(n, key, "needs at least one of epub, pdf");
    }
    return formats;
  }

  private Grouping grouping(Node n, String key) throws ConfigException {
    try {
      return Grouping.parse(text(n, key));
    } catch (IllegalArgumentException e) {
      throw error(n, key, e.getMessage());
    }
  }

  private String template(Node n, String key) throws ConfigException {
    String s = text(n, key);
    try {
      NameTemplate.expand(
          s, new DateRange(LocalDate.of(2021, 6, 28), LocalDate.of(2021, 7, 4)), "x");
    } catch (IllegalArgumentException e) {
      throw error(n, key, e.getMessage());
    }
    return s;
  }

  private String oneOf(Node n, String key, List<String> allowed) throws ConfigException {
    String s = text(n, key);
    for (String a : allowed) {
      if (a.equalsIgnoreCase(s)) {
        return a;
      }
    }
    throw error(n, key, "'" + s + "' is not one of " + String.join(", ", allowed));
  }

  private ZoneId zone(Node n, String key) throws ConfigException {
    String s = text(n, key);
    try {
      return ZoneId.of(s);
    } catch (RuntimeException e) {
      throw error(
          n, key, "unknown time zone '" + s + "' (use an IANA id such as Asia/Shanghai or UTC)");
    }
  }

  private LocalDate date(Node n, String key) throws ConfigException {
    String s = text(n, key);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw error(n, key, "expects a date like 2021-07-02, not '" + s + "'");
    }
  }

  private Integer positive(Node n, String key) throws ConfigException {
    String s = text(n, key);
    try {
      int i = Integer.parseInt(s);
      if (i >= 1) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(n, key, "expects a whole number of days (1 or more), not '" + s + "'");
  }

  private Boolean bool(Node n, String key) throws ConfigException {
    String s = text(n, key).toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(n, key, "expects true or false, not '" + s + "'");
    };
  }

  private Path existingFile(Node n, String key) throws ConfigException {
    Path p = path(n, key);
    if (!Files.isRegularFile(p)) {
      throw error(n, key, "no such file: " + p);
    }
    return p;
  }

  private Path path(Node n, String key) throws ConfigException {
    String s = text(n, key);
    if (s.equals("~") || s.startsWith("~/")) {
      s = System.getProperty("user.home") + s.substring(1);
    }
    return base.resolve(s).normalize();
  }

  private List<String> strings(Node n, String key) throws ConfigException {
    if (n instanceof ScalarNode) {
      return List.of(text(n, key));
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(n, key, "expects a list of names");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(text(item, key));
    }
    return out;
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
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      Node k = t.getKeyNode();
      String name = k instanceof ScalarNode s ? s.getValue() : String.valueOf(k);
      String full = key == null ? name : key + "." + name;
      if (!known.contains(name)) {
        throw error(k, full, "unknown key (known: " + String.join(", ", known) + ")");
      }
      if (!seen.add(name)) {
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
