package dev.gazette.normalize;

import java.util.List;

/**
 * What a post's text means on its site, where site generators differ: what normalizing shows as the
 * site showed it.
 *
 * @param emojiShortcodes whether emoji short names ({@code :tada:}) are the emoji they name, as the
 *     site's generator showed them
 * @param headerImageKeys the front-matter keys, in order, whose picture the site shows at the top
 *     of a post ({@link #HEADER_IMAGE_KEYS}, less those the site uses only for social cards)
 */
public record SiteMarkup(boolean emojiShortcodes, List<String> headerImageKeys) {
  public SiteMarkup {
    headerImageKeys = List.copyOf(headerImageKeys);
  }

  /** The keys posts name a header image with, in the order they are looked for. */
  public static final List<String> HEADER_IMAGE_KEYS =
      List.of(
          "headimg",
          "cover",
          "image",
          "thumbnail",
          "banner",
          "featured_image",
          "cover_image",
          "images");

  /** A site Gazette knows nothing of: short names as written, every header image key. */
  public static final SiteMarkup PLAIN = new SiteMarkup(false, HEADER_IMAGE_KEYS);
}
