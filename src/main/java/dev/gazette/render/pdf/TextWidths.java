package dev.gazette.render.pdf;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import com.openhtmltopdf.render.JustificationInfo;
import dev.gazette.typeset.Hyphenation;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * OpenHTMLtoPDF's text measuring with each character's width remembered per font. The library
 * measures a run of text with PDFBox's {@code PDFont.getStringWidth}, which encodes the whole run
 * through the font's cmap and reads the codes back before adding up their widths; the line breaker
 * measures longer and longer runs of the same paragraph, so each character is encoded many times (a
 * quarter of the layout's time at 1,000 posts). Here each character's width is asked of PDFBox once
 * per font and the run's width is the sum of the same numbers in the same order, so every width,
 * and the PDF, is the same to the bit.
 *
 * <p>What is not the plain case goes to the library's own measuring: a character the font cannot
 * encode (the library then splits the run among fallback fonts), a character outside the Basic
 * Multilingual Plane, a font without metrics.
 *
 * <p>Painting asks the same question: the library's {@code PdfBoxFastOutputDevice.drawString}
 * encodes each run once more ({@code getStringWidth}, its width thrown away) only to learn whether
 * the first font draws all of it, before it encodes the run again to write it. When every character
 * of the run is known here to be drawn by that font (each one's width was asked of it), the run
 * goes straight to {@code drawStringFast}, as the library's would after its test: the same
 * operators and bytes, one encoding fewer (about 6% of a 1,000-post PDF's CPU samples).
 *
 * <p>One width differs from the library's on purpose: a run ending in a soft hyphen is measured
 * without rounding up (its width cut down to the unit of 1/20 pt). The library rounds every width
 * up; a table column is as wide as its widest cell's text measured word by word, but the line
 * breaker measures a hyphenated word syllable by syllable (the soft hyphens Hyphenation put in),
 * and the syllables, each rounded up, came out a unit or two wider than the word: a short table's
 * {@code Parameter} was set as {@code Parame-ter} beside an empty page width. Cut down, a word's
 * syllables add up to no more than the word, so a word breaks only where its column is really
 * narrower than it. A run the library measures itself (see above) keeps the library's width.
 *
 * <p>Body text is measured the same way, and there each such run is short of its width by up to a
 * unit: a justified line of many hyphenatable words can end past the right margin by the sum (up to
 * 0.3 pt on lines of long English words, where the library's widths keep every line inside).
 */
final class TextWidths extends PdfBoxTextRenderer {
  private static final float TEXT_MEASURING_DELTA = 0.01f; // as PdfBoxTextRenderer

  /** Per font: the width of each BMP character (NaN until asked), and those it cannot encode. */
  private final Map<PDFont, float[]> widths = new IdentityHashMap<>();

  private final Map<PDFont, BitSet> unencodable = new IdentityHashMap<>();

  /** The device's current font ({@code PdfBoxFastOutputDevice._font}), or null if unreachable. */
  private static final VarHandle DEVICE_FONT = deviceFont();

  private TextWidths() {}

  private static VarHandle deviceFont() {
    try {
      return MethodHandles.privateLookupIn(PdfBoxFastOutputDevice.class, MethodHandles.lookup())
          .findVarHandle(PdfBoxFastOutputDevice.class, "_font", PdfBoxFSFont.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another OpenHTMLtoPDF: its own drawing, as without this class
    }
  }

  /** Measures the renderer's text with remembered widths (before its layout). */
  static void install(PdfBoxRenderer renderer) {
    renderer.getSharedContext().setTextRenderer(new TextWidths());
  }

  @Override
  public int getWidth(FontContext context, FSFont font, String string) {
    float exact = exactWidth(font, string);
    if (Float.isNaN(exact)) {
      return super.getWidth(context, font, string);
    }
    if (endsWithSoftHyphen(string)) {
      return (int) exact; // cut down, not rounded up: see the class comment
    }
    // As PdfBoxTextRenderer.getWidth: the same float operations in the same order.
    if (exact - Math.floor(exact) < TEXT_MEASURING_DELTA) {
      return (int) exact;
    } else {
      return (int) Math.ceil(exact);
    }
  }

  private static boolean endsWithSoftHyphen(String string) {
    return !string.isEmpty() && string.charAt(string.length() - 1) == Hyphenation.SOFT_HYPHEN;
  }

  /**
   * The width PdfBoxTextRenderer computes for {@code string} before it rounds it, to the bit; NaN
   * for what is not the plain case, which the library then measures itself.
   */
  private float exactWidth(FSFont font, String string) {
    PDFont pdFont = firstFont(font);
    if (pdFont == null) {
      return Float.NaN;
    }
    String text = printable(string);
    float[] known = widths.computeIfAbsent(pdFont, f -> newWidths());
    BitSet missing = unencodable.computeIfAbsent(pdFont, f -> new BitSet());
    float sum = 0;
    for (int i = 0; i < text.length(); i++) {
      float w = widthOf(pdFont, known, missing, text.charAt(i));
      if (Float.isNaN(w)) {
        return Float.NaN;
      }
      sum += w;
    }
    return sum / 1000f * ((PdfBoxFSFont) font).getSize2D();
  }

  @Override
  public void drawString(OutputDevice device, String string, float x, float y) {
    drawString(device, string, x, y, null);
  }

  @Override
  public void drawString(
      OutputDevice device, String string, float x, float y, JustificationInfo info) {
    if (DEVICE_FONT != null && device instanceof PdfBoxFastOutputDevice fast) {
      PdfBoxFSFont font = (PdfBoxFSFont) DEVICE_FONT.get(fast);
      // As the device: the first description's font, the printable string.
      FontDescription first =
          font == null || font.getFontDescriptions() == null || font.getFontDescriptions().isEmpty()
              ? null
              : font.getFontDescriptions().get(0);
      if (first != null && first.getFont() != null) {
        String text = printable(string);
        if (drawsAll(first.getFont(), text)) {
          fast.drawStringFast(text, x, y, info, first, font.getSize2D());
          return;
        }
      }
    }
    super.drawString(device, string, x, y, info);
  }

  /**
   * Whether {@code pdFont} encodes every character of {@code text}, from the widths remembered
   * (asked of PDFBox for a character not seen yet); false for anything not the plain case, which
   * the library then tests itself.
   */
  private boolean drawsAll(PDFont pdFont, String text) {
    float[] known = widths.computeIfAbsent(pdFont, f -> newWidths());
    BitSet missing = unencodable.computeIfAbsent(pdFont, f -> new BitSet());
    for (int i = 0; i < text.length(); i++) {
      if (Float.isNaN(widthOf(pdFont, known, missing, text.charAt(i)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The width of {@code c} in {@code pdFont}, remembered in {@code known} (asked of PDFBox the
   * first time); NaN for what is not the plain case: a surrogate, a character the font cannot
   * encode (remembered in {@code missing}), a font without metrics.
   */
  private static float widthOf(PDFont pdFont, float[] known, BitSet missing, char c) {
    if (Character.isSurrogate(c) || missing.get(c)) {
      return Float.NaN;
    }
    float w = known[c];
    if (Float.isNaN(w)) {
      try {
        w = pdFont.getStringWidth(String.valueOf(c));
      } catch (IllegalArgumentException e) {
        missing.set(c);
        return Float.NaN;
      } catch (IOException e) {
        return Float.NaN;
      }
      known[c] = w; // NaN again when PDFBox has none: asked again, as before
    }
    return w;
  }

  /**
   * {@code string} as {@link TextRenderer#getEffectivePrintableString} gives it: without the two
   * characters OpenHTMLtoPDF never hands a font (U+00AD SOFT HYPHEN, U+FFFC OBJECT REPLACEMENT
   * CHARACTER), the same string when it has neither. The library tests each code point through a
   * stream and a lambda; on the C1-compiled code the launchers run, that was 8% of a 1,000-post
   * PDF's layout CPU and 0.35 GB of garbage. Both characters are in the Basic Multilingual Plane
   * and neither is a surrogate, so testing chars finds what testing code points finds.
   */
  static String printable(String string) {
    if (string == null) {
      return null;
    }
    int n = string.length();
    int i = 0;
    while (i < n && isPrintable(string.charAt(i))) {
      i++;
    }
    if (i == n) {
      return string;
    }
    StringBuilder kept = new StringBuilder(n).append(string, 0, i);
    for (; i < n; i++) {
      char c = string.charAt(i);
      if (isPrintable(c)) {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  private static boolean isPrintable(char c) {
    return c != Hyphenation.SOFT_HYPHEN && c != '\uFFFC'; // as OpenUtil.isSafeFontCodePointToPrint
  }

  /** The font the library measures with: the first description that has one. */
  private static PDFont firstFont(FSFont font) {
    if (!(font instanceof PdfBoxFSFont pdfBoxFont)) {
      return null;
    }
    List<FontDescription> descriptions = pdfBoxFont.getFontDescriptions();
    if (descriptions == null) {
      return null;
    }
    for (int i = 0, n = descriptions.size(); i < n; i++) { // no iterator: C1 allocates one per call
      PDFont pdFont = descriptions.get(i).getFont();
      if (pdFont != null) {
        return pdFont;
      }
    }
    return null;
  }

  private static float[] newWidths() {
    float[] w = new float[Character.MAX_VALUE + 1];
    Arrays.fill(w, Float.NaN);
    return w;
  }
}
