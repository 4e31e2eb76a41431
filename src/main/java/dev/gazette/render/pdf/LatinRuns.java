package dev.gazette.render.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import dev.gazette.typeset.EnglishParagraphs;
import dev.gazette.typeset.LatinMarks;
import dev.gazette.util.Cjk;
import dev.gazette.util.Scripts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Keeps justification from spreading Latin letters apart in the PDF.
 *
 * <p>OpenHTMLtoPDF justifies a line by widening word spaces and, up to {@code
 * -fs-max-justification-inter-char}, the gaps between all other characters. Chinese needs the
 * latter; in a Latin word it reads as a typo ({@code h t t p s : / /}). Two rewrites of the layout
 * document fix it:
 *
 * <ul>
 *   <li>In CJK articles each Latin token (letters, digits and the punctuation inside them) goes
 *       into a {@code span.latin-run}, which {@code pdf.css} gives a letter spacing too small to
 *       see: the library leaves text with its own letter spacing out of justification, so the
 *       stretch falls on the Chinese characters and spaces around it.
 *   <li>A long token (a URL, a path, an identifier) is cut into pieces after {@code / . - ? & = _ #
 *       :} and between the words of a camel-case name, each its own span: the library may break a
 *       line between two inline boxes, so the token can break there instead of leaving a half-empty
 *       line to be spread. Too long for a line even so, it breaks anywhere ({@code word-wrap:
 *       break-word}).
 *   <li>In CJK articles each space between two visible characters ({@code Anders Ericsson}, {@code
 *       3 个}) goes into a span of its own too: the library gives four fifths of a line's slack to
 *       its word spaces, so a Chinese line with two spaces set them three spaces wide and its
 *       characters hardly spread. Out of the count, a space keeps its width and the slack goes
 *       between the characters, as Chinese is justified. The line may still break there.
 *   <li>In CJK articles a word holding the apostrophe or quotes of English text ({@code wouldn’t},
 *       {@code “no.”}; {@link LatinMarks}) has each mark in a {@code span.latin-mark}, drawn by the
 *       Latin face, and the whole word in one inline-block, so no line breaks at its apostrophe.
 *   <li>An English paragraph of a CJK article ({@link EnglishParagraphs}) is rewritten as Latin
 *       text.
 * </ul>
 *
 * Text and its order do not change, so text extraction gives the URL back.
 */
final class LatinRuns {
  static final String RUN_CLASS = "latin-run";

  /** A run of spaces; those between two visible characters are taken out of justification. */
  private static final Pattern SPACES = Pattern.compile(" +");

  /** Tokens at least this long may break after their delimiters. */
  static final int LONG_TOKEN = 16;

  /**
   * Where a long token may break after: a path's, an address's, a name's and C++'s ({@code
   * Recorder::}). Not after an opening parenthesis, which may not end a line.
   */
  private static final String DELIMITERS = "/.-?&=_#:";

  private LatinRuns() {}

  /**
   * Rewrites the text under {@code root}; {@code cjk} says whether it is CJK text (all tokens are
   * wrapped) or Latin text (only long tokens are cut).
   */
  static void apply(Element root, boolean cjk) {
    List<TextNode> texts = new ArrayList<>();
    collect(root, texts);
    for (TextNode t : texts) {
      // An English paragraph of a CJK article is Latin text, set in the Latin face (its marks too).
      boolean english = cjk && inEnglishBlock(t);
      rewrite(t, cjk && !english, cjk && !english);
    }
  }

  private static void collect(Element e, List<TextNode> out) {
    String name = e.normalName();
    if (name.equals("pre") || name.equals("style") || e.hasClass(RUN_CLASS)) {
      return;
    }
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        out.add(t);
      } else if (n instanceof Element child) {
        collect(child, out);
      }
    }
  }

  /**
   * Where the next Latin token starts at or after {@code from}, or -1: a Latin letter or a digit.
   * Scripts ({@link Scripts}) and categories are ICU's, the same on every JDK: the JDK's regular
   * expressions use its own Unicode, and JDK 17's knows no emoji of Emoji 14 or later (🫣), which
   * JDK 25 reads as Common and so keeps in a token.
   */
  private static int tokenStart(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isLatinOrDigit(cp, Scripts.of(cp))) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /**
   * The end of the token starting at {@code start}: Latin letters, digits and the punctuation and
   * symbols between them (Common), up to an ASCII space or a no-break space.
   */
  private static int tokenMatched(String text, int start) {
    int i = start + Character.charCount(text.codePointAt(start));
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      Character.UnicodeScript script = Scripts.of(cp);
      if (!(isLatinOrDigit(cp, script) || script == Character.UnicodeScript.COMMON)
          || cp == ' '
          || (cp >= '\t' && cp <= '\r') // the rest of the regular expressions' \s
          || cp == '\u00A0') {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean isLatinOrDigit(int cp, Character.UnicodeScript script) {
    return script == Character.UnicodeScript.LATIN
        || UCharacter.getType(cp) == UCharacterCategory.DECIMAL_DIGIT_NUMBER;
  }

  /**
   * @param cjk whether the text is CJK text (see the class comment)
   * @param latinMarks whether English marks go into their own spans (in a CJK article)
   */
  private static void rewrite(TextNode t, boolean cjk, boolean latinMarks) {
    String text = t.getWholeText();
    // A space at the text's start or end stands between two visible characters too when the text
    // before or after it is in another inline element: "（<a>@Anna</a> 投稿）".
    boolean before = cjk && !text.isEmpty() && text.charAt(0) == ' ' && visibleBeside(t, true);
    boolean after =
        cjk && !text.isEmpty() && text.charAt(text.length() - 1) == ' ' && visibleBeside(t, false);
    // Code is set in the mono face, whose marks are Latin already.
    boolean marks = latinMarks && !inCode(t);
    List<Node> parts = new ArrayList<>();
    int copied = 0;
    int from = 0;
    int start;
    while (from < text.length() && (start = tokenStart(text, from)) >= 0) {
      int found = start;
      int matched = tokenMatched(text, start);
      int end = tokenEnd(text, start, matched, false);
      if (marks && hasMark(text, Math.max(0, start - 1), matched)) {
        // An English word's apostrophe or quotes go with it, in the Latin face (LatinMarks).
        int markedEnd = tokenEnd(text, start, matched, true);
        int markedStart =
            start - 1 >= copied && openingLatinMark(text, start - 1) ? start - 1 : start;
        if (hasMark(text, markedStart, markedEnd) && markedEnd - markedStart < LONG_TOKEN) {
          start = markedStart;
          end = markedEnd;
        }
      }
      String token = text.substring(start, end);
      from = Math.max(end, found + 1);
      boolean wrap = cjk ? token.length() >= 2 : token.length() >= LONG_TOKEN;
      if (!wrap) {
        continue;
      }
      if (start > copied) {
        addText(parts, text, copied, start, cjk, before, after);
      }
      if (marks && hasMark(text, start, end)) {
        parts.add(markedRun(text, start, end));
      } else {
        for (String piece : pieces(token)) {
          parts.add(new Element("span").addClass(RUN_CLASS).appendText(piece));
        }
      }
      copied = end;
    }
    if (copied < text.length()) {
      addText(parts, text, copied, text.length(), cjk, before, after);
    }
    if (parts.isEmpty() || (parts.size() == 1 && parts.get(0) instanceof TextNode)) {
      return;
    }
    for (Node part : parts) {
      t.before(part);
    }
    t.remove();
  }

  /**
   * Text between tokens; in CJK text its inner spaces each get a span (see the class comment). The
   * match looks past the region's ends, so a space beside a token counts too.
   */
  private static void addText(
      List<Node> parts,
      String text,
      int from,
      int to,
      boolean cjk,
      boolean visibleBefore,
      boolean visibleAfter) {
    if (!cjk) {
      parts.add(new TextNode(text.substring(from, to)));
      return;
    }
    Matcher s = SPACES.matcher(text).region(from, to);
    s.useTransparentBounds(true);
    int at = from;
    while (s.find()) {
      boolean inner =
          (s.start() > 0 ? !Character.isWhitespace(text.charAt(s.start() - 1)) : visibleBefore)
              && (s.end() < text.length()
                  ? !Character.isWhitespace(text.charAt(s.end()))
                  : visibleAfter);
      if (!inner) {
        continue;
      }
      if (s.start() > at) {
        parts.add(new TextNode(text.substring(at, s.start())));
      }
      parts.add(new Element("span").addClass(RUN_CLASS).appendText(s.group()));
      at = s.end();
    }
    if (to > at) {
      parts.add(new TextNode(text.substring(at, to)));
    }
  }

  /**
   * Whether a visible character stands before (or after) {@code t} in its block, across the inline
   * elements around it; a line break or the block's edge ends the search.
   */
  private static boolean visibleBeside(TextNode t, boolean before) {
    for (Node n = t; n != null; ) {
      for (Node s = before ? n.previousSibling() : n.nextSibling();
          s != null;
          s = before ? s.previousSibling() : s.nextSibling()) {
        if (s instanceof TextNode text) {
          if (!text.isBlank()) {
            return true;
          }
        } else if (s instanceof Element e) {
          if (e.normalName().equals("br") || BlockNames.LINE.contains(e.normalName())) {
            return false; // the line ends there
          }
          if (!e.text().isBlank() || e.normalName().equals("img")) {
            return true;
          }
        }
      }
      Element parent = n.parent() instanceof Element e ? e : null;
      if (parent == null || BlockNames.LINE.contains(parent.normalName())) {
        return false;
      }
      n = parent;
    }
    return false;
  }

  /**
   * Where the token {@code text[start, end)} ends: before its first CJK character ({@code
   * \p{IsCommon}} also matches CJK punctuation), or with {@code latinMarks} before the first that
   * is not a mark of English text ({@code wouldn’t}, {@code “no.”}).
   */
  private static int tokenEnd(String text, int start, int end, boolean latinMarks) {
    for (int i = start; i < end; ) {
      int cp = text.codePointAt(i);
      if (Cjk.isCjk(cp)
          && !(latinMarks
              && LatinMarks.isMark((char) cp)
              && LatinMarks.isLatin(text, i, 0, text.length()))) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return end;
  }

  /** Text of an English paragraph of a CJK article ({@link EnglishParagraphs}): Latin text. */
  private static boolean inEnglishBlock(TextNode t) {
    for (Node n = t.parent(); n instanceof Element e; n = e.parent()) {
      if (e.hasClass(EnglishParagraphs.CLASS)) {
        return true;
      }
      if (e.normalName().equals("article")) {
        return false;
      }
    }
    return false;
  }

  private static boolean inCode(TextNode t) {
    for (Node n = t.parent(); n instanceof Element e; n = e.parent()) {
      String name = e.normalName();
      if (name.equals("code") || name.equals("kbd") || name.equals("samp")) {
        return true;
      }
      if (BlockNames.LINE.contains(name)) {
        return false;
      }
    }
    return false;
  }

  private static boolean openingLatinMark(String text, int at) {
    char c = text.charAt(at);
    return (c == '“' || c == '‘' || c == '’') && LatinMarks.isLatin(text, at, 0, text.length());
  }

  /** Whether {@code text[from, to)} holds a mark: most tokens have none. */
  private static boolean hasMark(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (LatinMarks.isMark(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A token holding marks of English text: its marks each in a {@code span.latin-mark}, all of it
   * in one inline-block ({@code span.kinsoku-unit}), since the library may break a line at any
   * inline box's edge and {@code wouldn’t} must not end a line at its apostrophe.
   */
  private static Element markedRun(String text, int start, int end) {
    Element run = new Element("span").addClass(InlineEdgePunctuation.UNIT_CLASS);
    int copied = start;
    for (int i = start; i < end; i++) {
      if (LatinMarks.isMark(text.charAt(i))) {
        if (i > copied) {
          run.appendText(text.substring(copied, i));
        }
        run.appendChild(
            new Element("span").addClass(LatinMarks.CLASS).appendText(text.substring(i, i + 1)));
        copied = i + 1;
      }
    }
    if (end > copied) {
      run.appendText(text.substring(copied, end));
    }
    return run;
  }

  /**
   * A long token cut after each delimiter that a letter or digit follows, and between the words of
   * an identifier written in camel case ({@code UI|Activity|View|Controller}, {@code
   * HTTP|Response}), where Apple's and MDN's reference pages let a long symbol name break: in
   * Chinese text a line before an identifier that does not fit was spread up to half an em between
   * its characters (one iOS blog: 366 lines of 11,019 a quarter em or more, 194 two fifths; 222 and
   * 68 with these cuts).
   */
  static List<String> pieces(String token) {
    if (token.length() < LONG_TOKEN) {
      return List.of(token);
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < token.length(); i++) {
      if ((afterDelimiter(token, i) || camelCaseWord(token, i)) && i - start >= 2) {
        out.add(token.substring(start, i));
        start = i;
      }
    }
    out.add(token.substring(start));
    return out;
  }

  private static boolean afterDelimiter(String token, int i) {
    return DELIMITERS.indexOf(token.charAt(i - 1)) >= 0
        && Character.isLetterOrDigit(token.charAt(i));
  }

  /**
   * Whether a word of a camel-case identifier starts at {@code i}: a capital after a small letter
   * or digit ({@code user|Defaults}), or the last capital of a run of them when a small letter
   * follows ({@code HTTP|Response}); the word before keeps two letters at least.
   */
  private static boolean camelCaseWord(String token, int i) {
    char c = token.charAt(i);
    char before = token.charAt(i - 1);
    if (!isAsciiUpper(c)) {
      return false;
    }
    if (isAsciiLower(before) || Character.isDigit(before)) {
      return true;
    }
    return isAsciiUpper(before) && i + 1 < token.length() && isAsciiLower(token.charAt(i + 1));
  }

  private static boolean isAsciiUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
