package dev.gazette.typeset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A bundled theme with the user's fonts and stylesheet, each checked before anything is built. */
public final class UserTheme {
  private UserTheme() {}

  /**
   * @param serifFont a .ttf/.ttc and face for serif text, or null for the bundled one
   * @param sansFont the same for sans text
   * @param extraCss a stylesheet applied after the theme's, or null
   * @param cache where the fonts are parsed (and kept), so an unusable font fails here
   * @throws IllegalArgumentException with a message for the user, for a font or stylesheet that
   *     cannot be used or an unknown theme
   */
  public static Theme load(
      String theme,
      Path serifFont,
      String serifFace,
      Path sansFont,
      String sansFace,
      Path extraCss,
      FontCache cache) {
    FontSet fontSet = FontSet.bundled();
    if (serifFont != null) {
      FontFile f = usable(serifFont, serifFace, cache);
      fontSet = fontSet.withSerif(f, f);
    }
    if (sansFont != null) {
      FontFile f = usable(sansFont, sansFace, cache);
      fontSet = fontSet.withSans(f, f);
    }
    String css = "";
    if (extraCss != null) {
      try {
        css = Files.readString(extraCss, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read stylesheet " + extraCss + ": " + e.getMessage(), e);
      }
    }
    return Theme.load(theme, fontSet, css);
  }

  private static FontFile usable(Path path, String face, FontCache cache) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("font file not found: " + path);
    }
    FontFile file = FontFile.of(path, face);
    try {
      cache.get(file);
    } catch (FontSubsetter.UnsupportedFontException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new IllegalArgumentException(
          "cannot read font " + path + ": " + e.getCause().getMessage(), e);
    }
    return file;
  }
}
