package dev.gazette.markdown;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Markdown of Obsidian vaults and of the gardens published from them (Quartz, Obsidian
 * Publish, Digital Garden), and GitHub's additions to it, into the Markdown the parser knows,
 * before it parses the text: CommonMark would print each of them as written.
 *
 * <ul>
 *   <li>A callout or GitHub alert, {@code > [!note] Title} opening a quote, gives the quote a bold
 *       title: the one written, else the kind ({@code Note}). A fold mark ({@code [!tip]-}) goes.
 *   <li>A wikilink {@code [[Note name#Heading|text]]} is a link to {@code Note name.md}, which
 *       {@code PostLinks} finds by its file name when it is not beside the post; it shows its text,
 *       else the note's name ({@code Note name > Heading}). Its title is the wikilink as written,
 *       which {@code Links} shows when no post is that note: in a blog, {@code [[Scope]]} is
 *       JavaScript's internal slot, not a note. An embed {@code ![[picture.png|alt]]} is a picture
 *       (a number after the bar is a width, not a text); an embedded note is a link to it.
 *   <li>{@code ==marked==} is {@code <mark>}; {@code %%a comment%%} goes; a block's id at the end
 *       of a line ({@code ^quote-1}) goes.
 *   <li>A task's box ({@code - [ ]}, {@code - [x]}) is ☐ or ☑.
 * </ul>
 *
 * Fenced code and code spans are left as written, and markdown-it's {@code [[toc]]} (GitLab's
 * {@code [[_TOC_]]}), which {@link SiteComponents} reads, is no wikilink. Lines are kept, so
 * warnings point at the writer's line.
 */
final class ObsidianSyntax {
  private ObsidianSyntax() {}

  private static final Pattern MAY_HOLD =
      Pattern.compile("\\[\\[|\\[!\\w|==|%%|\\[[ xX]\\]|\\s\\^[\\w-]+\\s*$", Pattern.MULTILINE);

  private static final Pattern CALLOUT =
      Pattern.compile("^( {0,3}(?:>[ \\t]?)+)\\[!([A-Za-z][\\w-]*)\\][+-]?[ \\t]*(.*)$");

  /**
   * {@code [[Note]]}, {@code ![[picture.png]]}; not Zhihu's formula picture {@code ![[公式]](…)},
   * whose alt text is {@code [公式]}, nor any other link whose text is bracketed, nor {@code [[ ]]}
   * (a wiki's markup named in running text).
   */
  private static final Pattern WIKILINK =
      Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]*[^\\s\\[\\]|][^\\[\\]\\n]*)\\]\\](?![(\\[])");

  /**
   * Redmine's and Ruby's {@code [[Feature #13110]]} and {@code [[GH-rubygems-6149]]}: an issue
   * named in release notes, whose brackets stay (kramdown prints them, and the notes' own link list
   * may define them); a note's heading follows its name without a space ({@code [[Note#Heading]]}).
   */
  private static final Pattern ISSUE_REFERENCE =
      Pattern.compile("[^#|]*\\S\\s+#\\d+|GH-[\\w.-]*\\d+");

  /**
   * A list of numbers or quoted strings, the inner list of an array written in text: LeetCode
   * notes' {@code Output: [[3,4]]}, {@code [[1]]}, {@code [["06:20", "06:30"]]} (a Hexo blog lost
   * the brackets of 20 such outputs to links to notes named "3,4").
   */
  private static final Pattern DATA_LIST =
      Pattern.compile(
          "\\s*(?:[-+]?\\d[\\d.]*|\"[^\"]*\"|'[^']*')"
              + "(?:\\s*,\\s*(?:[-+]?\\d[\\d.]*|\"[^\"]*\"|'[^']*'))*\\s*");

  /**
   * What Obsidian forbids in a note's name, {@code * " < > : ? \} (a table's {@code \|} is a bar):
   * Swift's dictionary arrays {@code [[String:String]]} are no wikilinks.
   */
  private static final Pattern NOT_A_NAME = Pattern.compile("[*\"<>:?\\\\]");

  /**
   * What follows a type in code written in text, not a note's name: Swift's {@code [[T]] -> [T]}
   * (SwiftGG's translations lost the brackets of an array of arrays to a link to a note "T").
   */
  private static final Pattern TYPE_AFTER = Pattern.compile("\\s*->");

  /** {@code ==marked==}, not {@code a==b and c==d}: no letter may touch the outer marks. */
  private static final Pattern MARKED =
      Pattern.compile("(?<![\\w=!<>])==(?=[^\\s=])([^\\n]*?[^\\s=])==(?![\\w=])");

  private static final Pattern COMMENT = Pattern.compile("%%[\\s\\S]*?%%");

  /** A block's id, {@code ^quote-1}, {@code ^a1b2c3}: with a letter, so {@code 2 ^10} stays. */
  private static final Pattern BLOCK_ID =
      Pattern.compile("[ \\t]\\^(?=[\\w-]*[A-Za-z])[A-Za-z0-9][\\w-]*[ \\t]*$");

  private static final Pattern TASK =
      Pattern.compile(
          "^([ \\t]*(?:>[ \\t]?)*[ \\t]*(?:[-*+]|\\d+[.)])[ \\t]+)\\[([ xX])\\](?=[ \\t]|$)");

  private static final Pattern WIDTH = Pattern.compile("\\d+(?:x\\d+)?");

  private static final Pattern PICTURE =
      Pattern.compile("(?i).+\\.(png|jpe?g|gif|webp|svg|avif|bmp|tiff?)$");

  /** A file a wikilink names with its extension; any other name is a note's, without its .md. */
  private static final Pattern WITH_EXTENSION =
      Pattern.compile(
          "(?i).+\\.(mdx?|markdown|pdf|png|jpe?g|gif|webp|svg|avif|bmp|tiff?|canvas|mp[34]|webm|mov"
              + "|wav|ogg|txt|csv|zip)$");

  static boolean mayHold(String markdown) {
    return MAY_HOLD.matcher(markdown).find();
  }

  static String read(String markdown) {
    return CodeFences.rewriteProse(
        markdown,
        prose -> {
          String s = COMMENT.matcher(prose).replaceAll(m -> CodeFences.linesOf(m.group()));
          StringBuilder out = new StringBuilder(s.length());
          for (String line : s.split("(?<=\n)", -1)) {
            boolean nl = line.endsWith("\n");
            out.append(line(nl ? line.substring(0, line.length() - 1) : line))
                .append(nl ? "\n" : "");
          }
          return out.toString();
        });
  }

  private static String line(String line) {
    String s = line;
    Matcher callout = CALLOUT.matcher(s);
    if (callout.matches()) {
      String title = callout.group(3).strip();
      if (title.isEmpty()) {
        String kind = callout.group(2).replace('-', ' ');
        title =
            kind.substring(0, 1).toUpperCase(Locale.ROOT)
                + kind.substring(1).toLowerCase(Locale.ROOT);
      }
      // The title is a paragraph of its own: the quote's next line would join it.
      s = callout.group(1) + "**" + title + "**\n" + callout.group(1).stripTrailing();
    }
    s =
        TASK.matcher(s)
            .replaceFirst(
                m -> Matcher.quoteReplacement(m.group(1) + (m.group(2).isBlank() ? "☐" : "☑")));
    if (s.contains("[[")) {
      String written = s;
      s =
          WIKILINK
              .matcher(s)
              .replaceAll(
                  m ->
                      Matcher.quoteReplacement(
                          typeInCode(m.group(1), m.group(2), written.substring(m.end()))
                              ? m.group()
                              : wikilink(m.group(1), m.group(2))));
    }
    if (s.contains("==")) {
      s = MARKED.matcher(s).replaceAll("<mark>$1</mark>");
    }
    return BLOCK_ID.matcher(s).replaceFirst("");
  }

  /**
   * Whether {@code [[inside]]}, followed on its line by {@code after}, is a type of code written in
   * text, not a link: it stays as written.
   */
  private static boolean typeInCode(String bang, String inside, String after) {
    return bang.isEmpty()
        && (NOT_A_NAME.matcher(inside.replace("\\|", "|").split("[#|]", 2)[0]).find()
            || TYPE_AFTER.matcher(after).lookingAt());
  }

  /**
   * A wikilink or an embed as Markdown; {@code [[toc]]} and GitLab's {@code [[_TOC_]]} as written.
   */
  private static String wikilink(String bang, String inside) {
    if (bang.isEmpty()
        && (inside.strip().matches("(?i)toc|_toc_")
            || ISSUE_REFERENCE.matcher(inside).matches()
            || DATA_LIST.matcher(inside).matches())) {
      return "[[" + inside + "]]";
    }
    // In a table, the bar before a link's text is written \|.
    String body = inside.replace("\\|", "|");
    int bar = body.indexOf('|');
    String target = (bar < 0 ? body : body.substring(0, bar)).strip();
    String label = bar < 0 ? "" : body.substring(bar + 1).strip();
    int hash = target.indexOf('#');
    String note = hash < 0 ? target : target.substring(0, hash).strip();
    // A block's place is written ^id; the page's anchor is id.
    String place = hash < 0 ? "" : target.substring(hash + 1).strip().replaceFirst("^\\^", "");
    if (!bang.isEmpty() && PICTURE.matcher(note).matches()) {
      String alt = WIDTH.matcher(label).matches() ? "" : label;
      return "![" + escaped(alt) + "](" + address(note, "") + ")";
    }
    if (label.isEmpty()) {
      String name = note.contains("/") ? note.substring(note.lastIndexOf('/') + 1) : note;
      label = name.isEmpty() ? place : place.isEmpty() ? name : name + " > " + place;
    }
    String file = note.isEmpty() || WITH_EXTENSION.matcher(note).matches() ? note : note + ".md";
    // the link's title is the wikilink as written: kept as text if it leads to no post (Links)
    return "["
        + escaped(label)
        + "]("
        + address(file, place)
        + " \""
        + (bang + "[[" + body + "]]").replace("\\", "\\\\").replace("\"", "\\\"")
        + "\")";
  }

  /** A file and a place in it as a link's address: spaces and the like percent-encoded. */
  private static String address(String file, String place) {
    String path =
        java.util.Arrays.stream(file.split("/", -1))
            .map(ObsidianSyntax::encode)
            .collect(java.util.stream.Collectors.joining("/"));
    return place.isEmpty() ? path : path + "#" + encode(place);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String escaped(String label) {
    return label.replace("[", "\\[").replace("]", "\\]");
  }
}
