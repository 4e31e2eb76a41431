package dev.gazette.render.pdf;

import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.CharCounts;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.JustificationInfo;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.util.OpenUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

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
 * boxes, so it ends at the margin. Every other line, and every right-to-left line, is left alone.
 */
final class JustifiedLineEnds {
  private JustifiedLineEnds() {}

  /** Refits the justified lines under {@code root} (after layout). */
  static void refit(Box root) {
    Deque<Box> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Box box = todo.pop();
      if (box instanceof LineBox line) {
        refitLine(line);
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

  private static void refitLine(LineBox line) {
    JustificationInfo info = line.getJustificationInfo();
    if (info == null
        || info.getNonSpaceAdjust() <= 0
        || line.isLayedOutRTL()
        || endsCounted(line)) {
      return;
    }
    CharCounts counts = new CharCounts();
    for (Box b : line.getChildren()) {
      if (b instanceof InlineLayoutBox inline) {
        inline.countJustifiableChars(counts);
      }
    }
    int chars = counts.getNonSpaceCount();
    if (chars == 0) {
      return;
    }
    // As LineBox.justify: the slack is the room left of the unjustified line's width.
    int available =
        line.getParent().getContentWidth()
            - line.getFloatDistances().getLeftFloatDistance()
            - line.getFloatDistances().getRightFloatDistance()
            - line.getContentStart();
    float slack =
        available - line.getContentWidth() - counts.getSpaceCount() * info.getSpaceAdjust();
    float perChar = Math.min(info.getNonSpaceAdjust(), Math.max(0, slack) / chars);
    if (perChar >= info.getNonSpaceAdjust()) {
      return;
    }
    JustificationInfo old = new JustificationInfo();
    old.setSpaceAdjust(info.getSpaceAdjust());
    old.setNonSpaceAdjust(info.getNonSpaceAdjust());
    info.setNonSpaceAdjust(perChar); // painting spaces the characters inside each text by it
    float[] running = {0, 0}; // the library's and the new adjustment so far
    for (Box b : line.getChildren()) {
      b.setX(b.getX() + Math.round(running[1]) - Math.round(running[0]));
      if (b instanceof InlineLayoutBox inline) {
        float[] moved = move(inline, old, info, running[0], running[1]);
        running[0] += moved[0];
        running[1] += moved[1];
      }
    }
    line.calcChildLocations();
  }

  /**
   * Undoes {@code InlineLayoutBox.adjustHorizontalPosition} with {@code old} and redoes it with
   * {@code now}, step by step as the library does it; the adjustments this box made, old and new.
   */
  private static float[] move(
      InlineLayoutBox box,
      JustificationInfo old,
      JustificationInfo now,
      float runOld,
      float runNew) {
    float resultOld = 0;
    float resultNew = 0;
    for (Object o : box.getInlineChildren()) {
      if (o instanceof InlineText text) {
        text.setX(text.getX() + Math.round(resultNew) - Math.round(resultOld));
        float adjOld = text.calcTotalAdjustment(old);
        float adjNew = text.calcTotalAdjustment(now);
        int width = text.getWidth() - (int) adjOld; // the width before it was widened (an int)
        text.setWidth((int) (width + adjNew));
        resultOld += adjOld;
        resultNew += adjNew;
        runOld += adjOld;
        runNew += adjNew;
      } else if (o instanceof Box b) {
        b.setX(b.getX() + Math.round(runNew) - Math.round(runOld));
        if (b instanceof InlineLayoutBox inline) {
          float[] moved = move(inline, old, now, runOld, runNew);
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
        if (!InlineText.isJustifySpaceCodePoint(cp) && OpenUtil.isCodePointPrintable(cp)) {
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
