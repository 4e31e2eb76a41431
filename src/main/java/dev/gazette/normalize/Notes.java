package dev.gazette.normalize;

import dev.gazette.util.Cjk;

/**
 * The few words normalization writes into an article (notes on media the digest cannot show), in
 * Chinese when the article's title is, in English otherwise. The language of the body is only known
 * after normalization, so the title decides.
 */
record Notes(String video, String audio, String imageMissing) {
  private static final Notes CHINESE = new Notes("视频", "音频", "图片无法载入");
  private static final Notes ENGLISH = new Notes("Video", "Audio", "Image not available");

  static Notes forTitle(String title) {
    return title.codePoints().anyMatch(Cjk::isCjk) ? CHINESE : ENGLISH;
  }
}
