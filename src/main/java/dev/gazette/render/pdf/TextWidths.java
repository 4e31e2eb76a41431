package dev.gazette.render.pdf;

import com.openhtmltopdf.extend.FontContext;
import com.openhtmltopdf.extend.TextRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxFSFont;
import com.openhtmltopdf.pdfboxout.PdfBoxFontResolver.FontDescription;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfBoxTextRenderer;
import com.openhtmltopdf.render.FSFont;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
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
 */
final class TextWidths extends PdfBoxTextRenderer {
  private static final float TEXT_MEASURING_DELTA = 0.01f; // as PdfBoxTextRenderer

  /** Per font: the width of each BMP character (NaN until asked), and those it cannot encode. */
  private final Map<PDFont, float[]> widths = new IdentityHashMap<>();

  private final Map<PDFont, BitSet> unencodable = new IdentityHashMap<>();

  private TextWidths() {}

  /** Measures the renderer's text with remembered widths (before its layout). */
  static void install(PdfBoxRenderer renderer) {
    renderer.getSharedContext().setTextRenderer(new TextWidths());
  }

  @Override
  public int getWidth(FontContext context, FSFont font, String string) {
    PDFont pdFont = firstFont(font);
    if (pdFont == null) {
      return super.getWidth(context, font, string);
    }
    String text = TextRenderer.getEffectivePrintableString(string);
    float[] known = widths.computeIfAbsent(pdFont, f -> newWidths());
    BitSet missing = unencodable.computeIfAbsent(pdFont, f -> new BitSet());
    float sum = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c) || missing.get(c)) {
        return super.getWidth(context, font, string);
      }
      float w = known[c];
      if (Float.isNaN(w)) {
        try {
          w = pdFont.getStringWidth(String.valueOf(c));
        } catch (IllegalArgumentException e) {
          missing.set(c);
          return super.getWidth(context, font, string);
        } catch (IOException e) {
          return super.getWidth(context, font, string);
        }
        if (Float.isNaN(w)) {
          return super.getWidth(context, font, string);
        }
        known[c] = w;
      }
      sum += w;
    }
    // As PdfBoxTextRenderer.getWidth: the same float operations in the same order.
    float result = sum / 1000f * ((PdfBoxFSFont) font).getSize2D();
    if (result - Math.floor(result) < TEXT_MEASURING_DELTA) {
      return (int) result;
    } else {
      return (int) Math.ceil(result);
    }
  }

  /** The font the library measures with: the first description that has one. */
  private static PDFont firstFont(FSFont font) {
    if (!(font instanceof PdfBoxFSFont pdfBoxFont) || pdfBoxFont.getFontDescriptions() == null) {
      return null;
    }
    for (FontDescription d : pdfBoxFont.getFontDescriptions()) {
      if (d.getFont() != null) {
        return d.getFont();
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
