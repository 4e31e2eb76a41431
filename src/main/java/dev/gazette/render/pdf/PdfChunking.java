package dev.gazette.render.pdf;

/**
 * Whether and how the PDF is laid out in chunks (see {@link ChunkedPdf}): on by default: a digest
 * whose articles' markup fits in one chunk is laid out in one piece as before, byte for byte. Where
 * chunks end depends on the content only ({@code maxChars}); {@code threads} only says how many are
 * laid out at once, and never changes a byte of the result.
 *
 * <p>System properties (for the benchmark): {@code gazette.pdf.chunked=false} (one layout), {@code
 * gazette.pdf.chunkChars} (default {@value #DEFAULT_MAX_CHARS}), {@code gazette.pdf.threads}
 * (default: the available processors).
 *
 * @param enabled false for one layout of the whole digest (today's output)
 * @param maxChars a chunk closes once its articles' markup reaches this many characters
 * @param threads chunks laid out at the same time
 */
record PdfChunking(boolean enabled, int maxChars, int threads) {
  static final int DEFAULT_MAX_CHARS = 200_000;

  static final PdfChunking OFF = new PdfChunking(false, DEFAULT_MAX_CHARS, 1);

  PdfChunking {
    if (maxChars < 1 || threads < 1) {
      throw new IllegalArgumentException("maxChars and threads must be positive");
    }
  }

  static PdfChunking fromSystemProperties() {
    boolean on = Boolean.parseBoolean(System.getProperty("gazette.pdf.chunked", "true"));
    int chars = Integer.getInteger("gazette.pdf.chunkChars", DEFAULT_MAX_CHARS);
    int threads =
        Integer.getInteger("gazette.pdf.threads", Runtime.getRuntime().availableProcessors());
    return new PdfChunking(on, Math.max(1, chars), Math.max(1, threads));
  }
}
