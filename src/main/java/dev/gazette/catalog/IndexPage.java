package dev.gazette.catalog;

import dev.gazette.util.Hrefs;
import dev.gazette.util.Xml;
import java.util.List;
import java.util.Locale;

/**
 * The catalog for people: {@code index.html} listing the same digests as the feed, newest first,
 * each with its thumbnail, date, author, summary and a link per format with its size. It points
 * feed readers to {@code catalog.xml}. Static and self-contained (inline CSS, no script).
 */
final class IndexPage {
  static final String FILE_NAME = "index.html";

  private static final String CSS =
      """
      :root { color-scheme: light dark; }
      body { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 3em 1em; line-height: 1.5;
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; }
      h1 { font-size: 1.6em; margin: 0 0 0.2em 0; }
      .feed { margin: 0 0 2em 0; font-size: 0.9em; }
      ol.issues { list-style: none; margin: 0; padding: 0; }
      .issue { display: flex; gap: 1em; padding: 1em 0; border-top: 1px solid #cccccc; }
      .issue img { flex: none; width: 100px; height: auto; align-self: flex-start;
        border: 1px solid #dddddd; }
      .issue h2 { font-size: 1.15em; margin: 0 0 0.2em 0; }
      .issue p { margin: 0 0 0.4em 0; }
      .meta { color: #666666; font-size: 0.9em; }
      .formats .meta { margin-right: 1.2em; }
      @media (prefers-color-scheme: dark) {
        body { background-color: #161616; color: #dedede; }
        a { color: #8ab4f8; }
        .meta { color: #a8a8a8; }
        .issue { border-top-color: #3a3a3a; }
      }
      """;

  private IndexPage() {}

  static String write(String title, String language, List<CatalogEntry> entries) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(Xml.escape(language)).append("\">\n");
    sb.append("<head>\n<meta charset=\"utf-8\">\n");
    sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    sb.append("<title>").append(Xml.escape(title)).append("</title>\n");
    sb.append("<link rel=\"alternate\" type=\"")
        .append(OpdsFeed.ACQUISITION_FEED)
        .append("\" href=\"")
        .append(OpdsFeed.FILE_NAME)
        .append("\" title=\"OPDS\">\n");
    sb.append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<header>\n<h1>").append(Xml.escape(title)).append("</h1>\n");
    sb.append("<p class=\"feed\">")
        .append(entries.size())
        .append(entries.size() == 1 ? " issue" : " issues")
        .append(" · OPDS catalog for e-reader apps: <a href=\"")
        .append(OpdsFeed.FILE_NAME)
        .append("\">")
        .append(OpdsFeed.FILE_NAME)
        .append("</a></p>\n</header>\n");
    sb.append("<main>\n<ol class=\"issues\">\n");
    for (CatalogEntry e : entries) {
      entry(sb, e);
    }
    sb.append("</ol>\n</main>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void entry(StringBuilder sb, CatalogEntry e) {
    String lang = e.language() == null ? "" : " lang=\"" + Xml.escape(e.language()) + "\"";
    sb.append("<li class=\"issue\"").append(lang).append(">\n");
    if (e.thumbnail() != null) {
      CatalogImage t = e.thumbnail();
      sb.append("<img src=\"")
          .append(Xml.escape(OpdsFeed.href(t.path())))
          .append("\" width=\"")
          .append(t.width())
          .append("\" height=\"")
          .append(t.height())
          .append("\" alt=\"\">\n");
    }
    sb.append("<div>\n<h2>").append(Xml.escape(e.title())).append("</h2>\n");
    sb.append("<p class=\"meta\"><time datetime=\"")
        .append(OpdsFeed.time(e.updated()))
        .append("\">")
        .append(e.issued() != null ? e.issued() : e.updated().toString().substring(0, 10))
        .append("</time>");
    if (e.author() != null) {
      sb.append(" · ").append(Xml.escape(e.author()));
    }
    sb.append("</p>\n");
    if (e.summary() != null) {
      sb.append("<p>").append(Xml.escape(e.summary())).append("</p>\n");
    }
    sb.append("<p class=\"formats\">");
    for (CatalogFile f : e.files()) {
      sb.append("<a href=\"")
          .append(Xml.escape(Hrefs.segment(f.fileName())))
          .append("\" type=\"")
          .append(f.mediaType())
          .append("\">")
          .append(f.format().name())
          .append("</a> <span class=\"meta\">")
          .append(size(f.size()))
          .append("</span> ");
    }
    sb.append("</p>\n</div>\n</li>\n");
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes + 512) / 1024 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
