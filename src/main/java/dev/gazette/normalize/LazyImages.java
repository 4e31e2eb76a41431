package dev.gazette.normalize;

import dev.gazette.util.Urls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the real picture behind lazy-loading and CDN tricks, before {@link Sanitize} drops the
 * attributes that carry it: {@code data-original}, {@code data-src}, {@code _src} and friends
 * replace a placeholder {@code src}; {@code srcset} gives its largest candidate when there is no
 * real {@code src}; {@code //host/x} becomes {@code https://host/x}; image proxies are unwrapped;
 * {@code width="970px"} becomes {@code width="970"} (a percentage is dropped); a Markdown escape a
 * converter left in the address ({@code v2-abc\_b.jpg}) is taken out.
 */
final class LazyImages implements NormalizeStep {
  private static final Evaluator IMAGES = Selector.evaluatorOf("img");

  private static final List<String> LAZY_ATTRS =
      List.of(
          "data-original",
          "data-src",
          "data-lazy-src",
          "data-actualsrc",
          "data-original-src",
          "data-echo",
          "_src",
          "data-url");
  private static final Pattern PLACEHOLDER_SRC =
      Pattern.compile(
          "(?i)^(data:|about:blank)"
              + "|(blank|loading|lazy|placeholder|grey|gray|spacer|pixel|transparent)[\\w-]*"
              + "\\.(gif|png|svg|jpg)");
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([_*])");
  private static final Pattern PROXY_PARAM = Pattern.compile("[?&](?:url|src|u)=([^&]+)");
  private static final Pattern PIXELS =
      Pattern.compile("^\\s*(\\d{1,5})(?:\\.\\d+)?\\s*px\\s*$", Pattern.CASE_INSENSITIVE);

  /** A page's {@code data:} URI that a scraper resolved against the page's address. */
  private static final Pattern DATA_AFTER_ORIGIN =
      Pattern.compile("(?i)^https?://[^/]+/+(data:.*)");

  /** An SVG that draws nothing but one rectangle: a lazy loader's stand-in. */
  private static final Pattern BLANK_SVG =
      Pattern.compile(
          "(?is)^\\s*(<\\?xml[^>]*>)?\\s*<svg\\b[^>]*>\\s*(<rect\\b[^>]*/>)?\\s*</svg>\\s*$");

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<String> blanks = new java.util.ArrayList<>();
    String firstBlank = null;
    for (Element img : body.select(IMAGES)) {
      String src = img.attr("src").strip();
      Matcher misplaced = DATA_AFTER_ORIGIN.matcher(src);
      if (misplaced.matches()) {
        src = misplaced.group(1); // https://the-decoder.com/data:image/svg+xml;base64,…
      }
      if (src.isEmpty() || PLACEHOLDER_SRC.matcher(src).find()) {
        String lazy =
            LAZY_ATTRS.stream()
                .map(img::attr)
                .map(String::strip)
                .filter(v -> !v.isEmpty() && !PLACEHOLDER_SRC.matcher(v).find())
                .findFirst()
                .orElse("");
        if (lazy.isEmpty()) {
          lazy =
              largestCandidate(
                  img.hasAttr("srcset") ? img.attr("srcset") : img.attr("data-srcset"));
        }
        if (!lazy.isEmpty()) {
          src = lazy;
        } else if (blankSvg(src)) {
          // The page loaded the picture by script; what was saved is the blank stand-in.
          firstBlank = firstBlank == null ? img.attr("src").strip() : firstBlank;
          blanks.add(img.attr("alt").isBlank() ? "a picture" : "'" + img.attr("alt").strip() + "'");
          img.remove();
          continue;
        }
      }
      // An HTML-to-Markdown converter's escape left in raw HTML (Zhihu copies: v2-…\_b.jpg).
      src = Urls.withScheme(unproxied(MARKDOWN_ESCAPE.matcher(src).replaceAll("$1")));
      img.attr("src", src);
      for (String attr : List.of("srcset", "data-srcset", "sizes")) {
        img.removeAttr(attr);
      }
      for (String attr : List.of("width", "height")) {
        cleanLength(img, attr);
      }
    }
    if (!blanks.isEmpty()) {
      context.warn(
          (blanks.size() == 1 ? "" : blanks.size() + " pictures: ")
              + dev.gazette.util.Listing.firstThree(blanks)
              + " left out: only a lazy-loading stand-in (a blank SVG) was saved, not the"
              + " picture",
          firstBlank);
    }
  }

  /** Whether {@code src} is a {@code data:} URI of an SVG that draws at most one rectangle. */
  static boolean blankSvg(String src) {
    String lower = src.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("data:image/svg+xml")) {
      return false;
    }
    int comma = src.indexOf(',');
    if (comma < 0 || src.length() > 4096) {
      return false;
    }
    String meta = lower.substring(0, comma);
    String payload = src.substring(comma + 1);
    try {
      String svg =
          meta.endsWith(";base64")
              ? new String(
                  java.util.Base64.getMimeDecoder().decode(payload), StandardCharsets.UTF_8)
              : URLDecoder.decode(payload.replace("+", "%2B"), StandardCharsets.UTF_8);
      return BLANK_SVG.matcher(svg).matches();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The candidate of a {@code srcset} with the largest width (or density) descriptor. */
  static String largestCandidate(String srcset) {
    String best = "";
    double bestSize = -1;
    for (String part : srcset.split(",(?=\\s*\\S)")) {
      String[] bits = part.strip().split("\\s+");
      if (bits.length == 0 || bits[0].isEmpty()) {
        continue;
      }
      double size = 1;
      if (bits.length > 1) {
        String d = bits[1].toLowerCase(Locale.ROOT);
        try {
          size = Double.parseDouble(d.substring(0, d.length() - 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          size = 1;
        }
      }
      if (size > bestSize) {
        bestSize = size;
        best = bits[0];
      }
    }
    return best;
  }

  /**
   * {@code https://proxy.example/fetch?url=https%3A%2F%2Fhost%2Fa.jpg} -> {@code
   * https://host/a.jpg}.
   */
  static String unproxied(String src) {
    String lower = src.toLowerCase(Locale.ROOT);
    boolean proxy =
        lower.contains("proxy")
            || lower.contains("images.weserv.nl")
            || lower.contains("wsrv.nl")
            || lower.contains("/imgurl")
            || lower.contains("camo");
    if (!proxy) {
      return src;
    }
    Matcher m = PROXY_PARAM.matcher(src);
    if (!m.find()) {
      return src;
    }
    String inner;
    try {
      inner = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      return src;
    }
    String innerLower = inner.toLowerCase(Locale.ROOT);
    if (innerLower.startsWith("http://") || innerLower.startsWith("https://")) {
      return inner;
    }
    if (innerLower.startsWith("//")) {
      return "https:" + inner;
    }
    return inner.matches("^[\\w.-]+\\.[a-z]{2,}/.*") ? "https://" + inner : src;
  }

  private static void cleanLength(Element img, String attr) {
    if (!img.hasAttr(attr)) {
      return;
    }
    Matcher px = PIXELS.matcher(img.attr(attr));
    if (px.matches()) {
      img.attr(attr, px.group(1));
    } else if (!img.attr(attr).strip().matches("\\d{1,5}")) {
      img.removeAttr(attr);
    }
  }
}
