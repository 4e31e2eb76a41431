package dev.gazette.render.pdf;

/**
 * How many digits the contents' page numbers of a chunked PDF will have, guessed before the chunks
 * are painted, so the front matter is measured with placeholders as wide as the real numbers.
 *
 * <p>The contents is a table whose number column is 2.2em wide: numbers of up to four digits fit, a
 * fifth digit widens the column, which narrows the titles and can add lines and pages. The front
 * matter's length must be known before the first chunk is painted (the chunks' page numbers follow
 * it), while the highest page number is known only once every chunk is laid out. Measured with
 * four-digit placeholders, a digest of more than 9,999 pages (about 3,000 Chinese news posts on A5)
 * came out longer with its real numbers, and every chunk was laid out and painted a second time.
 * The guess is the first chunk's pages per character of markup times the digest's characters; a
 * wrong guess costs that second pass, never a wrong number.
 */
final class ContentsNumberWidth {
  /** Numbers of up to this many digits never change the contents' layout. */
  static final int NARROWEST = 4;

  private ContentsNumberWidth() {}

  /**
   * The digits of the highest page number of the digest, guessed from its first chunk.
   *
   * @param articles how many entries the contents lists
   * @param firstChunkPages the first chunk's page count
   * @param firstChunkChars the first chunk's characters of markup
   * @param allChars every chunk's characters of markup
   */
  static int guess(int articles, int firstChunkPages, long firstChunkChars, long allChars) {
    double perChar = firstChunkPages / (double) Math.max(1, firstChunkChars);
    // The contents: about 20 entries to an A5 page, and a page each for cover and masthead.
    double pages = perChar * allChars + articles / 20.0 + 2;
    return Math.max(NARROWEST, Long.toString((long) Math.ceil(pages)).length());
  }

  /** A placeholder number of {@code digits} digits ({@code 0000}, {@code 00000}, ...). */
  static String placeholder(int digits) {
    return "0".repeat(Math.max(NARROWEST, digits));
  }
}
