package dev.gazette.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.delimiter.EmphasisDelimiterProcessor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.gazette.util.Cjk;

/**
 * Emphasis next to Chinese, Japanese and Korean text, as the CJK-friendly amendment to CommonMark
 * (github.com/tats-u/markdown-cjk-friendly) has it: {@code **注意：**如果} is bold.
 *
 * <p>CommonMark lets a run of {@code *} close only if it is not punctuation-before and
 * letter-after, which assumes a space follows punctuation; Chinese puts none after {@code ：} or
 * {@code 。}, so writers' bold stayed as literal asterisks (Hexo's marked, Typora and most Chinese
 * editors show it bold). The amendment counts wide punctuation as a letter, and lets a run between
 * other punctuation and a CJK character open or close as if a space stood there. Where neither side
 * of a run is a CJK character the flanking rules are flexmark's own, so Latin text is unchanged.
 *
 * <p>flexmark hands a delimiter processor one UTF-16 unit on each side of the run, so a CJK
 * character outside the BMP (Extension B ideographs) beside a run counts as a letter, as in plain
 * CommonMark; the amendment's variation-selector sequences are not looked through either.
 */
final class CjkFriendlyEmphasis implements Parser.ParserExtension {
  private CjkFriendlyEmphasis() {}

  static CjkFriendlyEmphasis create() {
    return new CjkFriendlyEmphasis();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {
    // the processors below take the place of flexmark's own for * and _
    options.set(Parser.ASTERISK_DELIMITER_PROCESSOR, false);
    options.set(Parser.UNDERSCORE_DELIMITER_PROCESSOR, false);
  }

  @Override
  public void extend(Parser.Builder builder) {
    boolean strongWrapsEmphasis = Parser.STRONG_WRAPS_EMPHASIS.get((DataHolder) builder);
    builder.customDelimiterProcessor(new Processor('*', strongWrapsEmphasis));
    builder.customDelimiterProcessor(new Processor('_', strongWrapsEmphasis));
  }

  /** Which way a delimiter run faces, given the characters on its sides. */
  record Flanking(boolean left, boolean right) {
    /**
     * {@code before} and {@code after} are flexmark's: the character beside the run, or a line
     * break at either end of the text; the flags are flexmark's classification of them.
     */
    static Flanking of(
        String before,
        String after,
        boolean beforeIsPunctuation,
        boolean afterIsPunctuation,
        boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      boolean beforeIsCjk = Cjk.isEastAsianWide(before.charAt(0));
      boolean afterIsCjk = Cjk.isEastAsianWide(after.charAt(0));
      boolean beforeIsOtherPunctuation = beforeIsPunctuation && !beforeIsCjk;
      boolean afterIsOtherPunctuation = afterIsPunctuation && !afterIsCjk;
      boolean left =
          !afterIsWhitespace
              && (!afterIsOtherPunctuation
                  || beforeIsWhitespace
                  || beforeIsOtherPunctuation
                  || beforeIsCjk);
      boolean right =
          !beforeIsWhitespace
              && (!beforeIsOtherPunctuation
                  || afterIsWhitespace
                  || afterIsOtherPunctuation
                  || afterIsCjk);
      return new Flanking(left, right);
    }
  }

  /**
   * Emphasis with {@code *} or {@code _}. The amendment keeps CommonMark's extra rule for {@code _}
   * (a run inside a word neither opens nor closes, punctuation on the outer side excepted), so
   * {@code 中_文_字} stays literal; only the flanking changes.
   */
  private static final class Processor extends EmphasisDelimiterProcessor {
    private final boolean underscore;

    Processor(char delimiter, boolean strongWrapsEmphasis) {
      super(delimiter, strongWrapsEmphasis);
      this.underscore = delimiter == '_';
    }

    @Override
    public boolean canBeOpener(
        String before,
        String after,
        boolean leftFlanking,
        boolean rightFlanking,
        boolean beforeIsPunctuation,
        boolean afterIsPunctuation,
        boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      Flanking flanking =
          Flanking.of(
              before,
              after,
              beforeIsPunctuation,
              afterIsPunctuation,
              beforeIsWhitespace,
              afterIsWhitespace);
      return flanking.left() && (!underscore || !flanking.right() || beforeIsPunctuation);
    }

    @Override
    public boolean canBeCloser(
        String before,
        String after,
        boolean leftFlanking,
        boolean rightFlanking,
        boolean beforeIsPunctuation,
        boolean afterIsPunctuation,
        boolean beforeIsWhitespace,
        boolean afterIsWhitespace) {
      Flanking flanking =
          Flanking.of(
              before,
              after,
              beforeIsPunctuation,
              afterIsPunctuation,
              beforeIsWhitespace,
              afterIsWhitespace);
      return flanking.right() && (!underscore || !flanking.left() || afterIsPunctuation);
    }
  }
}
