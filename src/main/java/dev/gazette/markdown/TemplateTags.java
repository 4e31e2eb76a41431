package dev.gazette.markdown;

import dev.gazette.util.Urls;
import dev.gazette.util.Xml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the template tags that site generators leave in Markdown into what they mean, before the
 * Markdown is parsed: Hexo and Jekyll {@code {% … %}} tags (raw, asset_img, img, blockquote,
 * codeblock, highlight, youtube, link, comment) and Hugo shortcodes {@code {{< … >}}} / {@code {{%
 * … %}}} (figure, img, youtube, highlight, …). Images become images, quotes quotes, code fenced
 * code and videos an {@code iframe} (which normalization then turns into a link); tags without an
 * obvious meaning are removed, keeping what they enclose. Fenced and inline code is left untouched,
 * so documentation about these tags survives. Stateless.
 */
public final class TemplateTags {
  private static final Pattern FENCE =
      Pattern.compile("(?m)^( {0,3})(`{3,}|~{3,})[^\\n]*\\n[\\s\\S]*?(?:^\\1?\\2[ \\t]*$|\\z)");
  private static final Pattern INLINE_CODE = Pattern.compile("(`+)[^`\\n][\\s\\S]*?\\1");
  private static final Pattern RAW =
      Pattern.compile("\\{%-?\\s*raw\\s*-?%\\}([\\s\\S]*?)\\{%-?\\s*endraw\\s*-?%\\}");
  private static final Pattern COMMENT =
      Pattern.compile("\\{%-?\\s*comment\\s*-?%\\}[\\s\\S]*?\\{%-?\\s*endcomment\\s*-?%\\}");
  private static final Pattern CODE_TAG =
      Pattern.compile(
          "\\{%-?\\s*(highlight|codeblock|code)\\b([^%]*?)-?%\\}\\n"
              + "?([\\s\\S]*?)\\n"
              + "?\\{%-?\\s*end(?:highlight|codeblock|code)\\s*-?%\\}");

  /**
   * Hugo's {@code highlight}, and the {@code code} shortcodes of themes and modules ({@code {{<
   * code lang="ruby" title="Vagrantfile" >}}}): code, whose body no other step may read.
   */
  private static final Pattern HUGO_HIGHLIGHT =
      Pattern.compile(
          "\\{\\{[<%]\\s*(highlight|code|codeblock|code-block)(?=[\\s>%])([^>%]*?)\\s*[>%]\\}\\}\\n"
              + "?([\\s\\S]*?)\\n"
              + "?\\{\\{[<%]\\s*/\\s*\\1\\s*[>%]\\}\\}");

  private static final Pattern BLOCKQUOTE =
      Pattern.compile(
          "\\{%-?\\s*blockquote\\b([^%]*?)-?%\\}\\n"
              + "?([\\s\\S]*?)\\n"
              + "?\\{%-?\\s*endblockquote\\s*-?%\\}");
  private static final Pattern PAIRED =
      Pattern.compile("\\{%-?\\s*(\\w+)\\b[^%]*?-?%\\}([\\s\\S]*?)\\{%-?\\s*end\\1\\s*-?%\\}");

  /** A Hugo shortcode with a body: its name, its arguments, its body. */
  private static final Pattern HUGO_PAIRED =
      Pattern.compile(
          "\\{\\{[<%]\\s*([\\w-]+)\\b([^}]*?)[>%]\\}\\}([\\s\\S]*?)\\{\\{[<%]\\s*/\\s*\\1\\s*[>%]\\}\\}");

  /** Jekyll's {@code {% include file k="v" %}} and {@code {% include_relative file %}}. */
  private static final Pattern INCLUDE =
      Pattern.compile("\\{%-?\\s*(include(?:_relative)?)\\s+([^%]*?)\\s*-?%\\}");

  /**
   * Pelican's {@code {% literal tag args %}}: the tag as written, how a post about tags shows one
   * (the engines render tags in code blocks too).
   */
  private static final Pattern LITERAL = Pattern.compile("\\{%-?\\s*literal\\s+([^%]*?)\\s*-?%\\}");

  /**
   * Octopress's and Pelican's tags that show a file of the site: {@code {% include_code file.py
   * lang:python Title %}}, {@code {% notebook file.ipynb cells[2:] %}}.
   */
  private static final Pattern SITE_FILE_TAG =
      Pattern.compile("\\{%-?\\s*(include_code|notebook)\\s+([^%]*?)\\s*-?%\\}");

  /** Liquid's {@code {% capture name %}…{% endcapture %}}, output later as {@code {{ name }}}. */
  private static final Pattern CAPTURE =
      Pattern.compile(
          "\\{%-?\\s*capture\\s+([\\w-]+)\\s*-?%\\}([\\s\\S]*?)\\{%-?\\s*endcapture\\s*-?%\\}");

  /** An included file's parameter: {@code {{ include.caption }}}, its filters in group 2. */
  private static final Pattern INCLUDE_PARAMETER =
      Pattern.compile("\\{\\{-?\\s*include\\.([\\w-]+)\\s*((?:\\|[^}]*)?)-?\\}\\}");

  /** An index by an included file's parameter: {@code [include.handle]}. */
  private static final Pattern INCLUDE_INDEX = Pattern.compile("\\[\\s*include\\.([\\w-]+)\\s*\\]");

  /**
   * Liquid logic an included file would need run: such a file is a theme's template (navigation,
   * footers, loops over the site's data), not part of the post, and is left out as before.
   */
  private static final Pattern LIQUID_LOGIC =
      Pattern.compile("\\{%-?\\s*(?:for|if|unless|case|tablerow|cycle|assign|increment)\\b");

  /** How deep includes may nest (Jekyll has no limit; a file that includes itself would loop). */
  private static final int MAX_INCLUDE_DEPTH = 4;

  /** Includes read for one post, nested ones counted: a file included many times in many is cut. */
  private static final int MAX_INCLUDES = 100;

  /** A Liquid or Hexo tag; not the inside of a Hugo shortcode {@code {{% img a png %}}}. */
  private static final Pattern TAG =
      Pattern.compile("(?<!\\{)\\{%-?\\s*([\\w-]+)\\s*([^%]*?)\\s*-?%\\}(?!\\})");

  private static final Pattern SHORTCODE =
      Pattern.compile("\\{\\{[<%]\\s*([\\w/-]+)\\s*([\\s\\S]*?)\\s*/?\\s*[>%]\\}\\}");
  private static final Pattern ARG =
      Pattern.compile("(?:([\\w-]+)=)?(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|(\\S+))");
  private static final Pattern LANG_ARG = Pattern.compile("lang:(\\S+)");

  /** A Zola shortcode's keyword arguments, quotes holding anything (parentheses, new lines). */
  private static final String ZOLA_ARGS =
      "((?:[^()\"'`%}]|\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`)*)";

  /** Zola's inline shortcode, {@code {{ img(src="a.png", alt="…") }}}. */
  private static final Pattern ZOLA_INLINE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_]\\w*)\\(" + ZOLA_ARGS + "\\)\\s*\\}\\}");

  /** Zola's shortcode with a body: {@code {% note(type="info") %}…{% end %}}. */
  private static final Pattern ZOLA_BODY =
      Pattern.compile(
          "\\{%\\s*([A-Za-z_]\\w*)\\("
              + ZOLA_ARGS
              + "\\)\\s*%\\}\\n?([\\s\\S]*?)\\n?\\{%\\s*end\\s*%\\}");

  private static final Pattern ZOLA_ARG =
      Pattern.compile(
          "([A-Za-z_]\\w*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'|`([^`]*)`|(\\[[^\\]]*\\]|[^,\\s)]+))");

  /** The Go blog's {@code {{raw `…`}}}: its text, as written, is the Markdown. */
  private static final Pattern GO_RAW = Pattern.compile("\\{\\{-?\\s*raw\\s+`([^`]*)`\\s*-?\\}\\}");

  /** A Go template's double-quoted string, its escapes in group 1's text. */
  private static final String GO_STRING = "\"((?:[^\"\\\\\\n]|\\\\.)*)\"";

  /**
   * A Go template's output of a string, {@code {{raw "`a < b`"}}} or {@code {{" < "}}} (Liquid's
   * {@code {{ "x" }}} too): the string is the text.
   */
  private static final Pattern STRING_OUTPUT =
      Pattern.compile("\\{\\{-?\\s*(?:raw\\s+)?" + GO_STRING + "\\s*-?\\}\\}");

  /** The Go blog's {@code {{raw (file "x.html")}}}: the HTML of a file beside the post. */
  private static final Pattern GO_RAW_FILE =
      Pattern.compile(
          "(?m)^[ \\t]*\\{\\{-?\\s*raw\\s+\\(\\s*file\\s+"
              + GO_STRING
              + "\\s*\\)\\s*-?\\}\\}[ \\t]*$");

  /**
   * The Go blog's content directives: {@code {{image "x.jpg"}}}, {@code {{code "x.go" `/func sq/`
   * `/^}/`}}}, … (a quoted argument may hold braces).
   */
  private static final Pattern GO_DIRECTIVE =
      Pattern.compile(
          "(?m)^[ \\t]*\\{\\{-?\\s*(image|code|play|video)\\s+((?:[^{}\\n`\"]|`[^`\\n]*`|"
              + GO_STRING
              + ")*?)\\s*-?\\}\\}[ \\t]*$");

  /**
   * A Liquid or Nunjucks tag or output, which Hugo shows as written: {@code {% x %}}, {@code {{ x
   * }}}, {@code {{\\< x >}}} (a shortcode escaped in Markdown); not a shortcode.
   */
  private static final Pattern NOT_A_SHORTCODE =
      Pattern.compile("(?<!\\{)\\{%[^\\n]*?%\\}(?!\\})|\\{\\{(?![<%])[^{}\\n]*\\}\\}");

  /**
   * Whether a directive of a Hugo post is written in a sentence, as its subject: with text beside
   * it on its line, not as a link's address ({@code [docs]({{ site.docs }})}). One alone on its
   * line ({@code {% toc %}}) or in an address is a leftover of the site's move from Jekyll, which
   * Hugo shows as written but a reader is better without: it is removed and said, as elsewhere.
   */
  private static boolean inProse(String s, Matcher m) {
    int start = s.lastIndexOf('\n', m.start() - 1) + 1;
    int end = s.indexOf('\n', m.end());
    String before = s.substring(start, m.start());
    if (before.endsWith("](") || before.endsWith("=\"") || before.endsWith("='")) {
      return false;
    }
    return !(before + s.substring(m.end(), end < 0 ? s.length() : end)).isBlank();
  }

  /** Any other {@code {{ … }}}: Liquid output tags, Go template actions. */
  private static final Pattern OUTPUT_TAG = Pattern.compile("\\{\\{-?\\s*([^{}\\n]*?)\\s*-?\\}\\}");

  /** A Liquid output of a string literal through URL filters: the literal is the content. */
  private static final Pattern LIQUID_URL =
      Pattern.compile(
          "[\"']([^\"']*)[\"']\\s*\\|\\s*(?:relative_url|absolute_url|prepend[^|]*|url)\\s*");

  private static final Pattern GO_REGEX_ARG = Pattern.compile("^`?/(.*)/`?$");

  /** Reads the files a post's directives include. */
  @FunctionalInterface
  public interface Includes {
    /**
     * A file by its path relative to the post's folder (a code directive, Jekyll's {@code
     * include_relative}): its text, or empty when it does not exist or lies outside the source
     * folder.
     */
    Optional<String> read(String path);

    /**
     * A file Jekyll's {@code {% include path %}} names, from an {@code _includes} folder (the
     * post's folder's or one above it): its text, or empty when there is none inside the source
     * folder.
     */
    default Optional<String> fromIncludesFolder(String path) {
      return Optional.empty();
    }

    /**
     * A file a site's tag names ({@code include_code}, {@code notebook}): {@code path} in the first
     * of {@code folders} (relative to the site's content folder or the source folder) that has it,
     * or relative to the post's folder; empty when none does inside the site.
     */
    default Optional<String> fromSiteFolders(List<String> folders, String path) {
      return Optional.empty();
    }

    /**
     * The source of a file the site's build makes under the name {@code path} (a Zine build asset:
     * the Zig site's build runs each of {@code zig-code/}'s programs and shows it with its output):
     * the one file of that path in a top-level folder of the site, or empty when no folder or more
     * than one has it.
     */
    default Optional<String> buildSource(String path) {
      return Optional.empty();
    }

    /**
     * The site's own template of the shortcode {@code name}, Hugo's {@code
     * layouts/shortcodes/NAME.html} or Zola's {@code templates/shortcodes/NAME.html} in the folder
     * of the site config, or empty.
     */
    default Optional<String> shortcodeTemplate(String name) {
      return Optional.empty();
    }

    /**
     * The source of the site's own component {@code name} ({@code src/components/NAME.vue}), or
     * empty.
     */
    default Optional<String> componentSource(String name) {
      return Optional.empty();
    }

    /**
     * Whether the post is a Hugo site's, whose engine runs only its shortcodes ({@code {{< … >}}},
     * {@code {{% … %}}}) in a post: Liquid's and Nunjucks' {@code {% … %}} and {@code {{ … }}} show
     * as written there (a post on moving from Jekyll to Hugo writes {@code {% highlight ruby %}} as
     * its subject).
     */
    default boolean shortcodesOnly() {
      return false;
    }

    /**
     * Hugo's {@code .File} values of the post a shortcode template may use: {@code BaseFileName}
     * ({@code CF603E} for {@code CF603E.md}), {@code ContentBaseName} (a bundle's folder name).
     */
    default Map<String, String> fileValues() {
      return Map.of();
    }

    /** The post's front matter, keys lower-cased: Liquid's {@code page}, Hugo's page params. */
    default Map<String, Object> page() {
      return Map.of();
    }

    /**
     * The site's data file {@code name} (Jekyll's {@code _data/NAME.yml}, {@code .json}, {@code
     * .toml}, or a folder of them), parsed; empty when there is none.
     */
    default Optional<Object> siteData(String name) {
      return Optional.empty();
    }

    Includes NONE = path -> Optional.empty();
  }

  private TemplateTags() {}

  /** The Markdown with every template tag rendered or removed (nothing included, no warnings). */
  public static String render(String markdown) {
    return render(markdown, Includes.NONE, new ArrayList<>());
  }

  /**
   * The Markdown with every template tag rendered or removed; {@code warnings} receives one line
   * per kind of directive that was removed (or could not be rendered) in this text.
   */
  public static String render(String markdown, Includes includes, List<String> warnings) {
    return render(markdown, includes, Map.of(), warnings);
  }

  /** HTML elements whose text is code or data, never template markup to render. */
  private static final Pattern HTML_CODE =
      Pattern.compile("(?is)<(pre|code|script|style|textarea)\\b[^>]*>.*?</\\1\\s*>");

  /**
   * As {@link #render(String, Includes, Map, List)} for a body written in HTML: the engines render
   * a post's template tags whatever its body is written in (Jekyll's Liquid, Hexo's Nunjucks), so a
   * tag in an HTML body is as much markup as one in Markdown. What stands in {@code pre}, {@code
   * code}, {@code script}, {@code style} and {@code textarea} is left as written, as code blocks
   * and inline code are in Markdown.
   */
  public static String renderInHtml(
      String html,
      Includes includes,
      Map<String, String> site,
      UnaryOperator<String> markdownify,
      List<String> warnings) {
    if (!html.contains("{%") && !html.contains("{{")) {
      return html;
    }
    List<String> code = new ArrayList<>();
    // Its own marker: render() keeps what it protects under KEPT.
    String s = protect(HTML_CODE, html, code, Matcher::group, HTML_KEPT);
    return restore(render(s, includes, site, markdownify, warnings, null), code, HTML_KEPT);
  }

  /**
   * Hugo's {@code {{< param DocsBaseUrl >}}}: the post's front matter value of that name, else the
   * site config's {@code params} one (Hugo's keys know no case). Flink's blog starts 537 links with
   * it.
   */
  private static String hugoParam(String key, Includes includes, Map<String, String> site) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    if (k.isEmpty()) {
      return "";
    }
    Object own = includes.page().get(k);
    if (own == null && includes.page().get("params") instanceof Map<?, ?> params) {
      own = params.get(k);
    }
    String text = LiquidValues.text(own);
    if (text != null) {
      return text;
    }
    return siteValue(site, "params." + k);
  }

  /** The site config's value of {@code key} in any case (Hugo's keys are), or "" for none. */
  private static String siteValue(Map<String, String> site, String key) {
    for (Map.Entry<String, String> e : site.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue();
      }
    }
    return "";
  }

  /**
   * Liquid's {@code {% assign name = expression %}} and the outputs of what it names, of the post's
   * front matter ({@code {{ page.title }}}, and by its own names as Eleventy gives them: {@code {{
   * link }}}, {@code {{ book.title }}}, which chriskrycho.com's notes and book reviews link and
   * cite by) and of the site's data ({@code {{ site.data.releases.first.version }}}), in the text's
   * order: Ruby's news give every release's download addresses and checksums so ({@code {% assign
   * release = site.data.releases | where: "version", "3.3.12" | first %}} … {@code {{
   * release.url.gz }}}). What stands in a loop is left alone (its variable changes each time
   * round), and so is what cannot be computed: the later steps remove it with a word.
   */
  private static String liquidValues(String s, Includes includes, Map<String, String> site) {
    if (!s.contains("{{") && !s.contains("assign")) {
      return s;
    }
    List<int[]> loops = new ArrayList<>();
    for (Matcher loop = LIQUID_LOOP.matcher(s); loop.find(); ) {
      loops.add(new int[] {loop.start(), loop.end()});
    }
    Map<String, Object> assigned = new LinkedHashMap<>();
    Map<String, Object> data = new ViewMap(name -> includes.siteData(name).orElse(null));
    Function<String, Object> variables =
        name ->
            switch (name) {
              case "page" -> assigned.containsKey(name) ? assigned.get(name) : includes.page();
              case "site" ->
                  assigned.containsKey(name) ? assigned.get(name) : siteView(site, "", data);
              default ->
                  assigned.containsKey(name)
                      ? assigned.get(name)
                      : includes.page().get(name.toLowerCase(Locale.ROOT));
            };
    Function<Matcher, String> valueOf =
        m -> {
          if (m.group(1) != null) {
            Object value = LiquidValues.evaluate(m.group(2), variables);
            if (value == null) {
              assigned.remove(m.group(1)); // what it named before is not what it names now
              return m.group();
            }
            assigned.put(m.group(1), value);
            return "";
          }
          String expression = m.group(3);
          String root = expression.split("[^\\w-]", 2)[0];
          boolean ours =
              assigned.containsKey(root)
                  || root.equals("page")
                  || includes.page().containsKey(root.toLowerCase(Locale.ROOT))
                  || expression.startsWith("site.data.")
                  || SITE_PATH.matcher(expression).lookingAt();
          if (!ours) {
            return m.group();
          }
          String text = LiquidValues.text(LiquidValues.evaluate(expression, variables));
          return text == null ? m.group() : text;
        };
    // In the text's order, so that an assign before a loop is what the loop reads
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] loop : loops) {
      out.append(replace(ASSIGN_OR_OUTPUT, s.substring(at, loop[0]), valueOf));
      String text = s.substring(loop[0], loop[1]);
      String unrolled = unrolled(text, variables, assigned, valueOf);
      out.append(unrolled != null ? unrolled : text);
      at = loop[1];
    }
    return out.append(replace(ASSIGN_OR_OUTPUT, s.substring(at), valueOf)).toString();
  }

  /** A loop over a list, with nothing but outputs in its body. */
  private static final Pattern SIMPLE_LOOP =
      Pattern.compile(
          "\\{%-?\\s*for\\s+([\\w-]+)\\s+in\\s+([^%]*?)\\s*-?%\\}([^%]*)\\{%-?\\s*endfor\\s*-?%\\}");

  /** Most items a loop is unrolled for: more is no list a post writes out. */
  private static final int MAX_LOOP_ITEMS = 1000;

  /**
   * Liquid's {@code {% for issue in issue_numbers %}[#{{ issue }}]: …/issues/{{ issue }}{% endfor
   * %}}, its body once per item of a list it can compute (the Jekyll project's release notes make
   * the link definitions of their {@code [#1037][]} so, in 6 posts), with the outputs of the item
   * put in; null for any other loop, which a later step removes and says.
   */
  private static String unrolled(
      String loop,
      Function<String, Object> variables,
      Map<String, Object> assigned,
      Function<Matcher, String> valueOf) {
    Matcher m = SIMPLE_LOOP.matcher(loop);
    if (!m.matches()) {
      return null;
    }
    if (!(LiquidValues.evaluate(m.group(2), variables) instanceof List<?> items)
        || items.size() > MAX_LOOP_ITEMS) {
      return null;
    }
    String name = m.group(1);
    boolean had = assigned.containsKey(name);
    Object before = assigned.get(name);
    StringBuilder out = new StringBuilder();
    for (Object item : items) {
      assigned.put(name, item);
      out.append(replace(ASSIGN_OR_OUTPUT, m.group(3), valueOf));
    }
    if (had) {
      assigned.put(name, before);
    } else {
      assigned.remove(name);
    }
    return out.toString();
  }

  private static final Pattern ASSIGN_OR_OUTPUT =
      Pattern.compile(
          "\\{%-?\\s*assign\\s+([\\w-]+)\\s*=\\s*([^%]*?)\\s*-?%\\}"
              + "|\\{\\{-?\\s*([\\w-]+(?:\\.[\\w-]+|\\[[^\\]{}]*\\])*[^{}\\n]*?)\\s*-?\\}\\}");

  private static final Pattern LIQUID_LOOP =
      Pattern.compile(
          "\\{%-?\\s*(for|tablerow)\\b[\\s\\S]*?\\{%-?\\s*end(?:for|tablerow)\\s*-?%\\}");

  /** A nested site value, {@code site.svn.stable.version}: a single one is the later step's. */
  private static final Pattern SITE_PATH = Pattern.compile("site\\.[\\w-]+\\.[\\w-]+");

  /**
   * The site's values under {@code prefix} as Liquid walks them: the config's values are kept flat
   * ({@code svn.stable.version}), and {@code data} is the site's data files.
   */
  private static Map<String, Object> siteView(
      Map<String, String> site, String prefix, Map<String, Object> data) {
    return new ViewMap(
        key -> {
          if (prefix.isEmpty() && key.equals("data")) {
            return data;
          }
          String full = prefix + key;
          String value = site.get(full);
          if (value != null) {
            return value;
          }
          for (String k : site.keySet()) {
            if (k.startsWith(full + ".")) {
              return siteView(site, full + ".", data);
            }
          }
          return prefix.isEmpty() ? JEKYLL_DEFAULTS.get(key) : null;
        });
  }

  /** A map read one key at a time, for values found on demand (a data file is read when named). */
  private static final class ViewMap extends java.util.AbstractMap<String, Object> {
    private final Function<String, Object> lookup;

    ViewMap(Function<String, Object> lookup) {
      this.lookup = lookup;
    }

    @Override
    public Object get(Object key) {
      return key instanceof String k ? lookup.apply(k) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public java.util.Set<Map.Entry<String, Object>> entrySet() {
      return java.util.Set.of(); // not listed: Liquid only names its keys here
    }
  }

  /** A file Jekyll's {@code link} tag names: a page or post of the site, by its file's name. */
  private static final Pattern JEKYLL_LINKED_FILE =
      Pattern.compile("(?i)^[^:\\s]+\\.(?:md|markdown|mkdn|mkd|html?|textile)(?:#.*)?$");

  /** A Liquid output of one site value, {@code {{ site.repository }}}, without filters. */
  private static final Pattern SITE_VALUE = Pattern.compile("site\\.([\\w-]+)");

  /**
   * Jekyll's own values of the site variables a config may leave out: a site without {@code
   * baseurl} or {@code url} is published at the root, and {@code {{ site.baseurl }}/img/x.png} is
   * {@code /img/x.png} (swift.org's blog: 15 pictures were lost as unknown addresses).
   */
  private static final Map<String, String> JEKYLL_DEFAULTS = Map.of("baseurl", "", "url", "");

  /**
   * As {@link #render(String, Includes, List)}; {@code {{ site.X }}} becomes the site config's
   * value {@code X} from {@code site} (jekyll-news writes {@code {{ site.repository
   * }}/issues/1349}). One the config does not give, written where a link's address starts, leaves
   * the address unusable ({@link Urls#UNKNOWN_SITE_VALUE}) so that the link is kept as text instead
   * of sending {@code /issues/1349} to the blog's own address.
   */
  public static String render(
      String markdown, Includes includes, Map<String, String> site, List<String> warnings) {
    return render(markdown, includes, site, null, warnings, null);
  }

  /** The includes of one post's text, across nested files. */
  private static final class Inclusion {
    /** The includes being rendered, outermost first: one of them again is a loop. */
    final List<String> open = new ArrayList<>();

    /** What was removed, counted for the whole post (its warnings are written once, at the top). */
    final Map<String, Integer> removed = new LinkedHashMap<>();

    int included;

    /**
     * The plain assigns of the last theme template an include named, which it sets for the page:
     * Jekyll Bootstrap's {@code {% include JB/setup %}} gives {@code {% assign BLOG_IMG = "/blog/"
     * %}}, which yanhaijing's blog writes before 534 pictures ({@code {{ BLOG_IMG }}140.png}).
     */
    String templateAssigns = "";
  }

  /** A Liquid tag, to follow the blocks a template's text is in. */
  private static final Pattern LIQUID_TAG = Pattern.compile("\\{%-?\\s*(\\w+)([^%]*?)-?%\\}");

  /** {@code {% assign NAME = "text" %}}: a name given plain text (or a number). */
  private static final Pattern PLAIN_ASSIGN =
      Pattern.compile("\\s+[\\w-]+\\s*=\\s*(?:\"[^\"{}%]*\"|'[^'{}%]*'|-?\\d+(?:\\.\\d+)?)\\s*");

  private static final java.util.Set<String> LIQUID_BLOCKS =
      java.util.Set.of("if", "unless", "case", "for", "tablerow", "capture", "comment", "raw");

  /** The assigns of plain text a template makes outside its blocks, in order, as written. */
  private static String plainAssigns(String template) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (Matcher t = LIQUID_TAG.matcher(template); t.find(); ) {
      String name = t.group(1);
      if (LIQUID_BLOCKS.contains(name)) {
        depth++;
      } else if (name.startsWith("end") && LIQUID_BLOCKS.contains(name.substring(3))) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0
          && name.equals("assign")
          && PLAIN_ASSIGN.matcher(t.group(2)).matches()) {
        out.append(t.group());
      }
    }
    return out.toString();
  }

  /**
   * @param markdownify Liquid's {@code markdownify} filter, Markdown to HTML, for a body written in
   *     HTML; null for a Markdown body, where the text is put in as Markdown blocks
   * @param inclusion the includes around this text, null for the post's own text
   */
  private static String render(
      String markdown,
      Includes includes,
      Map<String, String> site,
      UnaryOperator<String> markdownify,
      List<String> warnings,
      Inclusion inclusion) {
    if (!markdown.contains("{%") && !markdown.contains("{{")) {
      return markdown;
    }
    boolean top = inclusion == null;
    Inclusion state = top ? new Inclusion() : inclusion;
    Map<String, Integer> removed = state.removed;
    List<String> kept = new ArrayList<>();
    String s = protect(FENCE, markdown, kept, Matcher::group);
    if (includes.shortcodesOnly()) {
      String text = s;
      s =
          replace(
              NOT_A_SHORTCODE,
              text,
              m -> inProse(text, m) ? keep(m.group(), kept, KEPT) : m.group());
    }
    s = protect(LITERAL, s, kept, m -> "{% " + m.group(1) + " %}");
    s = protect(GO_RAW, s, kept, m -> m.group(1));
    s = protect(GO_RAW_FILE, s, kept, m -> rawFile(goUnquote(m.group(1)), includes, removed));
    s = protect(RAW, s, kept, m -> m.group(1));
    s = COMMENT.matcher(s).replaceAll("");
    s = protect(CODE_TAG, s, kept, m -> fenced(language(m.group(2)), m.group(3)));
    s = protect(HUGO_HIGHLIGHT, s, kept, m -> hugoCode(args(m.group(2)), m.group(3)));
    s = protect(GO_DIRECTIVE, s, kept, m -> goDirective(m, includes, removed));
    s = protect(INLINE_CODE, s, kept, Matcher::group);
    // After code spans: `{{ "x" }}` in a span is a sample, while {{raw "`a < b`"}} keeps its span.
    s = protect(STRING_OUTPUT, s, kept, m -> goUnquote(m.group(1)));
    // What a capture holds as written, for an include given it as a parameter (content=note).
    Map<String, String> variables = new LinkedHashMap<>();
    for (Matcher c = CAPTURE.matcher(s); c.find(); ) {
      variables.put(c.group(1), restore(c.group(2), kept));
    }
    // An included file is rendered by itself and put back as it came out, untouched by the steps
    // below; one that cannot be included is left for the tag step, which removes it.
    s =
        replace(
            INCLUDE,
            s,
            m -> {
              String included = include(m, includes, site, variables, kept, warnings, state);
              if (included == null) {
                String assigns = state.templateAssigns;
                state.templateAssigns = "";
                return assigns + m.group();
              }
              return keep(included, kept, KEPT);
            });
    s = replace(SITE_FILE_TAG, s, m -> siteFile(m, includes, site, kept, warnings));
    Map<String, String> captured = new LinkedHashMap<>();
    s =
        replace(
            CAPTURE,
            s,
            m -> {
              captured.put(m.group(1), m.group(2));
              return "";
            });
    s = liquidValues(s, includes, site);
    s = replace(BLOCKQUOTE, s, m -> quote(m.group(2), args(m.group(1)).positional));
    // Zola's shortcodes before the Liquid and Hexo steps, which would read {% end %} as a tag of
    // its own and {{ img(…) }} as an output to remove.
    for (int i = 0; i < 3; i++) { // nested bodies from the inside out
      s = replace(ZOLA_BODY, s, m -> zolaBody(m.group(1), zolaArgs(m.group(2)), m.group(3), kept));
    }
    s =
        replace(
            ZOLA_INLINE,
            s,
            m -> {
              String out = zolaShortcode(m.group(1), zolaArgs(m.group(2)), includes);
              if (out.isEmpty()) {
                removed.merge("{{ " + m.group(1) + "(…) }}", 1, Integer::sum);
              }
              return out;
            });
    for (int i = 0; i < 3; i++) { // nested pairs unwrap from the inside out
      s = replace(PAIRED, s, m -> m.group(2));
      s = replace(HUGO_PAIRED, s, m -> hugoBody(m.group(1), args(m.group(2)), m.group(3), kept));
    }
    s = renderNamed(TAG, s, TemplateTags::hexoTag, "{%% %s %%}", removed);
    s = renderNamed(SHORTCODE, s, (n, a) -> shortcode(n, a, includes, site), "{{< %s >}}", removed);
    String text = s;
    s =
        replace(
            OUTPUT_TAG,
            text,
            m -> {
              Matcher url = LIQUID_URL.matcher(m.group(1));
              if (url.matches()) {
                return url.group(1);
              }
              String[] filters = m.group(1).split("\\s*\\|\\s*");
              String value = captured.get(filters[0]);
              if (value != null) {
                if (!Arrays.asList(filters).contains("markdownify")) {
                  return value;
                }
                if (markdownify == null) {
                  return "\n\n" + value + "\n\n"; // Markdown blocks, also inside an HTML block
                }
                return keep(markdownify.apply(restore(value, kept)), kept, KEPT);
              }
              Matcher siteValue = SITE_VALUE.matcher(m.group(1));
              if (siteValue.matches()) {
                String v = site.get(siteValue.group(1));
                if (v == null) {
                  v = JEKYLL_DEFAULTS.get(siteValue.group(1));
                }
                if (v != null) {
                  return v.strip(); // baseurl: "" is a site at the root of its host
                }
                if (ADDRESS_START.matcher(lineBefore(text, m.start())).find()) {
                  removed.merge(
                      "{{ " + m.group(1) + " }} (not in the site config; its link kept as text)",
                      1,
                      Integer::sum);
                  return Urls.UNKNOWN_SITE_VALUE;
                }
              }
              String name = m.group(1).split("[\\s|(]", 2)[0];
              removed.merge("{{ " + (name.isEmpty() ? m.group(1) : name) + " }}", 1, Integer::sum);
              return "";
            });
    if (!top) {
      return restore(s, kept);
    }
    if (removed.size() == 1) {
      removed.forEach(
          (kind, n) ->
              warnings.add(
                  "template directive "
                      + kind
                      + " removed"
                      + (n > 1 ? " (" + n + " times)" : "")
                      + ": Gazette cannot render it"));
    } else if (!removed.isEmpty()) {
      // One line for the post, however many kinds: a site's index template has ten.
      StringBuilder kinds = new StringBuilder();
      removed.forEach(
          (kind, n) ->
              kinds
                  .append(kinds.length() == 0 ? "" : ", ")
                  .append(kind)
                  .append(n > 1 ? " ×" + n : ""));
      warnings.add("template directives removed (Gazette cannot render them): " + kinds);
    }
    return restore(s, kept);
  }

  /** Where the site keeps the files of a code or notebook tag, below its content folder. */
  private static List<String> siteFolders(String tag, Map<String, String> site) {
    List<String> folders = new ArrayList<>();
    String setting = site.get(tag.equals("notebook") ? "NOTEBOOK_DIR" : "CODE_DIR");
    if (setting != null && !setting.isBlank()) {
      folders.add(setting.strip());
    }
    folders.add(tag.equals("notebook") ? "notebooks" : "downloads/code"); // the tags' defaults
    folders.add("");
    return folders;
  }

  /**
   * A code file ({@code include_code}) as fenced code under its title, or a notebook as its
   * Markdown ({@link Notebooks}), kept from the steps after; "" with a warning for a file not found
   * or a notebook that does not read.
   */
  private static String siteFile(
      Matcher m,
      Includes includes,
      Map<String, String> site,
      List<String> kept,
      List<String> warnings) {
    String tag = m.group(1);
    String lang = null;
    String range = "";
    String path = null;
    List<String> title = new ArrayList<>();
    for (String w : m.group(2).strip().split("\\s+")) {
      if (w.startsWith("lang:")) {
        lang = w.substring(5);
      } else if (w.startsWith("cells[")) {
        range = w;
      } else if (path == null && (w.contains(".") || w.contains("/")) && !w.contains(":")) {
        path = w;
      } else if (!w.matches("(?i)(start|end|range|codec|linenos|mark):.*")) {
        title.add(w);
      }
    }
    if (path == null) {
      warnings.add("{% " + tag + " %} names no file; removed");
      return "";
    }
    String file = path.startsWith("/") ? path.substring(1) : path;
    Optional<String> text = includes.fromSiteFolders(siteFolders(tag, site), file);
    if (text.isEmpty()) {
      warnings.add("{% " + tag + " " + path + " %}: file not found in the site; removed");
      return "";
    }
    if (tag.equals("notebook")) {
      try {
        return keep("\n\n" + Notebooks.markdown(text.get(), range) + "\n", kept, KEPT);
      } catch (IllegalArgumentException e) {
        warnings.add("{% notebook " + path + " %}: " + e.getMessage() + "; removed");
        return "";
      }
    }
    String name =
        title.isEmpty() ? file.substring(file.lastIndexOf('/') + 1) : String.join(" ", title);
    if (lang == null) {
      int dot = file.lastIndexOf('.');
      lang = dot > 0 ? file.substring(dot + 1) : null;
    }
    return keep(titledCode(name, lang, text.get()) + "\n", kept, KEPT);
  }

  /**
   * The text a Jekyll include puts in the post, rendered; "" (with a warning) for a file not found
   * or one that would loop; null to leave the tag to the tag step: a picture include (rendered
   * there as a figure), a theme template (removed there with the other directives Gazette cannot
   * run).
   *
   * @param kept what the including text protected so far: quoted parameters may hold its markers
   */
  private static String include(
      Matcher m,
      Includes includes,
      Map<String, String> site,
      Map<String, String> variables,
      List<String> kept,
      List<String> warnings,
      Inclusion state) {
    Map<String, Integer> removed = state.removed;
    Args a = args(m.group(2));
    String path = a.positional(0);
    boolean relative = m.group(1).equals("include_relative");
    if (path.isEmpty() || path.contains("{{") || (!relative && isPictureInclude(path))) {
      return null;
    }
    String tag = "{% " + m.group(1) + " " + path + " %}";
    if (state.open.contains(tag)) {
      removed.merge(tag + " (it includes itself)", 1, Integer::sum);
      return "";
    }
    if (state.open.size() >= MAX_INCLUDE_DEPTH) {
      removed.merge(tag + " (included " + state.open.size() + " deep)", 1, Integer::sum);
      return "";
    }
    if (state.included >= MAX_INCLUDES) {
      removed.merge(
          tag + " (more than " + MAX_INCLUDES + " includes in one post)", 1, Integer::sum);
      return "";
    }
    Optional<String> text = relative ? includes.read(path) : includes.fromIncludesFolder(path);
    if (text.isEmpty()) {
      String where = relative ? "the post's folder" : "_includes/ in the source folder";
      removed.merge(tag + " (not found in " + where + ")", 1, Integer::sum);
      return "";
    }
    if (LIQUID_LOGIC.matcher(text.get()).find()) {
      // a theme's template: removed, with the other directives Gazette cannot run; the plain
      // names it sets for the page still count
      state.templateAssigns = plainAssigns(text.get());
      return null;
    }
    state.included++;
    Map<String, String> parameters = includeParameters(m.group(2), variables, kept);
    String withParameters =
        INCLUDE_PARAMETER
            .matcher(text.get())
            .replaceAll(
                p -> {
                  String value = parameters.getOrDefault(p.group(1), "");
                  // markdownify: Markdown blocks where it stands (the included text is Markdown)
                  return Matcher.quoteReplacement(
                      p.group(2).contains("markdownify") ? "\n\n" + value + "\n\n" : value);
                });
    // an index by a parameter, {{ site.data.authors[include.handle].name }} (Crystal's
    // testimonials), is one by its value
    withParameters =
        INCLUDE_INDEX
            .matcher(withParameters)
            .replaceAll(
                p ->
                    Matcher.quoteReplacement(
                        "[\"" + parameters.getOrDefault(p.group(1), "").replace("\"", "") + "\"]"));
    state.open.add(tag);
    try {
      return render(withParameters, includes, site, null, warnings, state);
    } finally {
      state.open.remove(state.open.size() - 1);
    }
  }

  /** A Liquid variable's name, as an unquoted parameter value: {@code content=download_note}. */
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][\\w.-]*");

  /**
   * An include's named parameters: a quoted value as written; an unquoted one names a variable,
   * whose value is what a capture of that name holds, or nothing when no capture gives it.
   */
  private static Map<String, String> includeParameters(
      String text, Map<String, String> variables, List<String> kept) {
    Map<String, String> named = new LinkedHashMap<>();
    Matcher m = ARG.matcher(text);
    while (m.find()) {
      if (m.group(1) == null) {
        continue;
      }
      String value;
      if (m.group(5) == null) {
        value = m.group(2) != null ? m.group(2).replace("\\\"", "\"") : m.group(3);
        value = restore(value != null ? value : m.group(4), kept); // inline code kept out so far
      } else if (VARIABLE.matcher(m.group(5)).matches() && !m.group(5).matches("true|false")) {
        value = variables.getOrDefault(m.group(5), "");
      } else {
        value = m.group(5);
      }
      named.put(m.group(1).toLowerCase(Locale.ROOT), value);
    }
    return named;
  }

  private static boolean isPictureInclude(String path) {
    return path.matches("(?i)(img|image|figure|picture|photo)[\\w-]*\\.html");
  }

  /** Where a link's address starts: after {@code ](}, {@code ]: } or {@code href="}. */
  private static final Pattern ADDRESS_START =
      Pattern.compile("(\\]\\(<?|^\\s{0,3}\\[[^\\]]+\\]:\\s*<?|(?i:href|src)\\s*=\\s*[\"']?)$");

  private static String lineBefore(String text, int at) {
    return text.substring(text.lastIndexOf('\n', at - 1) + 1, at);
  }

  /** A Go blog directive rendered: an image, a video player, or an included code file. */
  private static String goDirective(Matcher m, Includes includes, Map<String, Integer> removed) {
    String name = m.group(1);
    Args a = args(m.group(2));
    String first = a.positional(0);
    switch (name) {
      case "image" -> {
        return first.isEmpty() ? "" : "<img src=\"" + Xml.escape(first) + "\" alt=\"\"/>";
      }
      case "video" -> {
        return first.isEmpty() ? "" : player(first);
      }
      default -> {
        Optional<String> text = first.isEmpty() ? Optional.empty() : includes.read(first);
        if (text.isEmpty()) {
          removed.merge(
              "{{" + name + " \"" + first + "\"}} (file not found in the source folder)",
              1,
              Integer::sum);
          return "";
        }
        String code = excerpt(text.get(), addresses(a.positional.subList(1, a.positional.size())));
        String ext = first.contains(".") ? first.substring(first.lastIndexOf('.') + 1) : null;
        return fenced(ext, code);
      }
    }
  }

  /**
   * The addresses of a code directive without what only the site's page uses, as the site reads
   * them: a last {@code "HLxxx"} (lines to highlight), then a last number (where line numbers
   * start).
   */
  private static List<String> addresses(List<String> args) {
    List<String> out = new ArrayList<>(args);
    if (!out.isEmpty() && out.get(out.size() - 1).startsWith("HL")) {
      out.remove(out.size() - 1);
    }
    if (!out.isEmpty() && out.get(out.size() - 1).matches("-?\\d+")) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The HTML file {@code {{raw (file "x.html")}}} puts in the post, as one block of HTML. */
  private static String rawFile(String path, Includes includes, Map<String, Integer> removed) {
    Optional<String> html = includes.read(path);
    if (html.isEmpty()) {
      removed.merge("{{raw (file \"" + path + "\")}} (file not found)", 1, Integer::sum);
      return "";
    }
    // A blank line would end the HTML block, and Markdown would read what follows as its own.
    return "\n\n" + html.get().replaceAll("\\n[ \\t]*(?=\\n)", "").strip() + "\n\n";
  }

  /**
   * A Go string literal's text: {@code \"}, {@code \\}, {@code \t} and {@code \n} read as Go reads
   * them, any other escape kept as written. A code span in the string was set aside before and
   * keeps its escapes: {@code {{raw "`'\t'`"}}} shows the {@code '\t'} its author meant.
   */
  static String goUnquote(String quoted) {
    StringBuilder sb = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length()) {
        char next = quoted.charAt(i + 1);
        String read =
            switch (next) {
              case '"', '\\', '\'' -> String.valueOf(next);
              case 't' -> "\t";
              case 'n' -> "\n";
              default -> null;
            };
        if (read != null) {
          sb.append(read);
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /**
   * The lines of an included file the Go blog shows, as its site finds them: from the line the
   * first address matches to the line the second matches after it (or the one line a single address
   * matches), without lines marked {@code OMIT} and blank lines at either end. An address is a
   * {@code /regex/}, a line number, or {@code $} (the last line); the whole file without one.
   */
  static String excerpt(String text, List<String> addresses) {
    List<String> lines = List.of(text.split("\\r?\\n", -1));
    int from = 0;
    int to = lines.size() - 1;
    if (!addresses.isEmpty()) {
      Integer start = find(lines, addresses.get(0), 0);
      if (start != null) {
        from = start;
        to = start;
        if (addresses.size() > 1) {
          Integer end = find(lines, addresses.get(1), start + 1);
          to = end == null ? lines.size() - 1 : Math.max(end, start);
        }
      }
    }
    while (from <= to && (lines.get(from).isBlank() || lines.get(from).contains("OMIT"))) {
      from++;
    }
    while (to >= from && (lines.get(to).isBlank() || lines.get(to).contains("OMIT"))) {
      to--;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = from; i <= to; i++) {
      if (!lines.get(i).contains("OMIT")) {
        sb.append(lines.get(i)).append('\n');
      }
    }
    return sb.toString();
  }

  private static Integer find(List<String> lines, String address, int from) {
    String a = address.strip().replaceAll("^`(.*)`$", "$1");
    if (a.equals("$")) {
      return lines.get(lines.size() - 1).isEmpty() ? lines.size() - 2 : lines.size() - 1;
    }
    if (a.matches("\\d+")) {
      int line = Integer.parseInt(a) - 1;
      return line >= 0 && line < lines.size() ? line : null;
    }
    Matcher m = GO_REGEX_ARG.matcher(a);
    if (!m.matches()) {
      return null;
    }
    try {
      Pattern p = Pattern.compile(m.group(1));
      for (int i = from; i < lines.size(); i++) {
        if (p.matcher(lines.get(i)).find()) {
          return i;
        }
      }
    } catch (java.util.regex.PatternSyntaxException e) {
      return null;
    }
    return null;
  }

  private static String hexoTag(String name, Args a) {
    switch (name) {
      case "asset_img", "img", "image" -> {
        int at = a.firstIndex(v -> v.contains(".") || v.contains("/"));
        if (at < 0) {
          return "";
        }
        String title =
            String.join(" ", a.positional.subList(at + 1, a.positional.size()))
                .replaceAll("^\\d+\\s+(\\d+\\s+)?", ""); // width and height
        return "<img src=\""
            + Xml.escape(a.positional(at))
            + "\" alt=\""
            + Xml.escape(title)
            + "\"/>";
      }
      case "youtube", "vimeo", "bilibili" -> {
        return player(playerAddress(name, a.positional(0)));
      }
      case "include" -> {
        // Jekyll themes' picture includes: {% include image.html url="/x.jpg" caption="…" %}
        if (!isPictureInclude(a.positional(0))) {
          return "";
        }
        String src = "";
        for (String k : List.of("url", "src", "file", "image", "path", "img")) {
          src = src.isEmpty() ? a.named.getOrDefault(k, "") : src;
        }
        if (src.isEmpty()) {
          return "";
        }
        String caption =
            a.named.getOrDefault(
                "caption", a.named.getOrDefault("description", a.named.getOrDefault("title", "")));
        String alt = a.named.getOrDefault("alt", caption);
        return "\n\n<figure><img src=\""
            + Xml.escape(src)
            + "\" alt=\""
            + Xml.escape(alt)
            + "\"/>"
            + (caption.isEmpty() ? "" : "<figcaption>" + Xml.escape(caption) + "</figcaption>")
            + "</figure>\n\n";
      }
      case "video", "iframe", "audio" -> {
        int at = a.firstIndex(v -> v.contains("/"));
        return at < 0 ? "" : player(a.positional(at));
      }
      case "post_url" -> {
        // Jekyll's address of another post, named by its file: the digest links it to that
        // post's article when it is one (PostLinks), or keeps the link's text.
        return a.positional(0);
      }
      case "link" -> {
        int at = a.firstIndex(v -> v.matches("(?i)^https?://.*"));
        if (at < 0
            && a.positional.size() == 1
            && JEKYLL_LINKED_FILE.matcher(a.positional(0)).find()) {
          // Jekyll's {% link _posts/2016-07-26-name.md %}: a file named from the site's folder,
          // found as Hugo's ref with a leading slash is (PostLinks)
          return "@/" + a.positional(0).replaceFirst("^/+", "");
        }
        if (at < 0) {
          return String.join(" ", a.positional);
        }
        String text = String.join(" ", a.positional.subList(0, at));
        return "[" + (text.isEmpty() ? a.positional(at) : text) + "](" + a.positional(at) + ")";
      }
      case "post_link" -> {
        // Hexo's link to another post, named by its slug (its file under _posts/, no extension):
        // a link to the file, which PostLinks follows to the post's article when it is one. The
        // text is the title written, else the slug (Hexo shows the other post's title).
        String slug = a.positional(0);
        if (slug.isBlank()) {
          return "";
        }
        String text =
            a.positional.size() > 1 && !a.positional(1).equals("true") ? a.positional(1) : slug;
        return markdownLink(text, hexoPostFile(slug));
      }
      case "post_path" -> {
        // Hexo's address of another post by its slug, written in a link of the post's HTML
        return a.positional(0).isBlank() ? "" : hexoPostFile(a.positional(0));
      }
      case "asset_link" -> {
        return a.positional.size() > 1
            ? String.join(" ", a.positional.subList(1, a.positional.size()))
            : a.positional(0);
      }
      case "label" -> {
        // NexT's {% label primary@CHANGED %}: a coloured word, the text after the class
        String written = String.join(" ", a.positional);
        return written.substring(written.indexOf('@') + 1).strip();
      }
      case "btn", "button" -> {
        // NexT's {% btn url, text, icon, title %}: a link drawn as a button
        String[] parts = String.join(" ", a.positional).split(",");
        String url = parts[0].strip();
        String text = parts.length > 1 ? parts[1].strip() : "";
        if (text.isEmpty()) {
          return ""; // an icon alone
        }
        return url.isEmpty() || url.equals("#") ? text : markdownLink(text, url);
      }
      default -> {
        return "";
      }
    }
  }

  /**
   * The file of the Hexo post {@code slug} names: its path below {@code _posts/} and {@code .md}.
   */
  private static String hexoPostFile(String slug) {
    String path = slug.strip();
    return path.matches(".*\\.(md|markdown)$") ? path : path + ".md";
  }

  /** A site's shortcode template that writes the site's address and nothing else. */
  private static final Pattern BASE_URL_ONLY =
      Pattern.compile("\\{\\{-?\\s*(?:\\.Page\\.Site|\\.Site|site)\\.BaseURL\\s*-?\\}\\}");

  /**
   * A Hugo shortcode without a body: by the site's own template when it writes the site's address
   * ({@code {{ .Site.BaseURL }}}, without its last slash: a post writes {@code {{< baseurl
   * >}}/blog/…}) or a picture ({@link #siteShortcode}; a site's template wins over Hugo's own, as
   * in Hugo), else Hugo's own and the common themes' (FixIt, LoveIt) by name.
   */
  private static String shortcode(
      String name, Args a, Includes includes, Map<String, String> site) {
    if (name.equals("param")) {
      return hugoParam(a.named.getOrDefault("name", a.positional(0)), includes, site);
    }
    Optional<String> template = includes.shortcodeTemplate(name);
    if (template.isPresent() && BASE_URL_ONLY.matcher(template.get().strip()).matches()) {
      // babysteps' {{< baseurl >}}/blog/2016/09/24/intersection-impls/: 100 links lost their
      // address; with it, a link to a post of the digest goes to its article.
      return siteValue(site, "baseurl").strip().replaceFirst("/+$", "");
    }
    String own = template.map(t -> siteShortcode(t, a, includes.fileValues())).orElse("");
    return own.isEmpty() ? shortcode(name, a) : own;
  }

  private static String shortcode(String name, Args a) {
    switch (name) {
      case "link" -> {
        // FixIt, LoveIt: {{< link href="…" content="…" title="…" card=true >}}, or positional
        String href = a.named.getOrDefault("href", a.positional(0));
        String text = a.named.getOrDefault("content", a.positional(1));
        return href.isBlank() ? "" : markdownLink(text.strip(), href.strip());
      }
      case "version" -> {
        // FixIt's badge {{< version 0.2.12 changed >}}: "v0.2.12 (changed)"
        String version = a.positional(0).replaceFirst("^[vV]", "");
        String type = a.positional(1);
        return version.isEmpty()
            ? ""
            : markdownText("v" + version + (type.isEmpty() ? "" : " (" + type + ")"));
      }
      case "x", "tweet", "twitter" -> {
        // Hugo's post on X ({{< x user="coleca" id="1091…" >}}, before 0.141 {{< tweet >}}): the
        // post's address, which a digest can show where the page showed the post
        String id = a.named.getOrDefault("id", a.positional(0)).strip();
        String user = a.named.getOrDefault("user", "").strip();
        if (!id.matches("\\d{1,25}")) {
          return "";
        }
        String url = "https://x.com/" + (user.matches("\\w{1,30}") ? user : "i") + "/status/" + id;
        return markdownLink(url, url);
      }
      case "gh-repo-card" -> {
        String repo = a.named.getOrDefault("repo", a.positional(0)).strip();
        return repo.matches("[\\w.-]+/[\\w.-]+")
            ? markdownLink(repo, "https://github.com/" + repo)
            : "";
      }
      case "music" -> {
        // FixIt, LoveIt: a file (url=, name=, artist=) or a music site's page (auto=); one
        // named by server=, type= and id= alone has no address to give.
        String url = first(a, "url", "auto");
        url = url.isEmpty() && a.positional(0).matches("(?i)^https?://.*") ? a.positional(0) : url;
        if (url.isEmpty()) {
          return "";
        }
        return media("audio", url, String.join(" – ", nonBlank(a, "name", "artist")));
      }
      case "video", "audio" -> {
        // hugo-video's {{< video src="clip" >}} (a file of the page's bundle), themes' audio
        String src = first(a, "src", "url");
        src = src.isEmpty() ? a.positional(0) : src;
        return src.isBlank() ? "" : media(name, src.strip(), "");
      }
      case "ref", "relref" -> {
        // Hugo's address of another page by its file (relative to the post, or to content/ with a
        // leading slash); as post_url.
        String target = a.named.getOrDefault("path", a.positional(0));
        return target.startsWith("/") ? "@" + target : target;
      }
      case "figure", "img", "image" -> {
        String src = a.named.getOrDefault("src", a.positional(0));
        if (src.isEmpty()) {
          return "";
        }
        if (!src.contains(".") && PICTURE_FILE.matcher("x." + a.positional(1)).matches()) {
          src += "." + a.positional(1); // {{% img solve png %}}: a file's name and extension
        }
        String alt = a.named.getOrDefault("alt", a.named.getOrDefault("title", ""));
        String caption = a.named.getOrDefault("caption", a.named.getOrDefault("title", ""));
        String img =
            "<img src=\""
                + Xml.escape(src)
                + "\" alt=\""
                + Xml.escape(alt.isEmpty() ? caption : alt)
                + "\"/>";
        return "\n\n<figure>"
            + img
            + (caption.isEmpty() ? "" : "<figcaption>" + Xml.escape(caption) + "</figcaption>")
            + "</figure>\n\n";
      }
      case "youtube", "vimeo", "bilibili" -> {
        return player(playerAddress(name, a.named.getOrDefault("id", a.positional(0))));
      }
      default -> {
        return "";
      }
    }
  }

  /** The values of {@code keys} the shortcode was given, in that order, blank ones left out. */
  private static List<String> nonBlank(Args a, String... keys) {
    return Arrays.stream(keys)
        .map(k -> a.named.getOrDefault(k, "").strip())
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** An action of a Go template: {@code {{ .Get 0 }}}, {@code {{- $.Page.File.BaseFileName -}}}. */
  private static final Pattern GO_ACTION = Pattern.compile("\\{\\{-?\\s*([\\s\\S]*?)\\s*-?\\}\\}");

  private static final Pattern GET = Pattern.compile("\\$?\\.Get\\s+(?:(\\d+)|\"([\\w-]+)\")");
  private static final Pattern FILE_VALUE = Pattern.compile("\\$?\\.(?:Page\\.)?File\\.(\\w+)");

  /**
   * A site's own picture shortcode, by its template: ouuan's {@code img.html} is {@code <img
   * src="/post_img/{{ $.Page.File.BaseFileName }}/{{ .Get 0 }}.{{ .Get 1 }}">}, so {@code {{% img
   * solve png %}}} in {@code CF603E.md} is {@code /post_img/CF603E/solve.png}. Only a template that
   * writes a picture and does nothing but put in the shortcode's arguments and the post's file name
   * is read; any other ("" here) is removed, as Gazette cannot run Hugo's templates.
   */
  private static String siteShortcode(String template, Args a, Map<String, String> file) {
    if (!template.contains("<img")) {
      return "";
    }
    Matcher m = GO_ACTION.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String action = m.group(1);
      Matcher get = GET.matcher(action);
      Matcher fileValue = FILE_VALUE.matcher(action);
      String value;
      if (action.startsWith("/*")) {
        value = ""; // a comment
      } else if (get.matches()) {
        value =
            get.group(1) != null
                ? a.positional(Integer.parseInt(get.group(1)))
                : a.named.getOrDefault(get.group(2).toLowerCase(Locale.ROOT), "");
      } else if (fileValue.matches() && file.containsKey(fileValue.group(1))) {
        value = file.get(fileValue.group(1));
      } else {
        return ""; // logic, or a value Gazette does not have
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(Xml.escape(value)));
    }
    m.appendTail(sb);
    return sb.toString().strip();
  }

  /**
   * A Hugo shortcode with a body keeps its body: admonitions, details and folds give their title as
   * a bold line above it (FixIt's {@code {{< admonition tip "Title" >}}}, {@code {{< details
   * "Summary" >}}}); FixIt's {@code typeit} with a {@code code} language is code.
   */
  private static String hugoBody(String name, Args a, String body, List<String> kept) {
    String lower = name.toLowerCase(Locale.ROOT);
    String lang = first(a, "code");
    if (lower.equals("typeit") && !lang.isEmpty()) {
      return keep(fenced(lang, restore(body, kept).strip()), kept, KEPT);
    }
    String title = first(a, "title", "summary");
    if (title.isEmpty() && lower.equals("admonition")) {
      title = a.positional(1);
    } else if (title.isEmpty() && lower.matches("details|fold|collapse|expand|spoiler")) {
      title = a.positional(0);
    }
    return title.isBlank() ? body : "**" + markdownText(title) + "**\n" + body;
  }

  private static Args zolaArgs(String text) {
    Map<String, String> named = new LinkedHashMap<>();
    Matcher m = ZOLA_ARG.matcher(text);
    while (m.find()) {
      String value =
          m.group(2) != null
              ? m.group(2).replace("\\\"", "\"")
              : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
      named.put(m.group(1).toLowerCase(Locale.ROOT), value.strip());
    }
    return new Args(List.of(), named);
  }

  private static final Pattern PICTURE_FILE =
      Pattern.compile("(?i).+\\.(png|jpe?g|gif|webp|svg|avif|bmp|tiff?)(\\?.*)?");
  private static final Pattern PICTURE_NAME =
      Pattern.compile("(?i).*(img|image|figure|picture|photo|fig|screenshot).*");

  /**
   * A Zola shortcode without a body. Its template is the site's own ({@code
   * templates/shortcodes/NAME.html}), so its meaning is read from its name and arguments, as
   * Hugo's: a picture, a video, or a link (link cards, reference pills); anything else is removed.
   */
  private static String zolaShortcode(String name, Args a, Includes includes) {
    String byName = zolaShortcode(name, a);
    return byName.isEmpty()
        ? includes.shortcodeTemplate(name).map(t -> zolaSiteShortcode(t, a)).orElse("")
        : byName;
  }

  private static String zolaShortcode(String name, Args a) {
    String lower = name.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "youtube", "vimeo", "bilibili" -> {
        return shortcode(lower, a);
      }
      default -> {}
    }
    if (FORMULA_SHORTCODE.matcher(lower).matches() && !first(a, "body").isBlank()) {
      return formula(first(a, "body"), a);
    }
    String src = first(a, "src", "path", "image", "img", "file", "photo");
    if (src.isEmpty() && PICTURE_FILE.matcher(first(a, "url")).matches()) {
      src = first(a, "url");
    }
    if (!src.isEmpty()
        && (PICTURE_NAME.matcher(lower).matches() || PICTURE_FILE.matcher(src).matches())) {
      Map<String, String> figure = new LinkedHashMap<>(a.named);
      figure.put("src", src);
      return shortcode("figure", new Args(List.of(), figure));
    }
    String url = first(a, "url", "href", "link");
    if (!url.isEmpty()) {
      String title = first(a, "title", "text", "name", "label");
      String desc = first(a, "desc", "description", "excerpt", "summary");
      return markdownLink(title, url) + (desc.isEmpty() ? "" : ": " + markdownText(desc));
    }
    return "";
  }

  /** The first picture or player of a template, and its attributes. */
  private static final Pattern TEMPLATE_ELEMENT =
      Pattern.compile("<(img|video|audio|iframe|source)\\b([^<>]*)>", Pattern.CASE_INSENSITIVE);

  private static final Pattern TEMPLATE_ATTRIBUTE =
      Pattern.compile("\\s(src|poster|alt)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  /** A Tera output: a name, perhaps with {@code | default(value="…")}. */
  private static final Pattern TERA_OUTPUT =
      Pattern.compile(
          "\\{\\{-?\\s*([\\w.]+)\\s*(?:\\|\\s*default\\(\\s*value\\s*=\\s*\"([^\"]*)\"\\s*\\)\\s*)?-?\\}\\}");

  /** A Tera assignment of a literal: the value a template gives an argument left out. */
  private static final Pattern TERA_SET =
      Pattern.compile("\\{%-?\\s*set\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*-?%\\}");

  /**
   * A Zola site's own shortcode, by its template ({@code templates/shortcodes/NAME.html}) when it
   * draws a picture or a player whose address is made of the shortcode's arguments and the site's
   * address: Wesley Moore's {@code {{ video(video="posts/x.mp4", poster="png") }}} is {@code <video
   * src="{{ config.base_url }}/{{ video }}" poster="…/{{ video }}.{{ poster }}">}, 8 videos and a
   * recording that were removed. The address is the site's ({@code /posts/x.mp4}); an argument the
   * post leaves out takes the template's {@code {% set poster = "jpg" %}} or {@code
   * default(value=…)}; any other expression gives nothing (the shortcode is removed, and said).
   */
  private static String zolaSiteShortcode(String template, Args a) {
    Matcher element = TEMPLATE_ELEMENT.matcher(template);
    if (!element.find()) {
      return "";
    }
    Map<String, String> defaults = new LinkedHashMap<>();
    Matcher set = TERA_SET.matcher(template);
    while (set.find()) {
      defaults.putIfAbsent(set.group(1).toLowerCase(Locale.ROOT), set.group(2));
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = TEMPLATE_ATTRIBUTE.matcher(element.group(2));
    while (attribute.find()) {
      String value = teraValue(attribute.group(2), a, defaults);
      if (value == null) {
        return "";
      }
      attributes.put(attribute.group(1).toLowerCase(Locale.ROOT), value);
    }
    String src = attributes.getOrDefault("src", "");
    if (src.isEmpty() || src.endsWith("/")) {
      return "";
    }
    String tag = element.group(1).toLowerCase(Locale.ROOT);
    String caption = first(a, "caption", "alt", "title");
    if (tag.equals("img")) {
      Map<String, String> figure = new LinkedHashMap<>(a.named);
      figure.put("src", src);
      figure.putIfAbsent("alt", attributes.getOrDefault("alt", ""));
      return shortcode("figure", new Args(List.of(), figure));
    }
    String player = tag.equals("source") ? "video" : tag;
    String poster = player.equals("video") ? attributes.getOrDefault("poster", "") : "";
    return media(player, src, caption, poster);
  }

  /**
   * An attribute of a Zola template with its outputs filled in, the site's address left out (a
   * {@code /…} address is the site's); null when it holds an expression Gazette cannot compute.
   */
  private static String teraValue(String value, Args a, Map<String, String> defaults) {
    Matcher m = TERA_OUTPUT.matcher(value);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      String filled;
      if (name.equals("config.base_url")) {
        filled = "";
      } else if (name.contains(".")) {
        return null;
      } else {
        filled = a.named.get(name);
        filled = filled != null && !filled.isBlank() ? filled : m.group(2);
        filled = filled != null ? filled : defaults.get(name);
        if (filled == null) {
          return null;
        }
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(filled));
    }
    m.appendTail(sb);
    String filled = sb.toString();
    if (filled.contains("{{") || filled.contains("{%")) {
      return null;
    }
    return filled;
  }

  /**
   * A Zola shortcode with a body. Code boxes give fenced code; a quotation (a body with a source's
   * address, or a shortcode named for quoting) gives a quote that names its source; any other
   * (notes, admonitions, details) keeps its body as Markdown, which is what it frames.
   */
  private static String zolaBody(String name, Args a, String body, List<String> kept) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (FORMULA_SHORTCODE.matcher(lower).matches() && !body.isBlank()) {
      return keep(formula(restore(body, kept), a), kept, KEPT);
    }
    if (lower.matches("code|codebox|codeblock|highlight|snippet")) {
      String code = restore(body, kept);
      if (code.strip().startsWith("```") || code.strip().startsWith("~~~")) {
        return "\n" + body + "\n"; // a fence already: the shortcode only frames it
      }
      String lang = first(a, "lang", "language");
      return keep(fenced(lang.isEmpty() ? null : lang, code), kept, KEPT);
    }
    String url = first(a, "url", "href", "link", "source");
    if (lower.matches("quote|blockquote|cite|pullquote|epigraph|ref|reference") || !url.isEmpty()) {
      String title = first(a, "title", "author", "cite", "name", "site");
      String source = url.isEmpty() ? markdownText(title) : markdownLink(title, url);
      return "\n" + quote(body, source.isBlank() ? List.of() : List.of(source));
    }
    return "\n\n" + body + "\n\n";
  }

  /**
   * The KaTeX shortcodes of Zola's themes: {@code {{ katex(body="\\vec{a}") }}} and {@code {%
   * katex(block=true) %}…{% end %}} (divinerapier's blog: 6 inline ones removed, 49 blocks printed
   * as raw TeX).
   */
  private static final Pattern FORMULA_SHORTCODE = Pattern.compile("katex|mathjax|math|latex|tex");

  /** A formula as Markdown writes it, {@code $x$}, or {@code $$x$$} when its block is true. */
  private static String formula(String tex, Args a) {
    String written = tex.strip().replaceAll("\\s*\\n\\s*", " ");
    // on one line, which TeX reads alike: Markdown would end a formula at a blank line, or read
    // a line of "=" under it as a heading's rule
    return "true".equalsIgnoreCase(first(a, "block", "display"))
        ? "\n\n$$" + written + "$$\n\n"
        : "$" + written + "$";
  }

  /** The first of {@code keys} the shortcode was given, or "". */
  private static String first(Args a, String... keys) {
    for (String k : keys) {
      String v = a.named.get(k);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "";
  }

  /** A Markdown link to {@code url}, labelled {@code text} or, without one, the address. */
  private static String markdownLink(String text, String url) {
    return "["
        + markdownText(text.isEmpty() ? url : text)
        + "]("
        + url.replace(" ", "%20").replace(")", "%29")
        + ")";
  }

  /** Text for a link's label or a line of Markdown: one line, its Markdown marks escaped. */
  private static String markdownText(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ").replaceAll("([\\\\\\[\\]*_`<])", "\\\\$1");
  }

  /** A player ({@code video}, {@code audio}), which normalization turns into a note. */
  private static String media(String tag, String src, String title) {
    return media(tag, src, title, "");
  }

  /** A player, with the frame a video shows before it plays when {@code poster} is not empty. */
  private static String media(String tag, String src, String title, String poster) {
    return "\n\n<"
        + tag
        + " src=\""
        + Xml.escape(src)
        + "\""
        + (poster.isEmpty() ? "" : " poster=\"" + Xml.escape(poster) + "\"")
        + (title.isEmpty() ? "" : " title=\"" + Xml.escape(title) + "\"")
        + "></"
        + tag
        + ">\n\n";
  }

  /** Where a video service plays the video of an id: its embedded player's address. */
  private static final Map<String, String> PLAYER_ADDRESSES =
      Map.of(
          "youtube", "https://www.youtube.com/embed/",
          "vimeo", "https://player.vimeo.com/video/",
          "bilibili", "https://player.bilibili.com/player.html?bvid=");

  /** The address of {@code service}'s player ({@code youtube}, {@code vimeo}, {@code bilibili}). */
  static String playerAddress(String service, String id) {
    return PLAYER_ADDRESSES.get(service) + id;
  }

  private static String player(String src) {
    return "\n\n<iframe src=\"" + Xml.escape(src) + "\"></iframe>\n\n";
  }

  private static String fenced(String lang, String code) {
    return "\n" + CodeFences.block(lang, code) + "\n";
  }

  /** Fenced code under its title, a caption ({@link CodeFences#caption}). */
  private static String titledCode(String title, String lang, String code) {
    return (title.isBlank() ? "" : "\n" + CodeFences.caption(title) + "\n") + fenced(lang, code);
  }

  /**
   * Fenced code in the language named ({@code lang="ruby"}) or given first ({@code highlight go
   * "linenos=table"}), its title ({@code title="Vagrantfile"}) a line in italics above it.
   */
  private static String hugoCode(Args a, String code) {
    String lang = first(a, "lang", "language");
    if (lang.isEmpty() && !a.positional(0).contains("=")) {
      lang = a.positional(0);
    }
    return titledCode(first(a, "title", "file", "filename"), lang.isEmpty() ? null : lang, code);
  }

  /** Jekyll: {@code highlight ruby linenos}; Hexo: {@code codeblock [title] lang:ruby}. */
  private static String language(String args) {
    Matcher m = LANG_ARG.matcher(args);
    if (m.find()) {
      return m.group(1);
    }
    String first = args.strip().split("\\s+")[0];
    return first.matches("[\\w+#-]+") && !args.contains("codeblock") ? first : null;
  }

  private static String quote(String body, List<String> attribution) {
    StringBuilder sb = new StringBuilder("\n");
    for (String line : body.strip().split("\n", -1)) {
      sb.append("> ").append(line).append('\n');
    }
    List<String> words = attribution.stream().filter(w -> !w.matches("(?i)^https?://.*")).toList();
    if (!words.isEmpty()) {
      sb.append(">\n> — ").append(String.join(" ", words)).append('\n');
    }
    return sb.append('\n').toString();
  }

  private record Args(List<String> positional, Map<String, String> named) {
    String positional(int i) {
      return i < positional.size() ? positional.get(i) : "";
    }

    int firstIndex(java.util.function.Predicate<String> p) {
      for (int i = 0; i < positional.size(); i++) {
        if (p.test(positional.get(i))) {
          return i;
        }
      }
      return -1;
    }
  }

  private static Args args(String text) {
    List<String> positional = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    Matcher m = ARG.matcher(text);
    while (m.find()) {
      String value =
          m.group(2) != null
              ? m.group(2).replace("\\\"", "\"")
              : m.group(3) != null
                  ? m.group(3)
                  : m.group(4) != null ? "`" + m.group(4) + "`" : m.group(5);
      if (m.group(1) != null) {
        named.put(m.group(1).toLowerCase(Locale.ROOT), value);
      } else {
        positional.add(value);
      }
    }
    return new Args(positional, named);
  }

  /**
   * Renders every tag {@code pattern} finds (group 1 its name, group 2 its arguments); a tag that
   * renders to nothing is counted in {@code removed} under {@code label} filled with its name.
   */
  private static String renderNamed(
      Pattern pattern,
      String s,
      BiFunction<String, Args, String> render,
      String label,
      Map<String, Integer> removed) {
    return replace(
        pattern,
        s,
        m -> {
          String name = m.group(1).toLowerCase(Locale.ROOT);
          String out = render.apply(name, args(m.group(2)));
          if (out.isEmpty()) {
            removed.merge(String.format(Locale.ROOT, label, name), 1, Integer::sum);
          }
          return out;
        });
  }

  private static String replace(Pattern p, String s, Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** What marks a place where protected text was taken out, around its number. */
  private static final char KEPT = '\u0000';

  private static final char HTML_KEPT = '\u0001';

  /** Replaces matches by numbered markers and keeps the text to put back, untouched, at the end. */
  private static String protect(
      Pattern p, String s, List<String> kept, Function<Matcher, String> f) {
    return protect(p, s, kept, f, KEPT);
  }

  private static String protect(
      Pattern p, String s, List<String> kept, Function<Matcher, String> f, char marker) {
    return replace(p, s, m -> keep(f.apply(m), kept, marker));
  }

  /** Keeps {@code text} to put back at the end; returns the marker that stands in its place. */
  private static String keep(String text, List<String> kept, char marker) {
    kept.add(text);
    return marker + String.valueOf(kept.size() - 1) + marker;
  }

  private static String restore(String s, List<String> kept) {
    return restore(s, kept, KEPT);
  }

  private static String restore(String s, List<String> kept, char marker) {
    String out = s;
    for (int i = kept.size() - 1; i >= 0; i--) {
      out = out.replace(marker + String.valueOf(i) + marker, kept.get(i));
    }
    return out;
  }
}
