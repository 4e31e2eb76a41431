package dev.gazette.typeset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A bundled theme with the user's fonts and stylesheet, each checked before anything is built. */
public final class UserTheme {
  private UserTheme() {}

  /** A font the user chose: a .ttf, or a .ttc with the name of one of its faces. */
  public record UserFont(Path file, String face) {}

  /**
   * @param serifFont a .ttf (or a face of a .ttc) for serif text, or null for the bundled one
   * @param sansFont the same for sans text
   * @param fallbackFonts faces tried after the bundled fallback faces
   * @param extraCss a stylesheet applied after the theme's, or null
   * @param cache where the fonts are parsed (and kept), so an unusable font fails here
   * @throws IllegalArgumentException with a message for the user, for a font or stylesheet that
   *     cannot be used or an unknown theme
   */
  public static Theme load(
      String theme,
      UserFont serifFont,
      UserFont sansFont,
      List<UserFont> fallbackFonts,
      Path extraCss,
      FontCache cache) {
    FontSet fontSet = FontSet.bundled();
    if (serifFont != null) {
      FontFile f = usable(serifFont, cache);
      fontSet = fontSet.withSerif(f, f);
    }
    if (sansFont != null) {
      FontFile f = usable(sansFont, cache);
      fontSet = fontSet.withSans(f, f);
    }
    List<FontFile> extra = new ArrayList<>();
    for (UserFont font : fallbackFonts) {
      extra.add(usable(font, cache));
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
    return Theme.load(theme, fontSet, FallbackFonts.bundled().withExtra(extra), css);
  }

  private static FontFile usable(UserFont font, FontCache cache) {
    Path path = font.file();
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("font file not found: " + path);
    }
    FontFile file = FontFile.of(path, font.face());
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
