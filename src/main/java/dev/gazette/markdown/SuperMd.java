package dev.gazette.markdown;

import dev.gazette.util.Xml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zine's SuperMD ({@code .smd}) as the Markdown it means. SuperMD writes its directives in a link's
 * place: {@code [Title]($section.id('x'))} a heading with an id, {@code [NOTE]($block)} the title
 * of a note, {@code [caption]($image.asset('cat.jpg'))} a picture, {@code
 * [text]($link.page('docs/x') .ref('y'))} a link to a page, {@code
 * []($code.asset('main.zig').language('zig'))} a file's code, {@code [`x^2`]($mathtex)} a formula;
 * fences {@code =html} and {@code =mathtex} hold HTML and a displayed formula; and {@code
 * ![caption](cat.jpg "alt")} gives a caption where Markdown gives the alt text. A directive Gazette
 * cannot follow ({@code buildAsset}, made by the site's build) keeps its text and is said. Code is
 * left as written.
 */
public final class SuperMd {
  private SuperMd() {}

  /** Whether {@code file} is SuperMD. */
  public static boolean isSuperMd(Path file) {
    return file.getFileName() != null
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".smd");
  }

  /**
   * A directive in a link's place (or a picture's: its {@code !} goes too): the text, then the
   * expression, bare or in {@code <…>} (which may hold spaces). One level of brackets may nest in
   * the text ({@code [[1]]($link…)}). Possessive: a long paragraph must not recurse the matcher off
   * the stack.
   */
  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "!?\\[((?:[^\\[\\]\\n]++|\\[[^\\[\\]\\n]*+\\])*+)\\]"
              + "\\((?:<(\\$[^>\\n]*+)>|(\\$(?:[^()\\s]++|\\([^()\\n]*+\\))*+))\\)");

  /** One call of the chain: {@code .id('x')}, {@code .loop(true)}, {@code .site()}. */
  private static final Pattern CALL = Pattern.compile("\\.(\\w+)(?:\\(([^()]*)\\))?");

  private static final Pattern ARG =
      Pattern.compile("\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))\\s*");

  /** A heading whose text is a block's title: the title stays, the heading marks go. */
  private static final Pattern BLOCK_HEADING =
      Pattern.compile(
          "(?m)^((?:[ \\t]*>[ \\t]?)+)[ \\t]*#{1,6}[ \\t]+(?=\\[[^\\n]*\\]\\(<?\\$block)");

  /** A block's title line: an empty line of the quote after it makes it a paragraph of its own. */
  private static final Pattern BLOCK_TITLE =
      Pattern.compile("(?m)^((?:[ \\t]*>[ \\t]?)+)(\\[[^\\n]*\\]\\(<?\\$block[^\\n]*)$");

  /** A picture written the Markdown way: its bracket text is SuperMD's caption, its title alt. */
  private static final Pattern IMAGE =
      Pattern.compile(
          "!\\[([^\\[\\]\\n]*)\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"([^\"\\n]*)\")?\\s*\\)");

  /**
   * A link the Markdown way to a bare name ({@code [x](zig-day)}): SuperMD's {@code
   * $link.sibling('zig-day')}, the page beside this one; from a bundle's {@code index.smd} that is
   * one folder up. A name with a dot is a file's, with a colon an address. Group 1 is what comes
   * before the name.
   */
  private static final Pattern SIBLING =
      Pattern.compile("((?<!!)\\[[^\\[\\]]*+\\]\\(\\s*+<?)(?=[\\w-][^\\s:.)>]*[)>\\s])");

  private static final Pattern FENCE_OPEN = Pattern.compile("^( {0,3})(`{3,}|~{3,})=(\\w+)\\s*$");

  /** Where a post's directives find files, and whether the post is a bundle's {@code index}. */
  public record Page(TemplateTags.Includes includes, boolean bundleIndex) {}

  /** {@code markdown} (SuperMD) as Markdown; {@code warnings} gets a line for what was left out. */
  public static String read(String markdown, Page page, List<String> warnings) {
    Lost lost = new Lost();
    String text = rawFences(markdown);
    text = BLOCK_HEADING.matcher(text).replaceAll("$1");
    text = BLOCK_TITLE.matcher(text).replaceAll("$1$2\n$1");
    text =
        CodeFences.rewriteProse(
            text,
            (prose, spans) -> {
              String s =
                  page.bundleIndex()
                      ? SIBLING
                          .matcher(prose)
                          .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "../"))
                      : prose;
              s =
                  DIRECTIVE
                      .matcher(s)
                      .replaceAll(m -> Matcher.quoteReplacement(directive(m, spans, page, lost)));
              return IMAGE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(picture(m)));
            });
    lost.said(warnings);
    return text;
  }

  /** The fences {@code =html} (its HTML, as Zine inlines it) and {@code =mathtex} (a formula). */
  private static String rawFences(String markdown) {
    if (!markdown.contains("=html") && !markdown.contains("=mathtex")) {
      return markdown;
    }
    StringBuilder out = new StringBuilder(markdown.length());
    String[] lines = markdown.split("(?<=\n)", -1);
    CodeFences code = new CodeFences();
    for (int i = 0; i < lines.length; i++) {
      Matcher open = FENCE_OPEN.matcher(lines[i].stripTrailing());
      String kind = open.matches() ? open.group(3) : null;
      if (!"html".equals(kind) && !"mathtex".equals(kind) || code.isOpen()) {
        code.isCode(lines[i].stripTrailing());
        out.append(lines[i]);
        continue;
      }
      String fence = open.group(2);
      StringBuilder body = new StringBuilder();
      int j = i + 1;
      while (j < lines.length && !closes(lines[j], fence)) {
        body.append(lines[j]);
        j++;
      }
      if (kind.equals("html")) {
        out.append("\n").append(body).append("\n");
      } else {
        out.append(fence).append("math\n").append(body).append(fence).append("\n");
      }
      i = j; // the closing fence (or the end)
    }
    return out.toString();
  }

  private static boolean closes(String line, String fence) {
    String s = line.strip();
    return s.length() >= fence.length() && s.chars().allMatch(c -> c == fence.charAt(0));
  }

  private static String directive(
      java.util.regex.MatchResult m, List<String> spans, Page page, Lost lost) {
    String expression = m.group(2) != null ? m.group(2) : m.group(3);
    String text = m.group(1);
    int dot = expression.indexOf('.');
    String kind = dot < 0 ? expression.substring(1) : expression.substring(1, dot);
    Map<String, List<String>> calls = new LinkedHashMap<>();
    Matcher call = CALL.matcher(dot < 0 ? "" : expression.substring(dot));
    while (call.find()) {
      calls.put(call.group(1), args(call.group(2)));
    }
    String id = first(calls.get("id"));
    return switch (kind) {
      case "section", "heading", "text" -> withId(text, id);
      case "block" -> text.isBlank() ? "" : "**" + text.strip() + "**";
      case "mathtex" -> mathtex(text, spans);
      case "image" -> image(text, calls, lost);
      case "video", "audio" -> media(kind, text, calls, lost);
      case "code" -> code(calls, page, lost);
      case "link" -> link(text, calls, page, lost);
      default -> {
        lost.add("SuperMD directives Gazette does not know kept as their text", "$" + kind);
        yield text;
      }
    };
  }

  private static String withId(String text, String id) {
    if (id == null) {
      return text;
    }
    return "<span id=\"" + Xml.escape(id) + "\">" + text + "</span>";
  }

  private static String mathtex(String text, List<String> spans) {
    String tex = text.strip();
    for (int i = 0; i < spans.size(); i++) {
      if (tex.equals(CodeFences.spanMarker(i))) { // [`x^2`]($mathtex): the code span's text
        tex = spans.get(i).replaceAll("^`+|`+$", "").strip();
        break;
      }
    }
    return tex.isEmpty() || tex.contains("$") ? text : "$" + tex + "$";
  }

  /** Where an asset call ({@code asset}, {@code siteAsset}, {@code url}) points; null for none. */
  private static String source(Map<String, List<String>> calls) {
    if (calls.containsKey("url")) {
      return first(calls.get("url"));
    }
    if (calls.containsKey("asset")) {
      return first(calls.get("asset"));
    }
    String site = first(calls.get("siteAsset"));
    return site == null ? null : fromSiteRoot(site);
  }

  /** A site asset's or page's path as a link from the site's root. */
  private static String fromSiteRoot(String path) {
    return "/" + path.replaceFirst("^/+", "");
  }

  private static String image(String caption, Map<String, List<String>> calls, Lost lost) {
    String src = source(calls);
    if (src == null) {
      String built = first(calls.get("buildAsset"));
      lost.add(
          "pictures the site's build makes left out (SuperMD $image)",
          built != null ? built : "(no file named)");
      return caption;
    }
    String alt = first(calls.get("alt"));
    return figure(src, alt == null ? "" : alt, caption);
  }

  /**
   * A picture with SuperMD's caption: a figure when it has one, as Zine renders it; the caption is
   * the alt text too when none is given, so the picture's description is not lost.
   */
  private static String figure(String src, String alt, String caption) {
    String cap = caption.strip();
    if (cap.isEmpty()) {
      return "![" + alt.replace("]", "\\]") + "](<" + src + ">)";
    }
    return "<figure><img src=\""
        + Xml.escape(src)
        + "\" alt=\""
        + Xml.escape(alt.isEmpty() ? plain(cap) : alt)
        + "\" /><figcaption>"
        + Xml.escape(plain(cap))
        + "</figcaption></figure>";
  }

  private static String picture(java.util.regex.MatchResult m) {
    String caption = m.group(1);
    String alt = m.group(3);
    if (alt == null && caption.isBlank()) {
      return m.group();
    }
    return figure(m.group(2), alt == null ? "" : alt, caption);
  }

  private static String media(
      String kind, String caption, Map<String, List<String>> calls, Lost lost) {
    String src = source(calls);
    if (src == null) {
      lost.add(
          kind + " the site's build makes left out (SuperMD $" + kind + ")",
          String.valueOf(first(calls.get("buildAsset"))));
      return caption;
    }
    String player =
        "<" + kind + " src=\"" + Xml.escape(src) + "\" controls=\"controls\"></" + kind + ">";
    return caption.isBlank() ? player : player + " " + caption.strip();
  }

  private static String code(Map<String, List<String>> calls, Page page, Lost lost) {
    String language = first(calls.get("language"));
    Optional<String> file = Optional.empty();
    String name = null;
    if (calls.containsKey("asset")) {
      name = first(calls.get("asset"));
      file = name == null ? Optional.empty() : page.includes().read(name);
    } else if (calls.containsKey("siteAsset")) {
      name = first(calls.get("siteAsset"));
      file =
          name == null
              ? Optional.empty()
              : page.includes().fromSiteFolders(List.of("assets"), name);
    } else if (calls.containsKey("buildAsset")) {
      name = first(calls.get("buildAsset"));
      file = name == null ? Optional.empty() : page.includes().buildSource(name);
      if (file.isEmpty()) {
        lost.add(
            "code the site's build makes left out (SuperMD $code; Gazette runs no build)",
            String.valueOf(name));
        return "";
      }
      lost.add(
          "code the site's build makes shown from its source, without what the build adds to it"
              + " (a program's output; SuperMD $code, Gazette runs no build)",
          name);
      if (language == null || language.startsWith("=")) {
        language = extension(name);
      }
      file = file.map(text -> DOCTEST_DIRECTIVES.matcher(text).replaceFirst("\n"));
    }
    if (file.isEmpty()) {
      lost.add("code files not found left out (SuperMD $code)", String.valueOf(name));
      return "";
    }
    String body = file.get().replace("\r\n", "\n");
    List<String> lines = calls.get("lines");
    if (lines != null && lines.size() == 2) {
      try {
        String[] all = body.split("\n", -1);
        int from = Math.max(1, Integer.parseInt(lines.get(0)));
        int to = Math.min(all.length, Integer.parseInt(lines.get(1)));
        body = from > to ? "" : String.join("\n", List.of(all).subList(from - 1, to));
      } catch (NumberFormatException e) {
        // not numbers: the whole file, as written
      }
    }
    if (language != null && language.equals("=html")) {
      return "\n\n" + body + "\n\n";
    }
    return "\n\n" + CodeFences.block(language, body) + "\n\n";
  }

  /**
   * The lines ending a program that tell the Zig site's build how to run it ({@code //
   * exe=succeed}, {@code // syntax}, {@code // additional_option=--summary}), which the site does
   * not show.
   */
  private static final java.util.regex.Pattern DOCTEST_DIRECTIVES =
      java.util.regex.Pattern.compile("\\n*(?:\\n// [a-z_]+(?:=[^\\n]*)?)+\\s*$");

  /** A file name's extension as a code language: {@code hello.zig} is zig; null for none. */
  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot > name.lastIndexOf('/') ? name.substring(dot + 1) : "";
    return ext.matches("[A-Za-z0-9+#-]{1,12}") ? ext.toLowerCase(java.util.Locale.ROOT) : null;
  }

  private static String link(String text, Map<String, List<String>> calls, Page page, Lost lost) {
    String ref = first(calls.getOrDefault("ref", calls.get("unsafeRef")));
    String target;
    if (calls.containsKey("url")) {
      target = first(calls.get("url"));
    } else if (calls.containsKey("page")) {
      String p = first(calls.get("page"));
      target = p == null || p.isEmpty() ? "/" : "@" + fromSiteRoot(p);
    } else if (calls.containsKey("sibling")) {
      String p = first(calls.get("sibling"));
      target = p == null ? null : (page.bundleIndex() ? "../" : "") + p;
    } else if (calls.containsKey("sub")) {
      target = first(calls.get("sub"));
    } else if (calls.containsKey("asset") || calls.containsKey("siteAsset")) {
      target = source(calls);
    } else if (calls.containsKey("site")) {
      target = "/";
    } else if (ref != null) {
      target = "";
    } else {
      lost.add("SuperMD links Gazette cannot follow kept as text", text);
      return text;
    }
    if (target == null) {
      return text;
    }
    boolean toAsset = calls.containsKey("asset") || calls.containsKey("siteAsset");
    if (toAsset && text.strip().startsWith("![")) {
      return text; // a picture linked to itself, to zoom: the picture is what the digest shows
    }
    String href = target + (ref != null ? "#" + ref : "");
    String shown = text.isBlank() ? href.replaceFirst("^@/", "") : text;
    return "[" + shown + "](<" + href + ">)";
  }

  /** What a post's directives left out, said in one line per kind, naming what. */
  private static final class Lost {
    private final Map<String, List<String>> byKind = new LinkedHashMap<>();

    void add(String kind, String what) {
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(what);
    }

    void said(List<String> warnings) {
      byKind.forEach(
          (kind, names) -> {
            List<String> shown = names.stream().distinct().limit(3).toList();
            long more = names.stream().distinct().count() - shown.size();
            warnings.add(
                kind
                    + ": "
                    + String.join(", ", shown)
                    + (more > 0 ? " and " + more + " more" : ""));
          });
    }
  }

  private static List<String> args(String written) {
    List<String> args = new ArrayList<>();
    if (written == null || written.isBlank()) {
      return args;
    }
    Matcher a = ARG.matcher(written);
    int at = 0;
    while (at < written.length() && a.find(at) && a.start() == at) {
      String v = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : a.group(3);
      args.add(v.replaceAll("\\\\(.)", "$1"));
      at = a.end();
      if (at < written.length() && written.charAt(at) == ',') {
        at++;
      }
    }
    return args;
  }

  private static String first(List<String> args) {
    return args == null || args.isEmpty() ? null : args.get(0);
  }

  /** A caption's words without Markdown's emphasis marks: the caption is HTML here. */
  private static String plain(String markdown) {
    return markdown.replaceAll("(\\*{1,3}|_{1,3})(\\S(?:.*?\\S)?)\\1", "$2").replace("`", "");
  }
}
