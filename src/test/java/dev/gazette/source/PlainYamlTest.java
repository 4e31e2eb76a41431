package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The plain-YAML reader gives what snakeyaml gives (same settings as {@link FrontMatter}) whenever
 * it answers, and leaves the rest to snakeyaml: on every front matter of the test resources and the
 * samples, and on random front matter made of the pieces that differ between YAML readers.
 */
class PlainYamlTest {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(50)
          .setAllowRecursiveKeys(false)
          .setCodePointLimit(FrontMatter.MAX_CHARS)
          .build();
  private static final PlainYaml PLAIN = new PlainYaml(SETTINGS.getSchema().getScalarResolver());

  /** snakeyaml's reading, or the exception's class when it refuses the text. */
  private static Object snakeyaml(String text) {
    try {
      Object v = new Load(SETTINGS).loadFromString(text);
      return v == null ? Map.of() : v;
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  /** Compares where the plain reader answers; returns whether it did. */
  private static boolean agrees(String text) {
    Map<Object, Object> plain = PLAIN.read(text);
    if (plain == null) {
      return false;
    }
    assertThat((Object) plain).as("front matter:\n%s", text).isEqualTo(snakeyaml(text));
    return true;
  }

  @Test
  void typicalFrontMatterIsReadWithoutSnakeyamlAndTypedAsSnakeyamlTypesIt() {
    String text =
        """
        title: '火车站篮球训练营：交警记录了''文物展览'''
        categories:
         - 科技
         - 新闻
        tags: [rust, "async io", 中文]
        author: 本报记者 林青
        comments: false
        draft: true
        weight: 3
        date: 2020-03-01 11:32:00
        updated: Sun, 01 Mar 2020 11:32:00 GMT
        url: https://example.org/a?b=c#d
        empty:
        nothing: null
        # a comment line
        list-at-zero:
        - a b
        - C# tips
        """;
    Map<Object, Object> plain = PLAIN.read(text);
    assertThat(plain).isNotNull();
    assertThat(plain.get("comments")).isEqualTo(Boolean.FALSE);
    assertThat(plain.get("weight")).isEqualTo(3);
    assertThat(plain.get("title")).isEqualTo("火车站篮球训练营：交警记录了'文物展览'");
    assertThat(plain.get("categories")).isEqualTo(List.of("科技", "新闻"));
    assertThat(plain).containsEntry("empty", null).containsEntry("nothing", null);
    assertThat(agrees(text)).isTrue();
  }

  @Test
  void leavesToSnakeyamlWhatItDoesNotRead() {
    for (String text :
        new String[] {
          "a: 1\na: 2\n", // repeated key: snakeyaml's error
          "a:\n  b: c\n", // nested map
          "a: |\n  text\n", // block scalar
          "a: &x v\nb: *x\n", // anchor and alias
          "a: \"esc\\u00e9\"\n", // escape
          "a: v # comment\n",
          "a: 1.5\n",
          "a: 12345678901\n",
          "a: text\n  continued\n",
          "a: [x,\n  y]\n",
          "a:\tb\n",
          "'quoted key': v\n",
          "a: !tag v\n",
          "true: v\n",
        }) {
      assertThat(PLAIN.read(text)).as(text).isNull();
    }
  }

  @Test
  void agreesOnEveryFrontMatterOfTheTestsAndSamples() throws IOException {
    int read = 0;
    int all = 0;
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("samples"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String yaml = yamlOf(f);
          if (yaml != null) {
            all++;
            read += agrees(yaml) ? 1 : 0;
          }
        }
      }
    }
    assertThat(all).isGreaterThan(50);
    // Most real front matter is plain: the fast path is the common one.
    assertThat(read).isGreaterThan(all / 2);
  }

  @Test
  void agreesOnRandomFrontMatter() {
    String[] keys = {"title", "date", "tags", "Title", "x-y", "a_b", "true", "null", "k1", "title"};
    String[] scalars = {
      "plain text",
      "中文 标题",
      "true",
      "false",
      "True",
      "TRUE",
      "null",
      "Null",
      "~",
      "0",
      "-0",
      "3",
      "-17",
      "007",
      "123456789",
      "1234567890",
      "0x1F",
      "0o17",
      "1e3",
      "1.5",
      ".5",
      ".inf",
      "-.inf",
      ".nan",
      "+1",
      "1_000",
      "2020-01-01",
      "2020-01-01 10:00:00 +0800",
      "12:30",
      "a: b",
      "a #b",
      "a#b",
      "C#",
      "a:",
      "a:b",
      "http://x/y?z=1#f",
      "'single'",
      "'it''s'",
      "'bad' x",
      "'open",
      "\"double\"",
      "\"with 'single'\"",
      "\"esc\\n\"",
      "\"open",
      "[a, b]",
      "[]",
      "[ ]",
      "[a,,b]",
      "[a, b,]",
      "['q, r', s]",
      "[\"x\", 'y']",
      "[[a]]",
      "[a: b]",
      "{a: 1}",
      "&anchor v",
      "*alias",
      "!tag v",
      "|",
      ">",
      "@at",
      "`tick`",
      "%pct",
      "- a",
      "-a",
      "-",
      "?q",
      ":c",
      "a - b",
      "a\u3000",
      "\u3000a",
      "a  b",
      "emoji 🙂",
      "${HOME}",
      "a, b",
      "x]",
      "a'b",
      "a\"b",
      "é",
      "\u00a0nbsp",
    };
    String[] listItems = {"a", "中文", "3", "true", "'q'", "\"d\"", "a: b", "- x", "", "C# x", "[a]"};
    Random random = new Random(16);
    int read = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder doc = new StringBuilder();
      int lines = random.nextInt(6);
      for (int i = 0; i < lines; i++) {
        String key = keys[random.nextInt(keys.length)];
        switch (random.nextInt(8)) {
          case 0 -> {
            doc.append(key).append(":\n");
            String indent = " ".repeat(random.nextInt(3));
            int items = random.nextInt(4);
            for (int j = 0; j < items; j++) {
              String itemIndent = random.nextInt(10) == 0 ? " " + indent : indent;
              doc.append(itemIndent)
                  .append("- ")
                  .append(listItems[random.nextInt(listItems.length)])
                  .append('\n');
            }
          }
          case 1 -> doc.append(random.nextBoolean() ? "\n" : "# comment\n");
          case 2 -> doc.append(key).append(":").append(" ".repeat(random.nextInt(3))).append('\n');
          case 3 -> doc.append(" ").append(key).append(": v\n");
          default ->
              doc.append(key)
                  .append(random.nextInt(20) == 0 ? "" : ":")
                  .append(" ".repeat(1 + random.nextInt(2)))
                  .append(scalars[random.nextInt(scalars.length)])
                  .append(" ".repeat(random.nextInt(2)))
                  .append('\n');
        }
      }
      read += agrees(doc.toString()) ? 1 : 0;
    }
    assertThat(read).isGreaterThan(2_000);
  }

  /** The YAML between a post's fences, as {@link FrontMatter} hands it over; null without one. */
  private static String yamlOf(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (!(name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".html"))) {
      return null;
    }
    String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(content.split("\r\n|\r|\n", -1)));
    int i = 0;
    while (i < lines.size() && lines.get(i).isBlank()) {
      i++;
    }
    if (i >= lines.size() || !lines.get(i).strip().equals("---")) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (i++; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.equals("---") || s.equals("...")) {
        return text.toString();
      }
      text.append(lines.get(i)).append('\n');
    }
    return null;
  }
}
