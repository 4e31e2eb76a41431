package dev.gazette.cover;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Draws wrapped text into a column: Chinese breaks between any characters, Latin at spaces. */
final class TextBlock {
  private static final String NO_LINE_START = "，。、；：？！）》」』】〉…％,.;:?!)%";

  private final Graphics2D g;
  private final int x;
  private final int width;

  TextBlock(Graphics2D g, int x, int width) {
    this.g = g;
    this.x = x;
    this.width = width;
  }

  /**
   * Draws {@code text} from {@code top} down, in at most {@code maxLines} lines (the last one ends
   * in an ellipsis when cut), and returns the y just below the last line.
   */
  int draw(String text, FaceChain faces, Color color, int top, int maxLines) {
    g.setColor(color);
    int lineHeight = Math.round(faces.size() * 1.3f);
    int y = top;
    for (String line : wrap(faces.drawable(text).strip(), s -> faces.width(g, s), maxLines)) {
      faces.draw(g, line, x, y + Math.round(faces.size() * 1.05f));
      y += lineHeight;
    }
    return y;
  }

  List<String> wrap(String text, FontMetrics fm, int maxLines) {
    return wrap(text, fm::stringWidth, maxLines);
  }

  /**
   * @param fm the width of a piece of text
   */
  List<String> wrap(String text, ToIntFunction<String> fm, int maxLines) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length() && lines.size() < maxLines) {
      int end = fit(text, start, fm);
      if (lines.size() == maxLines - 1 && end < text.length()) {
        lines.add(ellipsize(text.substring(start), fm));
        return lines;
      }
      lines.add(text.substring(start, end).strip());
      start = end;
      while (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
    }
    return lines;
  }

  /** End of the longest line starting at {@code start} that fits. */
  private int fit(String text, int start, ToIntFunction<String> fm) {
    int end = start;
    while (end < text.length()) {
      int next = text.offsetByCodePoints(end, 1);
      if (fm.applyAsInt(text.substring(start, next)) > width) {
        break;
      }
      end = next;
    }
    if (end == text.length() || end == start) {
      return end == start ? text.offsetByCodePoints(start, 1) : end;
    }
    // Closing punctuation does not begin a line; Latin words and numbers are not split.
    while (end > start + 1 && NO_LINE_START.indexOf(text.charAt(end)) >= 0) {
      end--;
    }
    if (isLatinWordChar(text.charAt(end - 1)) && isLatinWordChar(text.charAt(end))) {
      int wordStart = end;
      while (wordStart > start && isLatinWordChar(text.charAt(wordStart - 1))) {
        wordStart--;
      }
      if (wordStart > start) {
        return wordStart;
      }
    }
    return end;
  }

  private static boolean isLatinWordChar(char c) {
    return c < 0x2E80 && (Character.isLetterOrDigit(c) || c == '.' || c == '%');
  }

  private String ellipsize(String rest, ToIntFunction<String> fm) {
    String ellipsis = "…";
    int end = rest.length();
    while (end > 0 && fm.applyAsInt(rest.substring(0, end).strip() + ellipsis) > width) {
      end = rest.offsetByCodePoints(end, -1);
    }
    return rest.substring(0, end).strip() + ellipsis;
  }
}
