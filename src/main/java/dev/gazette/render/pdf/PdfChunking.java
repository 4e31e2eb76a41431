package dev.gazette.render.pdf;

/**
 * Whether and how the PDF is laid out in chunks (see {@link ChunkedPdf}): on by default: a digest
 * whose articles' markup fits in one chunk is laid out in one piece as before, byte for byte. Where
 * chunks end depends on the content only ({@code maxChars}); {@code threads} only says how many are
 * laid out at once, and never changes a byte of the result.
 *
 * <p>System properties (for the benchmark): {@code gazette.pdf.chunked=false} (one layout), {@code
 * gazette.pdf.chunkChars} (default {@value #DEFAULT_MAX_CHARS}), {@code gazette.pdf.threads}
 * (default: the available processors), {@code gazette.pdf.contentsRows} (default {@value
 * #DEFAULT_CONTENTS_ROWS}).
 *
 * @param enabled false for one layout of the whole digest (today's output)
 * @param maxChars a chunk closes once its articles' markup reaches this many characters
 * @param threads chunks laid out at the same time
 * @param contentsRows the contents is laid out in parts of about this many entries (see {@link
 *     ContentsParts}): its memory no longer grows with the digest
 */
record PdfChunking(boolean enabled, int maxChars, int threads, int contentsRows) {
  /**
   * About 60 A5 pages of Chinese news. A chunk's layout tree is what the heap holds per thread, and
   * it outlives several young collections, so smaller chunks are promoted less: on the 1,000-post
   * benchmark 50,000 characters took 7% less time and 35% less peak memory than 200,000, with the
   * same text on every page (bench/chunked-pdf.md, 6 December 2026).
   */
  static final int DEFAULT_MAX_CHARS = 50_000;

  /**
   * About 10 A5 pages of contents a part. The contents' numbers are known only once every chunk is
   * painted, so its parts are painted last, at the same time on all workers: at 1,000 rows a part a
   * 1,000-post digest ended with its two parts painted one core at a time. 250 rows: 1,000-post PDF
   * 7.88 -> 7.55 s (median of 6 interleaved runs, same text and pages, 0.04% larger file); 10,000
   * posts 66.2 -> 63.3 s.
   */
  static final int DEFAULT_CONTENTS_ROWS = 250;

  static final PdfChunking OFF =
      new PdfChunking(false, DEFAULT_MAX_CHARS, 1, DEFAULT_CONTENTS_ROWS);

  PdfChunking {
    if (maxChars < 1 || threads < 1 || contentsRows < 1) {
      throw new IllegalArgumentException("maxChars, threads and contentsRows must be positive");
    }
  }

  static PdfChunking fromSystemProperties() {
    boolean on = Boolean.parseBoolean(System.getProperty("gazette.pdf.chunked", "true"));
    int chars = Integer.getInteger("gazette.pdf.chunkChars", DEFAULT_MAX_CHARS);
    int threads =
        Integer.getInteger("gazette.pdf.threads", Runtime.getRuntime().availableProcessors());
    int rows = Integer.getInteger("gazette.pdf.contentsRows", DEFAULT_CONTENTS_ROWS);
    return new PdfChunking(on, Math.max(1, chars), Math.max(1, threads), Math.max(1, rows));
  }
}
