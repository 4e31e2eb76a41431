package dev.gazette.normalize;

import dev.gazette.model.Asset;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.util.Listing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What normalization steps may look at and report to: the post, the id prefix of its article, the
 * image resolver; problems and assets found are collected here.
 */
public final class NormalizeContext {
  private final Post post;
  private final String idPrefix;
  private final String title;
  private final ImageResolver images;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<Asset> assets = new LinkedHashSet<>();
  private String bodyText;

  public NormalizeContext(Post post, String idPrefix, String title, ImageResolver images) {
    this.post = post;
    this.idPrefix = idPrefix;
    this.title = title;
    this.images = images;
  }

  public Post post() {
    return post;
  }

  public String idPrefix() {
    return idPrefix;
  }

  public String title() {
    return title;
  }

  public ImageResolver images() {
    return images;
  }

  public void warn(String message) {
    problems.add(Problem.warning(post.file(), post.bodyLine(), message));
  }

  /**
   * One warning for the links of the post that became their text ({@code a link to X} or {@code 3
   * links to X, Y, Z, …}, each shortened to 80 characters), at the line of the first, saying {@code
   * why}; nothing when there are none.
   */
  public void warnKeptAsText(List<String> hrefs, String why) {
    if (hrefs.isEmpty()) {
      return;
    }
    warn(linksTo(hrefs) + " kept as text: " + why, hrefs.get(0));
  }

  /**
   * {@code a link to X} or {@code 3 links to X, Y, Z, …}, each address shortened to 80 characters:
   * how a warning about some links of the post names them.
   */
  static String linksTo(List<String> hrefs) {
    return (hrefs.size() == 1 ? "a link to " : hrefs.size() + " links to ")
        + Listing.firstThree(hrefs.stream().map(NormalizeContext::shorten).toList());
  }

  /** At most 80 characters of {@code s}, with … when cut. */
  static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /**
   * A warning at the line of the post where {@code fragment} (an image source, a link) is written,
   * or at the first line of the body when it cannot be found there.
   */
  public void warn(String message, String fragment) {
    problems.add(Problem.warning(post.file(), lineOf(fragment), message));
  }

  /**
   * The 1-based file line where {@code fragment} first appears in the body, written as a link's or
   * picture's address when it is so written somewhere ({@code (E)} is not the E of {@code Embark}
   * above it); the body's first line otherwise.
   */
  public int lineOf(String fragment) {
    if (fragment == null || fragment.isEmpty()) {
      return post.bodyLine();
    }
    String body = body();
    int at = -1;
    for (String written : asAddress(fragment)) {
      at = body.indexOf(written);
      if (at >= 0) {
        break;
      }
    }
    if (at < 0) {
      at = body.indexOf(fragment);
    }
    if (at < 0) {
      return post.bodyLine();
    }
    int line = post.bodyLine();
    for (int i = 0; i < at; i++) {
      if (body.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * The ways Markdown and HTML write {@code address} as one, ends included: {@code ](x)}, {@code ]:
   * x}, {@code ="x"}.
   */
  private static List<String> asAddress(String address) {
    return List.of(
        "](" + address + ")",
        "](" + address + " ",
        "](<" + address + ">)",
        "]: " + address + "\n",
        "]: " + address + " ",
        "=\"" + address + "\"",
        "='" + address + "'",
        "<" + address + ">");
  }

  /**
   * {@code fragment} as the body writes it, letter case included (the first match ignoring case),
   * or {@code fragment} itself when the body does not hold it.
   */
  public String asWritten(String fragment) {
    String body = body();
    int at = body.toLowerCase(Locale.ROOT).indexOf(fragment.toLowerCase(Locale.ROOT));
    return at < 0 || body.length() < at + fragment.length()
        ? fragment
        : body.substring(at, at + fragment.length());
  }

  private String body() {
    if (bodyText == null) {
      try {
        bodyText = post.body();
      } catch (RuntimeException e) {
        bodyText = "";
      }
    }
    return bodyText;
  }

  public void addAsset(Asset asset) {
    assets.add(asset);
  }

  /**
   * The problems found, the same one at the same line said once, with how often: Vue's blog shows
   * one sponsors' picture twice in a post, and its loss was said twice, word for word.
   */
  public List<Problem> problems() {
    Map<Problem, Integer> times = new LinkedHashMap<>();
    for (Problem p : problems) {
      times.merge(p, 1, Integer::sum);
    }
    if (times.size() == problems.size()) {
      return List.copyOf(problems);
    }
    List<Problem> said = new ArrayList<>(times.size());
    times.forEach(
        (p, n) ->
            said.add(
                n == 1
                    ? p
                    : new Problem(
                        p.severity(),
                        p.file(),
                        p.line(),
                        p.message() + (n == 2 ? " (twice)" : " (" + n + " times)"))));
    return List.copyOf(said);
  }

  public List<Asset> assets() {
    return List.copyOf(assets);
  }
}
