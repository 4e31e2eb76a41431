package dev.gazette.assets;

/**
 * Walks a GIF's blocks without decoding it, to tell a cut-off file from a complete one. Looking for
 * the trailer byte ({@code 0x3B}) near the end was not enough: some GIFs carry padding after their
 * trailer (a real blog's two animations had 1,474 and 2,941 zero bytes), which browsers ignore, and
 * a cut-off file may end in a {@code 0x3B} of its image data by chance. A download cut off and
 * padded with zeros to its announced length (a file written into space set aside for it) ends its
 * image data at the first zero where a sub-block's length should be, and has a zero where the next
 * block should start: the decoder draws the part of the frame it has, grey below, without an error.
 */
final class GifBlocks {
  private GifBlocks() {}

  private static final int HEADER = 6 + 7; // "GIF89a", logical screen descriptor
  private static final int EXTENSION = 0x21;
  private static final int IMAGE = 0x2C;
  private static final int TRAILER = 0x3B;

  /**
   * Whether the data ends before the GIF's trailer is reached: a cut-off download or copy, also one
   * padded out with zeros. A byte that starts no GIF block (extension, image, trailer) where a
   * block should start is such padding, or data from elsewhere; bytes after the trailer are not
   * looked at.
   */
  static boolean cutOff(byte[] b) {
    if (b.length < HEADER) {
      return true;
    }
    int i = afterColourTable(HEADER, b[10]);
    while (i < b.length) {
      int block = b[i] & 0xFF;
      if (block == TRAILER) {
        return false;
      } else if (block == EXTENSION) {
        i = afterSubBlocks(b, i + 2); // introducer, label
      } else if (block == IMAGE) {
        if (i + 10 > b.length) {
          return true;
        }
        // descriptor (separator, position, size, flags), then the LZW code size
        i = afterSubBlocks(b, afterColourTable(i + 10, b[i + 9]) + 1);
      } else {
        return true;
      }
    }
    return true;
  }

  /** Where the data after a descriptor whose flags byte is {@code flags} goes on. */
  private static int afterColourTable(int i, byte flags) {
    return (flags & 0x80) == 0 ? i : i + 3 * (1 << ((flags & 0x07) + 1));
  }

  /**
   * Past a run of data sub-blocks (a length byte, that many bytes) ended by an empty one; past the
   * end of {@code b} when the run is cut off.
   */
  private static int afterSubBlocks(byte[] b, int i) {
    while (i < b.length) {
      int size = b[i] & 0xFF;
      i += 1 + size;
      if (size == 0) {
        return i;
      }
    }
    return b.length;
  }
}
