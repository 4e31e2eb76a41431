package dev.gazette.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.gazette.util.Cjk;
import java.util.List;

/**
 * Ends the web addresses flexmark's autolink extension finds in running text where the Chinese text
 * after them starts. Its scanner runs to the next space, and Chinese has none: {@code
 * 网站是www.example.com，这个…} was one link whose address held the comma and the rest of the sentence,
 * no valid URL, so the normalizer kept its text without the link. Chinese punctuation ends an
 * address anywhere in it: full-width and ideographic (U+3000–U+303F, U+FF00–U+FFEF, not their
 * letters and digits) and the curly quotes, ellipsis and dash {@link Cjk} counts with them ({@code
 * “https://example.org/a”。}); a CJK character ends it in the host (before the first {@code /},
 * {@code ?} or {@code #}), while the path may hold CJK characters: {@code
 * https://zh.wikipedia.org/wiki/汉字} is an IRI and stays whole. A cut address then ends as the
 * extension's scanner ends one at a space (a trailing {@code .,:;?!}, an unclosed quote or bracket
 * are not part of it). What was cut off stays text after the link; with no host left (or a {@code
 * www.} address without a second dot, which the extension would not have linked) the whole link is
 * text. Addresses in angle brackets ({@code <https://…>}) are the writer's own and are left alone.
 */
final class UrlAutolinks {
  private UrlAutolinks() {}

  /** Whether {@code markdown} may hold a web address: most bodies have neither marker. */
  static boolean mayHold(String markdown) {
    return markdown.contains("://") || markdown.contains("www.");
  }

  static void mend(Document document) {
    List<AutoLink> links = AstNodes.all(document, AutoLink.class);
    for (AutoLink link : links) {
      if (!link.getOpeningMarker().isEmpty()) {
        continue; // <https://example.org>
      }
      BasedSequence chars = link.getText();
      int end = end(chars);
      if (end == chars.length()) {
        continue;
      }
      if (end == 0) {
        link.insertBefore(new Text(link.getChars()));
        link.unlink();
        continue;
      }
      link.insertAfter(new Text(chars.subSequence(end)));
      BasedSequence kept = chars.subSequence(0, end);
      link.setText(kept);
      link.setUrlChars(kept);
      link.setChars(kept);
      link.removeChildren();
      link.appendChild(new Text(kept));
    }
  }

  /**
   * Length of the address {@code text} starts with: all of it when nothing ends it early, 0 when no
   * address is left.
   */
  static int end(CharSequence text) {
    int host = hostStart(text);
    if (host < 0) {
      return text.length();
    }
    int cut = text.length();
    boolean inHost = true;
    for (int i = host; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      if (chinesePunctuation(cp) || (inHost && Cjk.isCjk(cp))) {
        cut = i;
        break;
      }
      if (cp == '/' || cp == '?' || cp == '#') {
        inHost = false;
      }
      i += Character.charCount(cp);
    }
    if (host > 0
        && (host == text.length()
            || !(Character.isLetterOrDigit(Character.codePointAt(text, host))
                || text.charAt(host) == '['))) {
      return 0; // "http://" or "https://" named in a sentence: a scheme without a host
    }
    if (cut == text.length()) {
      return cut;
    }
    boolean www = host == 0;
    int end = scannedEnd(text, www ? 4 : host, cut);
    if (www) {
      return end > 4 && indexOf(text, '.', 4, end) >= 0 ? end : 0;
    }
    return end > host && Character.isLetterOrDigit(Character.codePointAt(text, host)) ? end : 0;
  }

  /** Where the host starts: after {@code scheme://}, or 0 for a {@code www.} address; else -1. */
  private static int hostStart(CharSequence text) {
    if (startsWith(text, "www.")) {
      return 0;
    }
    for (int i = 0; i + 2 < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':' && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
        return i + 3;
      }
      if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-'))) {
        return -1;
      }
    }
    return -1;
  }

  /**
   * What {@link Cjk#isCjk} counts as CJK but is no letter or digit: the punctuation of
   * U+3000–U+303F and U+FF00–U+FFEF (not 々, 〇, ａ, ｶ…), of the vertical and compatibility forms,
   * curly quotes, ellipsis, dash and middle dot.
   */
  private static boolean chinesePunctuation(int cp) {
    return Cjk.isCjk(cp)
        && !Character.isLetterOrDigit(cp)
        && Character.getType(cp) != Character.LETTER_NUMBER;
  }

  /**
   * Where the autolink scanner would end an address that stopped at {@code to}, scanning from
   * {@code from}: sentence punctuation, a slash after it, opening brackets and an unclosed quote at
   * the end are not part of it.
   */
  private static int scannedEnd(CharSequence text, int from, int to) {
    int round = 0;
    int square = 0;
    int curly = 0;
    boolean quote = false;
    int last = from - 1;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '?', '!', '.', ',', ':', ';' -> {}
        case '/' -> last = last == i - 1 ? i : last;
        case '(' -> round++;
        case '[' -> square++;
        case '{' -> curly++;
        case ')' -> last = --round >= 0 ? i : last;
        case ']' -> last = --square >= 0 ? i : last;
        case '}' -> last = --curly >= 0 ? i : last;
        case '\'' -> {
          quote = !quote;
          last = quote ? last : i;
        }
        default -> last = i;
      }
    }
    return last + 1;
  }

  private static boolean startsWith(CharSequence text, String prefix) {
    return text.length() >= prefix.length()
        && text.subSequence(0, prefix.length()).toString().equals(prefix);
  }

  private static int indexOf(CharSequence text, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
