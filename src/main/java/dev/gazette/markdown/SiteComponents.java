package dev.gazette.markdown;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes out the components of the JavaScript site generators (VuePress, VitePress, Docusaurus's
 * MDX, Astro) that Markdown lets through as HTML: tags named in PascalCase, {@code <PrBy pr="1"
 * user="x"/>}, {@code <Tabs>…</Tabs>}. No HTML element is named so; only the site's own scripts
 * draw them, and a reader drops them without a word. A component with a body keeps the body; one
 * without ({@code <JumpToc/>}) has nothing Gazette could show, and is named in one line per post.
 *
 * <p>A marker standing for the post's own table of contents (a component named {@code …Toc},
 * markdown-it's {@code [[toc]]}, {@code [TOC]}, GitLab's {@code [[_TOC_]]}) goes too, said as such:
 * the digest has its own contents. When nothing else is under the heading introducing it ({@code #
 * Table of contents}), that heading goes with it.
 *
 * <p>An open PascalCase tag that nothing closes is a type in running text ({@code List<Object>},
 * {@code returns a <Value>}), and stays text.
 */
final class SiteComponents {
  private SiteComponents() {}

  /** A PascalCase name with a lower-case letter: {@code <TAB>} and {@code <C-a>} are keys. */
  private static final String NAME = "[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:\\.[A-Z][A-Za-z0-9]*)*";

  private static final Pattern TAG =
      Pattern.compile(
          "<(/?)(" + NAME + ")(?:\\s(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?)?\\s*(/?)>", Pattern.DOTALL);

  private static final Pattern COMPONENT_START = Pattern.compile("</?" + NAME + "[\\s/>]");

  private static final Pattern TOC_LINE =
      Pattern.compile("(?im)^\\s*\\[\\[?(?:toc|_toc_)\\]\\]?\\s*$");

  private static final Pattern TOC_MARKER =
      Pattern.compile("\\[\\[_?toc_?\\]\\]|\\[_?toc_?\\]", Pattern.CASE_INSENSITIVE);

  /** Whether {@code markdown} may hold a component: most bodies do not, and are not walked. */
  static boolean mayHold(String markdown) {
    return COMPONENT_START.matcher(markdown).find() || TOC_LINE.matcher(markdown).find();
  }

  /**
   * Removes the components from {@code document}; returns the lines that say what went (none, one
   * or two).
   */
  static List<String> remove(Document document) {
    return remove(document, ComponentSources.NONE);
  }

  /**
   * As {@link #remove(Document)}; a component whose source {@code sources} has stands for what it
   * draws when that is a picture, a player or a link ({@link ComponentTemplates}).
   */
  static List<String> remove(Document document, ComponentSources sources) {
    Map<String, Integer> empty = new LinkedHashMap<>();
    List<String> tocHeadings = new ArrayList<>();
    int tocs = 0;
    List<HtmlInline> inlines = AstNodes.all(document, HtmlInline.class);
    List<HtmlBlock> blocks = AstNodes.all(document, HtmlBlock.class);
    Set<String> closed = new HashSet<>();
    for (Node n : inlines) {
      closingNames(n.getChars(), closed);
    }
    for (Node n : blocks) {
      closingNames(n.getChars(), closed);
    }
    for (HtmlInline inline : inlines) {
      Matcher m = TAG.matcher(inline.getChars());
      if (!m.matches()) {
        continue;
      }
      if (m.group(1).isEmpty() && m.group(3).isEmpty() && !closed.contains(m.group(2))) {
        // List<Object>, a <Value>: a type in running text, which a browser would hide
        inline.insertBefore(new Text(inline.getChars()));
        inline.unlink();
        continue;
      }
      Node parent = inline.getParent();
      if (m.group(1).isEmpty() && m.group(3).isEmpty()) {
        if (closesAtOnce(inline, m.group(2))) {
          empty.merge(m.group(2), 1, Integer::sum); // <XeblogSlide name="…"></XeblogSlide>
        } else {
          label(m.group()).ifPresent(label -> leadIn(inline, label));
        }
      }
      java.util.Optional<String> standIn =
          m.group(1).isEmpty() && (!m.group(3).isEmpty() || closesAtOnce(inline, m.group(2)))
              ? standIn(m.group(2), m.group(), sources)
              : java.util.Optional.empty();
      if (standIn.isPresent()) {
        inline.insertBefore(new HtmlInline(BasedSequence.of(standIn.get())));
        if (m.group(3).isEmpty()) {
          empty.merge(m.group(2), -1, Integer::sum); // counted as empty just above
        }
      }
      inline.unlink();
      if (m.group(3).isEmpty() || standIn.isPresent()) {
        continue;
      }
      if (isToc(m.group(2)) && parent instanceof Paragraph p && p.getChildChars().isBlank()) {
        tocs++; // alone in its paragraph: flexmark reads a lone component as a paragraph's
        dropHeadingOfEmptySection(p, tocHeadings);
        p.unlink();
      } else {
        empty.merge(m.group(2), 1, Integer::sum);
      }
    }
    for (HtmlBlock block : blocks) {
      String html = block.getChars().toString();
      Matcher m = TAG.matcher(html);
      StringBuilder rest = new StringBuilder();
      boolean toc = false;
      boolean found = false;
      while (m.find()) {
        if (m.group(1).isEmpty() && m.group(3).isEmpty() && !closed.contains(m.group(2))) {
          continue; // not a component: left as it was
        }
        found = true;
        String replacement = "";
        if (!m.group(3).isEmpty()) {
          java.util.Optional<String> standIn = standIn(m.group(2), m.group(), sources);
          if (standIn.isPresent()) {
            replacement = standIn.get();
          } else if (isToc(m.group(2))) {
            toc = true;
          } else {
            empty.merge(m.group(2), 1, Integer::sum);
          }
        }
        m.appendReplacement(rest, Matcher.quoteReplacement(replacement));
      }
      if (!found) {
        continue;
      }
      m.appendTail(rest);
      if (rest.toString().isBlank()) {
        if (toc) {
          tocs++;
          dropHeadingOfEmptySection(block, tocHeadings);
        }
        block.unlink();
      } else {
        BasedSequence chars = BasedSequence.of(rest.toString());
        block.setContent(chars, List.of(chars));
        block.setChars(chars);
      }
    }
    for (Paragraph p : AstNodes.all(document, Paragraph.class)) {
      if (TOC_MARKER.matcher(p.getChars().toString().strip()).matches()) {
        tocs++;
        dropHeadingOfEmptySection(p, tocHeadings);
        p.unlink();
      }
    }
    empty.values().removeIf(n -> n <= 0);
    List<String> lines = new ArrayList<>();
    if (!empty.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      empty.forEach(
          (name, n) ->
              sb.append(sb.length() == 0 ? "" : ", ")
                  .append('<')
                  .append(name)
                  .append("/>")
                  .append(n > 1 ? " ×" + n : ""));
      lines.add("site components removed (only the site's own scripts draw them): " + sb);
    }
    if (tocs > 0) {
      lines.add(
          "the marker for the post's own table of contents removed"
              + (tocHeadings.isEmpty()
                  ? ""
                  : ", with the heading '" + tocHeadings.get(0) + "' above it")
              + " (the digest has its own contents)");
    }
    return lines;
  }

  private static final Pattern PICTURE =
      Pattern.compile("(?i)\\.(png|jpe?g|gif|webp|avif|svg|bmp)(?:[?#].*)?$");
  private static final Pattern WEB = Pattern.compile("(?i)^(https?:)?//\\S+$");

  /**
   * What an empty component with a written {@code src} stands for, as HTML the normalizer reads: a
   * picture ({@code <Illustration src="/images/x.png" alt="…"/>}), else a player for a web address
   * or a video or audio file ({@code <YouTubeIframe src="https://www.youtube.com/embed/…"/>},
   * {@code <Video src="./demo.mp4" poster="./demo.jpg"/>}), which the normalizer turns into a link
   * to where it plays, under its poster frame. A {@code src={expression}} is the site's code, and
   * has no stand-in.
   */
  static java.util.Optional<String> standIn(String name, String tag, ComponentSources sources) {
    Map<String, String> attributes = attributes(tag);
    String src = attributes.get("src");
    if (src == null || src.isBlank()) {
      java.util.Optional<String> drawn =
          sources
              .source(name)
              .flatMap(
                  source ->
                      ComponentTemplates.standIn(source, attributes, label(tag).orElse(null)));
      if (drawn.isPresent()) {
        return drawn;
      }
      java.util.Optional<String> video = videoById(name, attributes, label(tag).orElse(null));
      return video.isPresent() ? video : link(name, tag, attributes);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String title = label(tag).orElse(null);
    String poster = attributes.get("poster");
    String element;
    if (PICTURE.matcher(src.strip()).find()) {
      String alt = attributes.get("alt");
      String img =
          "<img src=\""
              + quoted(src.strip())
              + "\" alt=\""
              + quoted(alt == null ? "" : alt)
              + "\" />";
      // Dart's <DashImage src=… caption="…"/>: the site draws the caption under the picture
      String caption = attributes.get("caption");
      return java.util.Optional.of(
          caption == null || caption.isBlank()
              ? img
              : "<figure>"
                  + img
                  + "<figcaption>"
                  + quoted(caption.strip())
                  + "</figcaption></figure>");
    } else if (lower.contains("audio")) {
      element = "audio";
    } else if (lower.contains("video")) {
      element = "video";
    } else if (WEB.matcher(src.strip()).matches()) {
      element = "iframe";
    } else {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "<"
            + element
            + " src=\""
            + quoted(src.strip())
            + "\""
            + (title == null ? "" : " title=\"" + quoted(title) + "\"")
            + (element.equals("video") && poster != null && !poster.isBlank()
                ? " poster=\"" + quoted(poster.strip()) + "\""
                : "")
            + "></"
            + element
            + ">");
  }

  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\s([A-Za-z_][\\w-]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  /** A tag's attributes written as text, by name (an attribute written twice keeps the first). */
  private static Map<String, String> attributes(String tag) {
    Map<String, String> found = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      found.putIfAbsent(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
    }
    return found;
  }

  private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
  private static final Pattern GITHUB_REPO = Pattern.compile("[\\w.-]+/[\\w.-]+");

  /**
   * A video component that names its video by id ({@code <YoutubeEmbed id="S6IP_6HG2QE"
   * title="…"/>}, Docusaurus' {@code <LiteYouTubeEmbed id="…"/>}, {@code <Vimeo id="123"/>}) stands
   * for the player at the video's address, which the normalizer turns into a link to where it
   * plays.
   */
  private static java.util.Optional<String> videoById(
      String name, Map<String, String> attributes, String title) {
    String lower = name.toLowerCase(Locale.ROOT);
    String id =
        java.util.stream.Stream.of("id", "videoId", "videoid", "youtubeId", "vimeoId")
            .map(attributes::get)
            .filter(java.util.Objects::nonNull)
            .map(String::strip)
            .findFirst()
            .orElse("");
    String src;
    if (lower.contains("youtube") && YOUTUBE_ID.matcher(id).matches()) {
      src = TemplateTags.playerAddress("youtube", id);
    } else if (lower.contains("vimeo") && id.matches("[0-9]{1,12}")) {
      src = TemplateTags.playerAddress("vimeo", id);
    } else {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "<iframe src=\""
            + src
            + "\""
            + (title == null ? "" : " title=\"" + quoted(title) + "\"")
            + "></iframe>");
  }

  /**
   * A component with no source of its own that names a web page ({@code <XeblogToot
   * url="https://…"/>}, a link card's {@code href}, a GitHub card's {@code repo="owner/name"})
   * stands for a link to it, under its label or the address: the page is what a reader of the
   * digest can still open.
   */
  private static java.util.Optional<String> link(
      String name, String tag, Map<String, String> attributes) {
    String repo = attributes.getOrDefault("repo", "").strip();
    if (name.toLowerCase(Locale.ROOT).contains("github") && GITHUB_REPO.matcher(repo).matches()) {
      attributes = new LinkedHashMap<>(attributes);
      attributes.put("url", "https://github.com/" + repo);
    }
    for (String key : List.of("url", "href", "link")) {
      String address = attributes.get(key);
      if (address != null && address.strip().matches("(?i)https?://\\S+")) {
        String text = label(tag).orElse(address.strip());
        return java.util.Optional.of(
            "<a href=\"" + quoted(address.strip()) + "\">" + quoted(text) + "</a>");
      }
    }
    return java.util.Optional.empty();
  }

  /** An attribute value as written (its entities kept), safe between double quotes. */
  static String quoted(String value) {
    return value.replace("\"", "&quot;").replace("<", "&lt;");
  }

  /** A component's label: its {@code title}, {@code label} or {@code name}, written as text. */
  private static final Pattern LABEL =
      Pattern.compile("\\s(title|label|name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  private static java.util.Optional<String> label(String tag) {
    Map<String, String> found = new java.util.HashMap<>();
    Matcher m = LABEL.matcher(tag);
    while (m.find()) {
      String value = (m.group(2) != null ? m.group(2) : m.group(3)).strip();
      if (!value.isEmpty()) {
        found.putIfAbsent(m.group(1), value);
      }
    }
    return java.util.stream.Stream.of("title", "label", "name")
        .map(found::get)
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /**
   * Puts a component's label before its body, in bold: a site draws it as the body's heading or
   * speaker ({@code <Admonition title="Disclaimer">}, a tab's {@code label}, a dialogue's {@code
   * <Conv name="Cadey">}: xeiaso.net's 1,700 conversations between characters lost who says what).
   * Only a component that opens a block has one; one inside a sentence is a word's markup. The
   * label opens the body's first paragraph ("<b>Cadey:</b> Ya know…"), or stands alone above a body
   * that starts with something else (a list, a code block).
   */
  private static void leadIn(HtmlInline tag, String label) {
    if (!(tag.getParent() instanceof Paragraph paragraph)) {
      return;
    }
    for (Node before = tag.getPrevious(); before != null; before = before.getPrevious()) {
      if (!isMarkupOnly(before)) {
        return; // inside a sentence
      }
    }
    Node after = tag.getNext();
    while (after != null && isMarkupOnly(after)) {
      after = after.getNext();
    }
    if (after != null) {
      insertLeadIn(tag, label, true);
      // the line break after the tag would stand between the label and its text
      for (Node n = tag.getNext(); n != after; ) {
        Node next = n.getNext();
        if (!(n instanceof HtmlInline)) {
          n.unlink();
        }
        n = next;
      }
    } else if (paragraph.getNext() instanceof Paragraph next && next.getFirstChild() != null) {
      insertLeadIn(next.getFirstChild(), label, true);
    } else {
      Paragraph alone = new Paragraph();
      paragraph.insertAfter(alone);
      Text anchor = new Text(BasedSequence.of(""));
      alone.appendChild(anchor);
      insertLeadIn(anchor, label, false);
    }
  }

  /** Whether the component {@code name} opened by {@code tag} is closed with nothing between. */
  private static boolean closesAtOnce(HtmlInline tag, String name) {
    Node n = tag.getNext();
    while (isBlank(n)) {
      n = n.getNext();
    }
    return n instanceof HtmlInline close
        && close.getChars().toString().replaceAll("\\s", "").equals("</" + name + ">");
  }

  /** A line break, blank text or a component's tag: nothing a reader sees. */
  private static boolean isMarkupOnly(Node n) {
    return isBlank(n) || (n instanceof HtmlInline h && TAG.matcher(h.getChars()).matches());
  }

  /** A line break or blank text. */
  private static boolean isBlank(Node n) {
    return n instanceof com.vladsch.flexmark.ast.SoftLineBreak
        || (n instanceof Text t && t.getChars().isBlank());
  }

  private static void insertLeadIn(Node before, String label, boolean colon) {
    before.insertBefore(new HtmlInline(BasedSequence.of("<strong>")));
    before.insertBefore(new Text(BasedSequence.of(label)));
    before.insertBefore(new HtmlInline(BasedSequence.of("</strong>")));
    if (colon && !label.matches(".*[:：?？!！.。]$")) {
      boolean cjk = label.codePoints().anyMatch(dev.gazette.util.Cjk::isCjkLetter);
      before.insertBefore(new Text(BasedSequence.of(cjk ? "：" : ": ")));
    }
  }

  private static void closingNames(CharSequence html, Set<String> names) {
    Matcher m = TAG.matcher(html);
    while (m.find()) {
      if (!m.group(1).isEmpty()) {
        names.add(m.group(2));
      }
    }
  }

  private static boolean isToc(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith("toc");
  }

  /** The heading just before {@code marker}, when the marker is all its section holds. */
  private static void dropHeadingOfEmptySection(Node marker, List<String> dropped) {
    if (marker.getPrevious() instanceof Heading heading
        && (marker.getNext() == null
            || (marker.getNext() instanceof Heading next
                && next.getLevel() <= heading.getLevel()))) {
      dropped.add(heading.getText().toString().strip());
      heading.unlink();
    }
  }
}
