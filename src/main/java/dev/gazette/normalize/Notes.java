package dev.gazette.normalize;

import dev.gazette.util.Cjk;

/**
 * The few words normalization writes into an article (notes on media the digest cannot show), in
 * Chinese when the article's title is, in English otherwise. The language of the body is only known
 * after normalization, so the title decides.
 */
record Notes(String video, String audio, String imageMissing, String picture, String header) {
  private static final Notes CHINESE = new Notes("视频", "音频", "图片无法载入", "《%2$s》插图 %1$d", "《%s》题图");
  private static final Notes ENGLISH =
      new Notes(
          "Video", "Audio", "Image not available", "Picture %d of “%s”", "Header picture of “%s”");

  /** Alt text for the {@code number}th picture of an article that has none. */
  String picture(int number, String title) {
    return String.format(java.util.Locale.ROOT, picture, number, title);
  }

  /** Alt text for an article's header picture. */
  String headerPicture(String title) {
    return String.format(java.util.Locale.ROOT, header, title);
  }

  static Notes forTitle(String title) {
    return title.codePoints().anyMatch(Cjk::isCjk) ? CHINESE : ENGLISH;
  }
}
