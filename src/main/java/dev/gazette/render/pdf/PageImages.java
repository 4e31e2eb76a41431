package dev.gazette.render.pdf;

import dev.gazette.assets.ImageException;
import dev.gazette.assets.ImageProcessor;
import dev.gazette.assets.RenditionCache;
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

  private final RenditionCache renditions;

  /**
   * @param columns text columns of the theme
   * @param columnGapMm space between columns (as in the renderer's page CSS)
   * @param renditions where sized pictures are kept between runs, or null
   */
  PageImages(PageSize page, int columns, double columnGapMm, RenditionCache renditions) {
    this.renditions = renditions;
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

  /**
   * The bytes to embed for the cover, which fills the page without margins. A cover that holds at
   * most {@value #COVER_SLACK} times the page's pixels per side keeps its bytes: the painted cover
   * (1600 x 2560) on an A5 page (1748 x 2480 at 300 dpi) would otherwise be decoded and encoded
   * again, a generation of JPEG loss and ~7% of a one-post build's CPU, to drop 3% of its height.
   */
  byte[] forCover(Asset asset) {
    if (asset.width() > 0
        && asset.height() > 0
        && Math.min((double) coverWidth / asset.width(), (double) coverHeight / asset.height())
            >= 1 / COVER_SLACK) {
      return asset.bytes();
    }
    return fit(asset, coverWidth, coverHeight);
  }

  /**
   * How much larger per side than the page at {@value #DPI} dpi a cover may stay (1.1 = 330 dpi).
   */
  static final double COVER_SLACK = 1.1;

  int maxWidth() {
    return maxWidth;
  }

  private byte[] fit(Asset asset, int width, int height) {
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
          .withRenditions(renditions)
          .process(asset.bytes())
          .bytes();
    } catch (ImageException e) {
      return asset.bytes(); // it was read once already; if it cannot be read again, keep it whole
    }
  }
}
