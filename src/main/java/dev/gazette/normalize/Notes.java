package dev.gazette.normalize;

import dev.gazette.util.Cjk;

/**
 * The few words normalization writes into an article (notes on media the digest cannot show), in
 * Chinese when the article's title is, in English otherwise. The language of the body is only known
 * after normalization, so the title decides.
 */
record Notes(String video, String audio, String imageMissing, String pictureIn) {
  private static final Notes CHINESE = new Notes("视频", "音频", "图片无法载入", "《%s》中的图片");
  private static final Notes ENGLISH =
      new Notes("Video", "Audio", "Image not available", "Picture in ‘%s’");

  /** The alt text of a picture nothing describes: better than silence for a screen reader. */
  String picture(String title) {
    return String.format(java.util.Locale.ROOT, pictureIn, title.strip());
  }

  static Notes forTitle(String title) {
    return title.codePoints().anyMatch(Cjk::isCjk) ? CHINESE : ENGLISH;
  }
}
