package dev.gazette.digest;

import dev.gazette.markdown.BodyShape;
import dev.gazette.markdown.MarkdownRenderer;
import dev.gazette.markdown.RawHtmlTags;
import dev.gazette.markdown.TemplateTags;
import dev.gazette.model.Article;
import dev.gazette.model.BodyFormat;
import dev.gazette.model.Post;
import dev.gazette.model.Problem;
import dev.gazette.normalize.HtmlNormalizer;
import dev.gazette.normalize.ImageResolver;
import dev.gazette.normalize.NormalizeContext;
import dev.gazette.typeset.Languages;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a post into an article: reads the body, renders Markdown, normalizes, detects language. */
public final class ArticleMaker {
  private static final Pattern LANG_TAG = Pattern.compile("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$");

  private final MarkdownRenderer markdown;
  private final HtmlNormalizer normalizer;
  private final ImageResolver images;

  public ArticleMaker(MarkdownRenderer markdown, HtmlNormalizer normalizer, ImageResolver images) {
    this.markdown = markdown;
    this.normalizer = normalizer;
    this.images = images;
  }

  /** An article, or the problem that kept the post out. */
  public record Outcome(Article article, List<Problem> problems) {}

  public Outcome make(Post post, String id) {
    String body;
    try {
      body = post.body();
    } catch (RuntimeException e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(), 0, "cannot read body: " + rootMessage(e) + "; post skipped")));
    }
    try {
      return fromHtml(post, id, post.title(), toHtml(body));
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(),
                  post.bodyLine(),
                  "cannot convert body: " + rootMessage(e) + "; post skipped")));
    }
  }

  /** The body as HTML: rendered from Markdown, or as written when it is HTML already. */
  public String toHtml(String body) {
    return formatOf(body) == BodyFormat.HTML
        ? body
        : markdown.toHtml(RawHtmlTags.repair(TemplateTags.render(body)));
  }

  /**
   * An article from part of a post's HTML, under a title of the caller's choosing: one post can
   * make several articles (a single-file book's chapters).
   */
  public Outcome fromHtml(Post post, String id, String title, String html) {
    try {
      NormalizeContext context = new NormalizeContext(post, id, title, images);
      String xhtml = normalizer.normalize(html, context);
      String lang = language(post, title, xhtml);
      Article article = new Article(id, post, title, lang, xhtml, context.assets());
      return new Outcome(article, context.problems());
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(
          null,
          List.of(
              Problem.error(
                  post.file(),
                  post.bodyLine(),
                  "cannot convert body: " + rootMessage(e) + "; post skipped")));
    }
  }

  /** HTML when the whole body is made of HTML blocks (news bots), Markdown otherwise. */
  static BodyFormat formatOf(String body) {
    return BodyShape.of(body);
  }

  private static String language(Post post, String title, String xhtml) {
    String declared = post.field("lang").or(() -> post.field("language")).orElse("");
    if (LANG_TAG.matcher(declared).matches()) {
      String d = declared.toLowerCase(Locale.ROOT);
      return switch (d) {
        case "zh", "zh-cn", "zh-sg", "zh-hans", "zh-hans-cn" -> "zh-Hans";
        case "zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw" -> "zh-Hant";
        default -> Locale.forLanguageTag(declared).toLanguageTag();
      };
    }
    String text = title + " " + xhtml.replaceAll("<[^>]+>", " ");
    return Languages.detect(text.length() > 20000 ? text.substring(0, 20000) : text);
  }

  private static String rootMessage(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "nested too deeply to convert";
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
