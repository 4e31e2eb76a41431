package dev.gazette.render;

import dev.gazette.assets.RenditionCache;
import dev.gazette.model.PdfA;
import dev.gazette.model.Problem;
import dev.gazette.typeset.FontCache;
import dev.gazette.typeset.Theme;
import java.util.function.Consumer;

/**
 * What renderers share besides the digest: the look, the fonts and where to report problems.
 *
 * @param theme stylesheets and font roles
 * @param fonts parsed fonts, reused across outputs
 * @param embedFonts false to leave fonts out of the EPUB (readers use their own)
 * @param pageSize PDF page size ({@code A5}, {@code A4}, {@code Letter}, {@code 6in}), or null for
 *     the theme's
 * @param problems receives warnings
 * @param printedPages the PDF's page breaks, handed to the EPUB when a build writes both
 * @param pdfTags whether the PDF is tagged (PDF/UA-1)
 * @param pdfA the PDF/A level of the PDF, or null
 * @param renditions where pictures sized for the page are kept between runs, or null for none
 */
public record RenderContext(
    Theme theme,
    FontCache fonts,
    boolean embedFonts,
    String pageSize,
    Consumer<Problem> problems,
    PrintedPages.Exchange printedPages,
    boolean pdfTags,
    PdfA pdfA,
    RenditionCache renditions) {
  /** A context for a tagged PDF that is not PDF/A, with no page exchange. */
  public RenderContext(
      Theme theme,
      FontCache fonts,
      boolean embedFonts,
      String pageSize,
      Consumer<Problem> problems) {
    this(
        theme, fonts, embedFonts, pageSize, problems, PrintedPages.Exchange.NONE, true, null, null);
  }

  public String effectivePageSize() {
    return pageSize != null ? pageSize : theme.pageSize();
  }
}
