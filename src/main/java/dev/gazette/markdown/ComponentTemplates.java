package dev.gazette.markdown;

import dev.gazette.util.Xml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a site's own component draws from its source (a React/Preact {@code .tsx}/{@code
 * .jsx}, Vue, Svelte or Astro file), when that is a picture, a player or a link whose address is
 * made of the component's attributes: {@code src={`https://files.example.net/${path}.jpg`}}, Vue's
 * {@code :src="`https://www.youtube-nocookie.com/embed/${id}`"}, {@code
 * :href="'https://github.com/' + repo"}, Svelte's {@code src="https://example.net/{id}.png"}. Xe
 * Iaso's blog draws its pictures so (88 {@code <XeblogPicture>}, 57 {@code <Picture>}, 15 {@code
 * <XeblogHero>}), antfu.me its videos (10) and repository links (29); each was removed before.
 *
 * <p>Only the first picture ({@code img}), else the first player ({@code iframe}, {@code video},
 * {@code source}), else the first link ({@code a}) of the template is read, and only when its
 * address is literal text and attribute values joined: anything the site computes otherwise (a
 * local variable, a function call) gives no stand-in, so a wrong picture is never shown.
 */
final class ComponentTemplates {
  private ComponentTemplates() {}

  /** An element with an address attribute: picture, player or link, in that order of choice. */
  private static final List<List<String>> KINDS =
      List.of(List.of("img"), List.of("iframe", "video", "source", "audio"), List.of("a"));

  /**
   * An attribute's value: bound (JSX {@code src={…}}, Vue {@code :src="…"}, {@code v-bind:src="…"})
   * or plain ({@code src="…"}).
   */
  private static final String VALUE = "(?:\\{((?:[^{}]|\\{[^{}]*\\})*)\\}|\"([^\"]*)\"|'([^']*)')";

  private static final Pattern ELEMENT =
      Pattern.compile(
          "<(img|iframe|video|source|audio|a)\\b((?:[^<>\"'{}]|\"[^\"]*\"|'[^']*'|\\{(?:[^{}]|\\{[^{}]*\\})*\\})*)>",
          Pattern.DOTALL);

  private static Pattern attribute(String name) {
    return Pattern.compile("(?:^|\\s)(:|v-bind:)?" + name + "\\s*=\\s*" + VALUE, Pattern.DOTALL);
  }

  private static final Pattern SRC = attribute("src");
  private static final Pattern HREF = attribute("href");
  private static final Pattern ALT = attribute("alt");

  /** What {@code source} draws for a tag with {@code attributes}: HTML the normalizer reads. */
  static Optional<String> standIn(String source, Map<String, String> attributes, String label) {
    String template = template(source);
    for (List<String> kind : KINDS) {
      Matcher m = ELEMENT.matcher(template);
      while (m.find()) {
        if (!kind.contains(m.group(1))) {
          continue;
        }
        String element = m.group(1);
        String address = value(element.equals("a") ? HREF : SRC, m.group(2), attributes);
        if (address == null || !address.matches("(?i)(https?:)?//\\S+|/\\S+|[\\w./-]+")) {
          return Optional.empty(); // the first of its kind is not one Gazette can read
        }
        return Optional.of(html(element, address, m.group(2), attributes, label, template));
      }
    }
    return Optional.empty();
  }

  private static String html(
      String element,
      String address,
      String tag,
      Map<String, String> attributes,
      String label,
      String template) {
    String a = SiteComponents.quoted(address);
    switch (element) {
      case "img" -> {
        String alt = value(ALT, tag, attributes);
        alt = alt != null ? alt : label != null ? label : "";
        String img = "<img src=\"" + a + "\" alt=\"" + SiteComponents.quoted(alt) + "\" />";
        String caption = caption(template, attributes);
        return caption == null || caption.isBlank()
            ? img
            : "<figure>" + img + "<figcaption>" + Xml.escape(caption) + "</figcaption></figure>";
      }
      case "a" -> {
        String text = label != null ? label : firstUsedValue(tag, attributes);
        return "<a href=\"" + a + "\">" + Xml.escape(text != null ? text : address) + "</a>";
      }
      default -> {
        String player = element.equals("source") ? "video" : element;
        return "<"
            + player
            + " src=\""
            + a
            + "\""
            + (label == null ? "" : " title=\"" + SiteComponents.quoted(label) + "\"")
            + "></"
            + player
            + ">";
      }
    }
  }

  /** A caption that shows one value: JSX's {@code {desc}}, Vue's {@code {{ desc }}}. */
  private static final Pattern CAPTION =
      Pattern.compile("<figcaption\\b[^>]*>\\s*\\{\\{?([^{}]*)\\}\\}?\\s*</figcaption>");

  /** The template's caption for {@code attributes}; null when it has none, or none it can read. */
  private static String caption(String template, Map<String, String> attributes) {
    Matcher m = CAPTION.matcher(template);
    return m.find() ? expression(m.group(1).strip(), attributes) : null;
  }

  /**
   * The template part of a component file: Vue's and Svelte's {@code <template>}/markup outside
   * {@code <script>}, JSX's {@code return (…)} are all found by their elements, so the scripts are
   * cut out first ({@code <img>} in a script's string is no element of the template).
   */
  private static String template(String source) {
    return source
        .replaceAll("(?s)<script\\b.*?</script>", "")
        .replaceAll("(?s)<style\\b.*?</style>", "");
  }

  /**
   * The value of an element's attribute, as the site computes it from the component's {@code
   * attributes}; null when it is not written or not computed from literals and attributes alone.
   */
  static String value(Pattern attribute, String tag, Map<String, String> attributes) {
    Matcher m = attribute.matcher(tag);
    if (!m.find()) {
      return null;
    }
    boolean bound = m.group(1) != null || m.group(2) != null;
    String written = written(m);
    if (!bound) {
      return svelte(written, attributes); // plain text, with Svelte's {name} inside
    }
    return expression(written.strip(), attributes);
  }

  /** The value an {@link #attribute} matched, as written between its braces or quotes. */
  private static String written(Matcher attribute) {
    return attribute.group(2) != null
        ? attribute.group(2)
        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
  }

  private static final Pattern SVELTE_PART = Pattern.compile("\\{\\s*([A-Za-z_$][\\w$]*)\\s*\\}");

  private static String svelte(String text, Map<String, String> attributes) {
    String out = substituted(SVELTE_PART, text, attributes);
    return out == null || out.indexOf('{') >= 0 ? null : out;
  }

  /**
   * {@code text} with each {@code part} (its group 1 an attribute's name, {@code props.x} too)
   * replaced by the attribute's value; null when a part names no attribute.
   */
  private static String substituted(Pattern part, String text, Map<String, String> attributes) {
    Matcher m = part.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Matcher name = NAME.matcher(m.group(1));
      String v = name.matches() ? attributes.get(name.group(1)) : null;
      if (v == null) {
        return null;
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static final Pattern NAME = Pattern.compile("(?:props\\.)?([A-Za-z_$][\\w$]*)");

  /**
   * A JavaScript expression of string literals, template literals and attribute names joined by
   * {@code +}; null for anything else.
   */
  static String expression(String expression, Map<String, String> attributes) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = expression.length();
    boolean wantOperand = true;
    while (i < n) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (!wantOperand) {
        if (c != '+') {
          return null;
        }
        wantOperand = true;
        i++;
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = expression.indexOf(c, i + 1);
        if (end < 0 || expression.substring(i + 1, end).indexOf('\\') >= 0) {
          return null;
        }
        out.append(expression, i + 1, end);
        i = end + 1;
      } else if (c == '`') {
        int end = expression.indexOf('`', i + 1);
        if (end < 0) {
          return null;
        }
        String text = templateLiteral(expression.substring(i + 1, end), attributes);
        if (text == null) {
          return null;
        }
        out.append(text);
        i = end + 1;
      } else {
        Matcher m = NAME.matcher(expression).region(i, n);
        if (!m.lookingAt()) {
          return null;
        }
        String v = attributes.get(m.group(1));
        if (v == null) {
          return null;
        }
        out.append(v);
        i = m.end();
      }
      wantOperand = false;
    }
    return wantOperand ? null : out.toString();
  }

  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\s*([^}]*?)\\s*\\}");

  private static String templateLiteral(String text, Map<String, String> attributes) {
    String out = substituted(SUBSTITUTION, text, attributes);
    return out == null || out.indexOf('\\') >= 0 ? null : out;
  }

  /**
   * The value of the first of {@code attributes} the element's address is made of: the name of the
   * repository in {@code :href="'https://github.com/' + repo"}.
   */
  private static String firstUsedValue(String tag, Map<String, String> attributes) {
    Matcher m = HREF.matcher(tag);
    if (!m.find()) {
      return null;
    }
    // the names outside the literals, and those substituted in template literals
    String names =
        written(m)
            .replaceAll("\\$\\{([^}]*)\\}", "`+$1+`")
            .replaceAll("`[^`+]*`|'[^']*'|\"[^\"]*\"", " ");
    Matcher name = NAME.matcher(names);
    while (name.find()) {
      String v = attributes.get(name.group(1));
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
