package dev.gazette.render.pdf;

import dev.gazette.assets.ImageException;
import dev.gazette.assets.ImageProcessor;
import dev.gazette.model.Asset;
import dev.gazette.model.Limits;
import dev.gazette.typeset.PageSize;

/**
 * Sizes pictures for the printed page: the PDF stores a picture with no more pixels than the page
 * can show at {@value #DPI} dpi — across the text column, and down the tallest a picture is drawn —
 * so a 6-inch page (78 mm of text) keeps about 920 pixels of a picture the EPUB keeps at 1,600.
 * Pictures already small enough keep their bytes; SVG stays vector. The layout does not change: a
 * picture this large is drawn at the column's full width (or the height cap) either way.
 */
final class PageImages {
  static final int DPI = 300;

  private final int maxWidth;
  private final int maxHeight;
  private final int coverWidth;
  private final int coverHeight;

  /**
   * @param columns text columns of the theme
   * @param columnGapMm space between columns (as in the renderer's page CSS)
   */
  PageImages(PageSize page, int columns, double columnGapMm) {
    double columnMm = (page.textWidthMm() - columnGapMm * (columns - 1)) / columns;
    this.maxWidth = pixels(columnMm);
    this.maxHeight = pixels(page.imageMaxHeightMm());
    this.coverWidth = pixels(page.widthMm());
    this.coverHeight = pixels(page.heightMm());
  }

  private static int pixels(double mm) {
    return (int) Math.ceil(mm / 25.4 * DPI);
  }

  /** The bytes to embed for a picture in an article. */
  byte[] forArticle(Asset asset) {
    return fit(asset, maxWidth, maxHeight);
  }

  /** The bytes to embed for the cover, which fills the page without margins. */
  byte[] forCover(Asset asset) {
    return fit(asset, coverWidth, coverHeight);
  }

  int maxWidth() {
    return maxWidth;
  }

  private static byte[] fit(Asset asset, int width, int height) {
    if (asset.href().endsWith(".svg") || asset.width() <= 0 || asset.height() <= 0) {
      return asset.bytes();
    }
    double scale =
        Math.min(1, Math.min((double) width / asset.width(), (double) height / asset.height()));
    if (scale >= 1) {
      return asset.bytes();
    }
    int longSide = (int) Math.floor(Math.max(asset.width(), asset.height()) * scale);
    try {
      return new ImageProcessor(Math.max(1, longSide), Limits.defaults().maxImagePixels())
          .process(asset.bytes())
          .bytes();
    } catch (ImageException e) {
      return asset.bytes(); // it was read once already; if it cannot be read again, keep it whole
    }
  }
}
