package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Post;
import dev.gazette.source.SiteAuthors;
import dev.gazette.typeset.EnglishParagraphs;
import dev.gazette.typeset.Languages;
import dev.gazette.util.Xml;
import java.util.ArrayList;
import java.util.List;

/**
 * The XHTML of an article as both renderers print it: a header (title, subtitle, date, author,
 * categories, original link) followed by the normalized body. One place, so EPUB and PDF always
 * agree.
 */
public final class ArticleMarkup {
  private ArticleMarkup() {}

  /** {@code <article>} element with header and body. */
  public static String article(Article article, Digest digest, String beforeHeader) {
    // Labels (dates, "Original") follow the digest's language, whatever the post's: a Chinese
    // digest dates an English post 2016年11月5日 22:39.
    Labels labels = Labels.forLanguage(digest.lang());
    String lang = Xml.escape(article.lang());
    StringBuilder sb = new StringBuilder();
    sb.append("<article class=\"article ")
        .append(Languages.isCjk(article.lang()) ? "cjk" : "latin")
        .append(article.post().linkEntry() ? " link-entry" : "")
        .append("\" id=\"")
        .append(article.id())
        .append("\" lang=\"")
        .append(lang)
        .append("\" xml:lang=\"")
        .append(lang)
        .append("\">\n");
    sb.append(beforeHeader);
    sb.append("<header class=\"article-header\">\n<h1 class=\"article-title\">")
        .append(Xml.escape(article.title()))
        .append("</h1>\n");
    String subtitle = subtitle(article);
    if (!subtitle.isEmpty()) {
      sb.append("<p class=\"article-subtitle\">").append(Xml.escape(subtitle)).append("</p>\n");
    }
    String meta = meta(article, digest, labels);
    if (!meta.isEmpty()) {
      String metaLang =
          digest.lang().equals(article.lang())
              ? ""
              : " lang=\""
                  + Xml.escape(digest.lang())
                  + "\" xml:lang=\""
                  + Xml.escape(digest.lang())
                  + "\"";
      sb.append("<p class=\"meta\"").append(metaLang).append(">").append(meta).append("</p>\n");
    }
    sb.append("</header>\n");
    // English paragraphs of a CJK article say so: read aloud, broken and set as English.
    String body =
        Languages.isCjk(article.lang())
            ? EnglishParagraphs.markInXhtml(article.bodyXhtml())
            : article.bodyXhtml();
    sb.append("<div class=\"article-body\">\n").append(body).append("</div>\n");
    sb.append("</article>\n");
    return sb.toString();
  }

  /** Longest subtitle printed: beyond it, the field holds a summary, not a line under a title. */
  static final int MAX_SUBTITLE_CHARS = 200;

  /**
   * The post's {@code subtitle} (Jekyll themes such as Hux Blog, many Hugo themes): a line under
   * the title, as the blog shows it. Empty when there is none, when it repeats the title, or when
   * it is too long to be one.
   */
  static String subtitle(Article article) {
    String s = article.post().field("subtitle").orElse("").replaceAll("\\s+", " ").strip();
    if (s.equals(article.title().strip()) || s.codePointCount(0, s.length()) > MAX_SUBTITLE_CHARS) {
      return "";
    }
    return s;
  }

  private static String meta(Article article, Digest digest, Labels labels) {
    Post post = article.post();
    List<String> parts = new ArrayList<>();
    post.date().ifPresent(d -> parts.add(Xml.escape(labels.postDate(d, digest.zone()))));
    List<String> authors = SiteAuthors.written(post);
    if (!authors.isEmpty()) {
      parts.add(Xml.escape(String.join(", ", authors)));
    }
    if (!post.categories().isEmpty()) {
      parts.add(Xml.escape(String.join(" / ", post.categories())));
    }
    post.originalAddress()
        .ifPresent(
            url ->
                parts.add(
                    "<a href=\""
                        + Xml.escape(url)
                        + "\">"
                        + Xml.escape(labels.original())
                        + "</a>"));
    return String.join(labels.separator(), parts);
  }
}
