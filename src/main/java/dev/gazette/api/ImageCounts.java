package dev.gazette.api;

/**
 * What happened to the images of a build; each distinct image is counted once.
 *
 * @param fetched downloaded
 * @param fromCache taken from the image cache
 * @param local read from the input folder
 * @param failed left out (not found, refused, undecodable, too large …), each with a warning
 * @param reused of the images used, those taken finished from the image cache folder instead of
 *     being decoded, scaled and encoded again: made by an earlier build, or earlier in this one
 *     from the same bytes (see {@code --image-cache})
 * @param bytesBefore bytes of the images as found
 * @param bytesAfter bytes after decoding, scaling and re-encoding
 */
public record ImageCounts(
    int fetched,
    int fromCache,
    int local,
    int failed,
    int reused,
    long bytesBefore,
    long bytesAfter) {
  public static final ImageCounts NONE = new ImageCounts(0, 0, 0, 0, 0, 0, 0);
}
