package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.model.Digest;
import dev.gazette.model.Section;
import dev.gazette.util.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The masthead page both renderers print after the cover: title, issue label, date range, counts
 * and an "in this issue" list. It holds no generation time, so output stays reproducible.
 */
public final class MastheadMarkup {
  /** Headlines listed per section; the rest are summed up as "…". */
  static final int HEADLINES_PER_SECTION = 3;

  /** Headlines listed when the digest has no sections. */
  static final int HEADLINES_WITHOUT_SECTIONS = 8;

  private MastheadMarkup() {}

  /**
   * The masthead's head: issue label, title, subtitle (date range) and counts. The HTML edition's
   * page header is this block without the list of headlines.
   */
  public static void appendTitleBlock(StringBuilder sb, Digest digest, Labels labels) {
    // An issue label only where it says more than the date range (a week or a month).
    if (digest.range() != null && !labels.issue(digest.range()).equals(digest.subtitle())) {
      sb.append("<p class=\"masthead-issue\">")
          .append(Xml.escape(labels.issue(digest.range())))
          .append("</p>\n");
    }
    sb.append("<h1 class=\"digest-title\">").append(Xml.escape(digest.title())).append("</h1>\n");
    if (!digest.subtitle().isEmpty()) {
      sb.append("<p class=\"digest-subtitle\">")
          .append(Xml.escape(digest.subtitle()))
          .append("</p>\n");
    }
    sb.append("<p class=\"digest-count\">")
        .append(Xml.escape(counts(digest, labels)))
        .append("</p>\n");
  }

  /**
   * The {@code <section>} of the masthead.
   *
   * @param extraAttributes attributes added to the element (e.g. {@code epub:type="titlepage"}), or
   *     ""
   * @param link where a headline points to: the article's file in an EPUB, its anchor in a PDF
   */
  public static String masthead(
      Digest digest, String extraAttributes, Function<Article, String> link) {
    Labels labels = Labels.forLanguage(digest.lang());
    StringBuilder sb = new StringBuilder("<section class=\"title-page masthead\"");
    if (!extraAttributes.isEmpty()) {
      sb.append(' ').append(extraAttributes);
    }
    sb.append(">\n");
    appendTitleBlock(sb, digest, labels);
    sb.append("<h2 class=\"masthead-heading\">")
        // A book has contents (目录); a periodical's issue has 本期内容.
        .append(Xml.escape(digest.range() == null ? labels.contents() : labels.inThisIssue()))
        .append("</h2>\n");
    sb.append("<ul class=\"in-this-issue\">\n");
    List<Section> titled = digest.sections().stream().filter(s -> s.title() != null).toList();
    if (titled.isEmpty()) {
      List<Article> all = digest.articles();
      all.stream().limit(HEADLINES_WITHOUT_SECTIONS).forEach(a -> headline(a, link, sb));
      if (all.size() > HEADLINES_WITHOUT_SECTIONS) {
        sb.append("<li class=\"masthead-more\">……</li>\n");
      }
    } else {
      for (Section s : titled) {
        section(s, labels, link, sb);
      }
    }
    sb.append("</ul>\n</section>\n");
    return sb.toString();
  }

  /** E.g. {@code 共 7 篇 · 3 个栏目 · 4 幅图片}. */
  public static String counts(Digest digest, Labels labels) {
    List<String> parts = new ArrayList<>();
    parts.add(labels.articleCount(digest.articles().size()));
    long sections = digest.sections().stream().filter(s -> s.title() != null).count();
    if (sections > 0) {
      parts.add(labels.sectionCount((int) sections));
    }
    long pictures = digest.assets().stream().filter(a -> !a.isFormula()).count();
    if (pictures > 0) {
      parts.add(labels.imageCount((int) pictures));
    }
    return String.join(labels.separator(), parts);
  }

  private static void section(
      Section s, Labels labels, Function<Article, String> link, StringBuilder sb) {
    List<Article> articles = s.allArticles();
    sb.append("<li class=\"masthead-section\"><span class=\"masthead-section-title\">")
        .append(Xml.escape(s.title()))
        .append("</span> <span class=\"masthead-section-count\">")
        .append(Xml.escape(labels.articleCount(articles.size())))
        .append("</span>\n<ul>\n");
    // A section's introduction is what the section's title stands for, as in the contents.
    List<Article> headlines = s.opensWithIntro() ? articles.subList(1, articles.size()) : articles;
    headlines.stream().limit(HEADLINES_PER_SECTION).forEach(a -> headline(a, link, sb));
    if (headlines.size() > HEADLINES_PER_SECTION) {
      sb.append("<li class=\"masthead-more\">……</li>\n");
    }
    sb.append("</ul>\n</li>\n");
  }

  private static void headline(Article a, Function<Article, String> link, StringBuilder sb) {
    sb.append("<li class=\"masthead-headline\"><a href=\"")
        .append(Xml.escape(link.apply(a)))
        .append("\">")
        .append(Xml.escape(a.title()))
        .append("</a></li>\n");
  }
}
