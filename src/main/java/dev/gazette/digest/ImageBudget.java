package dev.gazette.digest;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Limits;
import dev.gazette.model.Problem;
import dev.gazette.model.Section;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Caps the bytes of images one digest embeds. Articles are made in parallel, so the cap is applied
 * afterwards, in reading order, which keeps the result the same on every run: once the images so
 * far reach the cap, each further new image is replaced by its alt text (with a warning). An image
 * already embedded costs nothing when used again.
 */
public final class ImageBudget {
  /**
   * @param articles the articles, those that lost images rebuilt
   * @param problems a warning per image left out
   * @param replaced each rebuilt article by the one it replaces
   */
  public record Result(
      List<Article> articles, List<Problem> problems, Map<Article, Article> replaced) {
    /** The same sections with rebuilt articles in place of the old ones. */
    public List<Section> remap(List<Section> sections) {
      if (replaced.isEmpty()) {
        return sections;
      }
      List<Section> out = new ArrayList<>();
      for (Section s : sections) {
        out.add(
            new Section(
                s.id(),
                s.title(),
                s.articles().stream().map(a -> replaced.getOrDefault(a, a)).toList(),
                remap(s.subsections())));
      }
      return out;
    }
  }

  private ImageBudget() {}

  public static Result apply(List<Article> articles, long maxBytes) {
    Set<String> kept = new HashSet<>();
    long used = 0;
    List<Article> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<Article, Article> replaced = new IdentityHashMap<>();
    for (Article article : articles) {
      List<Asset> assets = new ArrayList<>();
      Set<String> dropped = new HashSet<>();
      for (Asset asset : article.assets()) {
        if (kept.contains(asset.href())) {
          assets.add(asset);
        } else if (used + asset.bytes().length <= maxBytes) {
          kept.add(asset.href());
          used += asset.bytes().length;
          assets.add(asset);
        } else {
          dropped.add(asset.href());
          problems.add(
              Problem.warning(
                  article.post().file(),
                  0,
                  "image left out: the digest already holds "
                      + Limits.describeBytes(used)
                      + " of images, and at most "
                      + Limits.describeBytes(maxBytes)
                      + " are embedded"));
        }
      }
      if (dropped.isEmpty()) {
        out.add(article);
      } else {
        Article smaller =
            new Article(
                article.id(),
                article.post(),
                article.title(),
                article.lang(),
                withoutImages(article.bodyXhtml(), dropped),
                assets);
        replaced.put(article, smaller);
        out.add(smaller);
      }
    }
    return new Result(out, problems, replaced);
  }

  /**
   * The body with each {@code <img>} of {@code hrefs} replaced by its alt text in brackets (or
   * nothing).
   */
  static String withoutImages(String bodyXhtml, Set<String> hrefs) {
    Document doc = Jsoup.parse("<body>" + bodyXhtml + "</body>", "", Parser.xmlParser());
    for (Element img : doc.select("img")) {
      if (hrefs.contains(img.attr("src"))) {
        String alt = img.attr("alt").strip();
        if (alt.isEmpty()) {
          img.remove();
        } else {
          img.replaceWith(new TextNode("[" + alt + "]"));
        }
      }
    }
    return serialize(doc);
  }

  /**
   * The body with each {@code <img>} pointing at a key of {@code renamed} pointing at its value.
   */
  static String withImagesRenamed(String bodyXhtml, Map<String, String> renamed) {
    Document doc = Jsoup.parse("<body>" + bodyXhtml + "</body>", "", Parser.xmlParser());
    for (Element img : doc.select("img")) {
      String to = renamed.get(img.attr("src"));
      if (to != null) {
        img.attr("src", to);
      }
    }
    return serialize(doc);
  }

  private static String serialize(Document doc) {
    doc.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset("UTF-8")
        .prettyPrint(false);
    StringBuilder sb = new StringBuilder();
    for (Element block : doc.selectFirst("body").children()) {
      sb.append(block.outerHtml()).append('\n');
    }
    return sb.toString();
  }
}
