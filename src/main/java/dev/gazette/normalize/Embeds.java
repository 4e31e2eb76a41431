package dev.gazette.normalize;

import dev.gazette.util.Urls;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A digest cannot play video or audio, so each {@code iframe}, {@code video}, {@code audio}, {@code
 * embed} or {@code object} becomes a figure with a link to where it can be played (player URLs of
 * common sites are turned into their watch pages), under the video's poster frame when it has one.
 * Runs before {@link Sanitize}, which would otherwise drop them without a trace.
 */
final class Embeds implements NormalizeStep {
  /** The class of a video's poster frame, which {@link Images} leaves out when it cannot load. */
  static final String POSTER_CLASS = "video-poster";

  private static final Evaluator EMBEDS =
      Selector.evaluatorOf("iframe, video, audio, embed, object");
  private static final Evaluator SOURCES = Selector.evaluatorOf("source[src], embed[src]");
  private static final Evaluator MOVIE_PARAM = Selector.evaluatorOf("param[name=movie]");

  private static final Pattern YOUTUBE =
      Pattern.compile("(?i)^https?://(?:www\\.)?youtube(?:-nocookie)?\\.com/embed/([\\w-]{6,})");
  private static final Pattern BILIBILI =
      Pattern.compile("(?i)^https?://player\\.bilibili\\.com/player\\.html\\?.*?bvid=(\\w+)");
  private static final Pattern VIMEO =
      Pattern.compile("(?i)^https?://player\\.vimeo\\.com/video/(\\d+)");

  private static final java.util.Set<String> PLAYERS =
      java.util.Set.of("iframe", "video", "audio", "embed", "object");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element el : body.select(EMBEDS)) {
      if (el.parent() == null
          || el.parents().stream().anyMatch(a -> PLAYERS.contains(a.normalName()))) {
        continue; // already replaced together with an outer player
      }
      if (notAPlayer(el)) {
        // Markdown text such as List<Object> is a raw HTML tag to the Markdown parser, and the HTML
        // parser opens an object that holds the rest of the post: its text is kept, as written.
        String written = context.asWritten("<" + el.normalName()) + ">";
        el.before(new TextNode(written));
        el.unwrap();
        context.warn(written + " is not a player: kept as text", written);
        continue;
      }
      String src = source(el);
      boolean audio = el.normalName().equals("audio");
      Notes notes = Notes.forTitle(context.title());
      String label = audio ? notes.audio() : notes.video();
      Element note = new Element("p").addClass("figure-note");
      String title = el.attr("title").strip();
      if (src.isEmpty()) {
        note.appendChild(new TextNode("[" + label + (title.isEmpty() ? "" : ": " + title) + "]"));
      } else {
        String href = watchPage(src);
        String text = title.isEmpty() ? host(href) : title;
        note.appendChild(new TextNode("[" + label + "] "));
        note.appendChild(new Element("a").attr("href", href).text(text.isEmpty() ? href : text));
      }
      Element figure = new Element("figure").addClass("embed");
      String poster = el.normalName().equals("video") ? el.attr("poster").strip() : "";
      if (!poster.isEmpty()) {
        // The frame the page shows before the video plays: the pictures step fetches it as any.
        String alt = title.isEmpty() ? el.attr("aria-label").strip() : title;
        figure.appendChild(
            new Element("img")
                .addClass(POSTER_CLASS)
                .attr("src", Urls.withScheme(poster))
                .attr("alt", alt.isEmpty() ? label : alt));
      }
      figure.appendChild(note);
      Element parent = el.parent();
      Element paragraph = paragraphAround(el);
      if (parent.normalName().equals("p") && onlyChild(parent, el)) {
        parent.replaceWith(figure);
      } else if (paragraph != null) {
        // A figure inside a paragraph (or inside emphasis in one) is not what a reader of the
        // XHTML sees: the parser closes the paragraph at the figure and carries the emphasis in.
        el.remove();
        paragraph.after(figure);
      } else if (parent.normalName().equals("span")) {
        el.remove();
        parent.after(figure);
      } else {
        el.replaceWith(figure);
      }
    }
  }

  /**
   * An object with nothing to play (no data or source of its own, no movie parameter) that holds
   * text: an unknown tag in Markdown text, not a player.
   */
  private static boolean notAPlayer(Element el) {
    return el.normalName().equals("object")
        && el.attributesSize() == 0
        && el.selectFirst(MOVIE_PARAM) == null
        && !el.text().isBlank();
  }

  /** The paragraph holding {@code el} through inline elements only, or null. */
  private static Element paragraphAround(Element el) {
    for (Element a = el.parent(); a != null; a = a.parent()) {
      if (a.normalName().equals("p")) {
        return a;
      }
      if (!a.tag().isInline()) {
        return null;
      }
    }
    return null;
  }

  private static boolean onlyChild(Element parent, Element child) {
    for (Node n : parent.childNodes()) {
      if (n != child && !(n instanceof TextNode t && t.isBlank())) {
        return false;
      }
    }
    return true;
  }

  private static String source(Element el) {
    for (String attr : new String[] {"src", "data-src", "data"}) {
      String v = el.attr(attr).strip();
      if (!v.isEmpty()) {
        return Urls.withScheme(v);
      }
    }
    Element source = el.selectFirst(SOURCES);
    if (source != null) {
      String v = source.attr("src").strip();
      return Urls.withScheme(v);
    }
    Element param = el.selectFirst(MOVIE_PARAM);
    return param == null ? "" : param.attr("value").strip();
  }

  /** The page a reader can open: a watch page instead of an embedded player. */
  static String watchPage(String src) {
    Matcher m = YOUTUBE.matcher(src);
    if (m.find()) {
      return "https://www.youtube.com/watch?v=" + m.group(1);
    }
    m = BILIBILI.matcher(src);
    if (m.find()) {
      return "https://www.bilibili.com/video/" + m.group(1);
    }
    m = VIMEO.matcher(src);
    if (m.find()) {
      return "https://vimeo.com/" + m.group(1);
    }
    return src;
  }

  private static String host(String url) {
    try {
      String host = java.net.URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
