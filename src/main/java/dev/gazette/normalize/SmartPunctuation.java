package dev.gazette.normalize;

import dev.gazette.util.Cjk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Typographic punctuation, as Hugo, Jekyll, Hexo and pandoc print a post by default: straight
 * quotes become curly ones (“ ” ‘ ’, the apostrophe ’), three dots an ellipsis (six beside Chinese
 * {@code ……}), {@code ---} an em dash and {@code --} an en dash. Code, keyboard input, formulas and
 * addresses shown as link text keep what was written, and so does what looks like markup rather
 * than prose: a command-line option ({@code --offline}), an arrow ({@code -->}), a table rule
 * ({@code |---|}), a quote with space on both sides and none open.
 *
 * <p>A quote opens after a space or an opening mark and closes before a space or a closing mark.
 * Between two letters a single quote is an apostrophe (it's, rock'n'roll); a quote between two
 * Chinese characters, where neither side tells ({@code 的"引号"和}), closes the one open in the same
 * block or opens one. Chinese text often has a space inside its quotes, around a Latin word ({@code
 * 杂志" 2020 年"}, {@code 对 "挂载 "和}): there the open quote decides too. The quotes a block already has
 * count, so a second pass finds nothing to do.
 */
final class SmartPunctuation implements NormalizeStep {
  /** Elements whose text is written as it must be typed or read by a program. */
  private static final Set<String> AS_WRITTEN =
      Set.of(
          "pre",
          "code",
          "kbd",
          "samp",
          "var",
          "tt",
          "script",
          "style",
          "math",
          "svg",
          "textarea",
          "img");

  private static final String OPENERS = "([{<«“‘—–-/（［｛〈《「『【〔";
  private static final String CLOSERS = ".,;:!?)]}>»”’…—–-/）］｝〉》」』】〕，。、；：！？";

  @Override
  public void apply(Element body, NormalizeContext context) {
    List<Segment> run = new ArrayList<>();
    walk(body, run);
    curl(run);
  }

  /**
   * A title's text with the punctuation its article's text gets, so the contents and the article
   * agree; a {@code `code`} span in it keeps what was written.
   */
  static String title(String title) {
    if (!hasWork(title)) {
      return title;
    }
    Element line = new Element("p");
    String[] parts = title.split("`", -1);
    boolean code = parts.length % 2 == 1; // an unclosed ` is text
    for (int i = 0; i < parts.length; i++) {
      if (code && i % 2 == 1) {
        line.appendElement("code").appendText(parts[i]);
      } else {
        line.appendText(i > 0 && !code ? "`" + parts[i] : parts[i]);
      }
    }
    List<Segment> run = new ArrayList<>();
    walk(line, run);
    curl(run);
    StringBuilder out = new StringBuilder(title.length());
    for (Node n : line.childNodes()) {
      out.append(n instanceof Element e ? "`" + e.text() + "`" : ((TextNode) n).getWholeText());
    }
    return out.toString();
  }

  /**
   * A piece of a block's text: a text node to rewrite, or (node null) text that is only read
   * around: a stand-in letter for code or a picture, a space for a line break, an address.
   */
  private record Segment(TextNode node, String text) {}

  private static void walk(Element parent, List<Segment> run) {
    for (Node child : parent.childNodes()) {
      if (child instanceof TextNode t) {
        run.add(new Segment(t, t.getWholeText()));
      } else if (child instanceof Element e) {
        String name = e.normalName();
        if (name.equals("br")) {
          run.add(new Segment(null, " "));
        } else if (AS_WRITTEN.contains(name)) {
          run.add(new Segment(null, "x"));
        } else if (Blocks.BLOCKS.contains(name)) { // a text of its own: no quote pairs across it
          curl(run);
          run.clear();
          walk(e, run);
          curl(run);
          run.clear();
        } else if (name.equals("a") && isAddress(e.text())) {
          run.add(new Segment(null, e.text())); // https://x.org/a--b shown as the link's text
        } else {
          walk(e, run);
        }
      }
    }
  }

  private static boolean isAddress(String text) {
    return text.chars().noneMatch(Character::isWhitespace)
        && (text.contains("://") || text.startsWith("www.") || text.contains("@"));
  }

  /** Rewrites the text nodes of one block's text, read as one string. */
  private static void curl(List<Segment> run) {
    StringBuilder joined = new StringBuilder();
    boolean any = false;
    for (Segment seg : run) {
      joined.append(seg.text());
      any |= seg.node() != null && hasWork(seg.text());
    }
    if (!any) {
      return;
    }
    String all = joined.toString();
    Quotes quotes = new Quotes();
    int base = 0;
    for (Segment seg : run) {
      String text = seg.text();
      if (seg.node() == null) {
        base += text.length();
        continue;
      }
      StringBuilder out = new StringBuilder(text.length());
      for (int j = 0; j < text.length(); j++) {
        int at = base + j;
        char c = text.charAt(j);
        char before = at == 0 ? ' ' : all.charAt(at - 1);
        char after = at + 1 < all.length() ? all.charAt(at + 1) : ' ';
        switch (c) {
          case '"' -> out.append(quotes.doubleQuote(before, after));
          case '\'' -> out.append(quotes.singleQuote(before, after, all, at));
          case '“' -> {
            quotes.doubleOpen = true;
            out.append(c);
          }
          case '”' -> {
            quotes.doubleOpen = false;
            out.append(c);
          }
          case '‘' -> {
            quotes.singleOpen = true;
            out.append(c);
          }
          case '.', '-' -> {
            int end = j;
            while (end < text.length() && text.charAt(end) == c) {
              end++;
            }
            int length = end - j;
            char next = base + end < all.length() ? all.charAt(base + end) : ' ';
            if (before == c) { // the run goes on from a text this one does not rewrite
              out.append(text, j, end);
            } else {
              out.append(
                  c == '.'
                      ? dots(length, before, next)
                      : dashes(length, before, next, chinese(all, base + j, base + end)));
            }
            j = end - 1;
          }
          default -> out.append(c);
        }
      }
      base += text.length();
      String result = out.toString();
      if (!result.equals(text)) {
        // the quotes made here are tightened as Whitespace tightens those written curly
        seg.node().text(Whitespace.tightPunctuation(result));
      }
    }
  }

  private static boolean hasWork(String text) {
    return text.indexOf('"') >= 0
        || text.indexOf('\'') >= 0
        || text.contains("..")
        || text.contains("--");
  }

  /** Three dots are an ellipsis; six beside Chinese are Chinese's two-em ellipsis. */
  private static String dots(int length, char before, char after) {
    if (length == 3) {
      return "…";
    }
    if (length == 6 && (Cjk.isCjk(before) || Cjk.isCjk(after))) {
      return "……";
    }
    return ".".repeat(length);
  }

  /**
   * {@code ---} an em dash and {@code --} an en dash, or in Chinese text the Chinese dash {@code
   * ——} (ruanyf's {@code 各种食物 -- 辛辣的}); unless they are the start of a command-line option ({@code
   * --offline}), part of an arrow ({@code -->}, {@code <--}) or of a table's rule ({@code |---|},
   * {@code :---}).
   */
  private static String dashes(int length, char before, char after, boolean chinese) {
    boolean markup =
        "<!|:+".indexOf(before) >= 0
            || ">|:+".indexOf(after) >= 0
            || (length == 2 && isSpace(before) && isAsciiLetter(after));
    if (markup || length > 3 || length == 1) {
      return "-".repeat(length);
    }
    return chinese ? "——" : length == 3 ? "—" : "–";
  }

  /**
   * Whether a dash at {@code all[from, to)} is in Chinese text: the first character on either side,
   * past spaces, is Chinese or its punctuation ({@code --《书名》}), or the dash stands apart (spaces
   * or the block's edge on both sides) in a block with Chinese in it ({@code -- [fast.ai 创始人](…)},
   * an attribution).
   */
  private static boolean chinese(String all, int from, int to) {
    boolean apart =
        (from == 0 || isSpace(all.charAt(from - 1)))
            && (to >= all.length() || isSpace(all.charAt(to)));
    if (apart && all.codePoints().anyMatch(Cjk::isCjkLetter)) {
      return true;
    }
    int before = from - 1;
    while (before >= 0 && isSpace(all.charAt(before))) {
      before--;
    }
    int after = to;
    while (after < all.length() && isSpace(all.charAt(after))) {
      after++;
    }
    return (before >= 0 && isChinese(all.charAt(before)))
        || (after < all.length() && isChinese(all.charAt(after)));
  }

  /** The quotes open in a block's text so far. */
  private static final class Quotes {
    boolean doubleOpen;
    boolean singleOpen;

    String doubleQuote(char before, char after) {
      boolean opening = isSpace(before) || OPENERS.indexOf(before) >= 0;
      boolean closing = isSpace(after) || CLOSERS.indexOf(after) >= 0;
      boolean close;
      if (opening && closing) {
        if (!doubleOpen && isSpace(after)) {
          return "\""; // a lone quote
        }
        close = doubleOpen; // "Hello, " closes with its space
      } else if (opening) {
        close = doubleOpen && isChinese(after); // 对 "挂载 " 和: a space before the closing one
      } else if (closing) {
        close =
            doubleOpen || !Cjk.isCjkLetter(before); // 杂志" 2020 年": a space after the opening one
      } else {
        close = doubleOpen; // between letters: 的"引号"和
      }
      doubleOpen = !close;
      return close ? "”" : "“";
    }

    String singleQuote(char before, char after, String all, int at) {
      if (isWordChar(before) && isWordChar(after)) {
        return "’"; // it's, rock'n'roll
      }
      if (isSpace(before) || OPENERS.indexOf(before) >= 0) {
        if (isSpace(after)) {
          return "'";
        }
        if (isYear(all, at + 1)) {
          return "’"; // the '90s
        }
        singleOpen = true;
        return "‘";
      }
      if (isSpace(after) || CLOSERS.indexOf(after) >= 0) {
        singleOpen = false;
        return "’";
      }
      if (Cjk.isCjkLetter(before) || Cjk.isCjkLetter(after)) {
        singleOpen = !singleOpen;
        return singleOpen ? "‘" : "’";
      }
      return "’";
    }
  }

  /** Two digits and no third: the '90s, '08. */
  private static boolean isYear(String all, int from) {
    return from + 1 < all.length()
        && Character.isDigit(all.charAt(from))
        && Character.isDigit(all.charAt(from + 1))
        && (from + 2 >= all.length() || !Character.isDigit(all.charAt(from + 2)));
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Chinese or Japanese text or its punctuation; not the quotes and dashes English shares. */
  private static boolean isChinese(char c) {
    return Cjk.isCjk(c) && "‘’‚‛“”„‟…—·".indexOf(c) < 0;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** A letter or digit of a script written with spaces between words. */
  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) && !Cjk.isCjk(c);
  }
}
