package dev.gazette.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * A paragraph holding only images (each possibly inside a link) becomes one figure per image. A
 * short caption-like paragraph right after it — centered, grey, or starting like a caption ("图为",
 * "▲", "Photo:") — becomes the figure's {@code figcaption}; so does short text after the image in
 * the same paragraph. Captions and figures the HTML parser tore apart are put back together ({@link
 * #mendStrayParts}).
 */
final class Figures implements NormalizeStep {
  private static final Evaluator PARAGRAPHS = Selector.evaluatorOf("p");
  // a formula's picture (img.math) is text: never a figure, nor a picture beside a caption
  private static final Evaluator IMAGES = Selector.evaluatorOf("img:not(.math)");
  private static final Evaluator IMAGES_OR_BREAKS = Selector.evaluatorOf("img:not(.math), br");
  private static final Evaluator CAPTIONS = Selector.evaluatorOf("figcaption");
  private static final Evaluator FIGURES = Selector.evaluatorOf("figure");

  static final int MAX_CAPTION_CHARS = 90;
  private static final Pattern CAPTION_START =
      Pattern.compile(
          "^(图为|图：|图:|图片：|图片来源|（图|\\(图|▲|△|↑|上图|下图|资料图"
              + "|(?i:photo|image|pictured|source|credit)\\s*[:：])");

  @Override
  public void apply(Element body, NormalizeContext context) {
    for (Element p : body.select(PARAGRAPHS)) {
      if (p.parent() == null || p.parent().normalName().equals("figure")) {
        continue;
      }
      List<Node> content = meaningful(p);
      List<Element> images = new ArrayList<>();
      int firstText = -1;
      for (int i = 0; i < content.size(); i++) {
        Element img = imageOf(content.get(i));
        if (img != null && firstText < 0) {
          images.add(img);
        } else if (firstText < 0) {
          firstText = i;
        }
      }
      if (images.isEmpty() || firstText == 0) {
        continue;
      }
      Element inlineCaption = null;
      if (firstText > 0) {
        List<Node> rest = content.subList(firstText, content.size());
        if (images.size() != 1
            || rest.stream().anyMatch(n -> imageOf(n) != null || hasImage(n))
            || textOf(rest).length() > MAX_CAPTION_CHARS) {
          continue; // an image inside running text stays inline
        }
        if (textOf(rest).codePoints().noneMatch(Character::isLetterOrDigit)
            && rest.stream().allMatch(TextNode.class::isInstance)) {
          // the sentence's full stop after its picture ("![](x.png)。"): no caption
          rest.forEach(Node::remove);
        } else {
          inlineCaption = new Element("figcaption");
          for (Node n : rest) {
            inlineCaption.appendChild(n);
          }
        }
      }
      Element last = p;
      for (Element img : images) {
        Element figure = new Element("figure").appendChild(img);
        last.after(figure);
        last = figure;
      }
      p.remove();
      if (inlineCaption != null) {
        last.appendChild(inlineCaption);
      } else {
        Element next = last.nextElementSibling();
        if (next != null && isCaption(next)) {
          next.tagName("figcaption");
          next.removeAttr("class");
          last.appendChild(next);
        }
      }
    }
    mendStrayParts(body);
  }

  /**
   * A figure written as raw HTML across Markdown blocks comes apart in the HTML parser: {@code
   * <figure>} at the end of a heading line opens (and closes) inside the heading, and {@code
   * <p><img><figcaption>} ends the paragraph before the caption, so the caption stands alone (a
   * WordPress export did both: its captions were invalid EPUB). A caption outside any figure joins
   * the figure right before it when that one has none, else it is a paragraph. An empty figure with
   * an id right before a figure without one hands it the id; any other figure left with nothing in
   * it goes with the other empty blocks ({@link Whitespace}), after every step that can empty one.
   */
  private static void mendStrayParts(Element body) {
    for (Element caption : body.select(CAPTIONS)) {
      Element parent = caption.parent();
      if (parent == null || parent.normalName().equals("figure")) {
        continue;
      }
      Element before = caption.previousElementSibling();
      if (before != null
          && before.normalName().equals("figure")
          && before.selectFirst(CAPTIONS) == null) {
        before.appendChild(caption);
      } else {
        caption.tagName("p");
        LineBreaks.splitParagraph(caption); // a paragraph now, split as the others were
      }
    }
    for (Element figure : body.select(FIGURES)) {
      keepOneCaption(figure);
    }
    // The figure opened in the heading is left empty, with the id links point at; the picture's
    // figure right after it takes the id.
    for (Element figure : body.select(FIGURES)) {
      Element next = figure.nextElementSibling();
      if (figure.hasAttr("id")
          && figure.childNodeSize() == 0
          && next != null
          && next.normalName().equals("figure")
          && !next.hasAttr("id")) {
        next.attr("id", figure.id());
        figure.remove();
      }
    }
  }

  /**
   * A figure has one caption, its first or its last child: a figure written with a caption above
   * each of its two drawings (jalammar's explorables) was invalid EPUB. The caption that opens or
   * closes the figure stays one; any other becomes a paragraph of it, its text kept.
   */
  private static void keepOneCaption(Element figure) {
    List<Element> captions =
        figure.children().stream().filter(c -> c.normalName().equals("figcaption")).toList();
    if (captions.isEmpty()) {
      return;
    }
    Element first = figure.firstElementChild();
    Element last = figure.lastElementChild();
    Element kept = captions.contains(first) ? first : captions.contains(last) ? last : null;
    for (Element caption : captions) {
      if (caption != kept) {
        caption.tagName("p");
        LineBreaks.splitParagraph(caption);
      }
    }
  }

  /** The image a node shows on its own: an {@code img}, or a link around only an image. */
  private static Element imageOf(Node n) {
    if (!(n instanceof Element e)) {
      return null;
    }
    if (e.normalName().equals("img")) {
      return Formulas.isFormula(e) ? null : e;
    }
    if ((e.normalName().equals("a") || e.normalName().equals("span")) && e.text().isBlank()) {
      List<Element> imgs = e.select(IMAGES);
      return imgs.size() == 1 ? imgs.get(0) : null;
    }
    return null;
  }

  private static boolean hasImage(Node n) {
    return n instanceof Element e && !e.select(IMAGES).isEmpty();
  }

  static boolean isCaption(Element el) {
    if (!el.normalName().equals("p") || !el.select(IMAGES_OR_BREAKS).isEmpty()) {
      return false;
    }
    String text = el.text().strip();
    if (text.isEmpty() || text.codePointCount(0, text.length()) > MAX_CAPTION_CHARS) {
      return false;
    }
    if (el.hasClass("align-center") || el.hasClass("muted") || CAPTION_START.matcher(text).find()) {
      return true;
    }
    List<Node> content = meaningful(el);
    return content.size() == 1
        && content.get(0) instanceof Element e
        && (e.hasClass("muted") || e.hasClass("align-center") || e.normalName().equals("small"));
  }

  private static List<Node> meaningful(Element p) {
    List<Node> out = new ArrayList<>();
    for (Node n : p.childNodes()) {
      if (n instanceof TextNode t
          && t.getWholeText().replace('\u3000', ' ').replace('\u00A0', ' ').isBlank()) {
        continue;
      }
      if (n instanceof Element e && e.normalName().equals("br")) {
        continue;
      }
      out.add(n);
    }
    return out;
  }

  private static String textOf(List<Node> nodes) {
    StringBuilder sb = new StringBuilder();
    for (Node n : nodes) {
      sb.append(n instanceof TextNode t ? t.text() : ((Element) n).text());
    }
    return sb.toString().strip();
  }
}
