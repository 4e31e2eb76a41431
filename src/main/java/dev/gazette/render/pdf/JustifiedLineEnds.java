package dev.gazette.render.pdf;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.openhtmltopdf.css.constants.CSSName;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.render.BlockBox;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.CharCounts;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.util.OpenUtil;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Brings a justified line that ends in text kept out of justification back to the right margin.
 *
 * <p>OpenHTMLtoPDF ({@code LineBox.justify}) spreads a line's slack over the gaps after all but one
 * of the characters it may stretch: the last one's gap is the line's end, where nothing follows.
 * But every counted character moves what follows it, the last one too. When the line ends in
 * something the library does not stretch, an English word in Chinese text (a {@code
 * span.latin-run}, see {@link LatinRuns}) or a kinsoku unit (an inline-block, see {@link
 * InlineEdgePunctuation}), that piece moves by one gap more than the slack and ends past the right
 * margin by that gap: up to a few points on a line of few Chinese characters and long English
 * words.
 *
 * <p>After layout, before painting, such a line is justified again with its slack over all its
 * counted characters (never more stretch than the library gave), the same way the library moves its
 * boxes, so it ends at the margin.
 *
 * <p>A line holding a character the running JDK does not know (an emoji newer than its Unicode) is
 * justified again too: the library leaves such a character out of its count but spreads it when
 * painting, so the line ended past the margin, and JDK 17 and 25 gave different PDFs. Lines are
 * counted with ICU's character data ({@link #isPrintable}), the same on every JDK. Every other
 * line, and every right-to-left line, is left alone.
 */
final class JustifiedLineEnds {
  private JustifiedLineEnds() {}

  /**
   * Refits the justified lines under {@code root} (after layout); {@code css} gives a context for
   * the few lines that are justified again from scratch.
   */
  static void refit(Box root, Supplier<CssContext> css) {
    Deque<Box> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Box box = todo.pop();
      if (box instanceof LineBox line) {
        refitLine(line, css);
        // Inline-blocks hold lines of their own.
        for (Box b : line.getChildren()) {
          pushBlocksIn(b, todo);
        }
        continue;
      }
      for (int i = box.getChildCount() - 1; i >= 0; i--) {
        todo.push(box.getChild(i));
      }
    }
  }

  private static void pushBlocksIn(Box box, Deque<Box> todo) {
    if (box instanceof InlineLayoutBox inline) {
      for (Object o : inline.getInlineChildren()) {
        if (o instanceof Box child) {
          pushBlocksIn(child, todo);
        }
      }
    } else {
      todo.push(box);
    }
  }

  private static void refitLine(LineBox line, Supplier<CssContext> css) {
    JustificationInfo info = line.getJustificationInfo();
    if (info == null || line.isLayedOutRTL()) {
      return;
    }
    // Spaces after the line's last visible character hang past the margin, as in CSS: the library
    // keeps them in a justified line's width, so a line ending in a space of its own (a span of
    // LatinRuns, before an English word carried over) ended one space short of the margin.
    Set<InlineText> hanging = Collections.newSetFromMap(new IdentityHashMap<>());
    int last = line.getChildCount() - 1;
    while (last >= 0 && trailingSpaces(line.getChild(last), hanging)) {
      last--;
    }
    int hangingWidth = 0;
    for (InlineText text : hanging) {
      hangingWidth += text.getWidth() - (int) text.calcTotalAdjustment(info);
    }
    Map<InlineText, CharCounts> counts = new IdentityHashMap<>();
    CharCounts total = new CharCounts();
    boolean recounted = !hanging.isEmpty();
    for (Box b : line.getChildren()) {
      if (b instanceof InlineLayoutBox inline) {
        recounted |= count(inline, hanging, counts, total);
      }
    }
    int slackBefore = available(line) - (line.getContentWidth() - hangingWidth);
    JustificationInfo now = recounted ? justified(line, slackBefore, total, css.get()) : copy(info);
    if (now.getNonSpaceAdjust() > 0 && total.getNonSpaceCount() > 0 && !endsCounted(line)) {
      // As LineBox.justify: the slack is the room left of the unjustified line's width.
      float slack = slackBefore - total.getSpaceCount() * now.getSpaceAdjust();
      now.setNonSpaceAdjust(
          Math.min(now.getNonSpaceAdjust(), Math.max(0, slack) / total.getNonSpaceCount()));
    }
    if (now.getNonSpaceAdjust() == info.getNonSpaceAdjust()
        && now.getSpaceAdjust() == info.getSpaceAdjust()
        && !recounted) {
      return;
    }
    JustificationInfo old = copy(info);
    // Painting spreads the characters inside each text by the line's own info.
    info.setNonSpaceAdjust(now.getNonSpaceAdjust());
    info.setSpaceAdjust(now.getSpaceAdjust());
    float[] running = {0, 0}; // the library's and the new adjustment so far
    for (Box b : line.getChildren()) {
      b.setX(b.getX() + Math.round(running[1]) - Math.round(running[0]));
      if (b instanceof InlineLayoutBox inline) {
        float[] moved = move(inline, old, info, counts, running[0], running[1]);
        running[0] += moved[0];
        running[1] += moved[1];
      }
    }
    line.calcChildLocations();
  }

  /** The width a line is justified to, as {@code LineBox.justify} takes it. */
  private static int available(LineBox line) {
    return line.getParent().getContentWidth()
        - line.getFloatDistances().getLeftFloatDistance()
        - line.getFloatDistances().getRightFloatDistance()
        - line.getContentStart();
  }

  /**
   * Whether {@code o}, a line's child or a child of one, holds only spaces (collected in {@code
   * spaces}): then what comes before it may end the line's visible text.
   */
  private static boolean trailingSpaces(Object o, Set<InlineText> spaces) {
    if (o instanceof InlineText text) {
      if (text.getSubstring().isBlank() && !text.isEndsOnSoftHyphen()) {
        spaces.add(text);
        return true;
      }
      return false;
    }
    if (o instanceof InlineLayoutBox inline) {
      List<Object> kids = inline.getInlineChildren();
      for (int i = kids.size() - 1; i >= 0; i--) {
        if (!trailingSpaces(kids.get(i), spaces)) {
          return false;
        }
      }
      return true;
    }
    return false; // an inline-block, an image
  }

  /**
   * Counts the characters justification spreads in {@code box}, but for the {@code hanging} spaces,
   * into {@code counts} (per text) and {@code total}, walking as {@code
   * InlineLayoutBox.countJustifiableChars} does; whether any text counts differently from the
   * library on this JDK.
   */
  private static boolean count(
      InlineLayoutBox box,
      Set<InlineText> hanging,
      Map<InlineText, CharCounts> counts,
      CharCounts total) {
    if (!box.getStyle().isTextJustify()) {
      return false;
    }
    boolean differs = false;
    for (Object o : box.getInlineChildren()) {
      if (o instanceof InlineLayoutBox inline) {
        differs |= count(inline, hanging, counts, total);
      } else if (o instanceof InlineText text && !hanging.contains(text)) {
        CharCounts c = new CharCounts();
        differs |= count(text, c);
        counts.put(text, c);
        total.setSpaceCount(total.getSpaceCount() + c.getSpaceCount());
        total.setNonSpaceCount(total.getNonSpaceCount() + c.getNonSpaceCount());
      }
    }
    return differs;
  }

  /**
   * {@code InlineText.countJustifiableChars} with {@link #isPrintable}; whether the library's own
   * count of {@code text} differs.
   */
  private static boolean count(InlineText text, CharCounts counts) {
    if (text.getLetterSpacing() != 0f) {
      return false; // left out of justification
    }
    String s = text.getSubstring();
    boolean differs = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (InlineText.isJustifySpaceCodePoint(cp)) {
        counts.incrementSpaceCount();
      } else {
        boolean printable = isPrintable(cp);
        if (printable) {
          counts.incrementNonSpaceCount();
        }
        differs |= cp >= 0x80 && printable != OpenUtil.isCodePointPrintable(cp);
      }
    }
    if (text.isEndsOnSoftHyphen()) {
      counts.incrementNonSpaceCount();
    }
    return differs;
  }

  /**
   * {@code OpenUtil.isCodePointPrintable} with ICU's character data instead of the JDK's. The
   * library leaves out of a line's count the characters the running JDK does not know, yet painting
   * spreads every character: JDK 17 (Unicode 13) knew no emoji of Emoji 14 or later (🫣), so a line
   * holding one was spread one gap too far, and differently from JDK 25. ICU's data is the same on
   * every JDK.
   */
  static boolean isPrintable(int cp) {
    if (Character.isISOControl(cp)) {
      return false;
    }
    int type = UCharacter.getType(cp);
    return type != UCharacterCategory.CONTROL
        && type != UCharacterCategory.FORMAT
        && type != UCharacterCategory.UNASSIGNED
        && type != UCharacterCategory.PRIVATE_USE
        && type != UCharacterCategory.SURROGATE;
  }

  /**
   * The library's justification of {@code line} ({@code LineBox.justify}, same arithmetic) with
   * {@code toAdd} to spread over {@code counts}.
   */
  private static JustificationInfo justified(
      LineBox line, int toAdd, CharCounts counts, CssContext css) {
    BlockBox parent = line.getParent();
    float maxChar =
        parent
            .getStyle()
            .getFloatPropertyProportionalWidth(
                CSSName.FS_MAX_JUSTIFICATION_INTER_CHAR, parent.getWidth(), css);
    float maxWord =
        parent
            .getStyle()
            .getFloatPropertyProportionalWidth(
                CSSName.FS_MAX_JUSTIFICATION_INTER_WORD, parent.getWidth(), css);
    int spaces = counts.getSpaceCount();
    int others = counts.getNonSpaceCount();
    JustificationInfo info = new JustificationInfo();
    if (spaces > 0) {
      info.setNonSpaceAdjust(others > 1 ? Math.min(toAdd * 0.2f / (others - 1), maxChar) : 0f);
      info.setSpaceAdjust(Math.min(toAdd * 0.8f / spaces, maxWord));
    } else if (others > 1) {
      info.setSpaceAdjust(0f);
      info.setNonSpaceAdjust(Math.min(toAdd / (float) (others - 1), maxChar));
    }
    return info;
  }

  private static JustificationInfo copy(JustificationInfo info) {
    JustificationInfo copy = new JustificationInfo();
    copy.setSpaceAdjust(info.getSpaceAdjust());
    copy.setNonSpaceAdjust(info.getNonSpaceAdjust());
    return copy;
  }

  /**
   * Undoes {@code InlineLayoutBox.adjustHorizontalPosition} with {@code old} and redoes it with
   * {@code now} and {@code counts}, step by step as the library does it; the adjustments this box
   * made, old and new.
   */
  private static float[] move(
      InlineLayoutBox box,
      JustificationInfo old,
      JustificationInfo now,
      Map<InlineText, CharCounts> counts,
      float runOld,
      float runNew) {
    float resultOld = 0;
    float resultNew = 0;
    for (Object o : box.getInlineChildren()) {
      if (o instanceof InlineText text) {
        text.setX(text.getX() + Math.round(resultNew) - Math.round(resultOld));
        float adjOld = text.calcTotalAdjustment(old);
        CharCounts c = counts.get(text);
        float adjNew =
            c == null
                ? 0f
                : c.getSpaceCount() * now.getSpaceAdjust()
                    + c.getNonSpaceCount() * now.getNonSpaceAdjust();
        int width = text.getWidth() - (int) adjOld; // the width before it was widened (an int)
        text.setWidth((int) (width + adjNew));
        resultOld += adjOld;
        resultNew += adjNew;
        runOld += adjOld;
        runNew += adjNew;
      } else if (o instanceof Box b) {
        b.setX(b.getX() + Math.round(runNew) - Math.round(runOld));
        if (b instanceof InlineLayoutBox inline) {
          float[] moved = move(inline, old, now, counts, runOld, runNew);
          resultOld += moved[0];
          resultNew += moved[1];
          runOld += moved[0];
          runNew += moved[1];
        }
      }
    }
    int width = box.getInlineWidth() - (int) resultOld;
    box.setInlineWidth((int) (width + resultNew));
    return new float[] {resultOld, resultNew};
  }

  /**
   * Whether the last thing drawn on {@code line} is a character the library stretched after: then
   * the library's count was right and the line ends at the margin.
   */
  private static boolean endsCounted(LineBox line) {
    List<Box> children = line.getChildren();
    for (int i = children.size() - 1; i >= 0; i--) {
      Boolean counted = lastCounted(children.get(i));
      if (counted != null) {
        return counted;
      }
    }
    return true; // nothing drawn: nothing to move
  }

  /** For the last visible thing in {@code box}: whether it is counted; null if there is none. */
  private static Boolean lastCounted(Object o) {
    if (o instanceof InlineText text) {
      String s = text.getSubstring();
      for (int i = s.length(); i > 0; ) {
        int cp = s.codePointBefore(i);
        i -= Character.charCount(cp);
        if (!InlineText.isJustifySpaceCodePoint(cp) && isPrintable(cp)) {
          return text.getLetterSpacing() == 0f && text.getParent().getStyle().isTextJustify();
        }
      }
      return text.isEndsOnSoftHyphen() ? Boolean.valueOf(text.getLetterSpacing() == 0f) : null;
    }
    if (o instanceof InlineLayoutBox inline) {
      List<Object> kids = inline.getInlineChildren();
      for (int i = kids.size() - 1; i >= 0; i--) {
        Boolean counted = lastCounted(kids.get(i));
        if (counted != null) {
          return counted;
        }
      }
      return null;
    }
    return Boolean.FALSE; // an inline-block, an image: not stretched
  }
}
