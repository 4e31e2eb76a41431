package dev.gazette.cover;

import dev.gazette.model.Article;
import dev.gazette.model.Asset;
import dev.gazette.model.Digest;
import dev.gazette.render.Labels;
import dev.gazette.typeset.FontFile;
import dev.gazette.typeset.FontRole;
import dev.gazette.typeset.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Draws a digest's cover with Java2D and the theme's fonts, each character from the first face of
 * its role's fallback chain that has it ({@link FaceChain}): title, issue, date range, article
 * count and the first headlines, in the theme's colours. Nothing in the picture comes from the
 * clock, and the JPEG carries no metadata, so the same digest always gives the same bytes.
 */
public final class CoverPainter {
  /** Cover size in pixels: 1:1.6, the shape most e-reader stores show. */
  public static final int WIDTH = 1600;

  public static final int HEIGHT = 2560;
  private static final int MARGIN = 130;
  private static final int HEADLINES = 6;

  /** Cover colours of a theme. */
  record Palette(Color background, Color ink, Color accent, Color muted) {}

  private static final Map<String, Palette> PALETTES =
      Map.of(
          "book",
              new Palette(
                  new Color(0xF4EFE6),
                  new Color(0x1E1E1E),
                  new Color(0x8B1E1E),
                  new Color(0x5A5A5A)),
          "modern",
              new Palette(
                  new Color(0x0F2A44),
                  new Color(0xFFFFFF),
                  new Color(0xF2B134),
                  new Color(0xC9D3DD)),
          "print", new Palette(Color.WHITE, Color.BLACK, Color.BLACK, new Color(0x444444)));

  private CoverPainter() {}

  /** The cover of {@code digest} as a JPEG asset at {@code images/cover.jpg}. */
  public static Asset paint(Digest digest, Theme theme) {
    return new Asset("images/cover.jpg", "image/jpeg", jpeg(digest, theme), WIDTH, HEIGHT);
  }

  /**
   * The cover of {@code digest}, painted on a thread of its own: the asset is returned at once and
   * its {@link Asset#bytes} wait for the painting. A build's renderers take their first steps (the
   * PDF's markup and font subsets, the EPUB's pages) while it paints, and read the bytes when they
   * need them. A failure to paint ({@link IllegalArgumentException} for a face AWT cannot open,
   * {@link UncheckedIOException}) comes out of {@link Asset#bytes} as the cause of {@link
   * Asset.Unavailable}.
   */
  public static Asset paintBeside(Digest digest, Theme theme) {
    CompletableFuture<byte[]> bytes = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                bytes.complete(jpeg(digest, theme));
              } catch (Throwable e) {
                // Out of memory included: the build's thread meets it in bytes() and reports it.
                bytes.completeExceptionally(e);
              }
            },
            "gazette-cover");
    t.setDaemon(true);
    t.start();
    return Asset.later("images/cover.jpg", "image/jpeg", bytes, WIDTH, HEIGHT);
  }

  /**
   * The cover's JPEG bytes. Painted straight onto the byte raster the JPEG encoder reads row by row
   * (3-byte BGR): on an {@code int} RGB picture the encoder needed a byte copy first (16 MB picture
   * + 12 MB copy, the largest allocation of a one-post build). Java2D stores the same colour values
   * in either raster, so the JPEG is the same bytes ({@code CoverPictureTypeTest}).
   */
  static byte[] jpeg(Digest digest, Theme theme) {
    return JpegWriter.write(picture(digest, theme, PICTURE_TYPE));
  }

  /** The raster the cover is painted on; see {@link #jpeg}. */
  static final int PICTURE_TYPE = BufferedImage.TYPE_3BYTE_BGR;

  /** The cover as a picture of {@code type}, before encoding. */
  static BufferedImage picture(Digest digest, Theme theme, int type) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
    Graphics2D g = image.createGraphics();
    try {
      draw(g, digest, theme);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Starts paying the cover's first-time costs on a background thread and returns at once: opening
   * the title's and the text's AWT faces, Java2D's first text drawing and the JPEG encoder's
   * set-up, about half of a cold {@link #paint} (0.12 of 0.25 CPU s). A build starts it before
   * reading its posts, so this runs where a core is free instead of between the posts and the
   * rendering, where nothing else can. What it draws is thrown away: the painted cover is the same
   * bytes with or without it. Failures are left for {@link #paint} to report.
   */
  public static void prepare(Theme theme) {
    Thread t =
        new Thread(
            () -> {
              try {
                warmUp(theme);
              } catch (RuntimeException | OutOfMemoryError e) {
                // paint() on the build's thread meets the same face and reports it.
              }
            },
            "gazette-cover-prepare");
    t.setDaemon(true);
    t.start();
  }

  private static void warmUp(Theme theme) {
    BufferedImage image = new BufferedImage(64, 64, PICTURE_TYPE);
    Graphics2D g = image.createGraphics();
    try {
      hints(g);
      for (FontRole role : List.of(FontRole.HEADING, FontRole.BODY)) {
        g.setFont(awtFont(theme.font(role)).deriveFont(24f));
        // Latin and Han, the two scripts of most titles: each has its own glyph caches.
        g.drawString("Gazette \u65e5\u520a", 0, 40);
      }
    } finally {
      g.dispose();
    }
    JpegWriter.write(image);
  }

  private static void hints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  private static void draw(Graphics2D g, Digest digest, Theme theme) {
    Palette p = PALETTES.getOrDefault(theme.name(), PALETTES.get("book"));
    Labels labels = Labels.forLanguage(digest.lang());
    hints(g);
    g.setColor(p.background());
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int width = WIDTH - 2 * MARGIN;

    g.setColor(p.accent());
    g.fillRect(MARGIN, 200, width, 14);
    TextBlock text = new TextBlock(g, MARGIN, width);
    int y = 290;
    if (digest.range() != null && !labels.issue(digest.range()).equals(digest.subtitle())) {
      y =
          text.draw(
                  labels.issue(digest.range()),
                  FaceChain.of(theme, FontRole.HEADING, 64f),
                  p.accent(),
                  y,
                  1)
              + 40;
    }
    y = text.draw(digest.title(), FaceChain.of(theme, FontRole.HEADING, 150f), p.ink(), y, 4) + 50;
    if (!digest.subtitle().isEmpty()) {
      y =
          text.draw(digest.subtitle(), FaceChain.of(theme, FontRole.BODY, 62f), p.muted(), y, 2)
              + 10;
    }
    y =
        text.draw(
            labels.articleCount(digest.articles().size()),
            FaceChain.of(theme, FontRole.BODY, 62f),
            p.muted(),
            y,
            1);

    y += 90;
    g.setColor(p.ink());
    g.fillRect(MARGIN, y, width, 5);
    y += 80;
    y =
        text.draw(
                labels.inThisIssue(), FaceChain.of(theme, FontRole.HEADING, 60f), p.accent(), y, 1)
            + 40;
    List<Article> articles = digest.articles();
    FaceChain headline = FaceChain.of(theme, FontRole.BODY, 66f);
    int shown = 0;
    while (shown < Math.min(HEADLINES, articles.size()) && y < HEIGHT - 480) {
      y = text.draw("■ " + articles.get(shown).title(), headline, p.ink(), y, 2) + 36;
      shown++;
    }
    if (articles.size() > shown) {
      text.draw("……", headline, p.muted(), y, 1);
    }
    g.setColor(p.accent());
    g.fillRect(MARGIN, HEIGHT - 200, width, 14);
  }

  /** The theme font as an AWT font, loaded once per file. */
  static Font awtFont(FontFile file) {
    return dev.gazette.typeset.AwtFonts.of(file);
  }
}
