package dev.gazette.markdown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook ({@code .ipynb}, format 3 or 4) as the Markdown of a post, as Pelican's {@code
 * {% notebook file.ipynb cells[2:] %}} puts it in one: Markdown cells as they are, heading cells as
 * headings, code cells as fenced code in the notebook's language, and each output as the notebook
 * shows it: a picture (PNG, JPEG, SVG) as an image, HTML (a pandas table) as HTML, else its text as
 * a block of its own, terminal colours taken out. Raw cells and widgets are not shown.
 */
final class Notebooks {
  private Notebooks() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Python's slice of the cells, {@code cells[2:]}, {@code cells[1:-1]}. */
  private static final Pattern CELLS = Pattern.compile("cells\\[(-?\\d*):(-?\\d*)\\]");

  /** Terminal colour codes in a traceback or a progress bar. */
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

  /**
   * The notebook's Markdown.
   *
   * @param cells the tag's cell range as written ({@code cells[2:]}), or empty for all
   * @throws IllegalArgumentException when {@code json} is no notebook
   */
  static String markdown(String json, String cells) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a notebook (no JSON)", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a notebook");
    }
    List<JsonNode> all = new ArrayList<>();
    if (root.path("cells").isArray()) {
      root.path("cells").forEach(all::add);
    } else if (root.path("worksheets").isArray()) {
      root.path("worksheets").forEach(w -> w.path("cells").forEach(all::add));
    } else {
      throw new IllegalArgumentException("not a notebook (no cells)");
    }
    String language = language(root);
    StringBuilder out = new StringBuilder("\n");
    for (JsonNode cell : slice(all, cells)) {
      String type = cell.path("cell_type").asText();
      switch (type) {
        case "markdown" -> out.append(text(cell.path("source"))).append("\n\n");
        case "heading" ->
            out.append("#".repeat(Math.max(1, Math.min(6, cell.path("level").asInt(1)))))
                .append(' ')
                .append(text(cell.path("source")).strip().replace('\n', ' '))
                .append("\n\n");
        case "code" -> {
          String source = text(cell.has("source") ? cell.path("source") : cell.path("input"));
          if (!source.isBlank()) {
            out.append(CodeFences.block(cell.path("language").asText(language), source))
                .append("\n\n");
          }
          for (JsonNode output : cell.path("outputs")) {
            out.append(output(output));
          }
        }
        default -> {} // raw cells are for converters, not readers
      }
    }
    return out.toString();
  }

  /** The kernel's language: format 4's metadata, else Python (format 3 names it per cell). */
  private static String language(JsonNode root) {
    JsonNode meta = root.path("metadata");
    String name = meta.path("language_info").path("name").asText("");
    name = name.isEmpty() ? meta.path("kernelspec").path("language").asText("") : name;
    return name.isEmpty() ? "python" : name;
  }

  private static List<JsonNode> slice(List<JsonNode> all, String cells) {
    Matcher m = CELLS.matcher(cells == null ? "" : cells);
    if (!m.find()) {
      return all;
    }
    int n = all.size();
    int from = index(m.group(1), 0, n);
    int to = index(m.group(2), n, n);
    return from >= to ? List.of() : all.subList(from, to);
  }

  private static int index(String written, int otherwise, int n) {
    if (written.isEmpty()) {
      return otherwise;
    }
    int i = Integer.parseInt(written);
    return Math.max(0, Math.min(n, i < 0 ? n + i : i));
  }

  /** One output as the notebook shows it: the richest form a digest can hold. */
  private static String output(JsonNode output) {
    JsonNode data = output.has("data") ? output.path("data") : output; // format 3: on the output
    for (String[] picture :
        new String[][] {{"image/png", "png"}, {"image/jpeg", "jpeg"}, {"image/svg+xml", "svg"}}) {
      JsonNode value = data.has(picture[0]) ? data.path(picture[0]) : data.path(picture[1]);
      if (!value.isMissingNode() && !value.isNull()) {
        String text = text(value);
        String base64 =
            picture[1].equals("svg")
                ? java.util.Base64.getEncoder()
                    .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                : text.replaceAll("\\s+", "");
        return "\n<img src=\"data:"
            + picture[0]
            + ";base64,"
            + base64
            + "\" alt=\"notebook output\"/>\n\n";
      }
    }
    JsonNode html = data.has("text/html") ? data.path("text/html") : data.path("html");
    if (!html.isMissingNode() && !html.isNull()) {
      return "\n<div class=\"notebook-output\">\n" + text(html).strip() + "\n</div>\n\n";
    }
    String text;
    if (output.path("output_type").asText().equals("error")
        || output.path("output_type").asText().equals("pyerr")) {
      text = text(output.path("traceback"));
    } else if (output.has("text") && !output.has("data")) {
      text = text(output.path("text")); // a stream, or format 3's text/plain
    } else {
      text = text(data.path("text/plain"));
    }
    text = ANSI.matcher(text).replaceAll("");
    return text.isBlank() ? "" : CodeFences.block("", text) + "\n\n";
  }

  /** A cell's text, written as one string or as a list of lines. */
  private static String text(JsonNode value) {
    if (value.isArray()) {
      StringBuilder sb = new StringBuilder();
      value.forEach(line -> sb.append(line.asText()));
      return sb.toString();
    }
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
