package dev.gazette.normalize;

import dev.gazette.assets.SiteAddress;
import dev.gazette.model.Post;
import dev.gazette.util.Listing;
import dev.gazette.util.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Keeps links a reader can follow (http, https, mailto, and anchors inside the article) and makes
 * links to {@code /path} on the blog absolute when the blog's address is known; other links
 * (relative paths into the blog, {@code javascript:}, {@code data:}, {@code file:}) become plain
 * text, said in one line per post (a reader of the digest cannot follow them). An address a browser
 * would not follow as written but whose meaning is plain ({@code github.com/x}, {@code https//…},
 * {@code (https://…)}) is read as meant, also said in one line per post ({@link
 * Urls#meantAddress}). Kept links are repaired into valid URLs ({@link Urls#followable}); a web
 * address that cannot be repaired loses its link with a warning of its own. An anchor that names a
 * place ({@code <a name="x">}) keeps that place.
 */
final class Links implements NormalizeStep {
  private static final Evaluator LINKS = Selector.evaluatorOf("a");
  private static final Evaluator CITING_QUOTES = Selector.evaluatorOf("blockquote[cite], q[cite]");
  private static final java.util.regex.Pattern ARTICLE_HREF =
      java.util.regex.Pattern.compile("#a\\d+");

  /** The blog's origin ({@code https://example.org}) that {@code /path} links go to, or null. */
  private final String siteOrigin;

  /**
   * @param siteOrigin the blog's origin: a link to {@code /docs/x} is made {@code
   *     https://example.org/docs/x}, where a reader of the blog would have gone; null to keep such
   *     links as text
   */
  Links(String siteOrigin) {
    this(siteOrigin, PostLinks.NONE);
  }

  /** As {@link #Links(String)}; a link to a file of {@code postLinks} goes to its article. */
  Links(String siteOrigin, PostLinks postLinks) {
    this.siteOrigin = siteOrigin;
    this.postLinks = postLinks;
    List<SiteAddress> own = new ArrayList<>();
    if (siteOrigin != null) {
      own.add(SiteAddress.of(siteOrigin));
    }
    own.addAll(postLinks.ownSites());
    this.sites = List.copyOf(own);
  }

  /** The blog's own address and the sites its posts say they were published on. */
  private final List<SiteAddress> sites;

  private final PostLinks postLinks;

  /**
   * The path and fragment of {@code address} when it is a page of the blog (of its own address, or
   * of a site the posts say they were published on; either scheme, with or without {@code www.}),
   * to be found among the posts as a link from the site's root; else null.
   */
  private String pathOnSite(String address) {
    for (SiteAddress site : sites) {
      Optional<String> path = site.localPath(address);
      if (path.isPresent()) {
        int hash = address.indexOf('#');
        return hash < 0 ? path.get() : path.get() + address.substring(hash);
      }
    }
    return null;
  }

  /**
   * The title {@code ObsidianSyntax} gives a wikilink's link: the wikilink as written, shown when
   * no post is that note.
   */
  private static final Pattern WIKILINK_TITLE = Pattern.compile("!?\\[\\[[^\\n]*\\]\\]");

  /** A relative link to a Markdown file, perhaps to a place in it: a post that was not read. */
  private static final Pattern POST_FILE =
      Pattern.compile("(?i)^(?![a-z][a-z0-9+.-]*:|/)[^?#]+\\.(?:md|mdx|markdown)(?:#.*)?$");

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<String> unfollowable = new ArrayList<>();
    List<String> missingPosts = new ArrayList<>(); // relative links to Markdown files, decoded
    List<Element> unresolvedWikilinks = new ArrayList<>(); // [[x]] that no post is
    boolean wikilinkFound = false; // a [[x]] of this article that a post is
    int nowhere = 0; // links to "#"
    List<String> readAsMeant = new ArrayList<>(); // "'href' as address", in order
    List<String> toSitePages = new ArrayList<>(); // links to pages of the site, decoded
    List<String> toSiteFiles = new ArrayList<>(); // links to files beside the post's page
    String firstMeant = null; // its href, to find its line
    for (Element a : body.select(LINKS)) {
      String href = a.attr("href").strip();
      if (a.hasClass(PostLinks.CLASS)) {
        if (ARTICLE_HREF.matcher(href).matches()) {
          continue; // made by this step on an earlier pass
        }
        a.removeClass(PostLinks.CLASS); // written so in the post: an ordinary link
        if (a.classNames().isEmpty()) {
          a.removeAttr("class");
        }
      }
      a.removeAttr(PostLinks.PLACE); // written so in the post: not this step's
      a.removeAttr(PostLinks.LINE);
      String lower = href.toLowerCase(Locale.ROOT);
      String kept = null;
      // a web address no URL parser takes may still be one a browser follows (https:/host/x)
      boolean unparsedWeb =
          (lower.startsWith("http:") || lower.startsWith("https:"))
              && Urls.followable(href).isEmpty();
      if ((!Urls.looksFollowable(href) || unparsedWeb)
          && !href.startsWith("#")
          && !href.startsWith("/")) {
        String meant = Urls.meantAddress(href).flatMap(Urls::followable).orElse(null);
        if (meant != null) {
          a.attr("href", meant);
          firstMeant = firstMeant == null ? href : firstMeant;
          readAsMeant.add("'" + NormalizeContext.shorten(href) + "' as " + meant);
          continue;
        }
      }
      if (lower.startsWith("//")) {
        kept = Urls.followable("https:" + href).orElse(null);
      } else if (lower.startsWith("http://")
          || lower.startsWith("https://")
          || lower.startsWith("mailto:")) {
        kept = Urls.followable(href).orElse(null);
      } else if (href.startsWith("#") && href.length() > 1) {
        kept = href;
      }
      String onSite = kept == null ? href : pathOnSite(kept);
      String article = onSite == null ? null : postLinks.articleFor(context.post(), onSite);
      if (article != null && isOwnPage(article, kept, context)) {
        article = null;
      }
      if (article == null && kept == null && siteOrigin != null && href.startsWith("/")) {
        kept = Urls.followable(siteOrigin + href).orElse(null); // a page of the blog, not a post
      }
      boolean wikilink = WIKILINK_TITLE.matcher(a.attr("title")).matches();
      if (article == null && kept == null && !wikilink && POST_FILE.matcher(href).matches()) {
        kept = postLinks.pageAddress(context.post(), href); // MkDocs' documentation page
        if (kept != null) {
          toSitePages.add(Ids.decoded(href));
        }
      }
      if (article == null && kept == null && !wikilink) {
        kept = postLinks.fileAddress(context.post(), href); // a file of a Zola page's folder
        if (kept != null) {
          toSiteFiles.add(Ids.decoded(href));
        }
      }
      if (wikilink) {
        wikilinkFound |= article != null;
        if (article == null && POST_FILE.matcher(href).matches()) {
          unresolvedWikilinks.add(a); // decided below, when every wikilink is known
          continue;
        }
        a.removeAttr("title");
      }
      if (article != null) {
        a.attr("href", "#" + article);
        a.addClass(PostLinks.CLASS);
        a.attr(PostLinks.LINE, Integer.toString(context.lineOf(href)));
        int hash = href.indexOf('#');
        String place = hash < 0 ? "" : Ids.decoded(href.substring(hash + 1)).strip();
        if (!place.isEmpty()) {
          a.attr(PostLinks.PLACE, place); // found in the other article once it is made
        }
      } else if (kept != null) {
        a.attr("href", kept);
      } else {
        if (Urls.looksFollowable(href)) {
          context.warn(
              "link '"
                  + NormalizeContext.shorten(href)
                  + "' is not a valid URL; its text is kept without the link",
              href);
        } else if (POST_FILE.matcher(href).matches()) {
          missingPosts.add(Ids.decoded(href));
        } else if (href.equals("#")) {
          nowhere++; // a page's script handles the click: no address at all
        } else if (!href.isEmpty() && !href.startsWith(Urls.UNKNOWN_SITE_VALUE)) {
          unfollowable.add(href);
        }
        keepText(a);
      }
    }
    // A note of a vault that links others by name shows a missing note's name, as Obsidian does;
    // where no wikilink leads to a post, [[x]] is text: JavaScript's [[Scope]], Swift's [[Int]].
    List<String> wikilinksAsWritten = new ArrayList<>();
    for (Element a : unresolvedWikilinks) {
      String written = a.attr("title");
      a.removeAttr("title");
      if (wikilinkFound) {
        missingPosts.add(Ids.decoded(a.attr("href").strip()));
        keepText(a);
      } else {
        wikilinksAsWritten.add(written);
        a.replaceWith(new TextNode(written));
      }
    }
    context.warnKeptAsText(missingPosts, "the digest has no post of that file");
    if (!toSitePages.isEmpty()) {
      context.warn(
          NormalizeContext.linksTo(toSitePages)
              + " (no post of the digest) "
              + (toSitePages.size() == 1 ? "goes to that page" : "go to those pages")
              + " on the site",
          toSitePages.get(0));
    }
    if (!toSiteFiles.isEmpty()) {
      context.warn(
          NormalizeContext.linksTo(toSiteFiles)
              + " (files beside the post) "
              + (toSiteFiles.size() == 1 ? "goes to that file" : "go to those files")
              + " on the site",
          toSiteFiles.get(0));
    }
    if (!wikilinksAsWritten.isEmpty()) {
      context.warn(
          (wikilinksAsWritten.size() == 1 ? "a wikilink" : wikilinksAsWritten.size() + " wikilinks")
              + " kept as written, "
              + Listing.firstThree(wikilinksAsWritten)
              + ": the digest has no post of that name",
          wikilinksAsWritten.get(0));
    }
    if (nowhere > 0) {
      context.warn(
          (nowhere == 1 ? "a link to #" : nowhere + " links to #")
              + " (no address: a script of the page handled the click) kept as text",
          "#");
    }
    boolean fromRoot =
        siteOrigin == null
            && unfollowable.stream().anyMatch(h -> h.startsWith("/") && !h.startsWith("//"));
    context.warnKeptAsText(
        unfollowable,
        "only web and mail addresses can be followed from the digest"
            + (fromRoot ? " (--site-url, the blog's address, makes the /… ones web links)" : ""));
    if (readAsMeant.size() == 1) {
      context.warn(
          "link "
              + readAsMeant.get(0).replaceFirst("' as ", "' read as ")
              + " (no browser follows it as written)",
          firstMeant);
    } else if (!readAsMeant.isEmpty()) {
      context.warn(
          readAsMeant.size()
              + " links read as meant: "
              + Listing.firstThree(readAsMeant)
              + " (no browser follows them as written)",
          firstMeant);
    }
    for (Element q : body.select(CITING_QUOTES)) {
      Urls.followable(Urls.withScheme(q.attr("cite").strip()))
          .ifPresentOrElse(u -> q.attr("cite", u), () -> q.removeAttr("cite"));
    }
  }

  /** A link that leads nowhere, as text: its element goes, unless its id is a place linked to. */
  private static void keepText(Element a) {
    if (a.id().isEmpty()) {
      a.unwrap();
    } else {
      keepPlace(a);
    }
  }

  /**
   * An anchor that is no link but a place links go to ({@code <a id="x">}, {@code <a name="x">}):
   * its id stays, on a span around its text, or, when it holds nothing and stands alone in its
   * block (which would be removed as empty), on the block after it, where the reader goes.
   */
  private static void keepPlace(Element a) {
    Element parent = a.parent();
    Element next = parent == null ? null : parent.nextElementSibling();
    if (next != null
        && next.id().isEmpty()
        && !a.hasText()
        && a.children().isEmpty()
        && !parent.normalName().equals("body")
        && parent.text().isBlank()
        && parent.children().size() == 1) {
      next.attr("id", a.id());
      a.remove();
      return;
    }
    a.tagName("span");
    a.removeAttr("href");
  }

  /**
   * Whether a web address is the page a link post is about: its {@code link} (chriskrycho.com's
   * notes) names the post's address for Gazette, and the text that links to that page went to the
   * article the reader is in. It stays a web link. A link to the post's own page by its {@code url}
   * or permalink (a Blogger heading linking to its post), or by a {@code link} on the blog's own
   * site (where WordPress's exporters say the post was published), still goes to the article.
   */
  private boolean isOwnPage(String article, String kept, NormalizeContext context) {
    Post target = postLinks.postOf(article);
    return kept != null
        && target != null
        && context.post() != null
        && target.file().equals(context.post().file())
        && context.post().fields().get("link") instanceof String link
        && withoutTrailingSlash(link.strip()).equals(withoutTrailingSlash(kept))
        && (siteOrigin == null || !kept.startsWith(siteOrigin)); // WordPress's link: the post's
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
