package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.PostLinks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Links between the articles of a digest ({@link PostLinks}), once the digest's articles are known:
 * a link to a stub left where a post moved ({@code redirect: /blog/new-name}) goes to the article
 * it sends readers to, as the site does; a link to any other post that did not become an article
 * (skipped, or merged into its duplicate) becomes its text, said once per post it went to, at the
 * first such link's line; and, for a book of one file per article (EPUB), each link names the other
 * article's file.
 */
public final class ArticleLinks {
  private ArticleLinks() {}

  /** A link between articles, whole; what it shows in group 1. */
  private static final Pattern LINK =
      Pattern.compile(
          "<a\\b[^>]*\\bclass=\"[^\"]*\\b" + PostLinks.CLASS + "\\b[^\"]*\"[^>]*>(.*?)</a>",
          Pattern.DOTALL);

  /** Its target: the other article's id in group 1, a place in it in group 2. */
  private static final Pattern TARGET = Pattern.compile("\\bhref=\"#(a\\d+)((?:-[^\"]*)?)\"");

  /** The post's line a link is written on ({@link PostLinks#LINE}), in group 1. */
  private static final Pattern LINE = Pattern.compile("\\s" + PostLinks.LINE + "=\"(\\d+)\"");

  /** The links of an article to one post that is not in the digest: how many, the first's line. */
  private static final class GoneLinks {
    final int line;
    int count;

    GoneLinks(int line) {
      this.line = line;
    }
  }

  /** The place in the other article a link names ({@link PostLinks#PLACE}), as written. */
  private static final Pattern PLACE = Pattern.compile("\\s" + PostLinks.PLACE + "=\"([^\"]*)\"");

  /**
   * {@code articles} with their links to posts that are not among them made text.
   *
   * @param postLinks the links between the posts the articles were made from ({@link
   *     PostLinks#of}): which post an article id is, and where a stub's address goes
   */
  public static List<Article> toPresentArticles(
      List<Article> articles, PostLinks postLinks, List<Problem> problems) {
    Set<String> present = new HashSet<>();
    for (Article a : articles) {
      present.add(a.id());
    }
    Map<String, Article> byId = new HashMap<>();
    for (Article a : articles) {
      byId.put(a.id(), a);
    }
    Map<String, org.jsoup.nodes.Element> bodies = new HashMap<>(); // parsed when a link needs one
    List<Article> out = new ArrayList<>(articles.size());
    for (Article a : articles) {
      String body = a.bodyXhtml();
      if (!body.contains(PostLinks.CLASS)) {
        out.add(a);
        continue;
      }
      Map<String, GoneLinks> gone = new LinkedHashMap<>(); // by the post's name, in order
      String kept =
          LINK.matcher(body)
              .replaceAll(
                  m -> {
                    Matcher t = TARGET.matcher(m.group());
                    if (!t.find()) {
                      return Matcher.quoteReplacement(m.group());
                    }
                    Matcher line = LINE.matcher(m.group());
                    boolean lineKnown = line.find();
                    int writtenOn =
                        lineKnown ? Integer.parseInt(line.group(1)) : a.post().bodyLine();
                    String link = lineKnown ? line.replaceFirst("") : m.group();
                    String target = t.group(1);
                    if (!present.contains(target)) {
                      Post post = postLinks.postOf(target);
                      target = movedTo(post, postLinks, present);
                      if (target == null) {
                        String name = post == null ? t.group(1) : post.relativePath().toString();
                        gone.computeIfAbsent(name, n -> new GoneLinks(writtenOn)).count++;
                        return Matcher.quoteReplacement(m.group(1));
                      }
                    }
                    link = link.replace(t.group(), "href=\"#" + target + "\"");
                    Matcher place = PLACE.matcher(link);
                    if (place.find()) {
                      String id =
                          PostLinks.placeIn(
                              bodies.computeIfAbsent(
                                  target,
                                  id1 -> Jsoup.parseBodyFragment(byId.get(id1).bodyXhtml()).body()),
                              target,
                              Parser.unescapeEntities(place.group(1), true));
                      link = place.replaceFirst("");
                      if (id != null) {
                        link = link.replace("href=\"#" + target + "\"", "href=\"#" + id + "\"");
                      }
                    }
                    return Matcher.quoteReplacement(link);
                  });
      gone.forEach(
          (name, links) ->
              problems.add(
                  Problem.warning(
                      a.post().file(),
                      links.line,
                      (links.count == 1 ? "a link" : links.count + " links")
                          + " to the post "
                          + name
                          + " kept as text: that post is not in the digest")));
      out.add(
          kept.equals(body)
              ? a
              : new Article(a.id(), a.post(), a.title(), a.lang(), kept, a.assets()));
    }
    // A heading a link goes to may have been given an id: the article is written with it.
    for (int i = 0; i < out.size(); i++) {
      Article a = out.get(i);
      org.jsoup.nodes.Element parsed = bodies.get(a.id());
      if (parsed != null) {
        String body = withHeadingIds(a.bodyXhtml(), parsed);
        if (!body.equals(a.bodyXhtml())) {
          out.set(i, new Article(a.id(), a.post(), a.title(), a.lang(), body, a.assets()));
        }
      }
    }
    return out;
  }

  private static final Pattern HEADING_TAG = Pattern.compile("<h([1-6])(\\s[^>]*)?>");

  /** {@code xhtml} with the ids {@code parsed}, its parsed copy, has and its headings do not. */
  private static String withHeadingIds(String xhtml, org.jsoup.nodes.Element parsed) {
    List<org.jsoup.nodes.Element> headings = parsed.select("h1, h2, h3, h4, h5, h6");
    Matcher m = HEADING_TAG.matcher(xhtml);
    StringBuilder sb = new StringBuilder(xhtml.length() + 64);
    int i = 0;
    while (m.find()) {
      String tag = m.group();
      if (i < headings.size() && !tag.contains(" id=\"") && headings.get(i).hasAttr("id")) {
        String rest = m.group(2) == null ? "" : m.group(2);
        tag = "<h" + m.group(1) + " id=\"" + headings.get(i).id() + "\"" + rest + ">";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(tag));
      i++;
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** How many stubs a link follows, one sending readers to another, before it stops. */
  private static final int MAX_MOVES = 3;

  /**
   * The article a stub post sends readers to ({@code redirect}, Jekyll's {@code redirect_to}),
   * stubs sending to stubs followed; null when it is none of the present articles.
   */
  private static String movedTo(Post stub, PostLinks postLinks, Set<String> present) {
    Post post = stub;
    for (int i = 0; i < MAX_MOVES && post != null; i++) {
      Post from = post;
      Optional<String> address = from.field("redirect_to").or(() -> from.field("redirect"));
      String id = address.map(a -> postLinks.articleFor(from, a)).orElse(null);
      if (id == null || present.contains(id)) {
        return id;
      }
      post = postLinks.postOf(id);
    }
    return null;
  }

  /**
   * {@code xhtml} with each link between articles naming the other article's file ({@code
   * a005.xhtml}), for a book that gives each article a file of its own.
   */
  public static String asFileLinks(String xhtml) {
    if (!xhtml.contains(PostLinks.CLASS)) {
      return xhtml;
    }
    return LINK.matcher(xhtml)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    TARGET
                        .matcher(m.group())
                        .replaceFirst(
                            t ->
                                t.group(2).isEmpty()
                                    ? "href=\"" + t.group(1) + ".xhtml\""
                                    : "href=\""
                                        + t.group(1)
                                        + ".xhtml#"
                                        + t.group(1)
                                        + t.group(2)
                                        + "\"")));
  }
}
